using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Reports;

/// <summary>Duyệt báo cáo: the submitted reports the user reviews, each with how far it departs from the registry and from its last approval; approve many at once.</summary>
[Authorize(Permissions.ViewAdministrativeUnits)]
public sealed class ReviewModel(ReportAccess access, GetReport get, ReviewReport review) : PageModel
{
    public IReadOnlyList<GetReport.View> Queue { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!access.ReviewsAnything)
            return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(List<Guid>? ids, CancellationToken ct)
    {
        if (!access.ReviewsAnything)
            return Forbid();
        var result = await review.ApproveManyAsync(ids, ct);
        if (!result.Succeeded)
        {
            ModelState.AddFailure(result.Failure, prefix: "");
            await LoadAsync(ct);
            return Page();
        }

        TempData["Notice"] = $"Đã phê duyệt {result.Value.Approved.Count} báo cáo."
            + (result.Value.Failed.Count > 0 ? $" Không phê duyệt được {result.Value.Failed.Count}: " + string.Join("; ", result.Value.Failed.Select(f => f.Reason).Distinct()) : "");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var submitted = await access.Visible().AsNoTracking().Where(r => r.Status == ReviewStatuses.Submitted)
            .OrderBy(r => r.Period).ThenBy(r => r.TemplateCode).ThenBy(r => r.ReporterCode).Take(200).ToListAsync(ct);
        var views = new List<GetReport.View>();
        foreach (var report in submitted.Where(r => access.CanReview(r.ReporterKind, r.ProvinceCode)))
            views.Add(await get.ViewAsync(report, ct));
        Queue = views;
    }
}
