using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pcmt.Features.Users;

namespace Pcmt.Features.Account;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<User> signIn, UserManager<User> users) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp ends this session server-side: a copy of the cookie (or a token of this user) is refused at its
        // next request (SessionValidationMiddleware), not only the browser's own cookie deleted.
        if (await users.GetUserAsync(User) is { } user)
            await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        TempData["Notice"] = "Bạn đã đăng xuất.";
        return RedirectToPage("Login");
    }
}
