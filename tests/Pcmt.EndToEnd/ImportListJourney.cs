using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using Pcmt.Features.Users;

namespace Pcmt.EndToEnd;

/// <summary>A commune officer uploads the commune's Excel list; the import runs in the background and the page follows it to the result.</summary>
public sealed class ImportListJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "Can-bo-Nhap-2026";

    [Fact]
    public async Task Upload_a_list_follow_the_progress_and_read_the_refused_rows()
    {
        using (var scope = app.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateUser>().HandleAsync(new CreateUser.Input
            {
                UserName = "ca.nhap",
                Password = Password,
                FullName = "Đinh Văn Nhập",
                Role = "commune-police",
                Scope = "05443",
            }, TestContext.Current.CancellationToken);
            Assert.True(created.Succeeded);
        }

        var path = Path.Combine(Path.GetTempPath(), $"danh-sach-{Guid.NewGuid():N}.xlsx");
        MiniExcel.SaveAs(path, new[]
        {
            new Dictionary<string, object?> { ["Họ và tên"] = "Phí Văn Nhập", ["Ngày sinh"] = "05/05/1990", ["Giới tính"] = "Nam", ["Mã xã"] = "05443" },
            new Dictionary<string, object?> { ["Họ và tên"] = "Phí Văn Lỗi", ["Ngày sinh"] = "không rõ", ["Giới tính"] = "Nam", ["Mã xã"] = "05443" },
        });

        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Tên đăng nhập").FillAsync("ca.nhap");
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await page.GotoAsync("/Persons/Import");
        await page.GetByLabel("Tệp (.xlsx hoặc .csv)").SetInputFilesAsync(path);
        await page.GetByLabel("Nhập các dòng hợp lệ dù có dòng lỗi").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra và nhập" }).ClickAsync();

        await Assertions.Expect(page.GetByText("nhập 1", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "3", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tải tệp lỗi (.xlsx)" })).ToBeVisibleAsync();
        File.Delete(path);
    }
}
