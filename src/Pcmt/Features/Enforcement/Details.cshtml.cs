using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pcmt.Features.Persons;

namespace Pcmt.Features.Enforcement;

/// <summary>
/// Một vụ án: suspects (registry links only when visible), seizures, prosecution stages, the form to add a stage, and the person
/// picker that links a suspect to a registry person: it searches through the registry's own search, so it offers only the
/// persons the officer may read (and audits the search like the registry's list).
/// </summary>
[Authorize(Permissions.ViewSupplySide)]
public sealed class DetailsModel(SearchDrugCases search, RecordProsecutionStage stages, EditDrugCase edit, SearchPersons persons, CurrentUser user) : PageModel
{
    public SearchDrugCases.Row? Case { get; private set; }

    [BindProperty]
    public string? Stage { get; set; }

    [BindProperty]
    public string? On { get; set; }

    [BindProperty]
    public int? Persons { get; set; }

    /// <summary>The person picker's search text (name or alias, diacritics optional).</summary>
    [BindProperty(SupportsGet = true, Name = "tim")]
    public string? PersonQuery { get; set; }

    public IReadOnlyList<SearchPersons.Row> PersonMatches { get; private set; } = [];

    public bool CanRecord => user.Can(Permissions.RecordSupplySide);

    public bool CanLink => CanRecord && user.Can(Permissions.ViewPersons);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStageAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanRecord)
            return Forbid();
        var result = await stages.HandleAsync(id, new RecordProsecutionStage.Input(Stage, On, Persons), cancellationToken);
        return await DoneAsync(id, result, "Đã ghi nhận giai đoạn tố tụng.", cancellationToken);
    }

    /// <summary>Links the chosen registry person to an existing suspect, or adds them as a new suspect when none is chosen.</summary>
    public async Task<IActionResult> OnPostLinkAsync(Guid id, Guid? personId, Guid? suspectId, bool resident, CancellationToken cancellationToken)
    {
        if (!CanLink)
            return Forbid();
        if (personId is null)
        {
            ModelState.AddModelError("", "Chọn một người trong kết quả tìm kiếm.");
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var result = suspectId is { } existing
            ? await edit.LinkSuspectAsync(id, existing, new EditDrugCase.LinkInput(personId), cancellationToken)
            : await edit.AddSuspectAsync(id, new RecordDrugCase.SuspectInput { PersonId = personId, Resident = resident }, cancellationToken);
        return await DoneAsync(id, result, "Đã liên kết đối tượng với người trong sổ đăng ký.", cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(Guid id, Result<Guid> result, string notice, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            TempData["Notice"] = notice;
            return RedirectToPage(new { id });
        }

        if (result.Failure is Failure.NotFound)
            return NotFound();
        ModelState.AddFailure(result.Failure, prefix: "");
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Case = await search.FindAsync(id, cancellationToken);
        if (Case is null)
            return false;
        if (CanLink && PersonQuery?.Trim() is { Length: >= 2 and <= 100 } q)
        {
            var found = await persons.HandleAsync(new SearchPersons.Filter(Q: q), Paging.Clamped(1, 20), cancellationToken);
            if (found.Succeeded)
                PersonMatches = found.Value.Items;
        }

        return true;
    }
}
