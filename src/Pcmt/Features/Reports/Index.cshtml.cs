using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Pcmt.Features.Reports;

/// <summary>Báo cáo định kỳ: the user's reports (a commune's, an agency's, or all of the province for its police), and opening a new one.</summary>
[Authorize(Permissions.ViewAdministrativeUnits)]
public sealed class IndexModel(ListReports list, CreateReport create, TemplateCatalog templates, ReportAccess access, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public IReadOnlyList<ListReports.Row> Rows { get; private set; } = [];

    public IReadOnlyList<ReportTemplate> Templates { get; private set; } = [];

    /// <summary>The reporter the user fills reports for: its commune, its agency, or its province.</summary>
    public (string Kind, string Code)? OwnReporter => access.User.ScopeKind switch
    {
        ScopeKind.Commune when access.User.Can(Permissions.FillReports) => (ReporterKinds.Commune, access.User.CommuneCode!),
        ScopeKind.Department when access.User.Can(Permissions.FillReports) => (ReporterKinds.Agency, access.User.ScopeCode!),
        ScopeKind.Province when access.User.Can(Permissions.ReviewReports) => (ReporterKinds.Province, access.User.ProvinceCode!),
        _ => null,
    };

    public bool Reviews => access.ReviewsAnything;

    public bool ProvinceLevel => access.CoversProvince(access.User.ProvinceCode) || access.User.SeesWholeInstallation;

    public IEnumerable<SelectListItem> TemplateItems => Templates.Where(t => t.ReporterKind == OwnReporter?.Kind).Select(t => new SelectListItem(t.Name, t.Code));

    public IEnumerable<SelectListItem> PeriodItems
    {
        get
        {
            var year = clock.GetUtcNow().Year;
            return Enumerable.Range(year - 1, 3).Reverse().SelectMany(y => new[] { $"{y}", $"{y}H2", $"{y}H1", $"{y}Q4", $"{y}Q3", $"{y}Q2", $"{y}Q1" })
                .Select(p => new SelectListItem(ReportingPeriod.Parse(p)!.DisplayName, p));
        }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? template, string? period, CancellationToken ct)
    {
        if (OwnReporter is not { } reporter)
            return Forbid();
        var result = await create.HandleAsync(new CreateReport.Input(template, period, reporter.Code), ct);
        if (result.Succeeded)
            return RedirectToPage("Edit", new { id = result.Value.Id });
        if (result.Failure is Failure.Conflict { Extensions: { } extensions } && extensions.TryGetValue("id", out var existing))
            return RedirectToPage("Edit", new { id = existing });
        ModelState.AddFailure(result.Failure, prefix: "");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Templates = await templates.ListAsync(ct);
        var rows = await list.HandleAsync(new ListReports.Filter(null, Period, Status, null, null), ct);
        if (rows.Succeeded)
            Rows = rows.Value;
        else
            ModelState.AddFailure(rows.Failure, prefix: "");
    }
}
