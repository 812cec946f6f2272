using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Pcmt.Tests.Infrastructure;

/// <summary>
/// The read context (ADR 0014) applies the area scope exactly as the primary's context does: same SQL, same rows, for every
/// kind of scope. Without ConnectionStrings:PcmtRead it reads the primary and tracks nothing.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class ReadDbContextTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact, Trait("Category", "Smoke")]
    public async Task The_read_context_applies_the_same_area_scope_as_the_primary_context()
    {
        var thaiNguyen = await RegisterAsync(await app.ApiAsAsync(Roles.ProvincePolice, "19"), "05443");
        var caoBang = await RegisterAsync(await app.ApiAsAsync(Roles.ProvincePolice, "04"), "01279");
        Guid[] both = [thaiNguyen, caoBang];

        (CurrentUser User, Guid[] Sees)[] viewers =
        [
            (new CurrentUser(Guid.NewGuid(), "doc.tinh19", Roles.ProvincePolice, ScopeKind.Province, "19", "19", null), [thaiNguyen]),
            (new CurrentUser(Guid.NewGuid(), "doc.xa05443", Roles.CommunePolice, ScopeKind.Commune, "05443", "19", "05443"), [thaiNguyen]),
            (new CurrentUser(Guid.NewGuid(), "doc.xa01840", Roles.CommunePolice, ScopeKind.Commune, "01840", "19", "01840"), []),
            (new CurrentUser(Guid.NewGuid(), "doc.tinh04", Roles.ProvincePolice, ScopeKind.Province, "04", "04", null), [caoBang]),
            (new CurrentUser(Guid.NewGuid(), "doc.toanquoc", Roles.Admin, ScopeKind.National, null, null, null), both),
            (CurrentUser.Anonymous, []),
        ];
        foreach (var (viewer, sees) in viewers)
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActingUser>().User = viewer;
            var primary = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var read = scope.ServiceProvider.GetRequiredService<ReadDbContext>();
            Assert.NotSame(primary, read);

            IQueryable<Guid> Persons(AppDbContext db) => db.Persons.Where(p => both.Contains(p.Id)).Select(p => p.Id);
            Assert.Equal(Persons(primary).ToQueryString(), Persons(read).ToQueryString()); // the same filter, the same parameters
            var fromPrimary = await Persons(primary).ToListAsync(Cancel);
            var fromRead = await Persons(read).ToListAsync(Cancel);
            Assert.Equal(sees.Order(), fromRead.Order());
            Assert.Equal(fromPrimary.Order(), fromRead.Order());

            // The same filter on the other scoped tables the dashboard, indicators and exports read.
            Assert.Equal(primary.WorkItems.Select(w => w.Id).ToQueryString(), read.WorkItems.Select(w => w.Id).ToQueryString());
            Assert.Equal(primary.ListEntries.Select(l => l.PersonId).ToQueryString(), read.ListEntries.Select(l => l.PersonId).ToQueryString());
            Assert.Equal(primary.CommuneClassifications.Select(c => c.CommuneCode).ToQueryString(), read.CommuneClassifications.Select(c => c.CommuneCode).ToQueryString());
            Assert.Equal(await primary.WorkItems.CountAsync(Cancel), await read.WorkItems.CountAsync(Cancel));
        }
    }

    [Fact]
    public async Task The_read_context_tracks_nothing_and_saves_nothing()
    {
        await RegisterAsync(await app.ApiAsAsync(Roles.ProvincePolice, "19"), "05443");
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingUser>().User = CurrentUser.System;
        var read = scope.ServiceProvider.GetRequiredService<ReadDbContext>();
        var person = await read.Persons.FirstAsync(Cancel);
        Assert.Equal(QueryTrackingBehavior.NoTracking, read.ChangeTracker.QueryTrackingBehavior);
        Assert.Empty(read.ChangeTracker.Entries());
        person.Status = "closed";
        read.Persons.Attach(person).State = EntityState.Modified;
        await Assert.ThrowsAsync<InvalidOperationException>(() => read.SaveChangesAsync(Cancel));
        Assert.Throws<InvalidOperationException>(() => read.SaveChanges());
    }

    private static async Task<Guid> RegisterAsync(HttpClient police, string commune)
    {
        var response = await police.PostAsJsonAsync("/api/v1/persons", new { fullName = "Phạm Đọc Phạm Vi", dateOfBirth = "1988-02-01", sex = "female", residenceCommuneCode = commune }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }
}
