using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Enforcement;

/// <summary>Tổng hợp thu giữ: seizures by substance, cases and suspects by offence, for an area and a period; the ARQ workbook.</summary>
[Authorize(Permissions.ViewSupplySide)]
public sealed class SeizuresModel(SeizureSummary summary, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    /// <summary>Tuyến phát hiện (empty: all routes).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Route { get; set; }

    public SeizureSummary.Summary? Result { get; private set; }

    /// <summary>The same period of the previous year (the seizures trend), when the period has one.</summary>
    public SeizureSummary.Summary? Previous { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Area ??= user.SeesWholeInstallation ? "VN" : user.CommuneCode ?? user.ProvinceCode;
        Period ??= clock.GetUtcNow().Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var route = string.IsNullOrEmpty(Route) ? null : Route;
        var result = await summary.HandleAsync(Area, Period, route, cancellationToken);
        if (result.Succeeded)
        {
            Result = result.Value;
            if (Period is { Length: >= 4 } p && int.TryParse(p[..4], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year > 2000)
            {
                var previous = await summary.HandleAsync(Area, (year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + p[4..], route, cancellationToken);
                Previous = previous.Succeeded ? previous.Value : null;
            }
        }
        else
        {
            ModelState.AddFailure(result.Failure, prefix: "");
        }
    }

    public async Task<IActionResult> OnGetArqAsync(string? area, int? year, CancellationToken cancellationToken)
    {
        var result = await summary.ArqWorkbookAsync(area, year, cancellationToken);
        return result.Succeeded
            ? File(result.Value, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"arq-thu-giu-{year}.xlsx")
            : NotFound();
    }
}
