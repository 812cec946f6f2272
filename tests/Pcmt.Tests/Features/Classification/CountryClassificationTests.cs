using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pcmt.Tests.Features.Classification;

/// <summary>A fresh database with records in three provinces.</summary>
public sealed class CountryClassificationApp : App;

/// <summary>The national run (<c>POST /api/v1/classifications/run</c> without a province): one pass over the country, the same results as province by province.</summary>
public sealed class CountryClassificationTests(CountryClassificationApp app) : IClassFixture<CountryClassificationApp>
{
    private static readonly string[] Provinces = ["01", "19", "79"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string url, object? body, HttpStatusCode expected)
    {
        var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) }, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(expected == response.StatusCode, $"{method} {url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task MarkAsync(string commune, int? residents, int users = 0, int points = 0, int offenders = 0, int? residentOffenders = null, int plants = 0)
    {
        var officer = await app.ApiAsAsync(Roles.CommunePolice, commune);
        if (residents is not null)
            await SendAsync(officer, HttpMethod.Put, $"/api/v1/admin-units/{commune}/population/2026", new { residents }, HttpStatusCode.NoContent);
        for (var i = 0; i < users; i++)
        {
            var person = await SendAsync(officer, HttpMethod.Post, "/api/v1/persons", new { fullName = $"Người Thử {commune} {i}", dateOfBirth = "1990", sex = "male", residenceCommuneCode = commune }, HttpStatusCode.Created);
            await SendAsync(officer, HttpMethod.Post, $"/api/v1/persons/{person.GetProperty("id").GetGuid()}/management-decisions", new { decidedAt = "2026-08-04", decisionNumber = $"{i}/QĐ" }, HttpStatusCode.Created);
        }

        for (var i = 0; i < points; i++)
            await SendAsync(officer, HttpMethod.Post, "/api/v1/hotspots", new { communeCode = commune, kind = "harbouring-point", detectedOn = "2026-05-10" }, HttpStatusCode.Created);
        if (offenders > 0)
            await SendAsync(officer, HttpMethod.Post, "/api/v1/arrests", new { communeCode = commune, arrestedOn = "2026-06-01", offenders, residentOffenders }, HttpStatusCode.Created);
        if (plants > 0)
            await SendAsync(officer, HttpMethod.Post, "/api/v1/cultivation-finds", new { communeCode = commune, foundOn = "2026-06-01", plants, areaM2 = 40.5, destroyedOn = "2026-06-02" }, HttpStatusCode.Created);
    }

    /// <summary>Each commune's result as the API shows it: class, computed class, status and the whole criteria snapshot.</summary>
    private static Dictionary<string, string> Results(JsonElement body) =>
        body.GetProperty("items").EnumerateArray().ToDictionary(
            i => i.GetProperty("communeCode").GetString()!,
            i => string.Join(" | ", i.GetProperty("class").GetString(), i.GetProperty("computedClass").GetString(), i.GetProperty("status").GetString(), i.GetProperty("criteria").GetRawText()));

    [Fact]
    public async Task The_national_run_gives_the_province_runs_results_and_keeps_approved_ones()
    {
        await MarkAsync("05443", residents: 10_000, users: 50, points: 2, offenders: 10);
        await MarkAsync("01840", residents: 10_000, users: 3);
        await MarkAsync("00004", residents: 20_000, users: 2, points: 1);
        await MarkAsync("00008", residents: 15_000, points: 1);
        await MarkAsync("00025", residents: null, users: 1);
        await MarkAsync("25747", residents: 30_000, offenders: 3, residentOffenders: 1, plants: 600);
        await MarkAsync("25750", residents: 12_000, users: 4);
        var police79 = await app.ApiAsAsync(Roles.ProvincePolice, "79");
        await SendAsync(police79, HttpMethod.Post, "/api/v1/hotspot-routes", new { provinceCode = "79", name = "Tuyến thử", scope = "intra-provincial", communes = new[] { "25747", "25750" } }, HttpStatusCode.Created);

        var byProvince = new Dictionary<string, Dictionary<string, string>>();
        foreach (var province in Provinces)
        {
            var police = await app.ApiAsAsync(Roles.ProvincePolice, province);
            byProvince[province] = Results(await SendAsync(police, HttpMethod.Post, "/api/v1/classifications/run", new { province, year = 2026 }, HttpStatusCode.OK));
        }

        Assert.StartsWith("type-1 | type-1 | proposed", byProvince["19"]["05443"], StringComparison.Ordinal);
        Assert.StartsWith("review | review", byProvince["01"]["00025"], StringComparison.Ordinal);
        Assert.Contains("\"onRoute\":true", byProvince["79"]["25750"], StringComparison.Ordinal);

        var admin = await app.AdminAsync();
        var summary = await SendAsync(admin, HttpMethod.Post, "/api/v1/classifications/run", new { year = 2026 }, HttpStatusCode.OK);
        Assert.Equal(2026, summary.GetProperty("year").GetInt32());
        Assert.Equal(34, summary.GetProperty("provinces").GetInt32());
        Assert.Equal(3321, summary.GetProperty("total").GetInt32());
        Assert.Equal(0, summary.GetProperty("approved").GetInt32());
        var byClass = summary.GetProperty("byClass").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        var marked = byProvince.Values.SelectMany(p => p.Values).Where(r => !r.StartsWith("drug-free", StringComparison.Ordinal)).ToList();
        Assert.Equal(3321, byClass.Values.Sum());
        Assert.Equal(3321 - marked.Count, byClass["drug-free"]);
        Assert.Equal(marked.Count(r => r.StartsWith("review", StringComparison.Ordinal)), byClass["review"]);

        // The national pass wrote the same results (class, computed class, every criterion) as each province's own run.
        foreach (var province in Provinces)
        {
            var listed = Results(await SendAsync(admin, HttpMethod.Get, $"/api/v1/classifications?province={province}&year=2026", null, HttpStatusCode.OK));
            Assert.Equal(byProvince[province], listed);
        }

        // "VN" names the country too; one summary audit entry per run, not one per commune.
        await SendAsync(admin, HttpMethod.Post, "/api/v1/classifications/run", new { province = "VN", year = 2026 }, HttpStatusCode.OK);
        var audit = await SendAsync(admin, HttpMethod.Get, "/api/v1/audit-entries?entityType=CommuneClassification&user=admin&pageSize=100", null, HttpStatusCode.OK);
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Contains("classification 2026 VN: 3321 communes", e.GetProperty("detail").GetString(), StringComparison.Ordinal));

        // Approved results are never overwritten: Thái Nguyên approves, its records change, the country runs again.
        var police19 = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        await SendAsync(police19, HttpMethod.Post, "/api/v1/classifications/19/2026/approve", new { decisionNumber = "2150/QĐ-UBND", decidedOn = "2026-11-18" }, HttpStatusCode.NoContent);
        var approved = Results(await SendAsync(police19, HttpMethod.Get, "/api/v1/classifications?province=19&year=2026", null, HttpStatusCode.OK));
        await MarkAsync("01843", residents: 10_000, users: 2);
        await MarkAsync("00008", residents: null, users: 1); // one harbouring point was "review"; with a user it is type III

        var again = await SendAsync(admin, HttpMethod.Post, "/api/v1/classifications/run", new { year = 2026 }, HttpStatusCode.OK);
        Assert.Equal(92, again.GetProperty("approved").GetInt32());
        Assert.Equal(approved, Results(await SendAsync(police19, HttpMethod.Get, "/api/v1/classifications?province=19&year=2026", null, HttpStatusCode.OK)));
        Assert.StartsWith("drug-free | drug-free | approved", approved["01843"], StringComparison.Ordinal);
        var hanoi = Results(await SendAsync(admin, HttpMethod.Get, "/api/v1/classifications?province=01&year=2026", null, HttpStatusCode.OK));
        Assert.StartsWith("type-3 | type-3 | proposed", hanoi["00008"], StringComparison.Ordinal);
        Assert.Contains("\"users\":1", hanoi["00008"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_whole_installation_user_with_the_permission_runs_the_country()
    {
        var police = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var missing = await SendAsync(police, HttpMethod.Post, "/api/v1/classifications/run", new { year = 2026 }, HttpStatusCode.BadRequest);
        Assert.Contains("toàn quốc", missing.GetProperty("errors").GetProperty("province")[0].GetString(), StringComparison.Ordinal);
        await SendAsync(police, HttpMethod.Post, "/api/v1/classifications/run", new { province = "VN", year = 2026 }, HttpStatusCode.NotFound);

        var nationalViewer = await app.ApiAsAsync(Roles.Viewer, null);
        await SendAsync(nationalViewer, HttpMethod.Post, "/api/v1/classifications/run", new { year = 2026 }, HttpStatusCode.Forbidden);
        var officer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        await SendAsync(officer, HttpMethod.Post, "/api/v1/classifications/run", new { year = 2026 }, HttpStatusCode.Forbidden);

        // The administrator runs the country only: a province's run, review and approval stay with its police.
        var admin = await app.AdminAsync();
        await SendAsync(admin, HttpMethod.Post, "/api/v1/classifications/run", new { year = 1999 }, HttpStatusCode.BadRequest);
        await SendAsync(admin, HttpMethod.Post, "/api/v1/classifications/run", new { province = "19", year = 2026 }, HttpStatusCode.Forbidden);
        await SendAsync(admin, HttpMethod.Post, "/api/v1/classifications/19/2026/approve", new { decisionNumber = "1/QĐ", decidedOn = "2026-11-18" }, HttpStatusCode.Forbidden);
    }
}
