using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Npgsql;

/// <summary>
/// Issue 19, goal 3, second pass: only the aggregates that missed their goals at national scale — the province consolidation,
/// the ADX export, SUPPORT-COVERAGE and the national classification — each through the HTTP API and, where one exists, beside
/// its hand-written PostgreSQL baseline, call by call back to back so both see the same load on a shared machine. The table
/// gives the median over the rounds of each round's median and the range. `--only aggregates [--filter consolidation,adx]`
/// (a label must contain one of the comma-separated words, case-insensitive) runs it against a running server; a few minutes
/// instead of the whole suite's 20.
/// </summary>
internal static class AggregateBenchmarks
{
    private sealed record Item(string Label, string Goal, double GoalMs, Func<Task<double>> App, Func<Task>? Sql, int Calls);

    public static async Task RunAsync(string url, NpgsqlDataSource data, Report report, string adminToken, IReadOnlyDictionary<string, string> provinceTokens,
        string viewerToken, string province, int rounds, string filter)
    {
        var invariant = CultureInfo.InvariantCulture;
        var period = await Sql.ScalarAsync<string>(data, "SELECT max(period) FROM reports WHERE template_code = 'commune-half-year' AND status = 'approved'")
            ?? throw new InvalidOperationException("No approved commune reports: generate with `pcmt demo generate --scale national`.");
        var half = period[4..];
        var periodYear = int.Parse(period[..4], invariant);
        var from = half == "H1" ? new DateOnly(periodYear - 1, 12, 15) : new DateOnly(periodYear, 6, 15);
        var to = half == "H1" ? new DateOnly(periodYear, 6, 14) : new DateOnly(periodYear, 12, 14);
        var year = DateTime.UtcNow.Year;
        var end = new DateOnly(year, 12, 31);
        var police = Api.Client(url, provinceTokens[province]);
        var viewer = Api.Client(url, viewerToken);
        var admin = Api.Client(url, adminToken);

        static async Task<double> Timed(Func<Task> action)
        {
            var watch = Stopwatch.StartNew();
            await action();
            return watch.Elapsed.TotalMilliseconds;
        }

        // As in Program.cs (the four lists are all the lists there are).
        string Coverage(string area) => $"""
            WITH people AS (SELECT DISTINCT person_id FROM list_entries WHERE {(area == "VN" ? "" : "province_code = $2 AND ")}from_on <= $1::date AND (to_on IS NULL OR to_on >= make_date({year},1,1)))
            SELECT (SELECT count(DISTINCT s.person_id) FROM support_services s JOIN people p USING (person_id) WHERE s.kind IN ('counselling','medical-care','psychological-care') AND s.provided_on BETWEEN make_date({year},1,1) AND $1::date), (SELECT count(*) FROM people)
            """;

        // The national classification: the first run of a year inserts the proposals, the re-run updates them. The stored
        // proposals of the year are deleted (benchmark database only) before each first run, outside the timing.
        var rerun = new List<double>();
        async Task<double> Classify(bool first)
        {
            if (first)
                await Sql.ExecuteAsync(data, $"DELETE FROM commune_classifications WHERE year = {year}");
            return await Timed(async () =>
            {
                using var response = await admin.PostAsJsonAsync("/api/v1/classifications/run", new { year });
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
            });
        }

        var items = new List<Item>
        {
            new($"Province consolidation, province {province}", "≤ 200 ms", 200,
                () => Timed(() => Api.GetAsync(police, $"/api/v1/reports/consolidation?template=commune-half-year&period={period}&province={province}")),
                () => Sql.ExecuteAsync(data, ProgramModuleBenchmarks.Consolidation, period, province, from, to), 5),
            new($"ADX export, province {province}", "—", 0,
                () => Timed(() => Api.GetAsync(police, $"/api/v1/exchange/adx?period={period}&area={province}")),
                () => Sql.ExecuteAsync(data, ProgramModuleBenchmarks.Adx, period, province), 3),
            new("ADX export, whole country (approved reports + 15 indicators)", "≤ 1 s", 1000,
                () => Timed(() => Api.GetAsync(admin, $"/api/v1/exchange/adx?period={period}&area=VN")),
                () => Sql.ExecuteAsync(data, ProgramModuleBenchmarks.Adx, period, "VN"), 3),
            new($"SUPPORT-COVERAGE fresh, province {province}", "≤ 100 ms", 100,
                () => Timed(() => Api.GetAsync(police, $"/api/v1/indicators/SUPPORT-COVERAGE/values?area={province}&period={year}")),
                () => Sql.ExecuteAsync(data, Coverage(province), end, province), 5),
            new("SUPPORT-COVERAGE fresh, whole country", "≤ 1 s", 1000,
                () => Timed(() => Api.GetAsync(viewer, $"/api/v1/indicators/SUPPORT-COVERAGE/values?area=VN&period={year}")),
                () => Sql.ExecuteAsync(data, Coverage("VN"), end, "VN"), 5),
            new("Classification, one national call, first run (proposals inserted)", "≤ 1 s", 1000, () => Classify(first: true), null, 3),
            new("Classification, one national call, re-run (proposals updated)", "≤ 1 s", 1000, () => Classify(first: false), null, 3),
        };
        var words = filter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length > 0)
            items = items.Where(i => words.Any(w => i.Label.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();

        var samples = new Samples();
        var loads = new List<string>();
        for (var round = 1; round <= rounds; round++)
        {
            loads.Add(File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ')[0] : "?");
            Console.WriteLine($"== aggregates, round {round} of {rounds} (load {loads[^1]})");
            foreach (var item in items)
            {
                await item.App(); // warm: the first call of a round pays for plans and caches on both sides alike
                if (item.Sql is not null)
                    await item.Sql();
                var (app, sql) = (new List<double>(), new List<double>());
                for (var i = 0; i < item.Calls; i++)
                {
                    app.Add(await item.App());
                    if (item.Sql is not null)
                        sql.Add(await Timed(item.Sql));
                }

                samples.Add(item.Label + "|app", Median(app));
                if (sql.Count > 0)
                    samples.Add(item.Label + "|sql", Median(sql));
                Console.WriteLine($"{item.Label}: API {Median(app):0.0} ms" + (sql.Count > 0 ? $", SQL {Median(sql):0.0} ms" : ""));
            }
        }

        report.Table($"Aggregates (issue 19, second pass), API beside hand-written SQL, back to back; median of {rounds} rounds (range); load average at round start: {string.Join(", ", loads)}",
            ["Benchmark", "PCMT API", "Baseline SQL", "Ratio", "Goal", "Met?"],
            items.Select(i =>
            {
                var app = samples.MedianValue(i.Label + "|app");
                var hasSql = i.Sql is not null;
                var sql = hasSql ? samples.MedianValue(i.Label + "|sql") : 0;
                var met = i.GoalMs <= 0 ? "—" : app <= i.GoalMs ? "yes" : "**no**";
                return new[] { i.Label, samples.Median(i.Label + "|app"), hasSql ? samples.Median(i.Label + "|sql") : "—", sql <= 0 ? "—" : (app / sql).ToString("0.0", invariant) + "×", i.Goal, met };
            }));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
