using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pcmt.Tests.Features.Community;

/// <summary>
/// The communication and education register and the indicators computed from it (program-indicators.md: SCHOOL-EDUCATION,
/// WORKER-EDUCATION, MEDIA-COVERAGE), and which source wins over the approved reports (ADR 0013). Hà Nội (01) only, so the
/// province-19 report tests keep their reported values.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class CommunicationApiTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<Guid> CreatedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string url, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await client.SendAsync(request, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"{method} {url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Registers_compute_the_three_indicators_and_win_over_an_approved_report_of_the_same_area_and_period()
    {
        var province = await app.ApiAsAsync(Roles.ProvincePolice, "01");
        var commune = await app.ApiAsAsync(Roles.CommunePolice, "00070");

        // An approved education-department report for Hà Nội, 2025H2: 60 of 100 schools (the reported path, Features/Reports).
        await app.EnsureAgencyAsync("so-gd-dt-hn", "01", "Sở Giáo dục và Đào tạo Hà Nội");
        var education = await app.ApiAsAsync(Roles.Department, "so-gd-dt-hn");
        var id = (await SendAsync(education, HttpMethod.Post, "/api/v1/reports", new { template = "agency-half-year", period = "2025H2", reporter = "so-gd-dt-hn" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var report = await SendAsync(education, HttpMethod.Get, $"/api/v1/reports/{id}", null, HttpStatusCode.OK);
        await SendAsync(education, HttpMethod.Put, $"/api/v1/reports/{id}", new
        {
            values = new Dictionary<string, object>
            {
                ["D07.schools-total"] = 100,
                ["D07.schools-educating"] = 60,
                ["D02"] = new[] { new[] { "NV-05", "Tuyên truyền trong trường học", "Chủ trì", "31/12/2025", "Đang thực hiện", "60", "60 trường" } },
                ["D08"] = "Không.",
                ["D09"] = "Không.",
            },
            version = report.GetProperty("version").GetGuid(),
        }, HttpStatusCode.NoContent);
        await SendAsync(education, HttpMethod.Post, $"/api/v1/reports/{id}/submit", null, HttpStatusCode.NoContent);
        await SendAsync(province, HttpMethod.Post, "/api/v1/reports/approve", new { ids = new[] { id } }, HttpStatusCode.OK);
        var reported = await SendAsync(province, HttpMethod.Get, "/api/v1/indicators/SCHOOL-EDUCATION/values?area=01&period=2025H2", null, HttpStatusCode.OK);
        Assert.Equal(("reports", 60m), (reported.GetProperty("source").GetString(), reported.GetProperty("value").GetDecimal()));

        // The registers: 2 schools (one educated in 2025H2), 2 industrial zones, 2 main outlets (one with a column) and a minor one.
        var school1 = await CreatedAsync(await commune.PostAsJsonAsync("/api/v1/education-sites", new { communeCode = "00070", kind = "school", name = "Trường THPT Trần Phú", people = 1200 }, Cancel));
        await CreatedAsync(await province.PostAsJsonAsync("/api/v1/education-sites", new { communeCode = "00082", kind = "school", name = "Trường THCS Cửa Nam", people = 800 }, Cancel));
        var zone1 = await CreatedAsync(await province.PostAsJsonAsync("/api/v1/education-sites", new { communeCode = "00082", kind = "industrial-zone", name = "Khu công nghiệp Thử Nghiệm", people = 1000 }, Cancel));
        await CreatedAsync(await province.PostAsJsonAsync("/api/v1/education-sites", new { communeCode = "00070", kind = "industrial-zone", name = "Khu chế xuất Mẫu", people = 3000 }, Cancel));
        var outlet = await CreatedAsync(await province.PostAsJsonAsync("/api/v1/media-outlets", new { communeCode = "00070", name = "Báo Thủ Đô Thử Nghiệm", main = true, columnSince = "2025-03-01" }, Cancel));
        await CreatedAsync(await province.PostAsJsonAsync("/api/v1/media-outlets", new { communeCode = "00082", name = "Đài Phát thanh Mẫu", main = true }, Cancel));
        await CreatedAsync(await province.PostAsJsonAsync("/api/v1/media-outlets", new { communeCode = "00082", name = "Bản tin phường", main = false, columnSince = "2025-01-01" }, Cancel));

        await CreatedAsync(await commune.PostAsJsonAsync("/api/v1/communication-activities", new { communeCode = "00070", heldOn = "2025-09-15", agency = "Công an phường Hoàn Kiếm", kind = "school-session", audience = "Học sinh lớp 10", participants = 400, materials = 400, siteId = school1 }, Cancel));
        await CreatedAsync(await commune.PostAsJsonAsync("/api/v1/communication-activities", new { communeCode = "00070", heldOn = "2025-10-02", agency = "Công an phường Hoàn Kiếm", kind = "school-session", audience = "Học sinh lớp 11", participants = 350, siteId = school1 }, Cancel));
        // Two sessions at one zone: 700 + 600 participants, counted at most the zone's 1,000 workers.
        await CreatedAsync(await province.PostAsJsonAsync("/api/v1/communication-activities", new { communeCode = "00082", heldOn = "2025-08-01", agency = "Liên đoàn Lao động thành phố", kind = "workplace-session", participants = 700, siteId = zone1 }, Cancel));
        await CreatedAsync(await province.PostAsJsonAsync("/api/v1/communication-activities", new { communeCode = "00082", heldOn = "2025-11-20", agency = "Liên đoàn Lao động thành phố", kind = "workplace-session", participants = 600, siteId = zone1 }, Cancel));
        await CreatedAsync(await province.PostAsJsonAsync("/api/v1/communication-activities", new { communeCode = "00070", heldOn = "2025-12-01", agency = "Báo Thủ Đô Thử Nghiệm", kind = "media-piece", participants = 0, outletId = outlet }, Cancel));

        async Task<JsonElement> ValueAsync(string code, string area, string period) =>
            await SendAsync(province, HttpMethod.Get, $"/api/v1/indicators/{code}/values?area={area}&period={period}", null, HttpStatusCode.OK);

        // The register wins for 01 / 2025H2: 1 of 2 schools = 50 %, and the note names the report it did not use.
        var school = await ValueAsync("SCHOOL-EDUCATION", "01", "2025H2");
        Assert.Equal(("registers", 50m, 1m, 2m), (school.GetProperty("source").GetString(), school.GetProperty("value").GetDecimal(), school.GetProperty("numerator").GetDecimal(), school.GetProperty("denominator").GetDecimal()));
        Assert.Contains("60", school.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Contains("ADR 0013", school.GetProperty("note").GetString(), StringComparison.Ordinal);
        // Workers: min(1,300, 1,000) of 4,000 = 25 %.
        var worker = await ValueAsync("WORKER-EDUCATION", "01", "2025");
        Assert.Equal(("registers", 25m, 1000m, 4000m), (worker.GetProperty("source").GetString(), worker.GetProperty("value").GetDecimal(), worker.GetProperty("numerator").GetDecimal(), worker.GetProperty("denominator").GetDecimal()));
        // Media: 1 of 2 main outlets had a column by the end of 2025 (the minor bulletin is not counted).
        var media = await ValueAsync("MEDIA-COVERAGE", "01", "2025");
        Assert.Equal(("registers", 50m), (media.GetProperty("source").GetString(), media.GetProperty("value").GetDecimal()));
        // Before the column opened (2024), none.
        Assert.Equal(0m, (await ValueAsync("MEDIA-COVERAGE", "01", "2024")).GetProperty("value").GetDecimal());
        // At commune level: 00070 has one school, educated → 100 %.
        Assert.Equal(100m, (await ValueAsync("SCHOOL-EDUCATION", "00070", "2025")).GetProperty("value").GetDecimal());

        // No session in 2025H1: the register has no data for that period, so the reported path answers (no report → no value).
        var empty = await ValueAsync("SCHOOL-EDUCATION", "01", "2025H1");
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("value").ValueKind);
        Assert.Contains("sổ tuyên truyền", empty.GetProperty("note").GetString(), StringComparison.Ordinal);

        // Scope: Thái Nguyên's police do not see Hà Nội's activities or sites; the commune sees its own only.
        var other = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        Assert.DoesNotContain("Trường THPT Trần Phú", (await other.GetStringAsync("/api/v1/education-sites", Cancel)), StringComparison.Ordinal);
        Assert.DoesNotContain("Công an phường Hoàn Kiếm", (await other.GetStringAsync("/api/v1/communication-activities?pageSize=500", Cancel)), StringComparison.Ordinal);
        var own = await commune.GetFromJsonAsync<JsonElement>("/api/v1/communication-activities?from=2025-01-01&to=2025-12-31", Cancel);
        Assert.All(own.GetProperty("items").EnumerateArray(), a => Assert.Equal("00070", a.GetProperty("communeCode").GetString()));
        Assert.Equal(3, own.GetProperty("total").GetInt32());

        // The pages and the dashboard block show them.
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.ProvincePolice, "01"), App.UserPassword);
        var html = await pages.GetStringAsync("/Community/Index?Year=2025", Cancel);
        Assert.Contains("Trường THPT Trần Phú", html, StringComparison.Ordinal);
        Assert.Contains("Sổ tuyên truyền", html, StringComparison.Ordinal);
        var dashboard = await pages.GetStringAsync("/Dashboard?year=2025", Cancel);
        Assert.Contains("Tuyên truyền, giáo dục năm 2025", dashboard, StringComparison.Ordinal);
        Assert.Contains("Tin tố giác năm 2025", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_activities_are_refused_with_Vietnamese_messages_and_nothing_saved()
    {
        // Hồ Chí Minh City (79): this test's school must not enter Hà Nội's denominators.
        var commune = await app.ApiAsAsync(Roles.CommunePolice, "25747");
        var school = await CreatedAsync(await commune.PostAsJsonAsync("/api/v1/education-sites", new { communeCode = "25747", kind = "school", name = "Trường Tiểu học Thủ Dầu Một", people = 500 }, Cancel));
        var before = (await commune.GetFromJsonAsync<JsonElement>("/api/v1/communication-activities", Cancel)).GetProperty("total").GetInt32();
        var bad = await commune.PostAsJsonAsync("/api/v1/communication-activities", new { communeCode = "25747", heldOn = "2099-01-01", agency = "", kind = "party", participants = -1 }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        foreach (var field in new[] { "heldOn", "agency", "kind", "participants" })
            Assert.True(errors.TryGetProperty(field, out _), field);
        // A school session needs its school; a workplace session cannot point at a school; another commune is outside the area.
        Assert.Equal(HttpStatusCode.BadRequest, (await commune.PostAsJsonAsync("/api/v1/communication-activities", new { communeCode = "25747", heldOn = "2025-05-05", agency = "Đoàn phường", kind = "school-session", participants = 10 }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await commune.PostAsJsonAsync("/api/v1/communication-activities", new { communeCode = "25747", heldOn = "2025-05-05", agency = "Đoàn phường", kind = "workplace-session", participants = 10, siteId = school }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await commune.PostAsJsonAsync("/api/v1/communication-activities", new { communeCode = "25750", heldOn = "2025-05-05", agency = "Đoàn phường", kind = "meeting", participants = 10 }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await commune.GetAsync("/api/v1/communication-activities?from=0001-01-01", Cancel)).StatusCode);
        Assert.Equal(before, (await commune.GetFromJsonAsync<JsonElement>("/api/v1/communication-activities", Cancel)).GetProperty("total").GetInt32());
        // A viewer reads but cannot record.
        var viewer = await app.ApiAsAsync(Roles.Viewer, "79");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/communication-activities", new { communeCode = "25747", heldOn = "2025-05-05", agency = "X", kind = "meeting", participants = 1 }, Cancel)).StatusCode);
    }
}
