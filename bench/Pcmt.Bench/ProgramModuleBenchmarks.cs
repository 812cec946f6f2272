using System.Diagnostics;
using System.Globalization;
using Npgsql;

/// <summary>
/// Issue 19, goal 3: the program modules at national scale. Each item is measured through the HTTP API and beside it a
/// hand-written PostgreSQL baseline, call by call back to back (API, then SQL, alternately) so both see the same load on a
/// shared machine; the table gives the median over the rounds of each round's median, the ratio and the goal. The load average
/// is recorded at the start of every round.
/// </summary>
internal static class ProgramModuleBenchmarks
{
    // Consolidation: the approved reports' sums, and every figure the registry gives per commune (the 13 bindings of the
    // commune template), grouped by commune in one statement. Issue 19, second pass (a fair baseline): the facts are read by
    // kind and window (the kind was tested after the join, so no index could serve it and the whole table was scanned), the
    // positive tests through their partial index, and the age is integer arithmetic instead of age().
    internal const string Consolidation = """
        WITH approved AS (SELECT commune_code, "values"::jsonb AS v FROM reports WHERE template_code = 'commune-half-year' AND period = $1 AND province_code = $2 AND status = 'approved'),
        totals AS (SELECT key, sum(value::text::numeric) AS n FROM approved, jsonb_each(v) WHERE jsonb_typeof(value) = 'number' GROUP BY key),
        lists AS (SELECT commune_code, list, person_id, from_on, to_on FROM list_entries WHERE province_code = $2),
        people AS (
            SELECT 'persons-under-management' AS k, commune_code, person_id FROM lists WHERE list IN ('users', 'addicted') AND from_on <= $4 AND (to_on IS NULL OR to_on > $4)
            UNION SELECT 'new-under-management', commune_code, person_id FROM lists WHERE list = 'users' AND from_on BETWEEN $3 AND $4
            UNION SELECT 'new-addicted', commune_code, person_id FROM lists WHERE list = 'addicted' AND from_on BETWEEN $3 AND $4
            UNION SELECT 'post-rehab', commune_code, person_id FROM lists WHERE list = 'post-rehab' AND from_on <= $4 AND (to_on IS NULL OR to_on > $4)
            UNION SELECT 'in-rehab', commune_code, person_id FROM lists WHERE list = 'in-rehab' AND from_on <= $4 AND (to_on IS NULL OR to_on > $4)),
        described AS (
            SELECT d.k, d.commune_code, p.sex,
                   CASE WHEN a < 14 THEN 'lt14' WHEN a < 16 THEN '14-16' WHEN a < 18 THEN '16-18' WHEN a < 30 THEN '18-30' ELSE 'ge30' END AS band,
                   CASE WHEN lower(trim(p.ethnicity)) = 'kinh' THEN 'kinh' ELSE 'other' END AS eth
            FROM people d JOIN persons p ON p.id = d.person_id,
                 LATERAL (SELECT extract(year FROM $4::date)::int - coalesce(extract(year FROM p.date_of_birth)::int + (to_char(p.date_of_birth, 'MMDD') > to_char($4::date, 'MMDD'))::int, p.birth_year) AS a) age),
        facts AS (
            SELECT CASE WHEN r.kind = 'drug-test' THEN 'drug-tests' ELSE 'rehab-decisions' END AS k, p.commune_code FROM case_records r JOIN persons p ON p.id = r.person_id
            WHERE p.province_code = $2 AND r.kind IN ('drug-test', 'rehab-registration', 'compulsory-dossier') AND r.occurred_at >= $3::date AND r.occurred_at < $4::date + 1
            UNION ALL SELECT 'drug-tests-positive', p.commune_code FROM case_records r JOIN persons p ON p.id = r.person_id
            WHERE p.province_code = $2 AND r.kind = 'drug-test' AND r.payload LIKE '%"result":"positive"%' AND r.occurred_at >= $3::date AND r.occurred_at < $4::date + 1),
        figures AS (
            SELECT k, commune_code, coalesce(sex, band, eth, '') AS part, count(*) AS n FROM described GROUP BY GROUPING SETS ((k, commune_code), (k, commune_code, sex), (k, commune_code, band), (k, commune_code, eth))
            UNION ALL SELECT 'ended-management', commune_code, '', count(DISTINCT person_id) FROM lists WHERE list IN ('users', 'addicted') AND to_on BETWEEN $3 AND $4 GROUP BY commune_code
            UNION ALL SELECT k, commune_code, '', count(*) FROM facts GROUP BY k, commune_code
            UNION ALL SELECT 'hotspots', commune_code, '', count(*) FILTER (WHERE detected_on BETWEEN $3 AND $4) + count(*) FILTER (WHERE cleared_on BETWEEN $3 AND $4) * 1000
                 + count(*) FILTER (WHERE detected_on <= $4 AND (cleared_on IS NULL OR cleared_on > $4)) * 1000000 FROM hotspots WHERE province_code = $2 GROUP BY commune_code
            UNION ALL SELECT 'cultivation-area', commune_code, '', sum(area_m2) FROM cultivation_finds WHERE province_code = $2 AND found_on BETWEEN $3 AND $4 GROUP BY commune_code)
        SELECT 'total', key, '', n FROM totals UNION ALL SELECT * FROM figures
        """;
    internal const string Adx = """
        SELECT r.reporter_code, r.template_code, r.approved_at, e.key, e.value::text
        FROM reports r, jsonb_each(r."values"::jsonb) e
        WHERE r.status = 'approved' AND r.period = $1 AND ($2 = 'VN' OR r.province_code = $2) AND jsonb_typeof(e.value) = 'number'
        ORDER BY r.template_code, r.reporter_code
        """;

