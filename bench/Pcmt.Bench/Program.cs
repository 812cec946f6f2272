using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

// PCMT benchmarks, each beside a hand-written PostgreSQL baseline in the same run. The app is measured through its HTTP API
// (what other systems and the pages use); the baseline through Npgsql directly. Usage:
//   Pcmt.Bench --url http://127.0.0.1:5080 --pg "Host=…;Database=…" --admin-password … [--server-pid N] [--import-rows 20000] [--out results.md]
var arguments = Args.Parse(args);
var url = arguments.Get("url", "http://127.0.0.1:5080");
var pg = arguments.Get("pg", "");
var adminPassword = arguments.Get("admin-password", "");
var importRows = int.Parse(arguments.Get("import-rows", "250000"), CultureInfo.InvariantCulture);
var rounds = int.Parse(arguments.Get("rounds", "3"), CultureInfo.InvariantCulture);
var output = arguments.Get("out", "bench-results.md");
var serverPid = arguments.Get("server-pid", "");
var report = new Report(output);
var invariant = CultureInfo.InvariantCulture;

using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(30) };
await using var data = NpgsqlDataSource.Create(pg);

// --- accounts ------------------------------------------------------------------------------------------------------------
var admin = await Api.TokenAsync(http, "admin", adminPassword);
const string UserPassword = "Bench-User-2026-x";
var biggest = await Sql.ScalarAsync<string>(data, "SELECT province_code FROM persons GROUP BY province_code ORDER BY count(*) DESC LIMIT 1");
var persons = await Sql.ScalarAsync<long>(data, "SELECT count(*) FROM persons");
var facts = await Sql.ScalarAsync<long>(data, "SELECT count(*) FROM case_records");
report.Line($"Data: {persons:N0} persons, {facts:N0} facts; province measured: {biggest} ({await Sql.ScalarAsync<long>(data, $"SELECT count(*) FROM persons WHERE province_code = '{biggest}'"):N0} persons).");
var provinces = (await Sql.ListAsync<string>(data, "SELECT code FROM administrative_units WHERE level = 'Province' AND valid_to IS NULL ORDER BY code")).ToList();
if (provinces.Count == 0)
    provinces = (await Sql.ListAsync<string>(data, "SELECT DISTINCT province_code FROM persons ORDER BY 1")).ToList();
var tokens = new Dictionary<string, string>();
foreach (var province in provinces)
    tokens[province] = await Api.UserTokenAsync(http, admin, $"bench.pc.{province}", UserPassword, "province-police", province);
var viewer = await Api.UserTokenAsync(http, admin, "bench.viewer", UserPassword, "viewer", null);
// Issue 19: `--only program` runs the program-module benchmarks alone (ProgramModuleBenchmarks.cs).
if (arguments.Get("only", "") == "program")
{
    await ProgramModuleBenchmarks.RunAsync(url, data, report, admin, tokens, viewer, biggest, rounds);
    return 0;
}

// Issue 19, second pass: `--only aggregates [--filter consolidation,adx]` runs the consolidation, ADX, SUPPORT-COVERAGE and
// national classification items alone (AggregateBenchmarks.cs).
if (arguments.Get("only", "") == "aggregates")
{
    await AggregateBenchmarks.RunAsync(url, data, report, admin, tokens, viewer, biggest, rounds, arguments.Get("filter", ""));
    await File.WriteAllTextAsync(output, report.ToString());
    return 0;
}

// Issue 19: `--only import` runs the import benchmark alone, with the server's peak RSS per import (ImportBenchmark.cs).
if (arguments.Get("only", "") == "import")
{
    await ImportBenchmark.RunAsync(url, data, report, tokens[biggest], biggest, importRows, rounds, serverPid);
    await File.WriteAllTextAsync(output, report.ToString());
    return 0;
}

// Every measurement runs --rounds times (default 3); the tables give the median and the range of the rounds.
var samples = new Samples();
var httpRounds = new List<string>(); // issue 19: each HTTP round as measured, not only the median
await Sql.ExecuteAsync(data, """
    CREATE EXTENSION IF NOT EXISTS unaccent;
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE OR REPLACE FUNCTION bench_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT public.unaccent('public.unaccent', lower($1)) $$;
    """);
