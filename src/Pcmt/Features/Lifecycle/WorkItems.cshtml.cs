using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pcmt.Features.DataBreaches;

namespace Pcmt.Features.Lifecycle;

/// <summary>
/// Việc cần làm: the open legal deadlines of the user's area (overdue first), or only the officer's own; for the users of the
/// personal-data breach register also the A05 notification deadline of every open breach (issue 18).
/// </summary>
[Authorize] // person-file readers (ViewPersons) or the breach register's users (ManageDataBreaches): checked in the handler
public sealed class WorkItemsModel(WorkItems items, LegalSettings settings, CurrentUser user, DataBreachRegister breaches) : PageModel
{
    public PagedList<WorkItems.Row> Items { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);

    public string Show { get; private set; } = "all";

    public bool Mine { get; private set; }

    public int DueSoonDays { get; private set; }

    /// <summary>Whether the user reads person files (the legal deadlines of the area are shown).</summary>
    public bool SeesPersons { get; private set; }

    /// <summary>Open personal-data breaches whose A05 notification is due (decree 13/2023/NĐ-CP Art 23: discovery + 72 h), for the register's users.</summary>
    public IReadOnlyList<DataBreachRegister.Row> Breaches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? show, bool? mine, int? page, CancellationToken cancellationToken)
    {
        SeesPersons = user.Can(Permissions.ViewPersons);
        var seesBreaches = user.Can(Permissions.ManageDataBreaches);
        if (!SeesPersons && !seesBreaches)
            return Forbid();
        Show = show is "overdue" or "soon" ? show : "all";
        Mine = mine == true;
        DueSoonDays = (await settings.ParametersAsync(cancellationToken)).Number("due-soon-days", LegalParameters.AnyRegime);
        var soon = DateTimeOffset.UtcNow.AddDays(DueSoonDays);
        if (SeesPersons)
        {
            var filter = new WorkItems.Filter(
                DueBefore: Show == "soon" ? soon.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : null,
                Overdue: Show == "overdue" ? true : null,
                Assignee: Mine ? "me" : null);
            var result = await items.ListAsync(filter, Paging.Clamped(page), withNames: true, cancellationToken);
            if (result.Succeeded)
                Items = result.Value;
        }

        if (seesBreaches)
        {
            // Every register user answers for the notification (the responsible officer is named in the record, not a user account).
            Breaches = (await breaches.OpenAsync(cancellationToken))
                .Where(b => Show switch { "overdue" => b.Overdue, "soon" => b.NotifyBy < soon, _ => true })
                .ToList();
        }

        return Page();
    }
}
