using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmt.Features.Demo;
using Pcmt.Features.Enforcement;
using Pcmt.Features.Facilities;
using Pcmt.Features.Indicators;
using Pcmt.Features.Reports;

namespace Pcmt.Tests.Features.Reports;

public sealed class SetBasedApp : App
{
    /// <summary>The two provinces are generated once for the class (the tests of a class run one after the other).</summary>
    public bool Seeded { get; set; }
}

/// <summary>
/// Issue 19, third pass: the set-based national paths give exactly what the per-indicator paths give on the same data (two
/// provinces of generated registers, with drug cases and facilities added), to the scale of every decimal.
/// </summary>
public sealed class SetBasedAggregatesTests(SetBasedApp app) : IClassFixture<SetBasedApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Describe(Result<ComputeIndicator.Value> result) =>
        !result.Succeeded ? $"failure {result.Failure}" : Describe(result.Value);

    private static string Describe(ComputeIndicator.Value v) => string.Join("|", new object?[]
    {
        v.Code, v.Area, v.Period, Text(v.Amount), Text(v.Numerator), Text(v.Denominator), Text(v.Target), v.Unit, v.Note, Text(v.Previous), Text(v.ChangePercent),
        v.Source, v.Reports is null ? "" : string.Join(",", v.Reports),
    });

    // decimal.ToString keeps the scale (3.00 is not 3), so equal texts mean the same bytes in the ADX document.
    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private async Task SeedAsync()
    {
        if (app.Seeded)
            return;
        app.Seeded = true;
        foreach (var (province, seed) in new[] { ("19", 11), ("38", 12) })
        {
            var outcome = await app.WithScopeAsync(s => s.GetRequiredService<GenerateDemoData>().HandleAsync(new GenerateDemoData.Options("province", 300, seed, province), Cancel));
            Assert.True(outcome.Succeeded, outcome.Failure?.ToString());
        }

        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var communes = await db.AdministrativeUnits.Where(u => u.Level == Pcmt.Features.AdministrativeUnits.UnitLevel.Commune && u.ValidTo == null && (u.ProvinceCode == "19" || u.ProvinceCode == "38"))
                .OrderBy(u => u.Code).Select(u => new { u.Code, u.ProvinceCode }).Take(40).ToListAsync(Cancel);
            var routes = new[] { "inland", "land-border", "sea", "air", "express-delivery", "cyber" };
            var offences = new[] { "249", "251", "249,251", "250", "255", "256" };
            for (var i = 0; i < 60; i++)
            {
                var commune = communes[i % communes.Count];
                db.Set<DrugCase>().Add(new DrugCase
                {
                    ProvinceCode = commune.ProvinceCode,
                    CommuneCode = commune.Code,
                    DetectedOn = new DateOnly(2025 + (i % 2), 1 + (i % 12), 1 + (i % 28)),
                    Route = routes[i % routes.Length],
                    Organised = i % 7 == 0,
                    Transnational = i % 5 == 0,
                    Offences = offences[i % offences.Length],
                    RecordedAt = DateTime.UtcNow,
                    Version = Guid.NewGuid(),
                });
            }

            for (var i = 0; i < 6; i++)
            {
                var commune = communes[i * 3];
                db.Facilities.Add(new Facility { Kind = i % 2 == 0 ? "counselling-point" : "addiction-determination", Name = $"Điểm {i}", ProvinceCode = commune.ProvinceCode, CommuneCode = commune.Code, UpdatedAt = DateTime.UtcNow, Version = Guid.NewGuid() });
            }

            await db.SaveChangesAsync(Cancel);
            return true;
        });
    }

    [Fact]
    public async Task The_national_batch_gives_every_indicator_exactly_as_one_by_one()
    {
        await SeedAsync();
        foreach (var period in new[] { "2026", "2025", "2026H1", "2026H2", "2026Q2", "202603" })
        {
            var (batch, single) = await app.WithScopeAsync(async s =>
            {
                // A scope without a request is the system user, who sees the whole installation: the set-based path on PostgreSQL.
                var compute = s.GetRequiredService<ComputeIndicator>();
                var batch = (await compute.HandleAllAsync("VN", period, Cancel)).Select(Describe).ToList();
                var single = new List<string>();
                foreach (var indicator in IndicatorCatalog.All)
                    single.Add(Describe(await compute.HandleAsync(indicator.Code, "VN", period, Cancel)));
                return (batch, single);
            });
            Assert.Equal(single, batch);
            if (period == "2026")
            {
                // The data exercise the figures: non-zero counts on both sides.
                string Field(string code, int index) => batch.Single(b => b.StartsWith(code + "|", StringComparison.Ordinal)).Split('|')[index];
                foreach (var code in new[] { "USERS-TREND", "REGISTERED", "SUPPORT-COVERAGE", "TREATMENT-ACCESS", "HOTSPOT-CLEARED", "CULTIVATION-CLEARED", "CASES-TREND", "BORDER-CASES", "CYBER-CASES", "TRANSNATIONAL-CASES", "LEGAL-AID", "DETERMINATION-CAPABLE" })
                    Assert.NotEqual("0", Field(code, 4));
                Assert.NotEqual("0", Field("COUNSELLING-POINT", 5));
                Assert.NotEqual("0", Field("CASES-TREND", 9));
            }
        }

        // A province keeps the per-indicator path and gives the same values as HandleAsync.
        var province = await app.WithScopeAsync(async s =>
        {
            var compute = s.GetRequiredService<ComputeIndicator>();
            var all = (await compute.HandleAllAsync("38", "2026", Cancel)).Select(Describe).ToList();
            var one = await compute.HandleAsync("USERS-TREND", "38", "2026", Cancel);
            return (all, Describe(one));
        });
        Assert.Contains(province.Item2, province.all);
    }

    [Fact]
    public async Task The_grouped_consolidation_figures_are_each_communes_own()
    {
        await SeedAsync();
        foreach (var (province, code) in new[] { ("19", "2026H1"), ("38", "2026H1"), ("38", "2025H2"), ("19", "2026H2") })
        {
            var (grouped, each) = await app.WithScopeAsync(async s =>
            {
                var figures = s.GetRequiredService<ReportFigures>();
                var template = await s.GetRequiredService<TemplateCatalog>().FindAsync("commune-half-year", Cancel);
                Assert.NotNull(template);
                var period = ReportingPeriod.Parse(code)!;
                var communes = await s.GetRequiredService<AppDbContext>().AdministrativeUnits
                    .Where(u => u.Level == Pcmt.Features.AdministrativeUnits.UnitLevel.Commune && u.ValidTo == null && u.ProvinceCode == province)
                    .Select(u => u.Code).ToListAsync(Cancel);
                // On PostgreSQL the five person figures and the three hotspot figures are each one grouped statement.
                var grouped = await figures.ComputeForCommunesAsync(template, period, province, communes, Cancel);
                var each = new Dictionary<string, Dictionary<string, decimal?>>();
                foreach (var commune in communes)
                    each[commune] = await figures.ComputeAsync(template, period, province, commune, Cancel);
                return (grouped, each);
            });
            static string Text(Dictionary<string, Dictionary<string, decimal?>> byCommune) => string.Join("\n", byCommune.OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => c.Key + ": " + string.Join(",", c.Value.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value?.ToString(CultureInfo.InvariantCulture) ?? "null"}"))));
            Assert.Equal(Text(each), Text(grouped));
            // The data exercise the figures: some commune has persons under management, by sex and age band, and hotspots.
            Assert.Contains(grouped.Values, v => v.Count(f => f.Value > 0) >= 5);
        }
    }
}
