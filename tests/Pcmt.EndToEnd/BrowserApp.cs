using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Pcmt.EndToEnd;

/// <summary>
/// The real application on Kestrel (a free loopback port) with a temporary SQLite database, driven by the Debian
/// chromium package through Playwright; no browser is downloaded.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "Admin-E2E-2026";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"pcmt-e2e-{Guid.NewGuid():N}.db");
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::1]", "localhost", StringComparison.Ordinal);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PCMT_CHROMIUM") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Pcmt", $"Data Source={_database}");
        builder.UseSetting("PCMT_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("Security:RequireTwoFactor", "false");
        builder.UseSetting("Protection:Keys:1", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Protection:IndexKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "vi-VN", AcceptDownloads = true, TimezoneId = "Asia/Ho_Chi_Minh", ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        return await context.NewPageAsync();
    }

    /// <summary>Follows a main-menu link; on a phone the menu is folded behind "Menu" first.</summary>
    public static async Task OpenMenuItemAsync(IPage page, string name, bool exact = false)
    {
        var toggle = page.Locator("label.nav-toggle-label");
        var link = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu chính" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = exact });
        if (await toggle.IsVisibleAsync() && !await link.IsVisibleAsync())
            await toggle.ClickAsync();
        await link.ClickAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
            File.Delete(file);
    }
}
