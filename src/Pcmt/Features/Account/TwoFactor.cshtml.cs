using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pcmt.Features.Users;
using QRCoder;

namespace Pcmt.Features.Account;

/// <summary>Bảo mật tài khoản: enrol an authenticator (TOTP), recovery codes, change password.</summary>
[Authorize(Policy = Policies.PasswordOnly)]
public sealed class TwoFactorModel(UserManager<User> users, SignInManager<User> signIn, TwoFactorPolicy policy, IUserStore<User> store) : PageModel
{
    public sealed record CodeInput
    {
        [Display(Name = "Mã xác thực (6 chữ số)")]
        [Required(ErrorMessage = Messages.Required), StringLength(7, MinimumLength = 6, ErrorMessage = Messages.LengthRange)]
        public string? Value { get; init; }
    }

    public sealed record PasswordInput
    {
        [Display(Name = "Mật khẩu hiện tại")]
        [Required(ErrorMessage = Messages.Required), DataType(DataType.Password)]
        public string? Current { get; init; }

        [Display(Name = "Mật khẩu mới")]
        [Required(ErrorMessage = Messages.Required), DataType(DataType.Password), StringLength(128, ErrorMessage = Messages.MaxLength)]
        public string? New { get; init; }
    }

    [BindProperty]
    public CodeInput Code { get; set; } = new();

    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public string SharedKey { get; private set; } = "";

    public string QrCodeDataUri { get; private set; } = "";

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        ModelState.Remove("Password.Current");
        ModelState.Remove("Password.New");
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        var code = Code.Value!.Replace(" ", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("", "Mã xác thực không đúng. Hãy kiểm tra đồng hồ của điện thoại và nhập mã mới nhất.");
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        TempData["Notice"] = "Đã bật xác thực hai lớp.";
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (user.TwoFactorEnabled)
            RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostChangePasswordAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        ModelState.Remove("Code.Value");
        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, Password.Current!, Password.New!);
            if (result.Succeeded)
            {
                await signIn.RefreshSignInAsync(user);
                TempData["Notice"] = "Đã đổi mật khẩu.";
                return RedirectToPage();
            }

            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Password.Current" : "Password.New", error.Description);
        }

        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(User user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = policy.IsRequiredFor(user);
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        if (Enabled)
            return;

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // The first key, set through the store: ResetAuthenticatorKeyAsync would rotate the security stamp and so end every
            // session and token of the user (SessionValidationMiddleware) just for opening this page. No second factor is on yet.
            await ((IUserAuthenticatorKeyStore<User>)store).SetAuthenticatorKeyAsync(user, users.GenerateNewAuthenticatorKey(), HttpContext.RequestAborted);
            await users.UpdateAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        SharedKey = string.Join(" ", key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = $"otpauth://totp/PCMT:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer=PCMT&digits=6";
        using var qr = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(qr).GetGraphic(5));
    }
}
