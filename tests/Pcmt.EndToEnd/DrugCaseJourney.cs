using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pcmt.Features.Users;

namespace Pcmt.EndToEnd;

/// <summary>A commune police officer records a drug case with a suspect and a seizure from the pages, then sees it listed and summed.</summary>
public sealed class DrugCaseJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "Can-bo-E2E-2026";

    [Fact]
    public async Task Record_a_case_with_a_seizure_from_the_pages()
    {
        using (var scope = app.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateUser>().HandleAsync(new CreateUser.Input
            {
                UserName = "ca.phandinhphung",
                Password = Password,
                FullName = "Hoàng Văn Nam",
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

        await BrowserApp.OpenMenuItemAsync(page, "Vụ án ma túy");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ghi nhận vụ án mới" }).ClickAsync();
        await page.GetByLabel("Xã/phường nơi phát hiện").SelectOptionAsync("05443");
        await page.GetByLabel("Đơn vị phát hiện").FillAsync("Công an phường Phan Đình Phùng");
        await page.GetByLabel("Ngày phát hiện").FillAsync("15/06/2026");
        await page.GetByLabel("Tuyến phát hiện").SelectOptionAsync("express-delivery");
        await page.GetByLabel("Điều 251. Tội mua bán trái phép chất ma túy").CheckAsync();
        await page.GetByLabel("Họ và tên đối tượng 1").FillAsync("Trần Văn Bình");
        await page.GetByLabel("Năm sinh đối tượng 1").FillAsync("1990");
        await page.GetByLabel("Chất ma túy 1").SelectOptionAsync("heroin");
        await page.GetByLabel("Số lượng 1").FillAsync("1,2");
        await page.GetByLabel("Đơn vị 1").SelectOptionAsync("kg");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vụ án phát hiện ngày 15/06/2026" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#seizures")).ToContainTextAsync("Heroin");
        await Assertions.Expect(page.Locator("#seizures")).ToContainTextAsync("1,2");
        await Assertions.Expect(page.GetByText("Trần Văn Bình")).ToBeVisibleAsync();

        // A bad quantity is refused in Vietnamese and nothing is stored.
        await page.GotoAsync("/Enforcement/Create");
        await page.GetByLabel("Xã/phường nơi phát hiện").SelectOptionAsync("05443");
        await page.GetByLabel("Ngày phát hiện").FillAsync("16/06/2026");
        await page.GetByLabel("Điều 249. Tội tàng trữ trái phép chất ma túy").CheckAsync();
        await page.GetByLabel("Chất ma túy 1").SelectOptionAsync("heroin");
        await page.GetByLabel("Số lượng 1").FillAsync("-3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Số lượng thu giữ phải lớn hơn 0 và không quá 1.000.000.000.")).ToBeVisibleAsync();

        await page.GotoAsync("/Enforcement/Seizures?Area=05443&Period=2026");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Heroin" })).ToContainTextAsync("1,2");
        await Assertions.Expect(page.GetByText("1 vụ, 1 đối tượng (cùng kỳ năm trước: 0 vụ, 0 đối tượng)", new() { Exact = false })).ToBeVisibleAsync();
    }
}
