using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pcmt.Tests.Features.Users;

[Collection(nameof(AppCollection))]
public sealed class UsersApiTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> CreateAsync(object body) => await (await app.AdminAsync()).PostAsJsonAsync("/api/v1/users", body, Cancel);

    [Fact]
    public async Task The_administrator_creates_a_commune_officer_who_can_sign_in()
    {
        var response = await CreateAsync(new { userName = "ca.phandinhphung", password = "Mat-khau-2026", fullName = "Trần Văn Bình", role = "commune-police", scope = "05443" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/users/{id}", response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync("ca.phandinhphung", "Mat-khau-2026")).StatusCode);
        var user = await (await app.AdminAsync()).GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}", Cancel);
        Assert.Equal("Trần Văn Bình", user.GetProperty("fullName").GetString());
        Assert.Equal("commune", user.GetProperty("scopeKind").GetString());
    }

    [Fact]
    public async Task A_taken_user_name_is_409()
    {
        var body = new { userName = "trung.ten", password = "Mat-khau-2026", fullName = "A", role = "viewer", scope = "19" };
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(body)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await CreateAsync(body)).StatusCode);
    }

    [Theory]
    [InlineData("superuser", "19", "role")]
    [InlineData("commune-police", "19", "scope")] // a commune role needs a commune
    [InlineData("province-police", "05443", "scope")] // a province role needs a province
    [InlineData("province-police", "77", "scope")] // 77 was Bà Rịa - Vũng Tàu; no longer a province
    [InlineData("province-police", null, "scope")]
    [InlineData("facility-staff", "Cơ sở số 1", "scope")]
    public async Task Role_and_scope_must_fit_together(string role, string? scope, string field)
    {
        var response = await CreateAsync(new { userName = "sai." + Guid.NewGuid().ToString("N")[..8], password = "Mat-khau-2026", fullName = "Sai", role, scope });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_the_rules_in_vietnamese()
    {
        var response = await CreateAsync(new { userName = "yeu.mk", password = "abc", fullName = "Yếu", role = "viewer", scope = "19" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").GetProperty("password");
        Assert.Contains(messages.EnumerateArray(), m => m.GetString() == "Mật khẩu phải có ít nhất 10 ký tự.");
    }

    [Fact]
    public async Task A_stale_edit_of_an_account_is_409()
    {
        var created = await CreateAsync(new { userName = "sua.tk", password = "Mat-khau-2026", fullName = "Sửa", role = "viewer", scope = "19" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var admin = await app.AdminAsync();
        var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}", Cancel)).GetProperty("version").GetString();

        var first = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { fullName = "Sửa lần 1", role = "viewer", scope = "19", version }, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        var second = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { fullName = "Sửa lần 2", role = "viewer", scope = "19", version }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("Sửa lần 1", (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}", Cancel)).GetProperty("fullName").GetString());
    }
}

/// <summary>A provincial administrator manages accounts of their own province only.</summary>
[Collection(nameof(AppCollection))]
public sealed class ProvincialAdministratorTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sees_creates_and_edits_only_accounts_of_their_province()
    {
        var national = await app.AdminAsync();
        Assert.Equal(HttpStatusCode.Created, (await national.PostAsJsonAsync("/api/v1/users", new { userName = "qt.thainguyen", password = App.UserPassword, fullName = "Quản trị Thái Nguyên", role = "admin", scope = "19" }, Cancel)).StatusCode);
        var hanoiUser = await national.PostAsJsonAsync("/api/v1/users", new { userName = "cb.hanoi", password = App.UserPassword, fullName = "Cán bộ Hà Nội", role = "viewer", scope = "01" }, Cancel);
        var hanoiId = (await hanoiUser.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();

        var provincial = app.WithToken(await app.TokenAsync("qt.thainguyen", App.UserPassword));
        Assert.Equal(HttpStatusCode.Created, (await provincial.PostAsJsonAsync("/api/v1/users", new { userName = "cb.tn.moi", password = App.UserPassword, fullName = "Cán bộ mới", role = "commune-police", scope = "05443" }, Cancel)).StatusCode);
        var outside = await provincial.PostAsJsonAsync("/api/v1/users", new { userName = "cb.hn.moi", password = App.UserPassword, fullName = "Ngoài tỉnh", role = "viewer", scope = "01" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);

        var listed = await provincial.GetFromJsonAsync<JsonElement>("/api/v1/users?pageSize=500", Cancel);
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), u => u.GetProperty("userName").GetString() == "cb.hanoi");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), u => u.GetProperty("userName").GetString() == "cb.tn.moi");
        Assert.Equal(HttpStatusCode.NotFound, (await provincial.GetAsync($"/api/v1/users/{hanoiId}", Cancel)).StatusCode);
    }
}