    private sealed record Item(string Label, string Goal, double GoalMs, Func<Task> App, Func<Task> Sql, int Calls);

    public static async Task RunAsync(string url, NpgsqlDataSource data, Report report, string adminToken, IReadOnlyDictionary<string, string> provinceTokens,
        string viewerToken, string province, int rounds)
    {
        var invariant = CultureInfo.InvariantCulture;
        var period = await Sql.ScalarAsync<string>(data, "SELECT max(period) FROM reports WHERE template_code = 'commune-half-year' AND status = 'approved'");
        if (period is null)
        {
            report.Line("Program modules: no approved commune reports (generate with `pcmt demo generate --scale national`); skipped.");
            return;
        }

        var year = DateTime.UtcNow.Year.ToString(invariant);
        // The statistical window of the half-year (cut-off day 14, NĐ 09/2019 Art 12), as the app computes it.
        var half = period[4..];
        var periodYear = int.Parse(period[..4], invariant);
        var from = half == "H1" ? new DateOnly(periodYear - 1, 12, 15) : new DateOnly(periodYear, 6, 15);
        var to = half == "H1" ? new DateOnly(periodYear, 6, 14) : new DateOnly(periodYear, 12, 14);
        var (yearFrom, yearTo) = (new DateOnly(int.Parse(year, invariant), 1, 1), new DateOnly(int.Parse(year, invariant), 12, 31));
        var communes = await Sql.ScalarAsync<long>(data, "SELECT count(*) FROM administrative_units WHERE level = 'Commune' AND valid_to IS NULL");
        var provinceCommunes = await Sql.ScalarAsync<long>(data, $"SELECT count(*) FROM administrative_units WHERE level = 'Commune' AND valid_to IS NULL AND province_code = '{province}'");
        var approved = await Sql.ScalarAsync<long>(data, $"SELECT count(*) FROM reports WHERE status = 'approved' AND period = '{period}'");
        var cases = await Sql.ScalarAsync<long>(data, "SELECT count(*) FROM drug_cases");
        report.Line($"Program modules (issue 19): period {period} ({from:dd/MM/yyyy}–{to:dd/MM/yyyy}), {communes:N0} communes ({provinceCommunes:N0} in province {province}), "
            + $"{await Sql.ScalarAsync<long>(data, "SELECT count(*) FROM reports"):N0} reports ({approved:N0} approved in {period}), {await Sql.ScalarAsync<long>(data, "SELECT count(*) FROM agencies"):N0} agencies, "
            + $"{await Sql.ScalarAsync<long>(data, "SELECT count(*) FROM plan_tasks"):N0} plan tasks, {cases:N0} drug cases, {await Sql.ScalarAsync<long>(data, "SELECT count(*) FROM seizures"):N0} seizures, "
            + $"{await Sql.ScalarAsync<long>(data, "SELECT count(*) FROM tips"):N0} tips.");

        var police = Api.Client(url, provinceTokens[province]);
        var viewer = Api.Client(url, viewerToken);
        var admin = Api.Client(url, adminToken);
        const string Completeness = """
            SELECT count(*), count(*) FILTER (WHERE r.status IN ('submitted', 'approved')), count(*) FILTER (WHERE r.status = 'approved'),
                   count(*) FILTER (WHERE (r.submitted_at IS NULL AND coalesce(r.due_on, $3::date) < current_date) OR (r.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > r.due_on),
                   array_agg(u.code ORDER BY u.code) FILTER (WHERE r.status IS NULL OR r.status NOT IN ('submitted', 'approved')),
                   json_agg(json_build_array(u.code, u.name, r.id, r.status, r.submitted_at) ORDER BY u.code)
            FROM administrative_units u
            LEFT JOIN reports r ON r.template_code = $1 AND r.period = $2 AND r.reporter_code = u.code
            WHERE u.level = 'Commune' AND u.valid_to IS NULL
            """;
        var due = to.AddDays(1);
        // The four case indicators of the register (BORDER-CASES, TRANSNATIONAL-CASES, CYBER-CASES, CASES-TREND), one statement each
        // as the API makes one call each.
        string[] caseIndicators = ["BORDER-CASES", "TRANSNATIONAL-CASES", "CYBER-CASES", "CASES-TREND"];
        string[] caseSql =
        [
            "SELECT count(*) FROM drug_cases WHERE ($1 = 'VN' OR province_code = $1) AND detected_on BETWEEN $2 AND $3 AND route IN ('land-border', 'sea', 'air', 'express-delivery')",
            "SELECT count(*) FROM drug_cases WHERE ($1 = 'VN' OR province_code = $1) AND detected_on BETWEEN $2 AND $3 AND (organised OR transnational)",
            "SELECT count(*) FROM drug_cases WHERE ($1 = 'VN' OR province_code = $1) AND detected_on BETWEEN $2 AND $3 AND route = 'cyber'",
            "SELECT count(*) FROM drug_cases WHERE ($1 = 'VN' OR province_code = $1) AND detected_on BETWEEN $2 AND $3 AND (offences LIKE '%249%' OR offences LIKE '%250%' OR offences LIKE '%251%')",
        ];
        const string Seizures = """
            WITH c AS (SELECT id, offences FROM drug_cases WHERE ($1 = 'VN' OR province_code = $1) AND detected_on BETWEEN $2 AND $3)
            SELECT s.substance, CASE WHEN s.unit IN ('g', 'kg') THEN 'kg' ELSE s.unit END, sum(CASE WHEN s.unit = 'g' THEN s.quantity / 1000 ELSE s.quantity END), count(DISTINCT s.case_id)
            FROM c JOIN seizures s ON s.case_id = c.id GROUP BY 1, 2
            UNION ALL
            SELECT o, NULL, count(*), sum((SELECT count(*) FROM case_suspects x WHERE x.case_id = c.id)) FROM c, unnest(string_to_array(c.offences, ',')) o GROUP BY o
            """;

        async Task CaseIndicatorsApp(HttpClient client, string area)
        {
            foreach (var code in caseIndicators)
                await Api.GetAsync(client, $"/api/v1/indicators/{code}/values?area={area}&period={year}");
        }

        async Task CaseIndicatorsSql(string area)
        {
            foreach (var sql in caseSql)
                await Sql.ExecuteAsync(data, sql, area, yearFrom, yearTo);
        }

        var provinces = provinceTokens.Keys.Order(StringComparer.Ordinal).ToList();
        var items = new List<Item>
        {
            new($"Report completeness board, province {province} ({provinceCommunes:N0} communes)", "≤ 100 ms", 100,
                () => Api.GetAsync(police, $"/api/v1/reports/completeness?template=commune-half-year&period={period}&province={province}"),
                () => Sql.ExecuteAsync(data, Completeness + " AND u.province_code = $4", "commune-half-year", period, due, province), 10),
            new($"Report completeness board, whole country ({communes:N0} communes)", "≤ 100 ms", 100,
                () => Api.GetAsync(viewer, $"/api/v1/reports/completeness?template=commune-half-year&period={period}&province=VN"),
                () => Sql.ExecuteAsync(data, Completeness, "commune-half-year", period, due), 10),
            new($"Province consolidation, province {province} (approved commune reports, registry figures per commune)", "≤ 200 ms", 200,
                () => Api.GetAsync(police, $"/api/v1/reports/consolidation?template=commune-half-year&period={period}&province={province}"),
                () => Sql.ExecuteAsync(data, Consolidation, period, province, from, to), 5),
            new($"ADX export, province {province}", "—", 0,
                () => Api.GetAsync(police, $"/api/v1/exchange/adx?period={period}&area={province}"),
                () => Sql.ExecuteAsync(data, Adx, period, province), 3),
            new("ADX export, whole country (approved reports + 15 indicators)", "≤ 1 s", 1000,
                () => Api.GetAsync(admin, $"/api/v1/exchange/adx?period={period}&area=VN"),
                () => Sql.ExecuteAsync(data, Adx, period, "VN"), 3),
            new($"Case indicators (4 values), province {province}, year {year}", "≤ 100 ms", 100,
                () => CaseIndicatorsApp(police, province), () => CaseIndicatorsSql(province), 10),
            new($"Case indicators (4 values), whole country, year {year}", "≤ 1 s", 1000,
                () => CaseIndicatorsApp(viewer, "VN"), () => CaseIndicatorsSql("VN"), 10),
            new($"Seizure summary, province {province}, year {year}", "≤ 100 ms", 100,
                () => Api.GetAsync(police, $"/api/v1/seizures/summary?area={province}&period={year}"),
                () => Sql.ExecuteAsync(data, Seizures, province, yearFrom, yearTo), 10),
            // No national role may read the seizure register (ViewSupplySide is the police's, province-scoped): the country is
            // every province's police in turn, against one national statement.
            new($"Seizure summary, whole country ({provinces.Count} province calls), year {year}", "≤ 1 s", 1000,
                async () =>
                {
                    foreach (var p in provinces)
                        await Api.GetAsync(Api.Client(url, provinceTokens[p]), $"/api/v1/seizures/summary?area={p}&period={year}");
                },
                () => Sql.ExecuteAsync(data, Seizures, "VN", yearFrom, yearTo), 3),
        };

        var samples = new Samples();
        var loads = new List<string>();
        for (var round = 1; round <= rounds; round++)
        {
            loads.Add(File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ')[0] : "?");
            Console.WriteLine($"== program modules, round {round} of {rounds} (load {loads[^1]})");
            foreach (var item in items)
            {
                await item.App(); // warm: the first call of a round pays for plans and caches on both sides alike
                await item.Sql();
                var (app, sql) = (new List<double>(), new List<double>());
                for (var i = 0; i < item.Calls; i++)
                {
                    var watch = Stopwatch.StartNew();
                    await item.App();
                    app.Add(watch.Elapsed.TotalMilliseconds);
                    watch.Restart();
                    await item.Sql();
                    sql.Add(watch.Elapsed.TotalMilliseconds);
                }

                samples.Add(item.Label + "|app", Median(app)).Add(item.Label + "|sql", Median(sql));
                Console.WriteLine($"{item.Label}: API {Median(app):0.0} ms, SQL {Median(sql):0.0} ms");
            }
        }

        report.Table($"Program modules at national scale (issue 19), API beside hand-written SQL, back to back; median of {rounds} rounds (range); load average at round start: {string.Join(", ", loads)}",
            ["Benchmark", "PCMT API", "Baseline SQL", "Ratio", "Goal", "Met?"],
            items.Select(i =>
            {
                var app = samples.MedianValue(i.Label + "|app");
                var sql = samples.MedianValue(i.Label + "|sql");
                var met = i.GoalMs <= 0 ? "—" : app <= i.GoalMs ? "yes" : "**no**";
                return new[] { i.Label, samples.Median(i.Label + "|app"), samples.Median(i.Label + "|sql"), sql <= 0 ? "—" : (app / sql).ToString("0.0", invariant) + "×", i.Goal, met };
            }));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
