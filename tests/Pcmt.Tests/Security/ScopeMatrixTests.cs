using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Pcmt.Tests.Security;

/// <summary>
/// What comes back, not only whether it is allowed: marked data is seeded in two communes of Thái Nguyên (19: 05443, 01840) and
/// one of Hà Nội (01: 00004): persons, a likely-duplicate pair per commune and one across provinces, management decisions (work
/// items and lists), support services, harbouring points and a pending handover. Then every GET route of the app's own route
/// table (API and pages, so routes added later are covered without editing this test) is read by every scoped role, with the
/// seeded ids substituted where the route needs one, and no body (JSON, HTML, or the text inside a .docx/.xlsx) may contain a
/// marker of an area outside the caller's scope.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed partial class ScopeMatrixTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record Area(string Province, string Commune);

    private static readonly Area A = new("19", "05443");
    private static readonly Area B = new("19", "01840");
    private static readonly Area C = new("01", "00004");

    /// <summary>Callers with a scope; what each covers follows CurrentUser.Covers (a province, or one commune of it; none for facility and department scopes).</summary>
    private static readonly (string Role, string Scope, string? Province, string? Commune)[] Callers =
    [
        (Roles.ProvincePolice, "19", "19", null),
        (Roles.ProvincePolice, "01", "01", null),
        (Roles.CommunePolice, "05443", "19", "05443"),
        (Roles.CommunePolice, "01840", "19", "01840"),
        (Roles.CommunePolice, "00004", "01", "00004"),
        (Roles.CommuneCommittee, "05443", "19", "05443"),
        (Roles.HealthStaff, "05443", "19", "05443"),
        (Roles.HealthStaff, "01", "01", null),
        (Roles.FacilityStaff, "co-so-cai-nghien-1", null, null),
        (Roles.Department, "so-y-te", null, null),
        (Roles.Viewer, "19", "19", null),
        (Roles.Admin, "01", "01", null),
    ];

    /// <summary>GET routes not read here, with the reason.</summary>
    private static readonly HashSet<string> Skipped =
    [
        "/Account/Logout", // signs the page client out; shows nothing of anyone's data
    ];

    [Fact]
    public async Task No_get_route_returns_data_of_an_area_outside_the_callers_scope()
    {
        var seed = await SeedAsync();
        var values = Substitutions(seed);
        var urls = new List<string>();
        var owners = new Dictionary<string, SeededRecord>();
        var missing = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (!methods.Contains("GET") || Skipped.Contains(pattern))
                continue;
            // A route keyed by a record's own id gets the ids of that module's seeded records (KindOf); its other parameters
            // take the plain values of Substitutions. Each URL remembers its record, for the owner and foreign-area checks.
            var expanded = new List<(string Url, SeededRecord? Record)> { (pattern, null) };
            if (pattern.Contains("{id:guid}", StringComparison.Ordinal))
            {
                var kind = KindOf(pattern);
                var records = seed.Records.Where(r => r.Kind == kind).ToList();
                if (kind is null || records.Count == 0)
                {
                    missing.Add($"{pattern}: no seeded record for {{id:guid}}; add the module to KindOf and seed one record per area");
                    continue;
                }

                expanded = [.. records.Select(r => (pattern.Replace("{id:guid}", r.Id, StringComparison.Ordinal), (SeededRecord?)r))];
            }

            foreach (Match parameter in RouteParameter().Matches(pattern))
            {
                if (parameter.Value == "{id:guid}")
                    continue;
                if (SubIds.Contains(parameter.Value))
                {
                    // A record's part (a tip's photo, a task's evidence file): the seeded record carries it.
                    if (expanded.Any(e => e.Record?.SubId is null))
                    {
                        missing.Add($"{pattern}: a seeded record has no value for {parameter.Value}");
                        expanded.Clear();
                        break;
                    }

                    expanded = [.. expanded.Select(e => (e.Url.Replace(parameter.Value, e.Record!.SubId!, StringComparison.Ordinal), e.Record))];
                    continue;
                }

                if (!values.TryGetValue(parameter.Value, out var choices))
                {
                    missing.Add($"{pattern}: no seeded value for {parameter.Value}; add one to Substitutions");
                    expanded.Clear();
                    break;
                }

                expanded = [.. expanded.SelectMany(e => choices.Select(c => (e.Url.Replace(parameter.Value, c, StringComparison.Ordinal), e.Record)))];
            }

            foreach (var (url, record) in expanded.Distinct())
            {
                urls.Add(url);
                if (record is not null)
                    owners[url] = record;
            }
            // Lists that search: the seeded names share one word, so a search brings them all (a page limit cannot hide a leak).
            if (!pattern.Contains('{', StringComparison.Ordinal))
                urls.Add(pattern + "?q=" + seed.SharedWord);
        }

        Assert.Empty(missing);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        // Callers in parallel, four at a time: each reads every URL in turn.
        await Parallel.ForEachAsync(Callers, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Cancel }, async (caller, _) =>
        {
            var (role, scope, province, commune) = caller;
            var api = await app.ApiAsAsync(role, scope);
            var pages = await app.PagesAsAsync(App.UserNameFor(role, scope), App.UserPassword);
            bool Covers(Area a) => province is not null && a.Province == province && (commune is null || a.Commune == commune);
            var hidden = seed.Markers.Where(m => !m.Areas.Any(Covers) && m.AlsoSeenBy?.Contains($"{role}@{scope}") != true).ToList();
            var seen = new HashSet<string>();
            foreach (var url in urls)
            {
                using var response = await (url.StartsWith("/api/", StringComparison.Ordinal) ? api : pages).GetAsync(url, Cancel);
                if ((int)response.StatusCode >= 500)
                    failures.Enqueue($"{role}@{scope} GET {url}: {(int)response.StatusCode}");
                if (owners.TryGetValue(url, out var record))
                {
                    var status = (int)response.StatusCode;
                    // The record's own reader gets it; a caller of another province or commune gets 403/404 (a page may send to "access denied").
                    if (record.Owner == (role, scope) && status != 200)
                        failures.Enqueue($"{role}@{scope} GET {url}: {status} for its own {record.Kind} (expected 200)");
                    if (province is not null && record.Area is { } area && !Covers(area) && status is not (403 or 404)
                        && !(status == 302 && response.Headers.Location?.OriginalString.Contains("AccessDenied", StringComparison.OrdinalIgnoreCase) == true))
                        failures.Enqueue($"{role}@{scope} GET {url}: {status} for a {record.Kind} of {area.Commune} (expected 403 or 404)");
                }

                var body = await TextOfAsync(response);
                foreach (var marker in hidden.Where(m => body.Contains(m.Token, StringComparison.OrdinalIgnoreCase)))
                    failures.Enqueue($"{role}@{scope} GET {url}: shows {marker.What} of {string.Join("/", marker.Areas.Select(a => a.Commune))}");
                seen.UnionWith(seed.Markers.Where(m => body.Contains(m.Token, StringComparison.OrdinalIgnoreCase)).Select(m => m.Token));
            }

            // The probe can see: a caller who reads person files does find the records of their own area.
            if (Roles.IsGranted(role, Permissions.ViewPersons))
            {
                foreach (var own in seed.Markers.Where(m => m.What != "the module records" && m.Areas.Any(Covers) && !seen.Contains(m.Token)))
                    failures.Enqueue($"{role}@{scope}: never saw {own.What} of its own area (the probe is blind)");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(80)));
        Assert.True(urls.Count > 50, $"only {urls.Count} URLs enumerated");
    }

    /// <summary>A marker and the areas whose callers may see it; <paramref name="AlsoSeenBy"/>: callers without an area who may see it too ("role@scope").</summary>
    private sealed record Marker(string Token, string What, IReadOnlyList<Area> Areas, IReadOnlyList<string>? AlsoSeenBy = null);

    /// <summary>A seeded record of a module keyed by its own id: its area (null: installation-wide), the caller who must read it (200), and a part id (photo, evidence).</summary>
    private sealed record SeededRecord(string Kind, string Id, Area? Area, (string Role, string Scope)? Owner, string? SubId = null);

    private sealed record Seed(string SharedWord, IReadOnlyList<Marker> Markers, IReadOnlyList<Guid> PersonIds, IReadOnlyList<SeededRecord> Records);

    /// <summary>Route parameters naming a part of the record in {id:guid}.</summary>
    private static readonly HashSet<string> SubIds = ["{photoId:guid}", "{evidenceId:guid}"];

    /// <summary>Which module's ids a route keyed by {id:guid} takes (first match; more specific prefixes first). Unknown: the test fails.</summary>
    private static readonly (string Prefix, string Kind)[] Kinds =
    [
        ("/api/v1/persons/import/rejects/", "import-reject"),
        ("/api/v1/persons/", "person"),
        ("/Persons/", "person"),
        ("/api/v1/drug-cases/", "drug-case"),
        ("/Enforcement/Details/", "drug-case"),
        ("/Enforcement/Edit/", "drug-case"),
        ("/api/v1/lawful-activities/", "lawful-activity"),
        ("/LawfulActivities/Details/", "lawful-activity"),
        ("/api/v1/tips/", "tip"),
        ("/Tips/Details/", "tip"),
        ("/api/v1/reports/", "report"),
        ("/Reports/Edit/", "report"),
        ("/api/v1/plans/", "plan"),
        ("/Plans/Details/", "plan"),
        ("/Plans/Import/", "plan"),
        ("/api/v1/tasks/", "task"),
        ("/Plans/Task/", "task"),
        ("/api/v1/data-breaches/", "data-breach"),
        ("/DataBreaches/Details/", "data-breach"),
        ("/api/v1/users/", "user"),
        ("/Users/Details/", "user"),
        ("/api/v1/population-checks/", "population-check"),
    ];

    private static string? KindOf(string pattern) => Kinds.FirstOrDefault(k => pattern.StartsWith(k.Prefix, StringComparison.Ordinal)).Kind;

    private static Dictionary<string, string[]> Substitutions(Seed seed) => new()
    {
        ["{code}"] = [A.Commune, C.Commune, C.Province],
        ["{code:int}"] = ["404"],
        ["{year:int}"] = ["2026"],
        ["{list}"] = [.. Pcmt.Features.Lifecycle.LegalLists.All],
        ["{form}"] = ["04"],
        ["{documentName}"] = ["v1"],
        ["{province}"] = [A.Province, C.Province],
        ["{commune}"] = [A.Commune, C.Commune],
        ["{area}"] = [C.Province, C.Commune],
        ["{regime}"] = ["all"],
        ["{key}"] = ["due-soon-days"],
        ["{date}"] = ["2026-12-31"],
        ["{kind}"] = ["authority"],
        ["{memberId:guid}"] = [Guid.Empty.ToString()], // Community (issue 15): rosters and assignments have their own two-area tests
        ["{assignmentId:guid}"] = [Guid.Empty.ToString()],
    };

    /// <summary>Markers are random words (letters only, so they pass the name rules and are never HTML- or JSON-escaped).</summary>
    private static string Word() =>
        string.Concat(Enumerable.Range(0, 7).Select(i => (i % 2 == 0 ? "bcdghklmnpqrstvx" : "aeiouy")[Random.Shared.Next(i % 2 == 0 ? 16 : 6)])) is var w
            ? char.ToUpperInvariant(w[0]) + w[1..] : "";

    private async Task<Seed> SeedAsync()
    {
        var shared = Word();
        var markers = new List<Marker>();
        var ids = new List<Guid>();
        var year = 1970 + Random.Shared.Next(30);
        foreach (var (area, n) in new[] { (A, 1), (B, 2), (C, 3) })
        {
            var token = Word();
            markers.Add(new Marker(token, "the records", [area]));
            var officer = await app.ApiAsAsync(Roles.CommunePolice, area.Commune);
            var dob = $"{year}-0{n}-1{n}";
            var person = await RegisterAsync(officer, $"Lã {shared} {token}", dob, area.Commune);
            ids.Add(person);
            // A likely duplicate in the same commune puts a pair in the review queue.
            await RegisterAsync(officer, $"La {shared} {token}", dob, area.Commune);
            await PostAsync(officer, $"/api/v1/persons/{person}/management-decisions", new { decidedAt = "2026-03-01", decisionNumber = $"{n}/QĐ-{token}" });
            await PostAsync(officer, $"/api/v1/persons/{person}/support-services", new { kind = "counselling", providedOn = "2026-06-01", provider = $"Trạm {token}", outcome = $"Kết quả {token}" });
            await PostAsync(officer, "/api/v1/hotspots", new { communeCode = area.Commune, kind = "harbouring-point", detectedOn = "2026-02-01", description = $"Điểm {token}" });
            // Lawful drug-related activities (issue 14): an establishment per area, managed by the province's police (not the department caller's agency).
            await app.EnsureAgencyAsync($"cong-an-tinh-{area.Province}", area.Province, "Công an tỉnh", "police");
            await PostAsync(officer, "/api/v1/lawful-activities", new { communeCode = area.Commune, name = $"Cơ sở {token}", kind = "medicine", responsibleAgency = $"cong-an-tinh-{area.Province}", substances = "Morphin" });
        }

        // A pair across provinces: the Hà Nội record carries the alias the Thái Nguyên one is registered under.
        var crossing = Word();
        var hanoiToken = Word();
        markers.Add(new Marker(hanoiToken, "the duplicate candidate", [C]));
        var hanoi = await app.ApiAsAsync(Roles.CommunePolice, C.Commune);
        var response = await hanoi.PostAsJsonAsync("/api/v1/persons", new { fullName = $"Vũ {shared} {hanoiToken}", aliases = new[] { $"Đinh {shared} {crossing}" }, dateOfBirth = $"{year}-07-17", sex = "female", residenceCommuneCode = C.Commune }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var communeA = await app.ApiAsAsync(Roles.CommunePolice, A.Commune);
        await RegisterAsync(communeA, $"Đinh {shared} {crossing}", $"{year}-07-17", A.Commune);

        // A pending handover from A to C: both communes may read the person meanwhile, B may not.
        var movingToken = Word();
        markers.Add(new Marker(movingToken, "the person being handed over", [A, C]));
        var moving = await RegisterAsync(communeA, $"Lý {shared} {movingToken}", $"{year}-08-18", A.Commune);
        ids.Add(moving);
        await PostAsync(communeA, $"/api/v1/persons/{moving}/transfers", new { toCommuneCode = C.Commune, reason = "Chuyển đến ở cùng gia đình" });

        var records = new List<SeededRecord>();
        foreach (var (area, n) in new[] { (A, 1), (B, 2), (C, 3) })
            records.Add(new SeededRecord("person", ids[n - 1].ToString(), area, null));
        records.Add(new SeededRecord("person", moving.ToString(), null, null));
        await SeedModulesAsync(shared, markers, records);
        return new Seed(shared, markers, ids, records);
    }

    /// <summary>
    /// One record of each module keyed by its own id in Thái Nguyên (05443) and in Hà Nội (00004), each created through the API by
    /// the role that owns it, with a marker where the record shows text: drug cases, tips (with a photo) routed to the commune,
    /// commune reports, plans, tasks (with an evidence file), the users, import reject files, bulk population checks; and one
    /// installation-wide breach record.
    /// </summary>
    private async Task SeedModulesAsync(string shared, List<Marker> markers, List<SeededRecord> records)
    {
        foreach (var area in new[] { A, C })
        {
            var token = Word();
            markers.Add(new Marker(token, "the module records", [area]));
            var province = await app.ApiAsAsync(Roles.ProvincePolice, area.Province);
            var commune = await app.ApiAsAsync(Roles.CommunePolice, area.Commune);
            (string, string) communeOwner = (Roles.CommunePolice, area.Commune);
            (string, string) provinceOwner = (Roles.ProvincePolice, area.Province);

            var drugCase = await CreatedIdAsync(commune, "/api/v1/drug-cases", new
            {
                communeCode = area.Commune,
                detectingUnit = $"Đội {token}",
                detectedOn = "2026-03-01",
                route = "inland",
                organised = false,
                transnational = false,
                offences = new[] { "251" },
                suspects = Array.Empty<object>(),
                seizures = Array.Empty<object>(),
                summary = $"Vụ {shared} {token}",
            });
            records.Add(new SeededRecord("drug-case", drugCase, area, communeOwner));
            var lawful = await CreatedIdAsync(commune, "/api/v1/lawful-activities", new { communeCode = area.Commune, name = $"Cơ sở {shared} {token}", kind = "medicine", responsibleAgency = $"cong-an-tinh-{area.Province}", substances = "Morphin" });
            records.Add(new SeededRecord("lawful-activity", lawful, area, communeOwner));

            // A tip with a photo, received anonymously, routed by the province police to the commune.
            var tipForm = new MultipartFormDataContent
            {
                { new StringContent(area.Commune), "communeCode" },
                { new StringContent("harbouring-point"), "category" },
                { new StringContent($"Tụ điểm {shared} {token} ở đầu ngõ."), "text" },
            };
            var photo = new ByteArrayContent(Pcmt.Tests.Features.Tips.TipsApiTests.PhotoWithGps());
            photo.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            tipForm.Add(photo, "photos", "anh.jpg");
            var submitted = await app.Anonymous().PostAsync("/api/v1/tips", tipForm, Cancel);
            Assert.True(submitted.StatusCode == HttpStatusCode.Created, $"tip: {(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync(Cancel)}");
            var receipt = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("receiptCode").GetString();
            var tips = await province.GetFromJsonAsync<JsonElement>("/api/v1/tips?pageSize=500", Cancel);
            var tip = tips.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("receiptCode").GetString() == receipt).GetProperty("id").GetGuid();
            await PostAsync(province, $"/api/v1/tips/{tip}/route", new { communeCode = area.Commune });
            var tipPhoto = (await province.GetFromJsonAsync<JsonElement>($"/api/v1/tips/{tip}", Cancel)).GetProperty("photos")[0].GetProperty("id").GetString();
            records.Add(new SeededRecord("tip", tip.ToString(), area, communeOwner, tipPhoto));

            var report = await CreatedIdAsync(commune, "/api/v1/reports", new { template = "commune-half-year", period = "2025H2", reporter = area.Commune });
            records.Add(new SeededRecord("report", report, area, communeOwner));

            // The province's plan and tasks are read by the province's agencies too (issue 12): Sở Y tế (so-y-te) is one of Thái Nguyên's.
            var planToken = Word();
            markers.Add(new Marker(planToken, "the module records", [area], area == A ? [$"{Roles.Department}@so-y-te"] : null));
            var plan = await CreatedIdAsync(province, "/api/v1/plans", new
            {
                provinceCode = area.Province,
                title = $"Kế hoạch {shared} {planToken}",
                documentNumber = $"{planToken}/KH-UBND",
                issuedOn = "2026-01-15",
                fromYear = 2026,
                toYear = 2030,
                totalBudgetVnd = 1_000_000_000,
            });
            var provinceArea = area with { Commune = "" }; // a plan is the province's: no commune officer covers it
            records.Add(new SeededRecord("plan", plan, provinceArea, provinceOwner));
            // The agency register is the installation's (every signed-in user reads it): no marker in its code or name.
            var agency = $"pv-{area.Province}-{Random.Shared.Next(100_000):D5}";
            await app.EnsureAgencyAsync(agency, area.Province, $"Sở thử phạm vi {area.Province}");
            var task = await CreatedIdAsync(province, $"/api/v1/plans/{plan}/tasks", new { title = $"Nhiệm vụ {shared} {planToken}", section = "4.2", leadAgency = agency, partnerAgencies = Array.Empty<string>(), due = "2026Q4" });
            var progress = await CreatedIdAsync(province, $"/api/v1/tasks/{task}/progress", new { reportedOn = "2026-11-30", percent = 40, note = $"Tiến độ {planToken}" });
            using (var evidence = new MultipartFormDataContent { { new ByteArrayContent("biên bản"u8.ToArray()), "file", "bien-ban.pdf" } })
            {
                var attached = await province.PostAsync($"/api/v1/tasks/{task}/progress/{progress}/evidence", evidence, Cancel);
                Assert.True(attached.StatusCode == HttpStatusCode.Created, $"evidence: {(int)attached.StatusCode}");
            }

            var history = (await province.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}", Cancel)).GetProperty("history");
            var evidenceId = history.EnumerateArray().SelectMany(h => h.GetProperty("evidence").EnumerateArray()).First().GetProperty("id").GetString();
            records.Add(new SeededRecord("task", task, provinceArea, provinceOwner, evidenceId));

            records.Add(new SeededRecord("user", (await app.EnsureUserAsync(Roles.CommunePolice, area.Commune)).ToString(), area, area == C ? (Roles.Admin, "01") : null));

            using (var import = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"Họ tên,Năm sinh,Giới tính,Mã xã\nLỗi {token},1990,không rõ,{area.Commune}\n")), "file", "loi.csv" } })
            {
                var imported = await commune.PostAsync("/api/v1/persons/import", import, Cancel);
                var rejectFile = (await imported.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("rejectFile").GetString()!;
                records.Add(new SeededRecord("import-reject", rejectFile[(rejectFile.LastIndexOf('/') + 1)..], area, communeOwner));
            }

            var check = await commune.PostAsJsonAsync("/api/v1/population-checks", new { commune = area.Commune, purpose = "Rà soát định kỳ" }, Cancel);
            Assert.True(check.StatusCode == HttpStatusCode.Accepted, $"population check: {(int)check.StatusCode} {await check.Content.ReadAsStringAsync(Cancel)}");
            records.Add(new SeededRecord("population-check", (await check.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString()!, area, communeOwner));
        }

        // The breach register is the installation's (administrators only): one record, read by the administrator.
        var breach = await CreatedIdAsync(await app.AdminAsync(), "/api/v1/data-breaches", new
        {
            description = "Thử phạm vi",
            discoveredAt = DateTimeOffset.UtcNow.AddHours(7).AddHours(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            categories = new[] { "identity" },
            subjectCount = 1,
            responsibleOfficer = "Cán bộ thử",
        });
        records.Add(new SeededRecord("data-breach", breach, null, (Roles.Admin, "01")));
    }

    private static async Task<string> CreatedIdAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Cancel);
        Assert.True(response.IsSuccessStatusCode, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").ToString();
    }

    private static async Task<Guid> RegisterAsync(HttpClient client, string name, string dob, string commune)
    {
        var response = await client.PostAsJsonAsync("/api/v1/persons", new { fullName = name, dateOfBirth = dob, sex = "female", residenceCommuneCode = commune }, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"register {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    private static async Task PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Cancel);
        Assert.True(response.IsSuccessStatusCode, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
    }

    /// <summary>The body as text; for an Office document (a zip: .docx, .xlsx) the text of every part inside it.</summary>
    private static async Task<string> TextOfAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K')
            return Encoding.UTF8.GetString(bytes);
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.Append(await reader.ReadToEndAsync(Cancel));
        }

        return text.ToString();
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
