using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pcmt.Features.SupplySide;
using Pcmt.Features.Users;
using Pcmt.Infrastructure.Data;

namespace Pcmt.EndToEnd;

/// <summary>The provincial officer runs the year's classification, reviews the commune the text leaves open, approves, and sees the roadmap move.</summary>
public sealed class ClassificationJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "Can-bo-E2E-2026";

    [Fact]
    public async Task Run_review_approve_and_see_the_drug_free_roadmap()
    {
        using (var scope = app.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateUser>().HandleAsync(new CreateUser.Input
            {
                UserName = "pc04.thainguyen",
                Password = Password,
                FullName = "Nguyễn Thị Lan",
                Role = "province-police",
                Scope = "19",
            }, TestContext.Current.CancellationToken);
            Assert.True(created.Succeeded);
            // One harbouring point and nothing else: QĐ 28/2025 gives no class (legal-rules §5.7).
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Add(new Hotspot { ProvinceCode = "19", CommuneCode = "01849", Kind = "harbouring-point", DetectedOn = new DateOnly(2026, 5, 10) });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Tên đăng nhập").FillAsync("pc04.thainguyen");
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await BrowserApp.OpenMenuItemAsync(page, "Phân loại địa bàn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tính đề xuất phân loại" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã tính đề xuất phân loại cho 92 xã, phường, đặc khu.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Không ma túy: 91" })).ToBeVisibleAsync();

        // The review commune: the officer records the People's Committee's assessment.
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "(01849)" });
        await Assertions.Expect(row).ToContainTextAsync("Cần xem xét");
        await row.GetByLabel("Kết quả xem xét").SelectOptionAsync("type-3");
        await row.GetByLabel("Lý do").FillAsync("Còn một điểm chứa chấp chưa triệt xóa");
        await row.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã ghi nhận kết quả xem xét.")).ToBeVisibleAsync();

        await page.GetByLabel("Số quyết định phê duyệt").FillAsync("2150/QĐ-UBND");
        await page.GetByLabel("Ngày quyết định").FillAsync("2026-11-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Phê duyệt kết quả phân loại" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã ghi nhận phê duyệt cho 92 xã, phường, đặc khu.")).ToBeVisibleAsync();

        await BrowserApp.OpenMenuItemAsync(page, "Bảng điều khiển");
        var roadmap = page.Locator("#roadmap");
        await Assertions.Expect(roadmap.GetByRole(AriaRole.Row).Filter(new() { HasText = "2026" })).ToContainTextAsync("98,91");
        await Assertions.Expect(roadmap.GetByRole(AriaRole.Row).Filter(new() { HasText = "2028" })).ToContainTextAsync("50");
        await Assertions.Expect(page.Locator("#roadmap-chart")).ToBeVisibleAsync();
        var shots = Environment.GetEnvironmentVariable("PCMT_SCREENSHOTS");
        if (shots is not null)
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "dashboard.png"), FullPage = true });
    }
}
