using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pcmt.Features.Indicators;

namespace Pcmt.Features.Community;

/// <summary>Sổ tuyên truyền, giáo dục: the activities, the three education indicators of the area and year, and the form to record one.</summary>
[Authorize(Permissions.ViewCommunication)]
public sealed class IndexModel(CommunicationRegister register, ComputeIndicator compute, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CommunicationRegister.ActivityInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public PagedList<CommunicationRegister.ActivityRow>? Rows { get; private set; }

    public IReadOnlyList<ComputeIndicator.Value> Indicators { get; private set; } = [];

    public IReadOnlyList<CommunicationRegister.SiteRow> Sites { get; private set; } = [];

    public IReadOnlyList<CommunicationRegister.OutletRow> Outlets { get; private set; } = [];

    public bool CanRecord => user.Can(Permissions.RecordCommunication);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanRecord)
            return Forbid();
        var result = await register.AddActivityAsync(Input, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã ghi hoạt động tuyên truyền.";
            return RedirectToPage();
        }

        ModelState.AddFailure(result.Failure);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var year = Year is >= 2000 and <= 2100 ? Year.Value : Deadlines.LegalTime.DayOf(clock.GetUtcNow()).Year;
        Year = year;
        var kind = ActivityKinds.Names.ContainsKey(Kind ?? "") ? Kind : null;
        var commune = string.IsNullOrEmpty(Commune) ? null : Commune;
        Rows = await register.ListActivitiesAsync(commune, kind, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), Paging.Clamped(1, 200), cancellationToken);
        var area = user.CommuneCode ?? user.ProvinceCode ?? "VN";
        var values = new List<ComputeIndicator.Value>();
        foreach (var code in new[] { CommunicationIndicators.School, CommunicationIndicators.Worker, CommunicationIndicators.Media })
        {
            var value = await compute.HandleAsync(code, area, year.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
            if (value.Succeeded)
                values.Add(value.Value);
        }

        Indicators = values;
        if (CanRecord)
        {
            Sites = await register.ListSitesAsync(null, null, cancellationToken);
            Outlets = await register.ListOutletsAsync(null, cancellationToken);
        }
    }
}
