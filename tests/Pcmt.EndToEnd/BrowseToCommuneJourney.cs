using Microsoft.Playwright;

namespace Pcmt.EndToEnd;

/// <summary>An administrator signs in and browses province → commune, on a phone-sized screen.</summary>
public sealed class BrowseToCommuneJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Sign_in_and_browse_to_a_commune()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await page.GetByLabel("Tên đăng nhập").FillAsync("admin");
        await page.GetByLabel("Mật khẩu").FillAsync(BrowserApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trang chủ" })).ToBeVisibleAsync();

        await BrowserApp.OpenMenuItemAsync(page, "Đơn vị hành chính");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tỉnh Thái Nguyên" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tỉnh Thái Nguyên" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("92 đơn vị: 15 phường, 77 xã")).ToBeVisibleAsync();

        await page.GetByLabel("Tên xã, phường").FillAsync("phan dinh phung");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Phường Phan Đình Phùng" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Phường Phan Đình Phùng" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dl.facts").GetByText("05443", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hình thành từ các đơn vị trước ngày 01/07/2025" })).ToBeVisibleAsync();

        var shots = Environment.GetEnvironmentVariable("PCMT_SCREENSHOTS");
        if (shots is not null)
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "commune.png"), FullPage = true });
    }

    [Fact]
    public async Task A_wrong_password_shows_a_vietnamese_error_and_keeps_the_visitor_on_the_login_page()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Tên đăng nhập").FillAsync("admin");
        await page.GetByLabel("Mật khẩu").FillAsync("sai-mat-khau");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Tên đăng nhập hoặc mật khẩu không đúng.")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }
}
