using System.Net;
using System.Text.Json;

namespace Pcmt.Tests.Features;

[Collection(nameof(AppCollection))]
public sealed class StartupTests(App app)
{
    [Fact, Trait("Category", "Smoke")]
    public async Task Readiness_reports_the_database_reachable()
    {
        var response = await app.Anonymous().GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact, Trait("Category", "Smoke")]
    public async Task The_home_page_leads_an_anonymous_visitor_to_a_vietnamese_login_page()
    {
        var client = app.Anonymous();
        var home = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/Login", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var login = await client.GetStringAsync(home.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"vi\">", login, StringComparison.Ordinal);
        Assert.Contains("Đăng nhập", login, StringComparison.Ordinal);
        Assert.Contains("Tên đăng nhập", login, StringComparison.Ordinal);
        Assert.Contains("Mật khẩu", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        var response = await app.Anonymous().GetAsync("/Account/Login", TestContext.Current.CancellationToken);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_contract_endpoints()
    {
        var json = await app.Anonymous().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var paths = JsonDocument.Parse(json).RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/auth/token", "/api/v1/users", "/api/v1/admin-units", "/api/v1/admin-units/{code}/population/{year}" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
    }

    [Fact]
    public async Task An_unknown_page_gets_a_vietnamese_not_found_page()
    {
        var client = await app.PagesAsAsync("admin", App.AdminPassword);
        var response = await client.GetAsync("/khong-co-trang-nay", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
