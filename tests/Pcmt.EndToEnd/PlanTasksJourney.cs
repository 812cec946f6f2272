using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using Pcmt.Features.Agencies;
using Pcmt.Features.Plans;
using Pcmt.Features.Users;

namespace Pcmt.EndToEnd;

/// <summary>
/// The provincial officer imports a plan's task table, the Department of Health's officer records progress with an
/// evidence file, and the overdue task shows on the dashboard.
/// </summary>
public sealed class PlanTasksJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "Can-bo-E2E-2026";

    [Fact]
    public async Task Import_tasks_report_progress_with_evidence_and_see_the_overdue_task_on_the_dashboard()
    {
        var cancel = TestContext.Current.CancellationToken;
        using (var scope = app.Services.CreateScope())
        {
            var agencies = scope.ServiceProvider.GetRequiredService<AgencyRegister>();
            Assert.True((await agencies.CreateAsync(new AgencyRegister.Input("e2e-ca-19", "Công an tỉnh Thái Nguyên", "19", "police"), cancel)).Succeeded);
            Assert.True((await agencies.CreateAsync(new AgencyRegister.Input("e2e-syt-19", "Sở Y tế tỉnh Thái Nguyên", "19", "department"), cancel)).Succeeded);
            var users = scope.ServiceProvider.GetRequiredService<CreateUser>();
            Assert.True((await users.HandleAsync(new CreateUser.Input { UserName = "pc04.kehoach", Password = Password, FullName = "Nguyễn Văn Thường", Role = "province-police", Scope = "19" }, cancel)).Succeeded);
            Assert.True((await users.HandleAsync(new CreateUser.Input { UserName = "syt.kehoach", Password = Password, FullName = "Trần Thị Hòa", Role = "department", Scope = "e2e-syt-19" }, cancel)).Succeeded);
            var plan = await scope.ServiceProvider.GetRequiredService<CreatePlan>().HandleAsync(
                new CreatePlan.Input("19", "Kế hoạch phòng, chống ma túy 2026–2030", "163/KH-UBND", new DateOnly(2026, 1, 15), 2025, 2030, 163_330_000_000), cancel);
            Assert.True(plan.Succeeded);
        }

        var table = Path.Combine(Path.GetTempPath(), $"nhiem-vu-{Guid.NewGuid():N}.xlsx");
        await MiniExcel.SaveAsAsync(table, new[]
        {
            new Dictionary<string, object?> { ["Mục"] = "4.2. Sở Y tế", ["Nội dung"] = "Mở rộng điều trị methadone", ["Cơ quan chủ trì"] = "Sở Y tế tỉnh Thái Nguyên", ["Cơ quan phối hợp"] = "Công an tỉnh Thái Nguyên", ["Thời hạn"] = "2026Q4", ["Dự án"] = "DA6" },
            new Dictionary<string, object?> { ["Mục"] = "4.2. Sở Y tế", ["Nội dung"] = "Xác định tình trạng nghiện tại cơ sở y tế", ["Cơ quan chủ trì"] = "Sở Y tế tỉnh Thái Nguyên", ["Cơ quan phối hợp"] = "", ["Thời hạn"] = "2025Q4", ["Dự án"] = "Dự án 6" },
        }, cancellationToken: cancel);

        // The provincial officer imports the task table.
        var police = await SignInAsync("pc04.kehoach");
        await BrowserApp.OpenMenuItemAsync(police, "Kế hoạch", exact: true);
        await police.GetByRole(AriaRole.Link, new() { Name = "Kế hoạch phòng, chống ma túy 2026–2030" }).ClickAsync();
        await police.GetByRole(AriaRole.Link, new() { Name = "Nhập bảng nhiệm vụ từ Excel" }).ClickAsync();
        await police.GetByLabel("Tệp (.xlsx)").SetInputFilesAsync(table);
        await police.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra và nhập" }).ClickAsync();
        await Assertions.Expect(police.GetByText("Đã nhập 2 nhiệm vụ.")).ToBeVisibleAsync();
        await Assertions.Expect(police.GetByRole(AriaRole.Row).Filter(new() { HasText = "4.2. Sở Y tế" })).ToContainTextAsync("2");
        File.Delete(table);

        // The Department of Health's officer records progress with an evidence file.
        var health = await SignInAsync("syt.kehoach");
        await BrowserApp.OpenMenuItemAsync(health, "Nhiệm vụ", exact: true);
        await health.GetByRole(AriaRole.Link, new() { Name = "Mở rộng điều trị methadone" }).ClickAsync();
        await health.GetByLabel("Tỷ lệ hoàn thành (%)").FillAsync("60");
        await health.GetByLabel("Kết quả thực hiện").FillAsync("Đã mở thêm 2 điểm cấp phát thuốc");
        await health.GetByLabel("Tài liệu minh chứng (tối đa 5 tệp, mỗi tệp 10 MB)").SetInputFilesAsync(new FilePayload { Name = "bao-cao-quy-4.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 báo cáo"u8.ToArray() });
        await health.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(health.GetByText("Đã ghi nhận báo cáo tiến độ.")).ToBeVisibleAsync();
        await Assertions.Expect(health.Locator("#task-status")).ToContainTextAsync("Đang thực hiện, 60%");
        await Assertions.Expect(health.GetByRole(AriaRole.Link, new() { Name = "bao-cao-quy-4.pdf" })).ToBeVisibleAsync();

        // The overdue task (2025Q4, not done) shows on the dashboard.
        await BrowserApp.OpenMenuItemAsync(police, "Bảng điều khiển", exact: true);
        var alerts = police.Locator("#plan-task-alerts");
        await Assertions.Expect(alerts).ToContainTextAsync("Nhiệm vụ quá hạn");
        await alerts.GetByRole(AriaRole.Link, new() { Name = "1", Exact = true }).First.ClickAsync();
        await Assertions.Expect(police.GetByRole(AriaRole.Row).Filter(new() { HasText = "Xác định tình trạng nghiện tại cơ sở y tế" })).ToContainTextAsync("QUÁ HẠN");
    }

    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trang chủ" })).ToBeVisibleAsync();
        return page;
    }
}
