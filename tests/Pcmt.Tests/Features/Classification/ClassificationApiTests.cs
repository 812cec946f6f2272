using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pcmt.Tests.Features.Classification;

/// <summary>A fresh database: Thái Nguyên with exactly four communes marked by records.</summary>
public sealed class ClassificationApp : App;

/// <summary>The issue's acceptance: classify Thái Nguyên's 92 communes from PCMT's records, approve, and read DF-COMMUNE.</summary>
public sealed class ClassificationApiTests(ClassificationApp app) : IClassFixture<ClassificationApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string url, object? body, HttpStatusCode expected)
    {
        var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) }, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(expected == response.StatusCode, $"{method} {url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task MarkAsync(string commune, int users, int points, int offenders)
    {
        var officer = await app.ApiAsAsync(Roles.CommunePolice, commune);
        await SendAsync(officer, HttpMethod.Put, $"/api/v1/admin-units/{commune}/population/2026", new { residents = 10_000 }, HttpStatusCode.NoContent);
        for (var i = 0; i < users; i++)
        {
            var person = await SendAsync(officer, HttpMethod.Post, "/api/v1/persons", new { fullName = $"Người Thử {commune} {i}", dateOfBirth = "1990", sex = "male", residenceCommuneCode = commune }, HttpStatusCode.Created);
            await SendAsync(officer, HttpMethod.Post, $"/api/v1/persons/{person.GetProperty("id").GetGuid()}/management-decisions", new { decidedAt = "2026-08-04", decisionNumber = $"{i}/QĐ" }, HttpStatusCode.Created);
        }

        for (var i = 0; i < points; i++)
            await SendAsync(officer, HttpMethod.Post, "/api/v1/hotspots", new { communeCode = commune, kind = "harbouring-point", detectedOn = "2026-05-10" }, HttpStatusCode.Created);
        if (offenders > 0)
            await SendAsync(officer, HttpMethod.Post, "/api/v1/arrests", new { communeCode = commune, arrestedOn = "2026-06-01", offenders }, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Thai_Nguyen_with_four_marked_communes_has_88_drug_free_and_DF_COMMUNE_is_88_of_92_after_approval()
    {
        await MarkAsync("05443", users: 50, points: 2, offenders: 10);
        await MarkAsync("01840", users: 10, points: 1, offenders: 5);
        await MarkAsync("01843", users: 3, points: 0, offenders: 0);
        await MarkAsync("01849", users: 0, points: 1, offenders: 0);

        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var run = await SendAsync(province, HttpMethod.Post, "/api/v1/classifications/run", new { province = "19", year = 2026 }, HttpStatusCode.OK);
        var items = run.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("communeCode").GetString()!);
        Assert.Equal(92, items.Count);
        Assert.Equal("type-1", items["05443"].GetProperty("class").GetString());
        Assert.Equal("type-2", items["01840"].GetProperty("class").GetString());
        Assert.Equal("type-3", items["01843"].GetProperty("class").GetString());
        Assert.Equal("review", items["01849"].GetProperty("class").GetString());
        Assert.Equal(88, items.Values.Count(i => i.GetProperty("class").GetString() == "drug-free"));
        Assert.All(items.Values, i => Assert.Equal("proposed", i.GetProperty("status").GetString()));
        var criteria = items["05443"].GetProperty("criteria");
        Assert.Equal(50, criteria.GetProperty("users").GetInt32());
        Assert.Equal(0.005m, criteria.GetProperty("usersRate").GetDecimal());
        Assert.Equal(["a", "b", "c"], criteria.GetProperty("typeI").EnumerateArray().Select(e => e.GetString()));

        var before = await SendAsync(province, HttpMethod.Get, "/api/v1/indicators/DF-COMMUNE/values?area=19&period=2026", null, HttpStatusCode.OK);
        Assert.Equal(0, before.GetProperty("numerator").GetDecimal());

        // Only a real class can be set by hand, with a reason; approval needs a decision number.
        await SendAsync(province, HttpMethod.Put, "/api/v1/classifications/19/2026/01849", new { @class = "review", reason = "Giữ nguyên" }, HttpStatusCode.BadRequest);
        await SendAsync(province, HttpMethod.Post, "/api/v1/classifications/19/2026/approve", new { decidedOn = "2026-12-18" }, HttpStatusCode.BadRequest);
        await SendAsync(province, HttpMethod.Post, "/api/v1/classifications/19/2026/approve", new { decisionNumber = "2150/QĐ-UBND", decidedOn = "2026-11-18" }, HttpStatusCode.NoContent);

        var after = await SendAsync(province, HttpMethod.Get, "/api/v1/indicators/DF-COMMUNE/values?area=19&period=2026", null, HttpStatusCode.OK);
        Assert.Equal((88m, 92m), (after.GetProperty("numerator").GetDecimal(), after.GetProperty("denominator").GetDecimal()));
        Assert.Equal(95.65m, after.GetProperty("value").GetDecimal());
        var listed = await SendAsync(province, HttpMethod.Get, "/api/v1/classifications?province=19&year=2026", null, HttpStatusCode.OK);
        Assert.All(listed.GetProperty("items").EnumerateArray(), i => Assert.Equal("approved", i.GetProperty("status").GetString()));
        // Art 5: 63 people over 40,000 residents (0.16% < 0.2%), 4 points (< 5), 2 type I/II communes of 92 (< 3%): not a hotspot province.
        var provinceResult = listed.GetProperty("province");
        Assert.False(provinceResult.GetProperty("hotspot").GetBoolean());
        Assert.Equal((63, 4, 2), (provinceResult.GetProperty("users").GetInt32(), provinceResult.GetProperty("points").GetInt32(), provinceResult.GetProperty("typeIAndII").GetInt32()));
        Assert.Empty(provinceResult.GetProperty("criteriaMet").EnumerateArray());

        // Approved results are kept when the classification runs again.
        await MarkAsync("01864", users: 1, points: 0, offenders: 0);
        var rerun = await SendAsync(province, HttpMethod.Post, "/api/v1/classifications/run", new { province = "19", year = 2026 }, HttpStatusCode.OK);
        Assert.Equal("drug-free", rerun.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("communeCode").GetString() == "01864").GetProperty("class").GetString());

        var users = await SendAsync(province, HttpMethod.Get, "/api/v1/indicators/USERS-TREND/values?area=05443&period=2026", null, HttpStatusCode.OK);
        Assert.Equal(50, users.GetProperty("value").GetDecimal());
        var target = await SendAsync(province, HttpMethod.Get, "/api/v1/indicators/DF-COMMUNE/values?area=19&period=2028", null, HttpStatusCode.OK);
        Assert.Equal(50, target.GetProperty("target").GetDecimal());
    }

    [Fact]
    public async Task Bad_input_is_refused_and_other_provinces_are_not_visible()
    {
        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        await SendAsync(province, HttpMethod.Post, "/api/v1/classifications/run", new { province = "19", year = 1999 }, HttpStatusCode.BadRequest);
        await SendAsync(province, HttpMethod.Post, "/api/v1/classifications/run", new { province = "01", year = 2026 }, HttpStatusCode.NotFound);
        await SendAsync(province, HttpMethod.Get, "/api/v1/indicators/DF-COMMUNE/values?area=19&period=2026Q5", null, HttpStatusCode.BadRequest);
        await SendAsync(province, HttpMethod.Get, "/api/v1/indicators/DF-COMMUNE/values?area=01&period=2026", null, HttpStatusCode.NotFound);
        await SendAsync(province, HttpMethod.Get, "/api/v1/indicators/NOPE/values?area=19&period=2026", null, HttpStatusCode.NotFound);
        var officer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        await SendAsync(officer, HttpMethod.Post, "/api/v1/hotspots", new { communeCode = "01840", kind = "harbouring-point", detectedOn = "2026-05-10" }, HttpStatusCode.BadRequest);
        await SendAsync(officer, HttpMethod.Post, "/api/v1/arrests", new { communeCode = "05443", arrestedOn = "2026-06-01", offenders = 2, residentOffenders = 3 }, HttpStatusCode.BadRequest);
        await SendAsync(officer, HttpMethod.Post, "/api/v1/cultivation-finds", new { communeCode = "05443", foundOn = "2026-06-01", plants = 0 }, HttpStatusCode.BadRequest);
        await SendAsync(officer, HttpMethod.Post, "/api/v1/cultivation-finds", new { communeCode = "05443", foundOn = "2026-06-01", plants = 120, areaM2 = 30.5, destroyedOn = "2026-06-02" }, HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/v1/classifications/run", new { province = "19", year = 2026 }, Cancel)).StatusCode);
        var catalogue = await SendAsync(officer, HttpMethod.Get, "/api/v1/indicators", null, HttpStatusCode.OK);
        Assert.Contains(catalogue.GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == "DF-COMMUNE" && i.GetProperty("source").GetString() == "computed");
    }
}

/// <summary>Population imported from a spreadsheet, checked row by row, all or nothing.</summary>
[Collection(nameof(AppCollection))]
public sealed class PopulationImportTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Csv(string text)
    {
        var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text)), "file", "dan-so.csv");
        return content;
    }

    [Fact]
    public async Task A_bad_row_refuses_the_whole_file_and_names_the_row()
    {
        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var bad = await province.PostAsync("/api/v1/admin-units/population/import", Csv("Mã xã,Năm,Nhân khẩu\n01894,2027,12000\n99999,2027,5\n01906,1800,10\n"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Contains("99999", errors.GetProperty("dòng 3")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Năm", errors.GetProperty("dòng 4")[0].GetString(), StringComparison.Ordinal);
        var before = await province.GetFromJsonAsync<JsonElement>("/api/v1/admin-units/01894/population", Cancel);
        Assert.DoesNotContain(before.GetProperty("items").EnumerateArray(), r => r.GetProperty("year").GetInt32() == 2027);

        var good = await province.PostAsync("/api/v1/admin-units/population/import", Csv("Mã xã,Năm,Nhân khẩu\n01894,2027,12.000\n1906,2027,8500\n"), Cancel);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var after = await province.GetFromJsonAsync<JsonElement>("/api/v1/admin-units/01894/population", Cancel);
        Assert.Equal(12000, after.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("year").GetInt32() == 2027).GetProperty("residents").GetInt32());

        var elsewhere = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        Assert.Equal(HttpStatusCode.BadRequest, (await elsewhere.PostAsync("/api/v1/admin-units/population/import", Csv("Mã xã,Năm,Nhân khẩu\n01894,2027,1\n"), Cancel)).StatusCode);
    }
}
