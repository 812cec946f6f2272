using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pcmt.Features.Users;

namespace Pcmt.EndToEnd;

/// <summary>A commune submits its 6-monthly report, the provincial police return it with a reason, the commune corrects and resubmits, the police approve.</summary>
public sealed class ReportReviewJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "Can-bo-E2E-2026";

    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        return page;
    }

    [Fact]
    public async Task Submit_return_resubmit_and_approve()
    {
        using (var scope = app.Services.CreateScope())
        {
            var create = scope.ServiceProvider.GetRequiredService<CreateUser>();
            foreach (var (userName, role, scopeCode) in new[] { ("cax.baocao", "commune-police", "05443"), ("pc04.duyet", "province-police", "19") })
            {
                var created = await create.HandleAsync(new CreateUser.Input { UserName = userName, Password = Password, FullName = "Cán bộ " + userName, Role = role, Scope = scopeCode },
                    TestContext.Current.CancellationToken);
                Assert.True(created.Succeeded);
            }
        }

        var commune = await SignInAsync("cax.baocao");
        await BrowserApp.OpenMenuItemAsync(commune, "Báo cáo định kỳ");
        await commune.GetByLabel("Mẫu báo cáo").SelectOptionAsync("commune-half-year");
        await commune.GetByLabel("Kỳ báo cáo").SelectOptionAsync("2026H1");
        await commune.GetByRole(AriaRole.Button, new() { Name = "Lập báo cáo" }).ClickAsync();
        await Assertions.Expect(commune.Locator("#report-status")).ToHaveTextAsync("Đang soạn");

        // A figure that differs from the registry (0 people) needs a note: first without, then with it.
        await commune.Locator("#f-X01").FillAsync("4");
        await commune.Locator("#f-X22").FillAsync("Tình hình cơ bản ổn định.");
        await commune.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(commune.GetByText("vui lòng ghi chú giải thích").First).ToBeVisibleAsync();
        await commune.Locator("#f-X01-note").FillAsync("Bốn người mới phát hiện, hồ sơ đang hoàn thiện.");
        await commune.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(commune.GetByText("Đã gửi báo cáo.")).ToBeVisibleAsync();
        await Assertions.Expect(commune.Locator("#report-status")).ToHaveTextAsync("Đã gửi, chờ duyệt");
        var reportUrl = commune.Url;

        var police = await SignInAsync("pc04.duyet");
        await BrowserApp.OpenMenuItemAsync(police, "Duyệt báo cáo");
        var row = police.GetByRole(AriaRole.Row).Filter(new() { HasText = "6 tháng đầu năm 2026" });
        await Assertions.Expect(row).ToContainTextAsync("1 chỉ tiêu");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await police.GetByLabel("Lý do trả lại").FillAsync("Đề nghị nhập hồ sơ vào hệ thống trước khi báo cáo.");
        await police.GetByRole(AriaRole.Button, new() { Name = "Trả lại" }).ClickAsync();
        await Assertions.Expect(police.GetByText("Đã trả lại báo cáo.")).ToBeVisibleAsync();

        await commune.GotoAsync(reportUrl);
        await Assertions.Expect(commune.Locator("#return-reason")).ToHaveTextAsync("Đề nghị nhập hồ sơ vào hệ thống trước khi báo cáo.");
        await commune.Locator("#f-X01").FillAsync("0");
        await commune.Locator("#f-X01-note").FillAsync("");
        await commune.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(commune.Locator("#report-status")).ToHaveTextAsync("Đã gửi, chờ duyệt");

        await BrowserApp.OpenMenuItemAsync(police, "Duyệt báo cáo");
        await police.GetByRole(AriaRole.Row).Filter(new() { HasText = "6 tháng đầu năm 2026" }).GetByRole(AriaRole.Checkbox).CheckAsync();
        await police.GetByRole(AriaRole.Button, new() { Name = "Phê duyệt các báo cáo đã chọn" }).ClickAsync();
        await Assertions.Expect(police.GetByText("Đã phê duyệt 1 báo cáo.")).ToBeVisibleAsync();

        await commune.GotoAsync(reportUrl);
        await Assertions.Expect(commune.Locator("#report-status")).ToHaveTextAsync("Đã phê duyệt");
        await Assertions.Expect(commune.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" })).ToHaveCountAsync(0);
        await Assertions.Expect(commune.Locator("#history")).ToContainTextAsync("Trả lại: Đề nghị nhập hồ sơ vào hệ thống trước khi báo cáo.");
    }
}
