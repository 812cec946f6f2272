using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Enforcement;

/// <summary>Sửa vụ án: the case's own facts with the version read (a concurrent change is refused with a message, not overwritten).</summary>
[Authorize(Permissions.RecordSupplySide)]
public sealed class EditModel(SearchDrugCases search, EditDrugCase edit, CurrentUser user) : PageModel
{
    [BindProperty]
    public EditDrugCase.Input Input { get; set; } = new();

    public string? Province => user.ProvinceCode;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await search.FindAsync(id, cancellationToken) is not { } c)
            return NotFound();
        Input = new EditDrugCase.Input
        {
            CommuneCode = c.CommuneCode,
            DetectingUnit = c.DetectingUnit,
            DetectedOn = Format.Date(c.DetectedOn),
            Route = c.Route,
            Organised = c.Organised,
            Transnational = c.Transnational,
            Offences = [.. c.Offences],
            Summary = c.Summary,
            Version = c.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await edit.UpdateAsync(id, Input, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã lưu thay đổi của vụ án.";
            return RedirectToPage("Details", new { id });
        }

        if (result.Failure is Failure.NotFound)
            return NotFound();
        ModelState.AddFailure(result.Failure);
        return Page();
    }
}
