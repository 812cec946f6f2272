using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Community;

/// <summary>Phiếu của người hỗ trợ: what the supporter may know of the people assigned to them (TeamRosters.SheetAsync), printable.</summary>
[Authorize(Permissions.ViewTeams)]
public sealed class SupporterModel(TeamRosters rosters) : PageModel
{
    public TeamRosters.Sheet? Sheet { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid memberId, CancellationToken cancellationToken)
    {
        Sheet = await rosters.SheetAsync(memberId, cancellationToken);
        return Sheet is null ? NotFound() : Page();
    }
}
