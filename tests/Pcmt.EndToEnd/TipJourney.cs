using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pcmt.Features.Users;

namespace Pcmt.EndToEnd;

/// <summary>
/// Issue 15: a citizen sends a tip from the phone-sized public page (no sign-in), the provincial police route it to the commune,
/// the commune police close it, and the citizen's status lookup shows "Đã xử lý".
/// </summary>
public sealed class TipJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "Can-bo-E2E-2026";

    private async Task CreateUserAsync(string userName, string fullName, string role, string scope)
    {
        using var scope1 = app.Services.CreateScope();
        var created = await scope1.ServiceProvider.GetRequiredService<CreateUser>().HandleAsync(new CreateUser.Input
        {
            UserName = userName,
            Password = Password,
            FullName = fullName,
            Role = role,
            Scope = scope,
        }, TestContext.Current.CancellationToken);
        Assert.True(created.Succeeded);
    }

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
    public async Task A_citizen_tip_is_routed_closed_and_shown_as_handled()
    {
        await CreateUserAsync("pc04.thainguyen", "Đặng Văn Tỉnh", "province-police", "19");
        await CreateUserAsync("ca.phandinhphung.tg", "Hoàng Văn Xã", "commune-police", "05443");

        // The citizen, on a 390 px phone screen, without signing in.
        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync("/to-giac");
        await citizen.GetByLabel("Tỉnh/thành phố nơi xảy ra vụ việc").SelectOptionAsync("19");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Chọn tỉnh" }).ClickAsync();
        await citizen.GetByLabel("Loại vụ việc").SelectOptionAsync("harbouring-point");
        await citizen.GetByLabel("Nội dung tố giác").FillAsync("Căn nhà cuối ngõ 7 thường có người tụ tập sử dụng ma túy vào ban đêm.");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi tin tố giác" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Name = "Đã nhận tin tố giác" })).ToBeVisibleAsync();
        var code = (await citizen.Locator("#receipt-code").InnerTextAsync()).Trim();
        var secret = (await citizen.Locator("#receipt-secret").InnerTextAsync()).Trim();

        // The provincial police route it to Phường Phan Đình Phùng.
        var province = await SignInAsync("pc04.thainguyen");
        await province.GotoAsync("/Tips/Index");
        await province.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await province.GetByLabel("Xã, phường, đặc khu").SelectOptionAsync("05443");
        await province.GetByRole(AriaRole.Button, new() { Name = "Chuyển tin" }).ClickAsync();

        // The commune police see it and close it.
        var commune = await SignInAsync("ca.phandinhphung.tg");
        await commune.GotoAsync("/Tips/Index");
        await commune.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await commune.Locator("#Outcome").SelectOptionAsync("confirmed");
        await commune.GetByLabel("Ghi chú kết quả").FillAsync("Đã kiểm tra, lập biên bản tụ điểm.");
        await commune.GetByRole(AriaRole.Button, new() { Name = "Ghi kết quả" }).ClickAsync();

        // The citizen looks it up with the two codes.
        await citizen.GotoAsync("/to-giac/tra-cuu");
        await citizen.GetByLabel("Mã tiếp nhận").FillAsync(code);
        await citizen.GetByLabel("Mã bí mật").FillAsync(secret);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("#tip-status")).ToHaveTextAsync("Đã xử lý");
    }
}
