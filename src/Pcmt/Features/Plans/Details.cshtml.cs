using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Plans;

/// <summary>Tổng quan kế hoạch: sections with task counts by status, budget summary, and the form to assign a task.</summary>
[Authorize(Permissions.ViewPlans)]
public sealed class DetailsModel(PlanOverview overview, AddTask add, PlanScope scope) : PageModel
{
    public PlanOverview.Overview Plan { get; private set; } = null!;

    public Dictionary<string, string> Agencies { get; private set; } = [];

    public bool CanManage => scope.ManagesPlans;

    [BindProperty]
    public string? TaskTitle { get; set; }

    [BindProperty]
    public string? Section { get; set; }

    [BindProperty]
    public string? LeadAgency { get; set; }

    [BindProperty]
    public List<string> PartnerAgencies { get; set; } = [];

    [BindProperty]
    public string? Due { get; set; }

    [BindProperty]
    public string? ProjectCode { get; set; }

    [BindProperty]
    public string? Recurrence { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanManage)
            return Forbid();
        var result = await add.HandleAsync(id, new AddTask.Input(TaskTitle, Section, LeadAgency, PartnerAgencies, Due, ProjectCode, Recurrence), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = result.Value.Occurrences > 1
                ? $"Đã giao nhiệm vụ ({result.Value.Occurrences} kỳ, kỳ đầu hạn {Format.Date(result.Value.DueOn)})."
                : $"Đã giao nhiệm vụ, hạn {Format.Date(result.Value.DueOn)}.";
            return RedirectToPage(new { id });
        }

        if (result.Failure is Failure.NotFound)
            return NotFound();
        ModelState.AddFailure(result.Failure, prefix: "");
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await overview.HandleAsync(id, cancellationToken) is not { } plan)
            return false;
        Plan = plan;
        Agencies = await scope.AgencyNamesAsync(plan.Plan.ProvinceCode, cancellationToken);
        return true;
    }
}
