using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pcmt.Tests.Features.Population;

/// <summary>The "National population database" section of the contract, with the built-in simulator (the default provider).</summary>
[Collection(nameof(AppCollection))]
public sealed class PopulationCheckTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static async Task<Guid> RegisterAsync(HttpClient officer, string fullName, string dateOfBirth, string citizenId, string commune = "05443", string sex = "male")
    {
        var response = await officer.PostAsJsonAsync("/api/v1/persons", new { fullName, dateOfBirth, sex, citizenId, residenceCommuneCode = commune, address = "Tổ 5" }, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    internal static async Task<JsonElement> CheckAsync(HttpClient client, Guid id, string purpose, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/persons/{id}/population-check", new { purpose }, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static List<string> Differences(JsonElement result) => result.GetProperty("differences").EnumerateArray().Select(d => d.GetString()!).ToList();

    [Fact]
    public async Task A_matching_person_is_matched_and_each_check_is_one_audit_entry_with_its_purpose()
    {
        var officer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var id = await RegisterAsync(officer, "Nguyễn Văn Dân", "1990-05-12", "019090000101");

        var result = await CheckAsync(officer, id, "xác minh nhân thân khi lập hồ sơ");
        Assert.Equal("matched", result.GetProperty("status").GetString());
        Assert.Empty(Differences(result));
        Assert.EndsWith("+07:00", result.GetProperty("checkedAt").GetString(), StringComparison.Ordinal);
        await CheckAsync(officer, id, "rà soát định kỳ quý IV");

        var supervisor = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var log = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{id}/access-log?pageSize=500", Cancel)).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "population-check").ToList();
        Assert.Equal(2, log.Count);
        Assert.Single(log, e => e.GetProperty("purpose").GetString() == "xác minh nhân thân khi lập hồ sơ");
        Assert.Single(log, e => e.GetProperty("purpose").GetString() == "rà soát định kỳ quý IV");
        // The citizen ID never reaches the logs.
        Assert.DoesNotContain(app.Logs, l => l.Contains("019090000101", StringComparison.Ordinal));

        // Shown on the person page.
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.CommunePolice, "05443"), App.UserPassword);
        var html = await pages.GetStringAsync($"/Persons/Details/{id}", Cancel);
        Assert.Contains("Khớp với CSDL quốc gia về dân cư", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_different_birth_date_is_a_mismatch_naming_dateOfBirth_and_the_officer_can_accept_the_national_value()
    {
        var officer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var id = await RegisterAsync(officer, "Trần Văn Cư", "1990-06-01", "019090000102");

        var result = await CheckAsync(officer, id, "xác minh nhân thân khi lập hồ sơ");
        Assert.Equal("mismatch", result.GetProperty("status").GetString());
        Assert.Equal(["dateOfBirth"], Differences(result));

        // Search filter: the mismatch is found by its result, the matched person of another test is not.
        var search = await officer.GetFromJsonAsync<JsonElement>("/api/v1/persons?population=mismatch&pageSize=500", Cancel);
        Assert.Contains(search.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
        var matched = await officer.GetFromJsonAsync<JsonElement>("/api/v1/persons?population=matched&pageSize=500", Cancel);
        Assert.DoesNotContain(matched.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync("/api/v1/persons?population=maybe", Cancel)).StatusCode);

        var bad = await officer.PostAsJsonAsync($"/api/v1/persons/{id}/population-check/accept", new { fields = new[] { "citizenId" } }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var accepted = await officer.PostAsJsonAsync($"/api/v1/persons/{id}/population-check/accept", new { fields = new[] { "dateOfBirth" } }, Cancel);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("matched", (await accepted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetString());
        var person = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{id}", Cancel);
        Assert.Equal("1990-05-02", person.GetProperty("dateOfBirth").GetString());

        var supervisor = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var log = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{id}/access-log?pageSize=500", Cancel)).GetProperty("items").EnumerateArray().ToList();
        Assert.Single(log, e => e.GetProperty("action").GetString() == "population-accept");
    }

    [Fact]
    public async Task An_unknown_citizen_id_is_not_found_and_bad_input_is_400()
    {
        var officer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var id = await RegisterAsync(officer, "Hà Văn Vô Danh", "1990-03-03", "019090999998");
        Assert.Equal("not-found", (await CheckAsync(officer, id, "xác minh nhân thân khi lập hồ sơ")).GetProperty("status").GetString());

        var noPurpose = await CheckAsync(officer, id, "", HttpStatusCode.BadRequest);
        Assert.True(noPurpose.GetProperty("errors").TryGetProperty("purpose", out _));
        var withoutId = await Lifecycle.LifecycleApiTests.RegisterAsync(officer, "Hà Văn Không Số");
        await CheckAsync(officer, withoutId, "xác minh nhân thân khi lập hồ sơ", HttpStatusCode.BadRequest);
        // Outside the caller's area: 404; a role without the permission: 403.
        var elsewhere = await app.ApiAsAsync(Roles.CommunePolice, "00004");
        await CheckAsync(elsewhere, id, "xác minh nhân thân khi lập hồ sơ", HttpStatusCode.NotFound);
        var health = await app.ApiAsAsync(Roles.HealthStaff, "05443");
        Assert.Equal(HttpStatusCode.Forbidden, (await health.PostAsJsonAsync($"/api/v1/persons/{id}/population-check", new { purpose = "xác minh nhân thân" }, Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_population_filter_returns_only_persons_of_the_callers_area()
    {
        // Two communes of province 19 and one of province 01, each with a mismatched person.
        var a = await RegisterAsync(await app.ApiAsAsync(Roles.CommunePolice, "05443"), "Lê Thị Hoa", "1991-03-09", "019191000103", sex: "female");
        var b = await RegisterAsync(await app.ApiAsAsync(Roles.CommunePolice, "01840"), "Hoàng Văn Bình", "1988-11-21", "019088000104", "01840");
        var c = await RegisterAsync(await app.ApiAsAsync(Roles.CommunePolice, "00004"), "Đoàn Thị Lan", "1986-05-06", "001186000202", "00004", "female");
        foreach (var (role, scope, id) in new[] { (Roles.CommunePolice, "05443", a), (Roles.CommunePolice, "01840", b), (Roles.CommunePolice, "00004", c) })
            Assert.Equal("mismatch", (await CheckAsync(await app.ApiAsAsync(role, scope), id, "rà soát định kỳ")).GetProperty("status").GetString());

        async Task<List<Guid>> MismatchedAsync(string role, string scope) =>
            (await (await app.ApiAsAsync(role, scope)).GetFromJsonAsync<JsonElement>("/api/v1/persons?population=mismatch&pageSize=500", Cancel))
                .GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();

        var commune = await MismatchedAsync(Roles.CommunePolice, "05443");
        Assert.Contains(a, commune);
        Assert.DoesNotContain(b, commune);
        Assert.DoesNotContain(c, commune);
        var province = await MismatchedAsync(Roles.ProvincePolice, "19");
        Assert.Contains(a, province);
        Assert.Contains(b, province);
        Assert.DoesNotContain(c, province);
    }

    [Fact]
    public async Task A_bulk_check_of_a_commune_runs_in_the_background_with_progress()
    {
        const string commune = "01879";
        var officer = await app.ApiAsAsync(Roles.CommunePolice, commune);
        await RegisterAsync(officer, "Phạm Văn An", "1995-07-01", "019095000105", commune);
        await RegisterAsync(officer, "Đặng Văn Minh", "2003-01-20", "019203000106", commune);
        await RegisterAsync(officer, "Vũ Văn Ẩn Danh", "1992-09-09", "019092999997", commune);
        await Lifecycle.LifecycleApiTests.RegisterAsync(officer, "Vũ Văn Không Số", commune);

        var refused = await officer.PostAsJsonAsync("/api/v1/population-checks", new { commune = "05443", purpose = "rà soát định kỳ" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var started = await officer.PostAsJsonAsync("/api/v1/population-checks", new { commune, purpose = "rà soát định kỳ toàn xã" }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = (await started.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();

        JsonElement status = default;
        for (var i = 0; i < 60; i++)
        {
            status = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/population-checks/{job}", Cancel);
            if (status.GetProperty("state").GetString() == "done")
                break;
            await Task.Delay(500, Cancel);
        }

        Assert.Equal("done", status.GetProperty("state").GetString());
        Assert.Equal(3, status.GetProperty("total").GetInt32());
        Assert.Equal(3, status.GetProperty("done").GetInt32());
        Assert.Equal(1, status.GetProperty("matched").GetInt32());
        Assert.Equal(1, status.GetProperty("mismatch").GetInt32());
        Assert.Equal(1, status.GetProperty("notFound").GetInt32());
        var neverChecked = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons?population=unchecked&commune={commune}", Cancel);
        Assert.Equal(1, neverChecked.GetProperty("total").GetInt32());

        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.CommunePolice, commune), App.UserPassword);
        var html = await pages.GetStringAsync("/Population", Cancel);
        Assert.Contains("Đã xong", html, StringComparison.Ordinal);
    }
}
