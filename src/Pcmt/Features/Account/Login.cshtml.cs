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
[ServedBeforeDatabase] // first start: the form is served while the database is prepared; its POST waits (docs/performance.md)
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(SignInManager<User> signIn, UserManager<User> users, AuditLog audit) : PageModel
{
    public sealed record Credentials
    {
        [Display(Name = "Tên đăng nhập")]
        [Required(ErrorMessage = Messages.Required), StringLength(256, ErrorMessage = Messages.MaxLength)]
        public string? UserName { get; init; }

        [Display(Name = "Mật khẩu")]
        [Required(ErrorMessage = Messages.Required), StringLength(256, ErrorMessage = Messages.MaxLength)]
        [DataType(DataType.Password)]
        public string? Password { get; init; }
    }

    [BindProperty]
    public Credentials Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();

        var user = await users.FindByNameAsync(Input.UserName!.Trim());
        if (user is null)
        {
            ModelState.AddModelError("", IssueToken.BadCredentials);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
            return RedirectToPage("LoginWith2fa", new { ReturnUrl });

        await audit.RecordSignInAsync(user.Id, user.UserName!, result.Succeeded, "web", cancellationToken);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");

        ModelState.AddModelError("", result.IsLockedOut ? IssueToken.LockedOut : IssueToken.BadCredentials);
        return Page();
    }
}
