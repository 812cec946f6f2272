using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Plans;

/// <summary>Bảng theo dõi nhiệm vụ: filter by plan, agency, status, overdue, due soon, project; export to .xlsx.</summary>
[Authorize(Permissions.ViewPlans)]
public sealed class TasksModel(ListTasks list, ExportTasks export, ConfirmTasks confirm, PlanScope scope) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Plan { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Project { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? DueWithinDays { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Confirmation { get; set; }

    public bool CanConfirm => scope.ManagesPlans;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public PagedList<ListTasks.Row> Tasks { get; private set; } = new([], 0, 1, 1);

    public Dictionary<Guid, string> Plans { get; private set; } = [];

    public Dictionary<string, string> Agencies { get; private set; } = [];

    public bool IsAgency => scope.User.AgencyCode is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Plans = await scope.Plans().OrderByDescending(p => p.IssuedOn).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
        Agencies = await scope.AgencyNamesAsync(scope.User.SeesWholeInstallation ? null : scope.User.ProvinceCode, cancellationToken);
        var confirmation = Confirmation is Reports.ReviewStatuses.Submitted or Reports.ReviewStatuses.Returned or Reports.ReviewStatuses.Approved ? Confirmation : null;
        var filter = new ListTasks.Filter(Plan, Agency, Status, Overdue, Project, DueWithinDays is < 0 or > 3650 ? null : DueWithinDays, confirmation);
        var result = await list.HandleAsync(filter with { Status = TaskStatuses.Names.ContainsKey(Status ?? "") ? Status : null, Project = Projects.Normalize(Project) },
            Paging.Clamped(PageNumber), cancellationToken);
        Tasks = result.Value!;
    }

    /// <summary>Bulk confirmation of the selected completions; errors come back on the same list.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(List<Guid>? ids, CancellationToken cancellationToken)
    {
        if (!scope.ManagesPlans)
            return Forbid();
        var result = await confirm.ApproveAsync(new ConfirmTasks.ApproveInput(ids ?? []), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = $"Đã xác nhận hoàn thành {Format.Number(result.Value)} nhiệm vụ.";
            return RedirectToPage(new { confirmation = Confirmation, plan = Plan });
        }

        ModelState.AddFailure(result.Failure, prefix: "");
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken) =>
        Plan is { } plan && await export.HandleAsync(plan, cancellationToken) is { } bytes
            ? File(bytes, ExportTasks.ContentType, "theo-doi-nhiem-vu.xlsx")
            : NotFound();
}
