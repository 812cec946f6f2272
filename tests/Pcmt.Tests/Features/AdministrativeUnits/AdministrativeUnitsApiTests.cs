using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pcmt.Tests.Features.AdministrativeUnits;

[Collection(nameof(AppCollection))]
public sealed class AdministrativeUnitsApiTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetAsync(string url) => await (await app.AdminAsync()).GetFromJsonAsync<JsonElement>(url, Cancel);

    [Fact, Trait("Category", "Smoke")]
    public async Task Lists_the_34_provinces_of_the_2025_reform()
    {
        var page = await GetAsync("/api/v1/admin-units?level=province&pageSize=500");
        Assert.Equal(34, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(28, items.Count(i => i.GetProperty("type").GetString() == "tinh"));
        Assert.Equal(6, items.Count(i => i.GetProperty("type").GetString() == "thanh-pho"));
        var thaiNguyen = items.Single(i => i.GetProperty("code").GetString() == "19");
        Assert.Equal("Tỉnh Thái Nguyên", thaiNguyen.GetProperty("name").GetString());
        Assert.Equal("2025-07-01", thaiNguyen.GetProperty("validFrom").GetString());
        Assert.Equal(JsonValueKind.Null, thaiNguyen.GetProperty("validTo").ValueKind);
    }

    [Fact, Trait("Category", "Smoke")]
    public async Task Lists_3321_communes_2621_xa_687_phuong_13_dac_khu()
    {
        Assert.Equal(3321, (await GetAsync("/api/v1/admin-units?level=commune&pageSize=1")).GetProperty("total").GetInt32());
        Assert.Equal(2621, (await GetAsync("/api/v1/admin-units?level=commune&type=xa&pageSize=1")).GetProperty("total").GetInt32());
        Assert.Equal(687, (await GetAsync("/api/v1/admin-units?level=commune&type=phuong&pageSize=1")).GetProperty("total").GetInt32());
        Assert.Equal(13, (await GetAsync("/api/v1/admin-units?level=commune&type=dac-khu&pageSize=1")).GetProperty("total").GetInt32());
    }

    [Fact, Trait("Category", "Smoke")]
    public async Task Thai_Nguyen_has_92_units_15_phuong_and_77_xa()
    {
        var page = await GetAsync("/api/v1/admin-units?province=19&level=commune&pageSize=500");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(92, page.GetProperty("total").GetInt32());
        Assert.Equal(15, items.Count(i => i.GetProperty("type").GetString() == "phuong"));
        Assert.Equal(77, items.Count(i => i.GetProperty("type").GetString() == "xa"));
        var unit = items.Single(i => i.GetProperty("code").GetString() == "05443");
        Assert.Equal("Phường Phan Đình Phùng", unit.GetProperty("name").GetString());
        Assert.Equal("19", unit.GetProperty("provinceCode").GetString());
    }

    [Theory]
    [InlineData("phan dinh phung", "05443")]
    [InlineData("Phan Đình Phùng", "05443")]
    [InlineData("Phường Phan Đình Phùng", "05443")]
    [InlineData("PHU QUOC", "31078")]
    public async Task Finds_units_by_name_with_or_without_diacritics(string q, string code)
    {
        var page = await GetAsync($"/api/v1/admin-units?q={Uri.EscapeDataString(q)}");
        Assert.Contains(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task Places_a_pre_2025_commune_in_the_unit_it_became()
    {
        // Phường Phúc Xá (Ba Đình, Hà Nội) became part of Phường Hồng Hà.
        var links = await GetAsync("/api/v1/admin-units/legacy/00001");
        var successor = Assert.Single(links.GetProperty("items").EnumerateArray());
        Assert.Equal("00097", successor.GetProperty("code").GetString());
        Assert.Equal("Phường Hồng Hà", successor.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_commune_lists_the_old_units_it_was_formed_from()
    {
        var unit = await GetAsync("/api/v1/admin-units/00097");
        Assert.Contains(unit.GetProperty("predecessors").EnumerateArray(), p => p.GetProperty("name").GetString() == "Phường Phúc Xá");
    }

    [Theory]
    [InlineData("/api/v1/admin-units?level=huyen", "level")]
    [InlineData("/api/v1/admin-units?type=thon", "type")]
    [InlineData("/api/v1/admin-units?pageSize=501", "pageSize")]
    [InlineData("/api/v1/admin-units?page=0", "page")]
    public async Task Bad_filters_are_400_naming_the_field(string url, string field)
    {
        var response = await (await app.AdminAsync()).GetAsync(url, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task An_unknown_code_is_404()
    {
        var response = await (await app.AdminAsync()).GetAsync("/api/v1/admin-units/99999", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
