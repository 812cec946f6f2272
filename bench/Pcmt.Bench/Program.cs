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
var importRows = int.Parse(arguments.Get("import-rows", "20000"), CultureInfo.InvariantCulture);
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

// --- 1. person search ------------------------------------------------------------------------------------------------------
await Sql.ExecuteAsync(data, """
    CREATE EXTENSION IF NOT EXISTS unaccent;
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE OR REPLACE FUNCTION bench_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT public.unaccent('public.unaccent', lower($1)) $$;
    CREATE INDEX IF NOT EXISTS bench_persons_name_trgm ON persons USING gin (bench_unaccent(full_name) gin_trgm_ops);
    ANALYZE persons;
    """);
var fragments = (await Sql.ListAsync<string>(data, $"""
    SELECT lower(split_part(search_name, ' ', 3)) || CASE WHEN random() < 0.5 THEN '' ELSE ' ' END FROM persons
    WHERE province_code = '{biggest}' AND length(split_part(search_name, ' ', 3)) >= 3 ORDER BY md5(id::text) LIMIT 200
    """)).Select(f => f.TrimEnd()).ToList();
var communeOf = await Sql.ScalarAsync<string>(data, $"SELECT commune_code FROM persons WHERE province_code = '{biggest}' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
var searcher = Api.Client(url, tokens[biggest]);
await Api.GetAsync(searcher, "/api/v1/persons?q=warm");
var appSearch = await Measure.RunAsync(fragments, f => Api.GetAsync(searcher, $"/api/v1/persons?q={Uri.EscapeDataString(f)}&pageSize=50"));
var appSearchFiltered = await Measure.RunAsync(fragments, f => Api.GetAsync(searcher, $"/api/v1/persons?q={Uri.EscapeDataString(f)}&commune={communeOf}&pageSize=50"));
var baseSearch = await Measure.RunAsync(fragments, f => Sql.ExecuteAsync(data,
    "SELECT id, full_name, date_of_birth, sex, commune_code, count(*) OVER () FROM persons WHERE province_code = $1 AND bench_unaccent(full_name) LIKE '%' || bench_unaccent($2) || '%' ORDER BY full_name, id LIMIT 50", biggest, f));
var baseSearchFiltered = await Measure.RunAsync(fragments, f => Sql.ExecuteAsync(data,
    "SELECT id, full_name, date_of_birth, sex, commune_code, count(*) OVER () FROM persons WHERE province_code = $1 AND commune_code = $3 AND bench_unaccent(full_name) LIKE '%' || bench_unaccent($2) || '%' ORDER BY full_name, id LIMIT 50", biggest, f, communeOf));
report.Table("Person search (200 name fragments without diacritics, page of 50 with total)", ["Query", "PCMT API p50", "PCMT API p99", "Baseline SQL p50", "Baseline SQL p99"],
[
    ["name", Ms(appSearch.P50), Ms(appSearch.P99), Ms(baseSearch.P50), Ms(baseSearch.P99)],
    ["name + commune", Ms(appSearchFiltered.P50), Ms(appSearchFiltered.P99), Ms(baseSearchFiltered.P50), Ms(baseSearchFiltered.P99)],
]);

// --- 2. indicators -----------------------------------------------------------------------------------------------------------
var year = DateTime.UtcNow.Year.ToString(invariant);
var end = $"{year}-12-31";
var indicatorRows = new List<string[]>();
foreach (var (label, client, area) in new[] { ($"USERS-TREND, province {biggest}", Api.Client(url, tokens[biggest]), biggest), ("USERS-TREND, country", Api.Client(url, viewer), "VN") })
{
    var app = await Measure.RunAsync(Enumerable.Range(0, 10).ToList(), _ => Api.GetAsync(client, $"/api/v1/indicators/USERS-TREND/values?area={area}&period={year}"));
    var sql = area == "VN"
        ? "SELECT count(DISTINCT person_id) FROM list_entries WHERE list IN ('users','addicted') AND from_on <= $1::date AND (to_on IS NULL OR to_on >= $1::date)"
        : "SELECT count(DISTINCT person_id) FROM list_entries WHERE province_code = $2 AND list IN ('users','addicted') AND from_on <= $1::date AND (to_on IS NULL OR to_on >= $1::date)";
    var baseline = await Measure.RunAsync(Enumerable.Range(0, 10).ToList(), _ => Sql.ExecuteAsync(data, sql, end, area));
    indicatorRows.Add([label, Ms(app.P50), Ms(baseline.P50), Ratio(app.P50, baseline.P50)]);
}

foreach (var (label, client, area) in new[] { ($"SUPPORT-COVERAGE, province {biggest}", Api.Client(url, tokens[biggest]), biggest), ("SUPPORT-COVERAGE, country", Api.Client(url, viewer), "VN") })
{
    var app = await Measure.RunAsync(Enumerable.Range(0, 5).ToList(), _ => Api.GetAsync(client, $"/api/v1/indicators/SUPPORT-COVERAGE/values?area={area}&period={year}"));
    var sql = $"""
        WITH people AS (SELECT DISTINCT person_id FROM list_entries WHERE {(area == "VN" ? "" : "province_code = $2 AND ")}from_on <= $1::date AND (to_on IS NULL OR to_on >= make_date({year},1,1)))
        SELECT (SELECT count(DISTINCT s.person_id) FROM support_services s JOIN people p USING (person_id) WHERE s.kind IN ('counselling','medical-care','psychological-care') AND s.provided_on BETWEEN make_date({year},1,1) AND $1::date), (SELECT count(*) FROM people)
        """;
    var baseline = await Measure.RunAsync(Enumerable.Range(0, 5).ToList(), _ => Sql.ExecuteAsync(data, sql, end, area));
    indicatorRows.Add([label, Ms(app.P50), Ms(baseline.P50), Ratio(app.P50, baseline.P50)]);
}

report.Table("Indicator values computed fresh (median)", ["Indicator, area", "PCMT API", "Hand-written SQL", "Ratio"], indicatorRows);

// --- 3. classification of every commune ------------------------------------------------------------------------------------------
// Province by province (34 calls as each province's police), then the national run (one call as the administrator, who sees the
// whole installation). Each starts from no proposals for the year, so its first run inserts and its second updates.
var classificationRows = new List<string[]>();
foreach (var national in new[] { false, true })
{
    await Sql.ExecuteAsync(data, $"DELETE FROM commune_classifications WHERE year = {year}"); // the benchmark database only: measure the first run too
    foreach (var round in new[] { "first run (proposals inserted)", "second run (proposals updated)" })
    {
        var classify = Stopwatch.StartNew();
        var communesClassified = 0;
        var provincesClassified = 0;
        var slowest = (Province: "", Ms: 0.0);
        if (national)
        {
            var response = await Api.Client(url, admin).PostAsJsonAsync("/api/v1/classifications/run", new { year = int.Parse(year, invariant) });
            response.EnsureSuccessStatusCode();
            var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
            communesClassified = summary.GetProperty("total").GetInt32();
            provincesClassified = summary.GetProperty("provinces").GetInt32();
        }
        else
        {
            foreach (var province in provinces)
            {
                var one = Stopwatch.StartNew();
                var response = await Api.Client(url, tokens[province]).PostAsJsonAsync("/api/v1/classifications/run", new { province, year = int.Parse(year, invariant) });
                response.EnsureSuccessStatusCode();
                communesClassified += (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32();
                if (one.Elapsed.TotalMilliseconds > slowest.Ms)
                    slowest = (province, one.Elapsed.TotalMilliseconds);
            }

            provincesClassified = provinces.Count;
        }

        classificationRows.Add([national ? "1 national call" : $"{provinces.Count} province calls", round, communesClassified.ToString("N0", invariant), provincesClassified.ToString(invariant),
            Ms(classify.Elapsed.TotalMilliseconds), national ? "—" : $"{slowest.Province}: {Ms(slowest.Ms)}"]);
    }
}

report.Table("Classification (QĐ 28/2025) of every commune for a year through the API: province by province, and one national call", ["Calls", "Run", "Communes", "Provinces", "Total time", "Slowest province"], classificationRows);

// --- 4. import ---------------------------------------------------------------------------------------------------------------------
var importCommunes = (await Sql.ListAsync<string>(data, $"SELECT code FROM administrative_units WHERE level = 'Commune' AND valid_to IS NULL AND province_code = '{biggest}' ORDER BY code LIMIT 50")).ToList();
var csv = new StringBuilder("Họ và tên,Ngày sinh,Giới tính,Mã xã,Địa chỉ\n");
var random = new Random(); // fresh people each run: a repeated file would measure duplicate review instead of import
string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
string[] given = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Minh", "Nam", "Phúc", "Quang", "Sơn", "Thắng", "Tuấn", "Việt"];
for (var i = 0; i < importRows; i++)
    csv.Append(invariant, $"{family[random.Next(family.Length)]} Văn {given[random.Next(given.Length)]} {Word(random)},{new DateOnly(1970, 1, 1).AddDays(random.Next(12000)):dd/MM/yyyy},Nam,{importCommunes[random.Next(importCommunes.Count)]},Tổ {random.Next(1, 40)}\n");
var bytes = Encoding.UTF8.GetBytes(csv.ToString());
var importer = Api.Client(url, tokens[biggest]);
var importWatch = Stopwatch.StartNew();
using (var form = new MultipartFormDataContent())
{
    form.Add(new ByteArrayContent(bytes), "file", "bench.csv");
    form.Add(new StringContent("true"), "importValidRows");
    var response = await importer.PostAsync("/api/v1/persons/import", form);
    var body = await response.Content.ReadAsStringAsync();
    importWatch.Stop();
    var summary = Regex.Replace(body, "\"errors\":\\[.*", "…");
    report.Line($"Import response: {(int)response.StatusCode} {summary[..Math.Min(300, summary.Length)]}");
}

await Sql.ExecuteAsync(data, "DROP TABLE IF EXISTS bench_import; CREATE TABLE bench_import (full_name text, date_of_birth text, sex text, commune_code text, address text)");
var copyWatch = Stopwatch.StartNew();
await using (var connection = await data.OpenConnectionAsync())
await using (var writer = await connection.BeginTextImportAsync("COPY bench_import FROM STDIN (FORMAT csv, HEADER true)"))
    await writer.WriteAsync(csv.ToString());
copyWatch.Stop();
report.Table($"Import of {importRows:N0} persons from CSV (validation, duplicate detection, audit)", ["", "Time", "Rows/s"],
[
    ["PCMT import (API, synchronous)", Ms(importWatch.Elapsed.TotalMilliseconds), (importRows / importWatch.Elapsed.TotalSeconds).ToString("N0", invariant)],
    ["Baseline: COPY into a plain table", Ms(copyWatch.Elapsed.TotalMilliseconds), (importRows / copyWatch.Elapsed.TotalSeconds).ToString("N0", invariant)],
]);

// --- 5. HTTP under load ---------------------------------------------------------------------------------------------------------
var wrkRows = new List<string[]>();
var cookie = await Api.LoginCookieAsync(url, $"bench.pc.{biggest}", UserPassword);
foreach (var (label, path, header) in new[]
{
    ("Search API", $"/api/v1/persons?q={Uri.EscapeDataString(fragments[0])}&pageSize=20", $"Authorization: Bearer {tokens[biggest]}"),
    ("Dashboard page", "/Dashboard", $"Cookie: {cookie}"),
})
{
    var wrk = await Load.RunAsync(url + path, header, connections: 64, seconds: 20);
    wrkRows.Add([label, wrk.RequestsPerSecond, wrk.P99, wrk.Errors]);
}

report.Table("HTTP, 64 connections, 2 threads, 20 s (wrk)", ["Endpoint", "Requests/s", "p99", "Errors (non-2xx, socket)"], wrkRows);

// --- 6. memory -----------------------------------------------------------------------------------------------------------------
if (serverPid.Length > 0 && File.Exists($"/proc/{serverPid}/status"))
{
    var status = await File.ReadAllLinesAsync($"/proc/{serverPid}/status");
    report.Line("Server memory: " + string.Join(", ", status.Where(l => l.StartsWith("VmRSS", StringComparison.Ordinal) || l.StartsWith("VmHWM", StringComparison.Ordinal)).Select(l => Regex.Replace(l, @"\s+", " "))));
}

await File.WriteAllTextAsync(output, report.ToString());
Console.WriteLine(report);
return 0;

static string Ms(double ms) => ms < 10 ? ms.ToString("0.00", CultureInfo.InvariantCulture) + " ms" : ms.ToString("N0", CultureInfo.InvariantCulture) + " ms";

static string Ratio(double app, double baseline) => baseline <= 0 ? "—" : (app / baseline).ToString("0.0", CultureInfo.InvariantCulture) + "×";

static string Word(Random random) => new(Enumerable.Range(0, 5).Select(_ => (char)('a' + random.Next(26))).ToArray());

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
    public sealed record Result(string RequestsPerSecond, string P99, string Errors);

    public static async Task<Result> RunAsync(string url, string header, int connections, int seconds)
    {
        var info = new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-H", header, url]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk could not start (apt-get install wrk).");
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var rps = Regex.Match(text, @"Requests/sec:\s+([\d.]+)").Groups[1].Value;
        var p99 = Regex.Match(text, @"99%\s+([\d.]+\w+)").Groups[1].Value;
        var non2xx = Regex.Match(text, @"Non-2xx or 3xx responses:\s+(\d+)").Groups[1].Value;
        var socket = Regex.Match(text, @"Socket errors:([^\n]+)").Groups[1].Value.Trim();
        return new Result(rps, p99, (non2xx.Length > 0 ? non2xx : "0") + (socket.Length > 0 ? "; " + socket : ""));
    }
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
