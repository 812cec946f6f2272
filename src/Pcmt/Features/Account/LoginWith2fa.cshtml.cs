using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Pcmt.Features.Users;
using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginWith2faModel(SignInManager<User> signIn, AuditLog audit) : PageModel
{
    public sealed record CodeInput
    {
        [Display(Name = "Mã xác thực hoặc mã khôi phục")]
        [Required(ErrorMessage = Messages.Required), StringLength(32, ErrorMessage = Messages.MaxLength)]
        public string? Code { get; init; }
    }

    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return RedirectToPage("Login");
        if (!ModelState.IsValid)
            return Page();

        var code = Input.Code!.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);

        await audit.RecordSignInAsync(user.Id, user.UserName!, result.Succeeded, "web-2fa", cancellationToken);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");

        ModelState.AddModelError("", result.IsLockedOut ? IssueToken.LockedOut : "Mã xác thực không đúng hoặc đã hết hạn.");
        return Page();
    }
}
