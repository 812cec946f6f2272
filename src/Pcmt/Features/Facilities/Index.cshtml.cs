using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Facilities;

/// <summary>Sổ cơ sở: facilities with capacity and residents (over-capacity highlighted).</summary>
[Authorize(Permissions.ViewAdministrativeUnits)]
public sealed class IndexModel(FacilityRegister register, CurrentUser user) : PageModel
{
    public IReadOnlyList<FacilityRegister.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await register.ListAsync(user.SeesWholeInstallation ? null : user.ProvinceCode, null, cancellationToken);
}
