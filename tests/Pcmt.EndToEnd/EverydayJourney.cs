using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pcmt.Features.Demo;
using Pcmt.Infrastructure.Security;

namespace Pcmt.EndToEnd;

/// <summary>
/// The everyday pass in a browser: an administrator creates a provincial account, sees every form error at once, picks
/// the province by typing its name without diacritics; the officer's home page keeps its counts inside their cards at
/// 1366 and 390 px; the phone menu folds; no page breaks the CSP.
/// </summary>
public sealed class EverydayJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "Tinh-E2E-2026-ok";

    [Fact]
    public async Task Create_an_account_with_the_picker_and_read_the_home_page_on_desktop_and_phone()
    {
        // Persons in Thái Nguyên, so the home page has status counts with long labels.
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<ActingUser>().User = CurrentUser.System;
            var generated = await scope.ServiceProvider.GetRequiredService<GenerateDemoData>().HandleAsync(
                new GenerateDemoData.Options("province", 120, 2026, "19"), TestContext.Current.CancellationToken);
            Assert.True(generated.Succeeded);
        }

        var cspErrors = new List<string>();
        var desktop = await NewPageAsync(1366, 900, cspErrors);
        await SignInAsync(desktop, "admin", BrowserApp.AdminPassword);

        await desktop.GotoAsync("/Users/Create");
        await desktop.GetByLabel("Tên đăng nhập").FillAsync("pc04.everyday");
        await desktop.GetByLabel("Họ và tên").FillAsync("Hoàng Thị Thường Trực");
        await desktop.GetByLabel("Mật khẩu").FillAsync("yeu");
        await desktop.GetByLabel("Vai trò").SelectOptionAsync("province-police");
        await desktop.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        // Both problems at once: the weak password and the missing scope.
        await Assertions.Expect(desktop.Locator("#Input_Password-error")).Not.ToBeEmptyAsync();
        await Assertions.Expect(desktop.Locator("#Input_Scope-error")).Not.ToBeEmptyAsync();

        await desktop.GetByLabel("Mật khẩu").FillAsync(Password);
        var picker = desktop.GetByRole(AriaRole.Combobox, new() { Name = "Phạm vi" });
        await picker.FillAsync("thai nguyen");
        await desktop.Locator("[role=option][data-code='19']").ClickAsync(); // by code: agencies and facilities of the province carry its name too
        await Assertions.Expect(picker).ToHaveValueAsync("Tỉnh Thái Nguyên");
        await desktop.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(desktop.GetByRole(AriaRole.Heading, new() { Name = "Tài khoản pc04.everyday" })).ToBeVisibleAsync();
        await Assertions.Expect(desktop.GetByRole(AriaRole.Combobox, new() { Name = "Phạm vi" })).ToHaveValueAsync("Tỉnh Thái Nguyên");

        await desktop.GotoAsync("/Users");
        await Assertions.Expect(desktop.GetByRole(AriaRole.Row, new() { Name = "pc04.everyday" })).ToContainTextAsync("Tỉnh Thái Nguyên");
        await desktop.GotoAsync("/Audit");
        await Assertions.Expect(desktop.GetByText("ConcurrencyStamp")).ToHaveCountAsync(0);
        await Assertions.Expect(desktop.GetByRole(AriaRole.Cell, new() { Name = "Tài khoản", Exact = true }).First).ToBeVisibleAsync();

        foreach (var (width, height) in new[] { (1366, 900), (390, 844) })
        {
            var page = await NewPageAsync(width, height, cspErrors);
            await SignInAsync(page, "pc04.everyday", Password);
            var card = page.Locator(".card", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Đối tượng theo tình trạng" }) });
            await Assertions.Expect(card).ToBeVisibleAsync();
            var cardBox = (await card.BoundingBoxAsync())!;
            var counts = card.Locator("dd a");
            Assert.True(await counts.CountAsync() > 0);
            for (var i = 0; i < await counts.CountAsync(); i++)
            {
                var count = counts.Nth(i);
                await Assertions.Expect(count).ToBeVisibleAsync();
                var box = (await count.BoundingBoxAsync())!;
                Assert.True(box.X >= cardBox.X && box.X + box.Width <= cardBox.X + cardBox.Width + 0.5,
                    $"count {i} at {width}px: {box.X}+{box.Width} outside the card {cardBox.X}+{cardBox.Width}");
            }

            if (width == 390)
            {
                // The menu folds behind one "Menu" control on a phone and opens without any script.
                var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu chính" });
                await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Đối tượng" })).ToBeHiddenAsync();
                await page.Locator("label.nav-toggle-label").ClickAsync();
                await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Đối tượng" })).ToBeVisibleAsync();
            }

            await page.GotoAsync("/Dashboard");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Tỉnh Thái Nguyên");
            await page.GotoAsync("/Persons");
            await Assertions.Expect(page.Locator("table.data tbody tr").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex("(Xã|Phường) "));
        }

        Assert.Empty(cspErrors);
    }

    private async Task<IPage> NewPageAsync(int width, int height, List<string> cspErrors)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                cspErrors.Add($"{page.Url}: {message.Text}");
        };
        return page;
    }

    private static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trang chủ" })).ToBeVisibleAsync();
    }
}
