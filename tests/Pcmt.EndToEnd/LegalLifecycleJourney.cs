using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pcmt.Features.Users;

namespace Pcmt.EndToEnd;

/// <summary>An officer records a positive test, sees the due decision in "Việc cần làm", issues it and downloads Form 04.</summary>
public sealed class LegalLifecycleJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "Can-bo-E2E-2026";

    [Fact]
    public async Task Record_a_positive_test_issue_the_due_decision_and_download_Form_04()
    {
        using (var scope = app.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateUser>().HandleAsync(new CreateUser.Input
            {
                UserName = "ca.quyetdinh",
                Password = Password,
                FullName = "Hoàng Văn An",
                Role = "commune-police",
                Scope = "05443",
            }, TestContext.Current.CancellationToken);
            Assert.True(created.Succeeded);
        }

        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Tên đăng nhập").FillAsync("ca.quyetdinh");
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await page.GotoAsync("/Persons/Register");
        await page.GetByLabel("Họ và tên").FillAsync("Lê Văn Phúc");
        await page.GetByLabel("Ngày sinh").FillAsync("02/03/1994");
        await page.GetByLabel("Giới tính").SelectOptionAsync("male");
        await page.GetByLabel("Xã/phường nơi ở hiện tại").SelectOptionAsync("05443");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lê Văn Phúc" })).ToBeVisibleAsync();

        // The positive test.
        await page.GetByText("Ghi nhận kết quả xét nghiệm").ClickAsync();
        await page.GetByLabel("Thời điểm lấy mẫu").FillAsync("2026-11-20T10:00");
        await page.GetByLabel("Loại mẫu").SelectOptionAsync("urine");
        await page.GetByLabel("Kết quả", new() { Exact = true }).SelectOptionAsync("positive");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu kết quả xét nghiệm" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã ghi nhận kết quả xét nghiệm.")).ToBeVisibleAsync();

        // The decision is due within 24 hours: it is on the officer's list, overdue since 21/11/2026 10:00.
        await BrowserApp.OpenMenuItemAsync(page, "Việc cần làm");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Lê Văn Phúc" });
        await Assertions.Expect(row).ToContainTextAsync("Ra quyết định quản lý người sử dụng trái phép chất ma túy (Mẫu 04)");
        await Assertions.Expect(row).ToContainTextAsync("21/11/2026 10:00");
        await Assertions.Expect(row).ToContainTextAsync("QUÁ HẠN");
        await row.GetByRole(AriaRole.Link, new() { Name = "Lê Văn Phúc" }).ClickAsync();

        // Issue it: the form is open because the decision is due.
        await page.Locator("#decidedAt").FillAsync("2026-11-21T09:30");
        await page.GetByLabel("Số quyết định").First.FillAsync("15/QĐ-CAP");
        await page.GetByLabel("Cán bộ phụ trách").FillAsync("Thượng úy Hoàng Văn An");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu quyết định quản lý" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã ghi nhận quyết định quản lý")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Đang bị quản lý (sử dụng trái phép chất ma túy)").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "21/11/2027 (12 tháng)" })).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải Mẫu 04 (.docx)" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        using (var document = WordprocessingDocument.Open(path!, false))
        {
            var text = document.MainDocumentPart!.Document!.InnerText;
            Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
            Assert.Contains("Số: 15/QĐ-CAP", text, StringComparison.Ordinal);
            Assert.Contains("Lê Văn Phúc", text, StringComparison.Ordinal);
            Assert.Contains("đến hết ngày 21/11/2027", text, StringComparison.Ordinal);
        }

        var shots = Environment.GetEnvironmentVariable("PCMT_SCREENSHOTS");
        if (shots is not null)
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "case-file.png"), FullPage = true });

        // The decision is no longer due.
        await page.GotoAsync("/Lifecycle/WorkItems");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Mẫu 04" })).ToHaveCountAsync(0);
    }
}
