using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Reports;

/// <summary>Báo cáo năm của tỉnh: download the province's yearly report as PDF or .docx.</summary>
[Authorize(Permissions.ViewAdministrativeUnits)]
public sealed class AnnualModel(AnnualReport annual, ReportAccess access, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }

    public AnnualReport.Content? Data { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        if (!access.User.SeesWholeInstallation && !access.CoversProvince(access.User.ProvinceCode))
            return Forbid();
        Year = year ?? clock.GetUtcNow().Year;
        var content = await annual.HandleAsync(access.User.ProvinceCode, Year, ct);
        if (content.Succeeded)
            Data = content.Value;
        else
            ModelState.AddFailure(content.Failure, prefix: "");
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(int year, string? format, CancellationToken ct)
    {
        var content = await annual.HandleAsync(access.User.ProvinceCode, year, ct);
        if (!content.Succeeded)
            return NotFound();
        var name = $"bao-cao-nam-{year}-{content.Value.ProvinceCode}";
        return format == "docx"
            ? File(AnnualReportDocx.Build(content.Value), AnnualReportDocx.ContentType, name + ".docx")
            : File(AnnualReportPdf.Build(content.Value), "application/pdf", name + ".pdf");
    }
}