var fragments = (await Sql.ListAsync<string>(data, $"""
    SELECT lower(split_part(search_name, ' ', 3)) FROM persons
    WHERE province_code = '{biggest}' AND length(split_part(search_name, ' ', 3)) >= 3 ORDER BY md5(id::text) LIMIT 200
    """)).ToList();
var communeOf = await Sql.ScalarAsync<string>(data, $"SELECT commune_code FROM persons WHERE province_code = '{biggest}' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
var year = DateTime.UtcNow.Year.ToString(invariant);
var end = $"{year}-12-31";
var importCommunes = (await Sql.ListAsync<string>(data, $"SELECT code FROM administrative_units WHERE level = 'Commune' AND valid_to IS NULL AND province_code = '{biggest}' ORDER BY code")).ToList();
var cookie = await Api.LoginCookieAsync(url, $"bench.pc.{biggest}", UserPassword);

for (var round = 1; round <= rounds; round++)
{
    Console.WriteLine($"== round {round} of {rounds}");

    // --- 1. person search: the API as a province officer, the baseline with unaccent + pg_trgm over the same province ------
    await Sql.ExecuteAsync(data, "CREATE INDEX IF NOT EXISTS bench_persons_name_trgm ON persons USING gin (bench_unaccent(full_name) gin_trgm_ops); ANALYZE persons;");
    var searcher = Api.Client(url, tokens[biggest]);
    await Api.GetAsync(searcher, "/api/v1/persons?q=warm");
    var appSearch = await Measure.RunAsync(fragments, f => Api.GetAsync(searcher, $"/api/v1/persons?q={Uri.EscapeDataString(f)}&pageSize=50"));
    var appSearchFiltered = await Measure.RunAsync(fragments, f => Api.GetAsync(searcher, $"/api/v1/persons?q={Uri.EscapeDataString(f)}&commune={communeOf}&pageSize=50"));
    var baseSearch = await Measure.RunAsync(fragments, f => Sql.ExecuteAsync(data,
        "SELECT id, full_name, date_of_birth, sex, commune_code, count(*) OVER () FROM persons WHERE province_code = $1 AND bench_unaccent(full_name) LIKE '%' || bench_unaccent($2) || '%' ORDER BY full_name, id LIMIT 50", biggest, f));
    var baseSearchFiltered = await Measure.RunAsync(fragments, f => Sql.ExecuteAsync(data,
        "SELECT id, full_name, date_of_birth, sex, commune_code, count(*) OVER () FROM persons WHERE province_code = $1 AND commune_code = $3 AND bench_unaccent(full_name) LIKE '%' || bench_unaccent($2) || '%' ORDER BY full_name, id LIMIT 50", biggest, f, communeOf));
    samples.Add("search name app p50", appSearch.P50).Add("search name app p99", appSearch.P99).Add("search name sql p50", baseSearch.P50).Add("search name sql p99", baseSearch.P99);
    samples.Add("search commune app p50", appSearchFiltered.P50).Add("search commune app p99", appSearchFiltered.P99).Add("search commune sql p50", baseSearchFiltered.P50).Add("search commune sql p99", baseSearchFiltered.P99);

    // --- 2. indicators, fresh: the API (median of 10 calls) and a hand-written GROUP BY / COUNT DISTINCT --------------------------
    foreach (var (label, client, area) in new[] { ($"USERS-TREND, province {biggest}", Api.Client(url, tokens[biggest]), biggest), ("USERS-TREND, country", Api.Client(url, viewer), "VN") })
    {
        var app = await Measure.RunAsync(Enumerable.Range(0, 10).ToList(), _ => Api.GetAsync(client, $"/api/v1/indicators/USERS-TREND/values?area={area}&period={year}"));
        var sql = area == "VN"
            ? "SELECT count(DISTINCT person_id) FROM list_entries WHERE list IN ('users','addicted') AND from_on <= $1::date AND (to_on IS NULL OR to_on >= $1::date)"
            : "SELECT count(DISTINCT person_id) FROM list_entries WHERE province_code = $2 AND list IN ('users','addicted') AND from_on <= $1::date AND (to_on IS NULL OR to_on >= $1::date)";
        var baseline = await Measure.RunAsync(Enumerable.Range(0, 10).ToList(), _ => Sql.ExecuteAsync(data, sql, end, area));
        samples.Add($"{label}|app", app.P50).Add($"{label}|sql", baseline.P50);
    }

    foreach (var (label, client, area) in new[] { ($"SUPPORT-COVERAGE, province {biggest}", Api.Client(url, tokens[biggest]), biggest), ("SUPPORT-COVERAGE, country", Api.Client(url, viewer), "VN") })
    {
        var app = await Measure.RunAsync(Enumerable.Range(0, 5).ToList(), _ => Api.GetAsync(client, $"/api/v1/indicators/SUPPORT-COVERAGE/values?area={area}&period={year}"));
        var sql = $"""
            WITH people AS (SELECT DISTINCT person_id FROM list_entries WHERE {(area == "VN" ? "" : "province_code = $2 AND ")}from_on <= $1::date AND (to_on IS NULL OR to_on >= make_date({year},1,1)))
            SELECT (SELECT count(DISTINCT s.person_id) FROM support_services s JOIN people p USING (person_id) WHERE s.kind IN ('counselling','medical-care','psychological-care') AND s.provided_on BETWEEN make_date({year},1,1) AND $1::date), (SELECT count(*) FROM people)
            """;
        var baseline = await Measure.RunAsync(Enumerable.Range(0, 5).ToList(), _ => Sql.ExecuteAsync(data, sql, end, area));
        samples.Add($"{label}|app", app.P50).Add($"{label}|sql", baseline.P50);
    }

    // --- 3. classification of every commune: 34 province calls (each province's police), then one national call (the
    // administrator). Each starts from no proposals for the year, so its first run inserts and its second updates.
    foreach (var national in new[] { false, true })
    {
        await Sql.ExecuteAsync(data, $"DELETE FROM commune_classifications WHERE year = {year}"); // the benchmark database only
        foreach (var run in new[] { "first run (proposals inserted)", "second run (proposals updated)" })
        {
            var classify = Stopwatch.StartNew();
            var communesClassified = 0;
            if (national)
            {
                var response = await Api.Client(url, admin).PostAsJsonAsync("/api/v1/classifications/run", new { year = int.Parse(year, invariant) });
                response.EnsureSuccessStatusCode();
                communesClassified = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32();
            }
            else
            {
                foreach (var province in provinces)
                {
                    var response = await Api.Client(url, tokens[province]).PostAsJsonAsync("/api/v1/classifications/run", new { province, year = int.Parse(year, invariant) });
                    response.EnsureSuccessStatusCode();
                    communesClassified += (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32();
                }
            }

            samples.Add($"{(national ? "1 national call" : $"{provinces.Count} province calls")}|{run}|{communesClassified:N0}", classify.Elapsed.TotalMilliseconds);
        }
    }

    // --- 4. import of new people from CSV and from XLSX through the API (validation, duplicate detection against the national
    // registry, file numbers, audit), beside COPY of the same rows into a plain table. The baseline's trigram index is dropped
    // first (the app does not have it), and the imported rows are deleted afterwards so every round starts from the same data.
    if (importRows > 0)
        await ImportBenchmark.RoundAsync(url, data, tokens[biggest], importRows, importCommunes, round, samples, serverPid);

    // --- 5. HTTP under load: 64 connections on loopback for 20 s. The dashboard's first view after a change computes its ~20
    // indicator values (timed here on its own); the load run then measures views while nothing is being recorded.
    // A fresh cookie each round (issue 19): the sign-in cookie is revalidated (user and claims reloaded, cookie reissued)
    // on every request once it is 5 minutes old, and wrk never stores the reissued one, so later rounds measured that instead.
    cookie = await Api.LoginCookieAsync(url, $"bench.pc.{biggest}", UserPassword);
    using (var pages = new HttpClient { BaseAddress = new Uri(url) })
    {
        pages.DefaultRequestHeaders.Add("Cookie", cookie);
        var first = Stopwatch.StartNew();
        using var page = await pages.GetAsync("/Dashboard");
        page.EnsureSuccessStatusCode();
        samples.Add("dashboard first view", first.Elapsed.TotalMilliseconds);
    }

    foreach (var (label, path, header) in new[]
    {
        ("Search API (GET /api/v1/persons?q=…)", $"/api/v1/persons?q={Uri.EscapeDataString(fragments[0])}&pageSize=20", $"Authorization: Bearer {tokens[biggest]}"),
        ("Dashboard page (GET /Dashboard)", "/Dashboard", $"Cookie: {cookie}"),
    })
    {
        // Issue 19: errors by kind (a wrk "timeout" is a request slower than 2 s, not a server error) and the server's CPU per request.
        var wrk = await HttpLoad.RunAsync(url + path, header, connections: 64, seconds: 20, serverPid);
        samples.Add($"{label}|rps", wrk.RequestsPerSecond).Add($"{label}|p99", wrk.P99Ms).Add($"{label}|errors", wrk.Errors)
            .Add($"{label}|p50", wrk.P50Ms).Add($"{label}|cpu", wrk.ServerCpuMsPerRequest);
        httpRounds.Add($"| {label} | {round} | {wrk.RequestsPerSecond:N0} | {wrk.P50Ms:N1} ms | {wrk.P99Ms:N1} ms | {wrk.ErrorsByKind} | {wrk.ServerCpuMsPerRequest:N2} ms | {wrk.Load} |");
    }
}

string Cell(string key) => samples.Median(key);
string RatioOf(string app, string sql) => Ratio(samples.MedianValue(app), samples.MedianValue(sql));
report.Line($"Each figure is the median of {rounds} rounds; the range of the rounds is in brackets.");
report.Table("Person search (200 name fragments without diacritics, page of 50 with the total)", ["Query", "PCMT API p50", "PCMT API p99", "Baseline SQL p50", "Baseline SQL p99", "Ratio p99"],
[
    ["name", Cell("search name app p50"), Cell("search name app p99"), Cell("search name sql p50"), Cell("search name sql p99"), RatioOf("search name app p99", "search name sql p99")],
    ["name + commune", Cell("search commune app p50"), Cell("search commune app p99"), Cell("search commune sql p50"), Cell("search commune sql p99"), RatioOf("search commune app p99", "search commune sql p99")],
]);
report.Table("Indicator values computed fresh (median of 10 or 5 calls per round)", ["Indicator, area", "PCMT API", "Hand-written SQL", "Ratio"],
    samples.Keys.Where(k => k.EndsWith("|app", StringComparison.Ordinal)).Select(k => k[..^4]).Select(label => new[] { label, Cell(label + "|app"), Cell(label + "|sql"), RatioOf(label + "|app", label + "|sql") }));
report.Table("Classification (QĐ 28/2025) of every commune for a year, through the API", ["Calls", "Run", "Communes", "Total time"],
    samples.Keys.Where(k => k.Contains("calls|", StringComparison.Ordinal) || k.Contains("call|", StringComparison.Ordinal)).Select(k => k.Split('|')).Select(k => new[] { k[0], k[1], k[2], Cell(string.Join('|', k)) }));
if (importRows > 0)
    ImportBenchmark.Table(report, samples, importRows, rounds);

report.Table("HTTP, 64 connections, 2 wrk threads, 20 s per round", ["Endpoint", "Requests/s", "p99", "Errors (non-2xx + socket)"],
    samples.Keys.Where(k => k.EndsWith("|rps", StringComparison.Ordinal)).Select(k => k[..^4]).Select(label => new[] { label, samples.Median(label + "|rps", raw: true), Cell(label + "|p99"), samples.Median(label + "|errors", raw: true) }));
report.Line($"Dashboard page, first view after a change (the province's indicator values computed): {Cell("dashboard first view")}.");
report.Table("HTTP, every round (issue 19): errors by kind, the server's CPU per request, load average before→after", ["Endpoint", "Round", "Requests/s", "p50", "p99", "Errors", "Server CPU/request", "Load"],
    httpRounds.Select(line => line.Trim('|', ' ').Split(" | ")));

// --- issue 19: agencies, plans, reports, cases and tips at national scale ------------------------------------------------------
await ProgramModuleBenchmarks.RunAsync(url, data, report, admin, tokens, viewer, biggest, rounds);

// --- 6. memory -----------------------------------------------------------------------------------------------------------------
if (serverPid.Length > 0 && File.Exists($"/proc/{serverPid}/status"))
{
    var status = await File.ReadAllLinesAsync($"/proc/{serverPid}/status");
    report.Line("Server memory after all rounds (VmRSS now, VmHWM peak): " + string.Join(", ", status.Where(l => l.StartsWith("VmRSS", StringComparison.Ordinal) || l.StartsWith("VmHWM", StringComparison.Ordinal)).Select(l => Regex.Replace(l, @"\s+", " "))));
}

await File.WriteAllTextAsync(output, report.ToString());
Console.WriteLine(report);
return 0;


static string Ratio(double app, double baseline) => baseline <= 0 ? "—" : (app / baseline).ToString("0.0", CultureInfo.InvariantCulture) + "×";


internal sealed class Args(Dictionary<string, string> values)
{
    public static Args Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
            values[args[i].TrimStart('-')] = args[i + 1];
        return new Args(values);
    }

    public string Get(string name, string fallback) => values.TryGetValue(name, out var value) ? value : fallback;
}

internal static class Api
{
    public static HttpClient Client(string url, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<string> TokenAsync(HttpClient http, string userName, string password)
    {
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public static async Task<string> UserTokenAsync(HttpClient http, string adminToken, string userName, string password, string role, string? scope)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users") { Content = JsonContent.Create(new { userName, password, fullName = "Benchmark " + userName, role, scope }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        await http.SendAsync(request); // 201, or 409 when it exists from an earlier run
        return await TokenAsync(http, userName, password);
    }

    public static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Signs in through the login form (antiforgery token included) and returns the cookie header for the pages.</summary>
    public static async Task<string> LoginCookieAsync(string url, string userName, string password)
    {
        var cookies = new System.Net.CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
        var form = await client.GetStringAsync("/Account/Login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        return cookies.GetCookieHeader(new Uri(url));
    }
}

internal static class Sql
{
    public static async Task<T> ScalarAsync<T>(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<IReadOnlyList<T>> ListAsync<T>(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync())
            list.Add(reader.GetFieldValue<T>(0));
        return list;
    }

    public static async Task ExecuteAsync(NpgsqlDataSource data, string sql, params object[] parameters)
    {
        await using var command = data.CreateCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }
}

internal static class Measure
{
    public sealed record Stats(double P50, double P99);

    public static async Task<Stats> RunAsync<T>(IReadOnlyList<T> inputs, Func<T, Task> action)
    {
        var times = new List<double>(inputs.Count);
        foreach (var input in inputs)
        {
            var watch = Stopwatch.StartNew();
            await action(input);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return new Stats(Percentile(times, 0.50), Percentile(times, 0.99));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

internal static class Load
{
    public sealed record Result(double RequestsPerSecond, double P99Ms, double Errors);

    public static async Task<Result> RunAsync(string url, string header, int connections, int seconds)
    {
        var info = new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-H", header, url]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk could not start (apt-get install wrk).");
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var rps = double.Parse(Regex.Match(text, @"Requests/sec:\s+([\d.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var p99 = Regex.Match(text, @"99%\s+([\d.]+)(us|ms|s)");
        var p99Ms = double.Parse(p99.Groups[1].Value, CultureInfo.InvariantCulture) * p99.Groups[2].Value switch { "us" => 0.001, "ms" => 1, _ => 1000 };
        var non2xx = Regex.Match(text, @"Non-2xx or 3xx responses:\s+(\d+)").Groups[1].Value;
        var socket = Regex.Matches(Regex.Match(text, @"Socket errors:([^\n]+)").Groups[1].Value, @"\d+").Sum(m => int.Parse(m.Value, CultureInfo.InvariantCulture));
        return new Result(rps, p99Ms, (non2xx.Length > 0 ? int.Parse(non2xx, CultureInfo.InvariantCulture) : 0) + socket);
    }
}

/// <summary>Values per measurement over the rounds; the report shows the median and the range.</summary>
internal sealed class Samples
{
    private readonly Dictionary<string, List<double>> _values = [];
    private readonly List<string> _order = [];

    public IEnumerable<string> Keys => _order;

    public Samples Add(string key, double value)
    {
        if (!_values.TryGetValue(key, out var list))
        {
            _values[key] = list = [];
            _order.Add(key);
        }

        list.Add(value);
        return this;
    }

    public IReadOnlyList<double> Values(string key) => _values.TryGetValue(key, out var list) ? list : [];

    public double MedianValue(string key)
    {
        var sorted = _values[key].Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>"12.3 ms (11.9–13.0)", or a plain number with <paramref name="raw"/>.</summary>
    public string Median(string key, bool raw = false)
    {
        string Format(double v) => raw ? v.ToString("N0", CultureInfo.InvariantCulture) : v < 10 ? v.ToString("0.00", CultureInfo.InvariantCulture) + " ms" : v.ToString("N0", CultureInfo.InvariantCulture) + " ms";
        var list = _values[key];
        return list.Count == 1 ? Format(list[0]) : $"{Format(MedianValue(key))} ({Format(list.Min())}–{Format(list.Max())})";
    }
}

/// <summary>The import file: new people with Vietnamese names, valid citizen IDs, communes of the measured province.</summary>
internal static class ImportFile
{
    /// <summary>When the round's import file was made: the rows created since are the imported ones (issue 19).</summary>
    public static DateTime Since { get; private set; }

    public static (string Csv, List<Dictionary<string, object>> Rows) Make(int count, IReadOnlyList<string> communes, int seed)
    {
        Since = DateTime.UtcNow;
        string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"];
        string[] given = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Minh", "Nam", "Phúc", "Quang", "Sơn", "Thắng", "Tuấn", "Việt"];
        var random = new Random(seed); // a different set of people each round
        var csv = new StringBuilder("Họ và tên,Ngày sinh,Giới tính,Mã xã,Địa chỉ,Số CCCD\n");
        var rows = new List<Dictionary<string, object>>(count);
        for (var i = 0; i < count; i++)
        {
            var birth = new DateOnly(1970, 1, 1).AddDays(random.Next(12000));
            var name = $"{family[random.Next(family.Length)]} Văn {given[random.Next(given.Length)]} {Word(random)}";
            var commune = communes[random.Next(communes.Count)];
            var address = $"Tổ {random.Next(1, 40)}";
            // Birth province 096 (Cà Mau), century-and-sex digit of a man, two-digit year, then a number unique in the file.
            var citizenId = $"096{(birth.Year < 2000 ? 0 : 2)}{birth.Year % 100:D2}{(seed * 250_000 + i) % 1_000_000:D6}";
            csv.Append(CultureInfo.InvariantCulture, $"{name},{birth:dd/MM/yyyy},Nam,{commune},{address},{citizenId}\n");
            rows.Add(new Dictionary<string, object> { ["Họ và tên"] = name, ["Ngày sinh"] = birth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), ["Giới tính"] = "Nam", ["Mã xã"] = commune, ["Địa chỉ"] = address, ["Số CCCD"] = citizenId });
        }

        return (csv.ToString(), rows);
    }

    public static byte[] Xlsx(List<Dictionary<string, object>> rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows);
        return stream.ToArray();
    }

    /// <summary>
    /// The benchmark database only: the people created since the import file was made are removed again. (Until issue 19 this
    /// kept file codes "…-MP-…", which the generator no longer writes: the first round's cleanup emptied the registry.)
    /// </summary>
    public static async Task DeleteImportedAsync(NpgsqlDataSource data)
    {
        var imported = $"SELECT id FROM persons WHERE created_at >= '{Since:O}'::timestamptz";
        await Sql.ExecuteAsync(data, $"""
            DELETE FROM duplicate_reviews WHERE person_id IN ({imported});
            DELETE FROM person_aliases WHERE person_id IN ({imported});
            DELETE FROM persons WHERE id IN ({imported});
            """);
        await Sql.ExecuteAsync(data, "VACUUM ANALYZE persons");
    }

    private static string Word(Random random) => string.Concat(Enumerable.Range(0, 3).Select(_ => "bcdghklmnpqrstvx"[random.Next(16)].ToString() + "aeiouy"[random.Next(6)])) is var w ? char.ToUpperInvariant(w[0]) + w[1..] : "";
}

internal sealed class Report(string path)
{
    private readonly StringBuilder _text = new();

    public void Line(string line)
    {
        _text.AppendLine(line).AppendLine();
        Save();
    }

    /// <summary>Written after every section, so a run cut short keeps what it measured.</summary>
    private void Save()
    {
        File.WriteAllText(path, _text.ToString());
        Console.WriteLine(_text.ToString().Split("\n### ").Last());
    }

    public void Table(string title, string[] header, IEnumerable<string[]> rows)
    {
        _text.AppendLine("### " + title).AppendLine();
        _text.AppendLine("| " + string.Join(" | ", header) + " |");
        _text.AppendLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows)
            _text.AppendLine("| " + string.Join(" | ", row) + " |");
        _text.AppendLine();
        Save();
    }

    public override string ToString() => _text.ToString();
}
