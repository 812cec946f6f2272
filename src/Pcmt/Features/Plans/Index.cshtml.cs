using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Plans;

/// <summary>Kế hoạch: the plans and schemes of the province, and a form for the standing agency to record one.</summary>
[Authorize(Permissions.ViewPlans)]
public sealed class IndexModel(PlanOverview overview, CreatePlan create, PlanScope scope, TimeProvider clock) : PageModel
{
    public PagedList<PlanOverview.Row> Plans { get; private set; } = new([], 0, 1, 1);

    public bool CanManage => scope.ManagesPlans;

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? DocumentNumber { get; set; }

    [BindProperty]
    public DateOnly? IssuedOn { get; set; }

    [BindProperty]
    public int? FromYear { get; set; }

    [BindProperty]
    public int? ToYear { get; set; }

    [BindProperty]
    public decimal? TotalBudgetVnd { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FromYear ??= Deadlines.LegalTime.DayOf(clock.GetUtcNow()).Year;
        ToYear ??= 2030;
        Plans = await overview.ListAsync(new Paging(1, Paging.MaxPageSize), cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanManage)
            return Forbid();
        var result = await create.HandleAsync(new CreatePlan.Input(scope.User.ProvinceCode, Title, DocumentNumber, IssuedOn, FromYear, ToYear, TotalBudgetVnd), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = $"Đã lập kế hoạch {Title}.";
            return RedirectToPage("Details", new { id = result.Value });
        }

        foreach (var (field, messages) in ((Failure.Invalid)result.Failure).Errors)
        {
            foreach (var message in messages)
                ModelState.AddModelError(field.Length == 0 ? "" : char.ToUpperInvariant(field[0]) + field[1..], message);
        }

        Plans = await overview.ListAsync(new Paging(1, Paging.MaxPageSize), cancellationToken);
        return Page();
    }
}
