using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Lifecycle;

/// <summary>Việc cần làm: the open legal deadlines of the user's area (overdue first), or only the officer's own.</summary>
[Authorize(Permissions.ViewPersons)]
public sealed class WorkItemsModel(WorkItems items, LegalSettings settings) : PageModel
{
    public PagedList<WorkItems.Row> Items { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);

    public string Show { get; private set; } = "all";

    public bool Mine { get; private set; }

    public int DueSoonDays { get; private set; }

    public async Task OnGetAsync(string? show, bool? mine, int? page, CancellationToken cancellationToken)
    {
        Show = show is "overdue" or "soon" ? show : "all";
        Mine = mine == true;
        DueSoonDays = (await settings.ParametersAsync(cancellationToken)).Number("due-soon-days", LegalParameters.AnyRegime);
        var filter = new WorkItems.Filter(
            DueBefore: Show == "soon" ? DateTimeOffset.UtcNow.AddDays(DueSoonDays).ToString("O", System.Globalization.CultureInfo.InvariantCulture) : null,
            Overdue: Show == "overdue" ? true : null,
            Assignee: Mine ? "me" : null);
        var result = await items.ListAsync(filter, Paging.Clamped(page), withNames: true, cancellationToken);
        if (result.Succeeded)
            Items = result.Value;
    }
}
