using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Pcmt.Features.Persons;

namespace Pcmt.Features.Enforcement;

/// <summary>Sổ vụ án ma túy: cases of the area with filters (commune, period, route).</summary>
[Authorize(Permissions.ViewSupplySide)]
public sealed class IndexModel(SearchDrugCases search, PersonForm form, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Route { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public PagedList<SearchDrugCases.Row>? Cases { get; private set; }

    public IReadOnlyList<SelectListItem> Communes { get; private set; } = [];

    public bool CanRecord => user.Can(Permissions.RecordSupplySide);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Communes = await form.CommunesAsync(cancellationToken);
        var result = await search.HandleAsync(new SearchDrugCases.Filter(null, string.IsNullOrEmpty(Commune) ? null : Commune, From, To, Route), Paging.Clamped(PageNumber), cancellationToken);
        if (result.Succeeded)
            Cases = result.Value;
        else
            ModelState.AddFailure(result.Failure, prefix: "");
    }
}
