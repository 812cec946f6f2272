using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pcmt.Features.Demo;
using Pcmt.Features.Users;
using Pcmt.Infrastructure.Data;
using Pcmt.Infrastructure.Security;

namespace Pcmt.EndToEnd;

/// <summary>
/// Screenshots of every page at 1366 and 390 px (run by scripts/screenshots.sh, which sets PCMT_SCREENSHOTS to the output
/// folder; skipped otherwise). Pages wider than the window are listed in overflow.txt beside the images.
/// </summary>
public sealed class Screenshots(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "Anh-chup-2026-ok";

    [Fact]
    public async Task Every_page_at_both_widths()
    {
        var folder = Environment.GetEnvironmentVariable("PCMT_SCREENSHOTS");
        Assert.SkipWhen(folder is null, "Set PCMT_SCREENSHOTS (scripts/screenshots.sh) to take the screenshots.");
        Directory.CreateDirectory(folder!);
        Guid personId;
        Guid? planId, taskId;
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<ActingUser>().User = CurrentUser.System;
            await scope.ServiceProvider.GetRequiredService<GenerateDemoData>().HandleAsync(new GenerateDemoData.Options("province", 300, 2026, "19"), TestContext.Current.CancellationToken);
            foreach (var (name, role, unit) in new[] { ("anh.tinh", "province-police", "19"), ("anh.xa", "commune-police", "05443") })
            {
                await scope.ServiceProvider.GetRequiredService<CreateUser>().HandleAsync(new CreateUser.Input
                {
                    UserName = name,
                    Password = Password,
                    FullName = "Cán bộ chụp màn hình",
                    Role = role,
                    Scope = unit,
                }, TestContext.Current.CancellationToken);
            }

            personId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter])
                .Where(p => p.ProvinceCode == "19").OrderBy(p => p.FileCode).Select(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            planId = await db.Plans.Where(p => p.ProvinceCode == "19").Select(p => (Guid?)p.Id).FirstOrDefaultAsync(TestContext.Current.CancellationToken);
            taskId = await db.PlanTasks.Where(t => t.ProvinceCode == "19").OrderBy(t => t.DueOn).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(TestContext.Current.CancellationToken);
        }

        // Every page without a route value (the program modules too), and the detail pages the demo data gives an id for.
        string[] programPages =
        [
            "/Plans", "/Plans/Tasks", "/Plans/Budget", "/Plans/Import", "/Reports", "/Reports/Review", "/Reports/Completeness", "/Reports/Annual",
            "/Reports/Templates", "/Enforcement", "/Enforcement/Create", "/Enforcement/Seizures", "/Enforcement/WantedPersons", "/SupplySide",
            "/SupplySide/Hotspot", "/SupplySide/Cultivation", "/SupplySide/Routes", "/LawfulActivities", "/LawfulActivities/Edit", "/Tips",
            "/Community", "/Community/Teams", "/Community/Sites", "/Population", "/Agencies",
            .. (planId is { } plan ? new[] { $"/Plans/Details/{plan}" } : []), .. (taskId is { } task ? new[] { $"/Plans/Task/{task}" } : []),
        ];

        string[] officerPages =
        [
            "/", "/Dashboard", "/Lifecycle/WorkItems", "/Persons", "/Persons/Register", $"/Persons/Details/{personId}", $"/Persons/Edit/{personId}",
            "/Lifecycle/Lists", "/Persons/Transfers", "/Persons/Duplicates", "/Persons/Import", "/AdministrativeUnits", "/AdministrativeUnits/Province/19",
            "/AdministrativeUnits/Commune/05443", "/Classification", "/Facilities", "/Account/TwoFactor", .. programPages,
        ];
        string[] adminPages = ["/", "/Users", "/Users/Create", "/Audit", "/Dashboard", "/DataBreaches", "/Agencies", "/Reports/Templates"];
        var overflow = new StringBuilder();
        foreach (var (width, height) in new[] { (1366, 900), (390, 844) })
        {
            var anonymous = await NewPageAsync(width, height);
            await ShootAsync(anonymous, "/Account/Login", $"anonymous-login-{width}", folder!, overflow);
            await ShootAsync(anonymous, "/to-giac", $"anonymous-to-giac-{width}", folder!, overflow);
            await ShootAsync(anonymous, "/to-giac/tra-cuu", $"anonymous-to-giac-tra-cuu-{width}", folder!, overflow);
            foreach (var (user, password, pages) in new[] { ("anh.tinh", Password, officerPages), ("anh.xa", Password, officerPages), ("admin", BrowserApp.AdminPassword, adminPages) })
            {
                var page = await NewPageAsync(width, height);
                await page.GotoAsync("/Account/Login");
                await page.GetByLabel("Tên đăng nhập").FillAsync(user);
                await page.GetByLabel("Mật khẩu").FillAsync(password);
                await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
                await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
                foreach (var url in pages)
                {
                    var name = url.Trim('/').Replace('/', '-');
                    name = $"{user}-{(name.Length == 0 ? "home" : name.Replace(personId.ToString(), "person", StringComparison.Ordinal).Replace(planId?.ToString() ?? "\0", "plan", StringComparison.Ordinal).Replace(taskId?.ToString() ?? "\0", "task", StringComparison.Ordinal))}-{width}";
                    await ShootAsync(page, url, name, folder!, overflow);
                }
            }
        }

        await File.WriteAllTextAsync(Path.Combine(folder!, "overflow.txt"), overflow.ToString(), TestContext.Current.CancellationToken);
    }

    private static async Task ShootAsync(IPage page, string url, string name, string folder, StringBuilder overflow)
    {
        await page.GotoAsync(url);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var wide = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        if (wide > 1)
        {
            // The outermost elements that stick out, so the cause is named, not just the page.
            var culprits = await page.EvaluateAsync<string>("""
                () => [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1))
                  .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).trim().replace(/\s+/g, '.') : '')).join(', ')
                """);
            overflow.AppendLine($"{name}: {wide}px wider than the window ({culprits})");
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }
}
