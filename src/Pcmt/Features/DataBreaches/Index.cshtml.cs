using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.DataBreaches;

/// <summary>Sự cố dữ liệu cá nhân: the register with the time left to notify A05, and the form that records a new breach.</summary>
[Authorize(Permissions.ManageDataBreaches)]
public sealed class IndexModel(DataBreachRegister register) : PageModel
{
    [BindProperty]
    public DataBreachRegister.Input Input { get; set; } = new();

    public IReadOnlyList<DataBreachRegister.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await register.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await register.RecordAsync(Input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = "Đã ghi nhận sự cố. Hạn thông báo cho A05 là 72 giờ kể từ khi phát hiện.";
                return RedirectToPage("Details", new { id = result.Value });
            }

            ModelState.AddFailure(result.Failure);
        }

        Rows = await register.ListAsync(cancellationToken);
        return Page();
    }
}
