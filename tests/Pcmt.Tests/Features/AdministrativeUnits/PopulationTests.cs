using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pcmt.Tests.Features.AdministrativeUnits;

[Collection(nameof(AppCollection))]
public sealed class PopulationTests(App app)
{
    // Thái Nguyên (19): Phường Phan Đình Phùng 05443 and another commune of the same province.
    private const string OwnCommune = "05443";
    private const string OtherCommune = "01840";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> PopulationAsync(HttpClient client, string code) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin-units/{code}/population", Cancel);

    [Fact]
    public async Task A_commune_committee_sets_its_own_population_and_sees_it()
    {
        var committee = await app.ApiAsAsync(Roles.CommuneCommittee, OwnCommune);
        var put = await committee.PutAsJsonAsync($"/api/v1/admin-units/{OwnCommune}/population/2024", new { residents = 10_000 }, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);

        var rows = (await PopulationAsync(committee, OwnCommune)).GetProperty("items");
        Assert.Contains(rows.EnumerateArray(), r => r.GetProperty("year").GetInt32() == 2024 && r.GetProperty("residents").GetInt32() == 10_000);
    }

    [Fact]
    public async Task A_commune_officer_can_neither_write_nor_read_another_communes_population()
    {
        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        Assert.Equal(HttpStatusCode.NoContent, (await province.PutAsJsonAsync($"/api/v1/admin-units/{OtherCommune}/population/2025", new { residents = 7_000 }, Cancel)).StatusCode);

        var officer = await app.ApiAsAsync(Roles.CommunePolice, OwnCommune);
        var put = await officer.PutAsJsonAsync($"/api/v1/admin-units/{OtherCommune}/population/2025", new { residents = 1 }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/admin-units/{OtherCommune}/population", Cancel)).StatusCode);

        var rows = (await PopulationAsync(province, OtherCommune)).GetProperty("items");
        Assert.Equal(7_000, rows.EnumerateArray().Single(r => r.GetProperty("year").GetInt32() == 2025).GetProperty("residents").GetInt32());
    }

    [Fact]
    public async Task A_province_officer_cannot_touch_another_province()
    {
        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var put = await province.PutAsJsonAsync("/api/v1/admin-units/00004/population/2025", new { residents = 5 }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Theory]
    [InlineData(-1, 2025, "residents")]
    [InlineData(10, 1990, "year")]
    public async Task Invalid_values_are_400_and_change_nothing(int residents, int year, string field)
    {
        var admin = await app.AdminAsync();
        var before = (await PopulationAsync(admin, "01843")).GetProperty("items").GetArrayLength();
        var put = await admin.PutAsJsonAsync($"/api/v1/admin-units/01843/population/{year}", new { residents }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.True((await put.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, (await PopulationAsync(admin, "01843")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Population_is_for_communes_only()
    {
        var put = await (await app.AdminAsync()).PutAsJsonAsync("/api/v1/admin-units/19/population/2025", new { residents = 1_000_000 }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_the_newer_value_kept()
    {
        var admin = await app.AdminAsync();
        await admin.PutAsJsonAsync("/api/v1/admin-units/01849/population/2026", new { residents = 100 }, Cancel);
        var seen = (await PopulationAsync(admin, "01849")).GetProperty("items").EnumerateArray().Single(r => r.GetProperty("year").GetInt32() == 2026).GetProperty("version").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/admin-units/01849/population/2026", new { residents = 200, version = seen }, Cancel)).StatusCode);
        var stale = await admin.PutAsJsonAsync("/api/v1/admin-units/01849/population/2026", new { residents = 300, version = seen }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var row = (await PopulationAsync(admin, "01849")).GetProperty("items").EnumerateArray().Single(r => r.GetProperty("year").GetInt32() == 2026);
        Assert.Equal(200, row.GetProperty("residents").GetInt32());
    }

    [Fact]
    public async Task Every_write_is_audited_with_who_and_which_fields()
    {
        var committee = await app.ApiAsAsync(Roles.CommuneCommittee, OwnCommune);
        await committee.PutAsJsonAsync($"/api/v1/admin-units/{OwnCommune}/population/2023", new { residents = 9_500 }, Cancel);

        var entries = await (await app.AdminAsync()).GetFromJsonAsync<JsonElement>("/api/v1/audit-entries?entityType=CommunePopulation&pageSize=500", Cancel);
        Assert.Contains(entries.GetProperty("items").EnumerateArray(), e =>
            e.GetProperty("userName").GetString() == App.UserNameFor(Roles.CommuneCommittee, OwnCommune)
            && e.GetProperty("action").GetString() == "create"
            && e.GetProperty("detail").GetString()!.Contains("Residents", StringComparison.Ordinal));
    }
}
