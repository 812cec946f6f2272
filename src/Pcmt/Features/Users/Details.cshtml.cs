using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Pcmt.Features.Users;

[Authorize(Permissions.ManageUsers)]
public sealed class DetailsModel(UserManager<User> users, UpdateUser update, ResetCredentials reset, CurrentUser administrator, TimeProvider clock) : PageModel
{
    [BindProperty]
    public UpdateUser.Input Input { get; set; } = new();

    public string UserName { get; private set; } = "";

    public bool TwoFactorEnabled { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public string? PasswordError { get; private set; }

    public IEnumerable<SelectListItem> RoleItems => Roles.All.Select(r => new SelectListItem(Roles.DisplayNames[r], r));

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id, fillInput: true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await update.HandleAsync(id, Input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = "Đã lưu thay đổi.";
                return RedirectToPage(new { id });
            }

            ModelState.AddFailure(result.Failure);
        }

        return await LoadAsync(id, fillInput: false) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPasswordAsync(Guid id, string? newPassword)
    {
        var result = await reset.SetPasswordAsync(id, newPassword);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã đặt mật khẩu mới.";
            return RedirectToPage(new { id });
        }

        PasswordError = result.Failure is Failure.Invalid invalid ? string.Join(" ", invalid.Errors.Values.SelectMany(v => v)) : "Không tìm thấy tài khoản.";
        return await LoadAsync(id, fillInput: true) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(Guid id)
    {
        var result = await reset.ResetTwoFactorAsync(id);
        if (!result.Succeeded)
            return NotFound();
        TempData["Notice"] = "Đã gỡ xác thực hai lớp.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, bool fillInput)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null || !UserScopes.Manages(administrator, user.ProvinceCode))
            return false;

        UserName = user.UserName!;
        TwoFactorEnabled = user.TwoFactorEnabled;
        CreatedAt = user.CreatedAt;
        if (fillInput)
        {
            ModelState.Clear();
            Input = new UpdateUser.Input
            {
                FullName = user.FullName,
                Role = user.Role,
                Scope = user.ScopeCode,
                Locked = user.LockoutEnd > clock.GetUtcNow(),
                Version = user.ConcurrencyStamp,
            };
        }

        return true;
    }
}
