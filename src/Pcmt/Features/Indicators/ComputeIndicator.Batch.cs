using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Pcmt.Features.Indicators;

/// <summary>
/// Every indicator of the catalogue for one area and period at once (the ADX export's indicator group). For a user who sees
/// the whole installation asking for the whole country on PostgreSQL, the indicators computed from the records are counted by
/// ONE set-based statement (issue 19, third pass: the country's list rows were read eight times, once or twice per indicator,
/// and each indicator paid its own round trips); every other case — a province or commune, a scoped user, SQLite — and the
/// indicators that are not plain counts (FACILITY-COMPLIANT from the facility register, the reported and register
/// indicators) go through <see cref="HandleAsync"/> one by one. The values are the same as HandleAsync's, to the scale of
/// each decimal (SetBasedAggregatesTests compares both paths).
/// </summary>
public sealed partial class ComputeIndicator
{
    /// <summary>The indicators the national statement counts; the others go through <see cref="HandleAsync"/>.</summary>
    private static readonly HashSet<string> SetBased =
    [
        "DF-COMMUNE", "USERS-TREND", "REGISTERED", "HOTSPOT-CLEARED", "CULTIVATION-CLEARED", "BORDER-CASES", "TRANSNATIONAL-CASES",
        "CYBER-CASES", "CASES-TREND", "DETERMINATION-CAPABLE", "COUNSELLING-POINT", "LEGAL-AID", "SUPPORT-COVERAGE", "TREATMENT-ACCESS",
    ];

    /// <summary>All indicators of <see cref="IndicatorCatalog.All"/>, in its order, as <see cref="HandleAsync"/> gives each.</summary>
    public async Task<IReadOnlyList<Result<Value>>> HandleAllAsync(string? area, string? period, CancellationToken ct)
    {
        area = string.IsNullOrWhiteSpace(area) ? "VN" : area.Trim();
        var values = new List<Result<Value>>(IndicatorCatalog.All.Count);
        if (area != "VN" || !user.SeesWholeInstallation || !db.Database.IsNpgsql() || ParsePeriod(period) is not { } parsed)
        {
            foreach (var indicator in IndicatorCatalog.All)
                values.Add(await HandleAsync(indicator.Code, area, period, ct));
            return values;
        }

        var (from, to, year) = parsed;
        // HandleAsync's target for the country: the area's own ("VN"; there is no province), one per code and year.
        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => t.Year == year && t.AreaCode == area)
            .ToDictionaryAsync(t => t.Code, t => (decimal?)t.Value, ct);
        var figures = await NationalFiguresAsync(from, to, year, ct);
        foreach (var indicator in IndicatorCatalog.All)
        {
            if (!SetBased.Contains(indicator.Code))
            {
                values.Add(await HandleAsync(indicator.Code, area, period, ct));
                continue;
            }

            var target = targets.GetValueOrDefault(indicator.Code);
            if (GrowthTargets.TryGetValue(indicator.Code, out var growth))
            {
                var (now, before) = figures.Cases[indicator.Code];
                values.Add(CaseValue(indicator, area, period!, target ?? growth, now, before));
                continue;
            }

            var (numerator, denominator) = indicator.Code switch
            {
                "DF-COMMUNE" => (figures.DrugFree, figures.Communes),
                "USERS-TREND" => (figures.UsersTrend, (decimal?)null),
                "REGISTERED" => (figures.Managed, figures.Registered),
                "HOTSPOT-CLEARED" => (figures.HotspotsCleared, figures.Hotspots),
                "CULTIVATION-CLEARED" => Cultivation(figures.AreaDestroyed, figures.Area, figures.PlantsDestroyed, figures.Plants),
                "DETERMINATION-CAPABLE" => (figures.Capable, figures.Communes),
                "COUNSELLING-POINT" => (figures.CounsellingPoints, figures.AddictedCommunes),
                "LEGAL-AID" => (figures.LegalAidGiven, figures.LegalAid),
                "SUPPORT-COVERAGE" => (figures.CoverageServed, figures.CoveragePeople),
                _ => (figures.TreatmentServed, figures.TreatmentPeople),
            };
            values.Add(ComputedValue(indicator, area, period!, target, numerator, denominator));
        }

