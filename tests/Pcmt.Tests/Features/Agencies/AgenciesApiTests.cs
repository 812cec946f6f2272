using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pcmt.Tests.Features.Agencies;

[Collection(nameof(AppCollection))]
public sealed class AgenciesApiTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_agency_is_registered_once_and_a_second_registration_of_its_code_is_409()
    {
        var admin = await app.AdminAsync();
        var body = new { code = "ag-syt-19", name = "Sở Y tế tỉnh Thái Nguyên", provinceCode = "19", kind = "department" };
        var created = await admin.PostAsJsonAsync("/api/v1/agencies", body, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotEqual(Guid.Empty, (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/v1/agencies", body with { name = "Khác" }, Cancel)).StatusCode);

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/agencies?province=19&pageSize=500", Cancel);
        var row = Assert.Single(list.GetProperty("items").EnumerateArray(), a => a.GetProperty("code").GetString() == "ag-syt-19");
        Assert.Equal("Sở Y tế tỉnh Thái Nguyên", row.GetProperty("name").GetString());
        Assert.Equal("19", row.GetProperty("provinceCode").GetString());
        Assert.Equal("department", row.GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("ag bad", "Tên", "19", "department", "code")]
    [InlineData("ag-ok-1", "", "19", "department", "name")]
    [InlineData("ag-ok-2", "Tên", "77", "department", "provinceCode")]
    [InlineData("ag-ok-3", "Tên", "19", "ministry", "kind")]
    public async Task Bad_input_is_400_in_vietnamese_and_registers_nothing(string code, string name, string provinceCode, string kind, string field)
    {
        var admin = await app.AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/agencies", new { code, name, provinceCode, kind }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("Dữ liệu không hợp lệ.", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/agencies?pageSize=500", Cancel);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), a => a.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task Each_province_sees_only_its_own_agencies()
    {
        await app.EnsureAgencyAsync("ag-scope-19", "19", "Sở Giáo dục và Đào tạo tỉnh Thái Nguyên");
        await app.EnsureAgencyAsync("ag-scope-01", "01", "Sở Giáo dục và Đào tạo thành phố Hà Nội");
        var thaiNguyen = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var codes = (await thaiNguyen.GetFromJsonAsync<JsonElement>("/api/v1/agencies?province=01&pageSize=500", Cancel))
            .GetProperty("items").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
        Assert.Contains("ag-scope-19", codes);
        Assert.DoesNotContain("ag-scope-01", codes);

        // The provincial police register agencies of their own province only.
        var other = await thaiNguyen.PostAsJsonAsync("/api/v1/agencies", new { code = "ag-hn-x", name = "Sở X", provinceCode = "01", kind = "department" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public async Task A_department_user_is_scoped_to_a_registered_agency_and_works_in_its_province()
    {
        var admin = await app.AdminAsync();
        var unknown = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "dept.unknown", password = App.UserPassword, fullName = "A", role = "department", scope = "khong-co-co-quan" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        await app.EnsureAgencyAsync("ag-sldtbxh-19", "19", "Sở Nội vụ tỉnh Thái Nguyên");
        var id = await app.EnsureUserAsync(Roles.Department, "ag-sldtbxh-19");
        var user = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}", Cancel);
        Assert.Equal("department", user.GetProperty("scopeKind").GetString());
        Assert.Equal("ag-sldtbxh-19", user.GetProperty("scope").GetString());
        var current = new CurrentUser(id, "x", Roles.Department, ScopeKind.Department, "ag-sldtbxh-19", "19", null);
        Assert.Equal("ag-sldtbxh-19", current.AgencyCode);
    }
}
