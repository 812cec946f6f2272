using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Pcmt.Features.Users;

[Authorize(Permissions.ManageUsers)]
public sealed class CreateModel(CreateUser create) : PageModel
{
    [BindProperty]
    public CreateUser.Input Input { get; set; } = new();

    public IEnumerable<SelectListItem> RoleItems => Roles.All.Select(r => new SelectListItem(Roles.DisplayNames[r], r));

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The use case checks the whole form (annotations included), so every error shows at once and only once.
        var result = await create.HandleAsync(Input, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.Clear();
            ModelState.AddFailure(result.Failure);
            return Page();
        }

        TempData["Notice"] = $"Đã tạo tài khoản {Input.UserName}.";
        return RedirectToPage("Details", new { id = result.Value });
    }
}
