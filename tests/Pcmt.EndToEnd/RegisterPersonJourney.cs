using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pcmt.Features.Users;

namespace Pcmt.EndToEnd;

/// <summary>A commune police officer registers a person, then tries to register the same person again and is warned.</summary>
public sealed class RegisterPersonJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "Can-bo-E2E-2026";

    [Fact]
    public async Task Register_a_person_and_be_warned_of_a_duplicate()
    {
        using (var scope = app.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateUser>().HandleAsync(new CreateUser.Input
            {
                UserName = "ca.phandinhphung",
                Password = Password,
                FullName = "Trần Văn Công",
                Role = "commune-police",
                Scope = "05443",
            }, TestContext.Current.CancellationToken);
            Assert.True(created.Succeeded);
        }

        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Tên đăng nhập").FillAsync("ca.phandinhphung");
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await BrowserApp.OpenMenuItemAsync(page, "Đối tượng");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng ký đối tượng" }).ClickAsync();
        await FillAsync(page, "Nguyễn Văn Hùng", "001090012345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nguyễn Văn Hùng" })).ToBeVisibleAsync();
        // The citizen ID is masked to its last 4 digits until the officer presses "Hiện" (which is audited).
        await Assertions.Expect(page.Locator("#citizen-id")).ToHaveTextAsync("••••••••2345");
        await Assertions.Expect(page.GetByText("001090012345")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Hiện" }).ClickAsync();
        await Assertions.Expect(page.Locator("#citizen-id")).ToHaveTextAsync("001090012345");

        // The same man again, typed without diacritics and without a citizen ID.
        await page.GotoAsync("/Persons/Register");
        await FillAsync(page, "Nguyen Van Hung", null);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Có thể trùng với hồ sơ đã có" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nguyễn Văn Hùng" })).ToBeVisibleAsync();

        var shots = Environment.GetEnvironmentVariable("PCMT_SCREENSHOTS");
        if (shots is not null)
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "duplicate.png"), FullPage = true });

        // Searching without diacritics finds exactly the one record.
        await page.GotoAsync("/Persons?q=nguyen+van+hung");
        await Assertions.Expect(page.GetByText("1 đối tượng trong phạm vi của bạn")).ToBeVisibleAsync();
    }

    private static async Task FillAsync(IPage page, string name, string? citizenId)
    {
        await page.GetByLabel("Họ và tên").FillAsync(name);
        await page.GetByLabel("Ngày sinh").FillAsync("12/05/1990");
        await page.GetByLabel("Giới tính").SelectOptionAsync("male");
        if (citizenId is not null)
            await page.GetByLabel("Số định danh cá nhân").FillAsync(citizenId);
        await page.GetByLabel("Xã/phường nơi ở hiện tại").SelectOptionAsync("05443");
    }
}
