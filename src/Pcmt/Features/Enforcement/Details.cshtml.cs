using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Enforcement;

/// <summary>Một vụ án: suspects (registry links only when visible), seizures, prosecution stages, and the form to add a stage.</summary>
[Authorize(Permissions.ViewSupplySide)]
public sealed class DetailsModel(SearchDrugCases search, RecordProsecutionStage stages, CurrentUser user) : PageModel
{
    public SearchDrugCases.Row? Case { get; private set; }

    [BindProperty]
    public string? Stage { get; set; }

    [BindProperty]
    public string? On { get; set; }

    [BindProperty]
    public int? Persons { get; set; }

    public bool CanRecord => user.Can(Permissions.RecordSupplySide);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Case = await search.FindAsync(id, cancellationToken);
        return Case is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostStageAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanRecord)
            return Forbid();
        var result = await stages.HandleAsync(id, new RecordProsecutionStage.Input(Stage, On, Persons), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã ghi nhận giai đoạn tố tụng.";
            return RedirectToPage(new { id });
        }

        if (result.Failure is Failure.NotFound)
            return NotFound();
        ModelState.AddFailure(result.Failure, prefix: "");
        Case = await search.FindAsync(id, cancellationToken);
        return Case is null ? NotFound() : Page();
    }
}
