using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Pcmt.Tests.Features.Account;

[Collection(nameof(AppCollection))]
public sealed class TokenTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact, Trait("Category", "Smoke")]
    public async Task The_administrator_gets_a_bearer_token_that_opens_the_api()
    {
        var response = await app.RequestTokenAsync("admin", App.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(3600, body.GetProperty("expiresIn").GetInt32());

        var units = await app.WithToken(body.GetProperty("accessToken").GetString()!).GetAsync("/api/v1/admin-units?level=province", Cancel);
        Assert.Equal(HttpStatusCode.OK, units.StatusCode);
    }

    [Fact, Trait("Category", "Smoke")]
    public async Task An_unauthenticated_api_call_is_401_with_problem_details()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/admin-units", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("Chưa đăng nhập.", problem.GetProperty("title").GetString());
    }

    [Fact, Trait("Category", "Smoke")]
    public async Task A_wrong_password_is_401_in_vietnamese_never_500()
    {
        var response = await app.RequestTokenAsync("admin", "sai-mat-khau");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_answer_as_a_wrong_password()
    {
        var response = await app.RequestTokenAsync("khong-ton-tai", "whatever-123");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{\"userName\":")]
    [InlineData("not json at all")]
    [InlineData("{\"userName\": 12, \"password\": []}")]
    public async Task Malformed_json_is_400_with_a_vietnamese_title(string body)
    {
        var response = await app.Anonymous().PostAsync("/api/v1/auth/token", new StringContent(body, Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("Yêu cầu không hợp lệ.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Missing_fields_are_400_with_a_message_per_field()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Equal("Vui lòng nhập tên đăng nhập.", errors.GetProperty("userName")[0].GetString());
        Assert.Equal("Vui lòng nhập mật khẩu.", errors.GetProperty("password")[0].GetString());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await app.EnsureUserAsync(Roles.Viewer, "20");
        var userName = App.UserNameFor(Roles.Viewer, "20");
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync(userName, "wrong-" + i)).StatusCode);

        var response = await app.RequestTokenAsync(userName, App.UserPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Contains("tạm khóa", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_ins_and_failures_are_audited()
    {
        await app.RequestTokenAsync("admin", "sai-mat-khau-nua");
        var admin = await app.AdminAsync();
        var entries = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit-entries?user=admin&action=sign-in-failed", Cancel);
        Assert.True(entries.GetProperty("total").GetInt32() >= 1);
    }
}
