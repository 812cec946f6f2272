using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Pcmt.Features.Persons;

namespace Pcmt.Features.LawfulActivities;

/// <summary>Sổ hoạt động hợp pháp liên quan đến ma túy: the establishments of the area (an agency: of its sector), with filters and the printable export.</summary>
[Authorize(Permissions.ViewLawfulActivities)]
public sealed class IndexModel(LawfulActivityRegister register, PersonForm form, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool FollowUpOverdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public PagedList<LawfulActivityRegister.Row>? Activities { get; private set; }

    public IReadOnlyList<SelectListItem> Communes { get; private set; } = [];

    public bool CanRecord => user.Can(Permissions.ManageLawfulActivities);

    private LawfulActivityRegister.Filter Filter => new(null, Blank(Commune), Blank(Kind), Blank(Sector), Blank(Q), FollowUpOverdue ? true : null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Communes = await form.CommunesAsync(cancellationToken);
        var result = await register.ListAsync(Filter, Paging.Clamped(PageNumber), cancellationToken);
        if (result.Succeeded)
            Activities = result.Value;
        else
            ModelState.AddFailure(result.Failure, prefix: "");
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var result = await register.ExportAsync(Filter, user.ScopeCode ?? "", cancellationToken);
        if (result.Succeeded)
            return File(result.Value, ExcelForm.ContentType, ExcelForm.FileName("so-hoat-dong-hop-phap"));
        ModelState.AddFailure(result.Failure, prefix: "");
        await OnGetAsync(cancellationToken);
        return Page();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
