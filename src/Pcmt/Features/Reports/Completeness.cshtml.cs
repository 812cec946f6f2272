using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Pcmt.Features.Reports;

/// <summary>Tình hình nộp báo cáo: per template and period, who reported, was approved, is late or missing; the consolidation beside the registry.</summary>
[Authorize(Permissions.ViewAdministrativeUnits)]
public sealed class CompletenessModel(ReportCompleteness completeness, TemplateCatalog templates, ReportAccess access, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Template { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public ReportCompleteness.Summary? Summary { get; private set; }

    public ReportCompleteness.Consolidation? Consolidation { get; private set; }

    public IReadOnlyList<ReportTemplate> Templates { get; private set; } = [];

    public IEnumerable<SelectListItem> TemplateItems => Templates.Select(t => new SelectListItem(t.Name, t.Code, t.Code == Template));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!access.User.SeesWholeInstallation && !access.CoversProvince(access.User.ProvinceCode))
            return Forbid();
        Templates = await templates.ListAsync(ct);
        Template ??= BuiltInTemplates.CommuneHalfYear;
        var template = Templates.FirstOrDefault(t => t.Code == Template);
        if (Period is null && template is not null)
        {
            var today = clock.GetUtcNow();
            Period = template.Frequency switch
            {
                Frequencies.Year => $"{today.Year}",
                Frequencies.HalfYear => $"{today.Year}H{(today.Month <= 6 ? 1 : 2)}",
                Frequencies.Quarter => $"{today.Year}Q{(today.Month - 1) / 3 + 1}",
                _ => $"{today.Year}{today.Month:00}",
            };
        }

        var summary = await completeness.HandleAsync(Template, Period, access.User.ProvinceCode, ct);
        if (!summary.Succeeded)
        {
            ModelState.AddFailure(summary.Failure, prefix: "");
            return Page();
        }

        Summary = summary.Value;
        var consolidation = await completeness.ConsolidateAsync(Template, Period, access.User.ProvinceCode, ct);
        if (consolidation.Succeeded)
            Consolidation = consolidation.Value;
        return Page();
    }
}