        return values;
    }

    /// <summary>CULTIVATION-CLEARED's rule (<see cref="CultivationClearedAsync"/>): by area when any area was found, else by plants.</summary>
    private static (decimal, decimal?) Cultivation(decimal areaDestroyed, decimal area, decimal plantsDestroyed, decimal plants) =>
        area > 0 ? (areaDestroyed, area) : (plantsDestroyed, plants);

    private sealed record NationalFigures(
        decimal DrugFree, decimal Communes, decimal UsersTrend, decimal Managed, decimal Registered, decimal HotspotsCleared, decimal Hotspots,
        decimal AreaDestroyed, decimal Area, decimal PlantsDestroyed, decimal Plants, decimal Capable, decimal CounsellingPoints, decimal AddictedCommunes,
        decimal LegalAidGiven, decimal LegalAid, decimal CoverageServed, decimal CoveragePeople, decimal TreatmentServed, decimal TreatmentPeople,
        IReadOnlyDictionary<string, (decimal Now, decimal Before)> Cases);

    /// <summary>
    /// The figures of the set-based indicators for the whole country in one statement. Each sub-select is the SQL of the
    /// per-indicator query it replaces, without the unit scope (the caller sees the whole installation, so the filter is true):
    /// the list rows of the period are read once (<c>le</c>), folded to one row per person with a flag per figure (<c>lp</c>), and
    /// every list figure is a count over those; the unions are counted as a set plus what the other adds to it.
    /// </summary>
    private async Task<NationalFigures> NationalFiguresAsync(DateOnly from, DateOnly to, int year, CancellationToken ct)
    {
        const string Sql = """
            WITH le AS MATERIALIZED (
                SELECT person_id, list, commune_code, to_on FROM list_entries WHERE from_on <= @to AND (to_on IS NULL OR to_on >= @from)),
            -- One row per person of the period's list rows, one flag per list figure: each count below is then a plain count.
            lp AS MATERIALIZED (
                SELECT person_id,
                       bool_or(list IN ('users', 'addicted') AND (to_on IS NULL OR to_on >= @to)) AS users_trend,
                       bool_or(list IN ('users', 'addicted', 'in-rehab', 'post-rehab')) AS coverage,
                       bool_or(list = 'addicted') AS addicted,
                       bool_or(list = 'in-rehab') AS in_rehab
                FROM le GROUP BY person_id),
            lists AS (
                SELECT count(*) FILTER (WHERE users_trend) AS users_trend,
                       count(*) AS managed,
                       count(*) FILTER (WHERE coverage) AS coverage_people,
                       count(*) FILTER (WHERE addicted) AS treatment_people,
                       count(*) FILTER (WHERE addicted AND in_rehab) AS treated_in_rehab,
                       (SELECT count(DISTINCT commune_code) FROM le WHERE list = 'addicted' AND (to_on IS NULL OR to_on >= @to)) AS addicted_communes
                FROM lp),
            cases AS (
                SELECT count(*) FILTER (WHERE now AND route IN ('land-border', 'sea', 'air', 'express-delivery')) AS border_now,
                       count(*) FILTER (WHERE NOT now AND route IN ('land-border', 'sea', 'air', 'express-delivery')) AS border_before,
                       count(*) FILTER (WHERE now AND (organised OR transnational)) AS transnational_now,
                       count(*) FILTER (WHERE NOT now AND (organised OR transnational)) AS transnational_before,
                       count(*) FILTER (WHERE now AND route = 'cyber') AS cyber_now,
                       count(*) FILTER (WHERE NOT now AND route = 'cyber') AS cyber_before,
                       count(*) FILTER (WHERE now AND trade) AS trend_now,
                       count(*) FILTER (WHERE NOT now AND trade) AS trend_before
                FROM (SELECT detected_on >= @from AND detected_on <= @to AS now, route, organised, transnational,
                             strpos(offences, '249') > 0 OR strpos(offences, '250') > 0 OR strpos(offences, '251') > 0 AS trade
                      FROM drug_cases
                      WHERE (detected_on >= @from AND detected_on <= @to) OR (detected_on >= @before_from AND detected_on <= @before_to)) c),
            hotspots AS (
                SELECT count(*) FILTER (WHERE cleared_on IS NOT NULL AND cleared_on <= @to) AS cleared, count(*) AS existing
                FROM hotspots WHERE detected_on <= @to AND (cleared_on IS NULL OR cleared_on >= @from)),
            cultivation AS (
                SELECT coalesce(sum(area_m2) FILTER (WHERE destroyed_on <= @to), 0) AS area_destroyed, coalesce(sum(area_m2), 0) AS area,
                       coalesce(sum(plants) FILTER (WHERE destroyed_on <= @to), 0) AS plants_destroyed, coalesce(sum(plants), 0) AS plants
                FROM cultivation_finds WHERE found_on >= @from AND found_on <= @to),
            legal_aid AS (
                SELECT count(*) FILTER (WHERE provided_on IS NOT NULL) AS given, count(*) AS requested
                FROM support_services WHERE kind = 'legal-aid' AND coalesce(requested_on, provided_on) >= @from AND coalesce(requested_on, provided_on) <= @to)
            SELECT
                (SELECT count(*) FROM commune_classifications WHERE year = @year AND status = 'approved' AND class = 'drug-free'),
                (SELECT count(*) FROM administrative_units WHERE level = 'Commune' AND valid_to IS NULL),
                l.users_trend, l.managed,
                -- |listed ∪ tested positive| = |listed| + |tested positive and not listed|.
                l.managed + (SELECT count(DISTINCT r.person_id) FROM case_records r
                    WHERE r.kind = 'drug-test' AND r.voided_at IS NULL AND r.occurred_at >= @start AND r.occurred_at <= @end
                      AND r.payload LIKE '%"result":"positive"%' AND r.person_id IN (SELECT id FROM persons)
                      AND NOT EXISTS (SELECT 1 FROM lp WHERE lp.person_id = r.person_id)),
                h.cleared, h.existing,
                g.area_destroyed, g.area, g.plants_destroyed, g.plants,
                (SELECT count(DISTINCT commune_code) FROM facilities WHERE active AND kind = 'addiction-determination' AND commune_code IS NOT NULL),
                (SELECT count(DISTINCT f.commune_code) FROM facilities f
                 WHERE f.active AND f.kind = 'counselling-point' AND f.commune_code IS NOT NULL
                   AND f.commune_code IN (SELECT commune_code FROM le WHERE list = 'addicted' AND (to_on IS NULL OR to_on >= @to))),
                l.addicted_communes,
                a.given, a.requested,
                (SELECT count(DISTINCT s.person_id) FROM support_services s
                 WHERE s.kind IN ('counselling', 'medical-care', 'psychological-care') AND s.provided_on >= @from AND s.provided_on <= @to
                   AND s.person_id IN (SELECT person_id FROM lp WHERE coverage)),
                l.coverage_people,
                -- |served ∪ in rehab| among the addicted = |in rehab| + |served and not in rehab|.
                l.treated_in_rehab + (SELECT count(DISTINCT s.person_id) FROM support_services s
                    WHERE s.kind IN ('counselling', 'medical-care') AND s.provided_on >= @from AND s.provided_on <= @to
                      AND s.person_id IN (SELECT person_id FROM lp WHERE addicted AND NOT in_rehab)),
                l.treatment_people,
                c.border_now, c.border_before, c.transnational_now, c.transnational_before, c.cyber_now, c.cyber_before, c.trend_now, c.trend_before
            FROM lists l, cases c, hotspots h, cultivation g, legal_aid a
            """;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            // The same bounds as the per-indicator queries (RegisteredAsync's timestamps, CasesAsync's previous year).
            command.Parameters.Add(new NpgsqlParameter("from", from));
            command.Parameters.Add(new NpgsqlParameter("to", to));
            command.Parameters.Add(new NpgsqlParameter("before_from", from.AddYears(-1)));
            command.Parameters.Add(new NpgsqlParameter("before_to", to.AddYears(-1)));
            command.Parameters.Add(new NpgsqlParameter("start", from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
            command.Parameters.Add(new NpgsqlParameter("end", to.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc)));
            command.Parameters.Add(new NpgsqlParameter("year", year));
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var column = 0;
            decimal Count() => reader.GetInt64(column++);
            decimal Sum() => reader.GetDecimal(column++);
            var drugFree = Count();
            var communes = Count();
            var usersTrend = Count();
            var managed = Count();
            var registered = Count();
            var hotspotsCleared = Count();
            var hotspots = Count();
            var areaDestroyed = Sum();
            var area = Sum();
            var plantsDestroyed = Count();
            var plants = Count();
            var capable = Count();
            var counsellingPoints = Count();
            var addictedCommunes = Count();
            var legalAidGiven = Count();
            var legalAid = Count();
            var coverageServed = Count();
            var coveragePeople = Count();
            var treatmentServed = Count();
            var treatmentPeople = Count();
            var cases = new Dictionary<string, (decimal, decimal)>
            {
                ["BORDER-CASES"] = (Count(), Count()),
                ["TRANSNATIONAL-CASES"] = (Count(), Count()),
                ["CYBER-CASES"] = (Count(), Count()),
                ["CASES-TREND"] = (Count(), Count()),
            };
            return new NationalFigures(drugFree, communes, usersTrend, managed, registered, hotspotsCleared, hotspots, areaDestroyed, area,
                plantsDestroyed, plants, capable, counsellingPoints, addictedCommunes, legalAidGiven, legalAid, coverageServed, coveragePeople,
                treatmentServed, treatmentPeople, cases);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
