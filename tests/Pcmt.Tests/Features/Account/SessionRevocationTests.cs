using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Pcmt.Tests.Features.Account;

/// <summary>Sessions end server-side (issue 18, item 6): the security stamp is checked on every request, cookie or token.</summary>
[Collection(nameof(AppCollection))]
public sealed class SessionRevocationTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly Uri Site = new("http://localhost");

    private async Task<(Guid Id, string UserName)> CreateUserAsync(string role, string scope)
    {
        var userName = $"phien.{Guid.NewGuid():N}"[..20];
        var created = await (await app.AdminAsync()).PostAsJsonAsync("/api/v1/users", new { userName, password = App.UserPassword, fullName = "Cán bộ phiên", role, scope }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ((await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid(), userName);
    }

    private async Task<(HttpClient Client, CookieContainer Cookies)> SignInAsync(string userName)
    {
        var cookies = new CookieContainer();
        var client = app.CreateDefaultClient(new CookieContainerHandler(cookies));
        var form = await client.GetStringAsync("/Account/Login", Cancel);
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = App.UserPassword,
            ["__RequestVerificationToken"] = App.AntiforgeryToken(form),
        }), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, cookies);
    }

    private HttpClient CopyOf(CookieContainer cookies)
    {
        var copy = new CookieContainer();
        copy.Add(cookies.GetCookies(Site));
        return app.CreateDefaultClient(new CookieContainerHandler(copy));
    }

    private static bool IsSignInRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/Login", StringComparison.Ordinal);

    private async Task ChangeAsync(Guid id, string role, string scope, bool locked)
    {
        var admin = await app.AdminAsync();
        var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}", Cancel)).GetProperty("version").GetString();
        var response = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { fullName = "Cán bộ phiên", role, scope, version, locked }, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task A_copied_cookie_is_refused_after_logout()
    {
        var (_, userName) = await CreateUserAsync(Roles.CommunePolice, "05443");
        var (browser, cookies) = await SignInAsync(userName);
        var stolen = CopyOf(cookies);
        Assert.Equal(HttpStatusCode.OK, (await stolen.GetAsync("/Persons", Cancel)).StatusCode);

        var logoutForm = await browser.GetStringAsync("/Account/Logout", Cancel);
        var logout = await browser.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = App.AntiforgeryToken(logoutForm) }), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        Assert.True(IsSignInRedirect(await stolen.GetAsync("/Persons", Cancel)), "the copy of the cookie still opens the person list");
        // Signing in again works, with a new cookie.
        var (again, _) = await SignInAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/Persons", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_token_is_refused_after_the_user_is_locked()
    {
        var (id, userName) = await CreateUserAsync(Roles.CommunePolice, "05443");
        var token = app.WithToken(await app.TokenAsync(userName, App.UserPassword));
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/persons", Cancel)).StatusCode);

        await ChangeAsync(id, Roles.CommunePolice, "05443", locked: true);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/persons", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_token_and_a_cookie_are_refused_after_the_role_changes()
    {
        var (id, userName) = await CreateUserAsync(Roles.CommunePolice, "05443");
        var token = app.WithToken(await app.TokenAsync(userName, App.UserPassword));
        var (browser, _) = await SignInAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/persons", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Persons", Cancel)).StatusCode);

        await ChangeAsync(id, Roles.Viewer, "05443", locked: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/persons", Cancel)).StatusCode);
        Assert.True(IsSignInRedirect(await browser.GetAsync("/Persons", Cancel)));

        // A new token carries the new role: the viewer reads no person files.
        var fresh = app.WithToken(await app.TokenAsync(userName, App.UserPassword));
        Assert.Equal(HttpStatusCode.Forbidden, (await fresh.GetAsync("/api/v1/persons", Cancel)).StatusCode);
    }
}
