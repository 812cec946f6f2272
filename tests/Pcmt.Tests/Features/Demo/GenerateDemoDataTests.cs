using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmt.Features.Demo;
using Pcmt.Features.Lifecycle;
using Pcmt.Features.Persons;
using Pcmt.Infrastructure.Protection;

namespace Pcmt.Tests.Features.Demo;

public sealed class DemoApp : App;

/// <summary>The generator: valid, realistic, deterministic data through the bulk path.</summary>
public sealed class GenerateDemoDataTests(DemoApp app) : IClassFixture<DemoApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generates_valid_histories_with_valid_citizen_ids_through_the_bulk_path()
    {
        var outcome = await app.WithScopeAsync(s => s.GetRequiredService<GenerateDemoData>().HandleAsync(new GenerateDemoData.Options("province", 400, 7, "19"), Cancel));
        Assert.True(outcome.Succeeded);
        Assert.Equal(400, outcome.Value.Persons);
        Assert.Equal(92, outcome.Value.Communes);

        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var protector = s.GetRequiredService<PersonalDataProtector>();
            var settings = s.GetRequiredService<LegalSettings>();
            var parameters = await settings.ParametersAsync(Cancel);
            var calendar = await settings.CalendarAsync(Cancel);
            var persons = await db.Persons.ToListAsync(Cancel);
            Assert.Equal(400, persons.Count);
            // One file-code format with registration: commune, year the file was opened, running number.
            Assert.All(persons, p => Assert.Matches($@"^{p.CommuneCode}-\d{{2}}-\d{{5}}$", p.FileCode));
            Assert.All(persons, p => Assert.True(CitizenId.Validate(protector.Decrypt(p.CitizenIdProtected!), p.BirthYear, p.Sex).IsValid));
            Assert.InRange(persons.Count(p => p.FullName.StartsWith("Nguyễn ", StringComparison.Ordinal)), 80, 200); // ~38 % nationally
            // Names agree with the sex: no man is "… Thị …", no woman carries a man's given name such as Hùng or Dũng.
            Assert.DoesNotContain(persons, p => p.Sex == Pcmt.Features.Persons.Sex.Male && p.FullName.Split(' ')[1] == "Thị");
            Assert.DoesNotContain(persons, p => p.Sex == Pcmt.Features.Persons.Sex.Female && p.FullName.Split(' ')[^1] is "Hùng" or "Dũng" or "Tuấn" or "Cường");
            Assert.True(persons.Select(p => p.Status).Distinct().Count() >= 5, string.Join(",", persons.Select(p => p.Status).Distinct()));

            // Every stored file is accepted by the state machines, and the stored status is the derived one.
            var records = (await db.CaseRecords.AsNoTracking().ToListAsync(Cancel)).GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Sequence).ToList());
            foreach (var person in persons)
            {
                var history = records.GetValueOrDefault(person.Id, []);
                if (history.Count > 0)
                    Assert.Equal($"{person.CommuneCode}-{history[0].OccurredAt.AddHours(7):yy}-", person.FileCode[..9]);
                var file = CaseFile.Evaluate(history.Select(r => new CaseEntry(r.Id, r.Event)).ToList(), PersonCaseFiles.FactsOf(person),
                    DateTimeOffset.UtcNow, parameters, calendar);
                Assert.Empty(file.Errors);
                Assert.Equal(file.Status, person.Status);
            }

            Assert.True(await db.ListEntries.CountAsync(Cancel) > 400);
            // The province's rehab facility and methadone clinic exist, and every compulsory rehab decision names the facility.
            var facilities = await db.Facilities.Where(f => f.ProvinceCode == "19").ToListAsync(Cancel);
            var rehab = Assert.Single(facilities, f => f.Kind == "public-rehab");
            Assert.Equal("Cơ sở cai nghiện ma túy tỉnh Thái Nguyên", rehab.Name);
            Assert.Single(facilities, f => f.Kind == "methadone-clinic");
            var decisions = records.Values.SelectMany(r => r).Select(r => r.Event).OfType<RehabDecided>().Where(d => d.Form == RehabForms.Compulsory).ToList();
            Assert.NotEmpty(decisions);
            Assert.All(decisions, d => Assert.Equal(rehab.Id, d.FacilityId));
            // Those still placed are the facilities' residents (what facility staff see), exactly the open placements of the files.
            var residents = await db.FacilityResidents.ToListAsync(Cancel);
            Assert.NotEmpty(residents);
            Assert.Equal(
                records.SelectMany(r => FacilityPlacements.Open(r.Value.Select(x => new CaseEntry(x.Id, x.Event))).Select(p => (r.Key, p.SourceId))).Order().ToList(),
                residents.Select(r => (r.PersonId, r.SourceId)).Order().ToList());
            // Few old overdue obligations: a real commune keeps up with most deadlines.
            var longOverdue = await db.WorkItems.CountAsync(w => w.DueAt < DateTime.UtcNow.AddDays(-30), Cancel);
            Assert.InRange(longOverdue, 0, 400 / 10);
            Assert.True(await db.CommunePopulations.CountAsync(p => p.ProvinceCode == "19" && p.Year == 2026, Cancel) == 92);
            return true;
        });

        // The same seed gives the same people, so loading it twice is refused; another seed adds other people.
        var again = await app.WithScopeAsync(s => s.GetRequiredService<GenerateDemoData>().HandleAsync(new GenerateDemoData.Options("province", 400, 7, "19"), Cancel));
        Assert.IsType<Failure.Conflict>(again.Failure);
        var other = await app.WithScopeAsync(s => s.GetRequiredService<GenerateDemoData>().HandleAsync(new GenerateDemoData.Options("province", 100, 8, "19"), Cancel));
        Assert.True(other.Succeeded);
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var codes = await db.Persons.Select(p => p.FileCode).ToListAsync(Cancel);
            Assert.Equal(500, codes.Distinct().Count());
            // The counters continue after the generated numbers, so the next registration of a commune-year never collides.
            var counters = await db.Set<FileNumberCounter>().ToDictionaryAsync(c => c.Prefix, c => c.LastNumber, Cancel);
            foreach (var group in codes.GroupBy(c => c[..9]))
                Assert.Equal(group.Max(c => int.Parse(c[9..], System.Globalization.CultureInfo.InvariantCulture)), counters[group.Key]);
            return true;
        });
    }
}
