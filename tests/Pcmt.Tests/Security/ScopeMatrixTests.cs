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
        var missing = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (!methods.Contains("GET") || Skipped.Contains(pattern))
                continue;
            var expanded = new List<string> { pattern };
            foreach (Match parameter in RouteParameter().Matches(pattern))
            {
                if (!values.TryGetValue(parameter.Value, out var choices))
                {
                    missing.Add($"{pattern}: no seeded value for {parameter.Value}; add one to Substitutions");
                    expanded.Clear();
                    break;
                }

                expanded = [.. expanded.SelectMany(u => choices.Select(c => u.Replace(parameter.Value, c, StringComparison.Ordinal)))];
            }

            urls.AddRange(expanded.Distinct());
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
            var hidden = seed.Markers.Where(m => !m.Areas.Any(Covers)).ToList();
            var seen = new HashSet<string>();
            foreach (var url in urls)
            {
                using var response = await (url.StartsWith("/api/", StringComparison.Ordinal) ? api : pages).GetAsync(url, Cancel);
                if ((int)response.StatusCode >= 500)
                    failures.Enqueue($"{role}@{scope} GET {url}: {(int)response.StatusCode}");
                var body = await TextOfAsync(response);
                foreach (var marker in hidden.Where(m => body.Contains(m.Token, StringComparison.OrdinalIgnoreCase)))
                    failures.Enqueue($"{role}@{scope} GET {url}: shows {marker.What} of {string.Join("/", marker.Areas.Select(a => a.Commune))}");
                seen.UnionWith(seed.Markers.Where(m => body.Contains(m.Token, StringComparison.OrdinalIgnoreCase)).Select(m => m.Token));
            }

            // The probe can see: a caller who reads person files does find the records of their own area.
            if (Roles.IsGranted(role, Permissions.ViewPersons))
            {
                foreach (var own in seed.Markers.Where(m => m.Areas.Any(Covers) && !seen.Contains(m.Token)))
                    failures.Enqueue($"{role}@{scope}: never saw {own.What} of its own area (the probe is blind)");
            }
        });

        Assert.Empty(failures);
        Assert.True(urls.Count > 50, $"only {urls.Count} URLs enumerated");
    }

    private sealed record Marker(string Token, string What, IReadOnlyList<Area> Areas);

    private sealed record Seed(string SharedWord, IReadOnlyList<Marker> Markers, IReadOnlyList<Guid> PersonIds);

    private static Dictionary<string, string[]> Substitutions(Seed seed) => new()
    {
        ["{id:guid}"] = [.. seed.PersonIds.Select(i => i.ToString())],
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
        ["{evidenceId:guid}"] = [Guid.Empty.ToString()],
        ["{photoId:guid}"] = [Guid.Empty.ToString()],
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
        return new Seed(shared, markers, ids);
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
