using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmt.Features.AdministrativeUnits;

namespace Pcmt.Tests.Features.AdministrativeUnits;

/// <summary>The "UnitScope" query filter: scoped data is invisible outside the user's area even to a query that forgets to check.</summary>
[Collection(nameof(AppCollection))]
public sealed class UnitScopeTests(App app)
{
    [Fact]
    public async Task A_query_run_as_a_commune_officer_sees_only_that_communes_rows()
    {
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>(); // no HTTP request: the system user
            foreach (var code in new[] { "05443", "01840", "00004" })
            {
                var unit = await db.AdministrativeUnits.FindCurrentAsync(code, TestContext.Current.CancellationToken);
                db.CommunePopulations.Add(new CommunePopulation { UnitId = unit!.Id, ProvinceCode = unit.ProvinceCode, CommuneCode = code, Year = 2019, Residents = 1 });
            }

            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var commune = await CountAsync(new CurrentUser(Guid.NewGuid(), "cb", Roles.CommunePolice, ScopeKind.Commune, "05443", "19", "05443"));
        var province = await CountAsync(new CurrentUser(Guid.NewGuid(), "ca", Roles.ProvincePolice, ScopeKind.Province, "19", "19", null));
        var facility = await CountAsync(new CurrentUser(Guid.NewGuid(), "cs", Roles.FacilityStaff, ScopeKind.Facility, "co-so-1", null, null));

        Assert.Equal(["05443"], commune);
        Assert.Equal(["01840", "05443"], province);
        Assert.Empty(facility);
    }

    [Fact]
    public async Task The_commune_page_of_another_commune_shows_no_population()
    {
        await app.EnsureUserAsync(Roles.CommunePolice, "05443");
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.CommunePolice, "05443"), App.UserPassword);
        var own = await pages.GetStringAsync("/AdministrativeUnits/Commune/05443", TestContext.Current.CancellationToken);
        var other = await pages.GetAsync("/AdministrativeUnits/Commune/01840", TestContext.Current.CancellationToken);
        Assert.Contains("Dân số thường trú theo năm", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.DoesNotContain("Dân số thường trú theo năm", await other.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private async Task<List<string>> CountAsync(CurrentUser user)
    {
        using var scope = app.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // A context for another user: same options, same model, a different scope.
        var db = (AppDbContext)Activator.CreateInstance(options.GetType(), scope.ServiceProvider.GetRequiredService(typeof(Microsoft.EntityFrameworkCore.DbContextOptions<>).MakeGenericType(options.GetType())), user, TimeProvider.System)!;
        await using (db)
        {
            return await db.CommunePopulations.Where(p => p.Year == 2019).Select(p => p.CommuneCode).OrderBy(c => c).ToListAsync(TestContext.Current.CancellationToken);
        }
    }
}
