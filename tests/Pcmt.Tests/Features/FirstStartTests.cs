using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Pcmt.Tests.Features;

/// <summary>The app on a new database whose preparation (EF Core's model, migrations, catalogue, administrator) is held until the test releases it.</summary>
public sealed class SlowDatabaseApp : App
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _release.TrySetResult();

    protected override bool WaitsForTheDatabase => false;

    // The template the app's build wrote (artifacts/bin/Pcmt/<configuration>), as a first start of the built app copies it.
    public static string TemplateFile => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "Pcmt",
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name, SqliteTemplate.FileName));

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Database:TemplateFile"] = TemplateFile,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // On PostgreSQL the key ring is read through EF Core after the preparation, and the data-protection start-up loads it
        // before the server listens: a held preparation would hold the start itself.
        if (UsesSqlite)
            builder.ConfigureTestServices(services => services.AddSingleton(new DatabaseInitializer.Hold(_release.Task)));
    }

    public override async ValueTask DisposeAsync()
    {
        Release();
        await base.DisposeAsync();
    }
}

/// <summary>
/// First start (issue 17, docs/performance.md): the server listens before the database is prepared; the login page and the
/// sign-in redirects are served at once, everything else waits for the database.
/// </summary>
public sealed class FirstStartTests(SlowDatabaseApp app) : IClassFixture<SlowDatabaseApp>
{
    private static readonly TimeSpan Held = TimeSpan.FromMilliseconds(700);

    [Fact]
    public async Task The_login_page_is_served_before_the_database_is_ready_and_everything_else_waits()
    {
        Assert.SkipUnless(App.UsesSqlite, "the embedded database's first start (PCMT_TEST_DB=sqlite)");
        var cancel = TestContext.Current.CancellationToken;
        var database = app.Services.GetRequiredService<DatabaseInitializer>();
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        // Sign-in redirect and 401 at once: they need no database.
        var home = await app.Anonymous().GetAsync("/", cancel);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/Login", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/users", cancel)).StatusCode);

        // The login form (its antiforgery token from a key ring read and written with plain SQL) before the database is ready.
        Assert.True(File.Exists(SlowDatabaseApp.TemplateFile), "build the app first: the test starts from its template");
        var form = browser.GetStringAsync("/Account/Login", cancel);
        Assert.True(await CompletesWithin(form, TimeSpan.FromMinutes(1)), "the login page waited for the database");
        Assert.Contains("Đăng nhập", await form, StringComparison.Ordinal);

        // Held: the login POST, the token request, a request with credentials, the health check, an anonymous page not marked.
        var held = new List<(string What, Task<HttpResponseMessage> Response)>
        {
            ("token", app.RequestTokenAsync("admin", App.AdminPassword)),
            ("bearer", WithCredentials().GetAsync("/api/v1/users", cancel)),
            ("health", app.Anonymous().GetAsync("/health/ready", cancel)),
            ("access denied page", app.Anonymous().GetAsync("/Account/AccessDenied", cancel)),
            ("login post", browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = "admin",
                ["Input.Password"] = App.AdminPassword,
                ["__RequestVerificationToken"] = App.AntiforgeryToken(await form),
            }), cancel)),
        };

        await Task.Delay(Held, cancel);
        foreach (var (what, response) in held)
            Assert.False(response.IsCompleted, $"{what} was answered before the database was ready");
        Assert.False(database.IsReady);

        app.Release();
        await database.Ready.WaitAsync(TimeSpan.FromMinutes(2), cancel);

        Assert.Equal(HttpStatusCode.OK, (await held[0].Response).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await held[1].Response).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await held[2].Response).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await held[3].Response).StatusCode);
        // The login form served early still signs in: the key written before the database was ready is the ring's key.
        var signedIn = await held[4].Response;
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/", cancel)).StatusCode);

        Assert.Equal(1, await app.WithScopeAsync(services => services.GetRequiredService<AppDbContext>().DataProtectionKeys.CountAsync(cancel)));
    }

    private HttpClient WithCredentials()
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        return client;
    }

    private static async Task<bool> CompletesWithin(Task task, TimeSpan time) => await Task.WhenAny(task, Task.Delay(time)) == task;
}
