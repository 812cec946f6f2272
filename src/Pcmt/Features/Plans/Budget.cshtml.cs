using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Plans;

/// <summary>Kinh phí: a plan's budget lines, totals by project, year, source and agency, a chart of allocated vs disbursed by year, and the form to update a line.</summary>
[Authorize(Permissions.ViewPlans)]
public sealed class BudgetModel(GetBudget budget, SetBudgetLine set, PlanScope scope) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Plan { get; set; }

    public Dictionary<Guid, string> Plans { get; private set; } = [];

    public PlanOverview.Row? Current { get; private set; }

    public GetBudget.Summary? Summary { get; private set; }

    public Dictionary<string, string> Agencies { get; private set; } = [];

    public bool CanUpdate => scope.User.Can(Permissions.RecordTaskProgress);

    public bool CanManage => scope.ManagesPlans;

    [BindProperty]
    public string? ProjectCode { get; set; }

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    [BindProperty]
    public decimal? AllocatedVnd { get; set; }

    [BindProperty]
    public decimal? DisbursedVnd { get; set; }

    [BindProperty]
    public string? Agency { get; set; }

    /// <summary>Allocated and disbursed by year for budget.js (a data block: the CSP allows no inline script).</summary>
    public string ChartJson => JsonSerializer.Serialize(new
    {
        labels = Summary?.ByYear.Select(y => y.Key) ?? [],
        allocated = Summary?.ByYear.Select(y => y.AllocatedVnd) ?? [],
        disbursed = Summary?.ByYear.Select(y => y.DisbursedVnd) ?? [],
    });

    /// <summary>The totals tables: by project, year, source and agency, each with how its keys are named.</summary>
    public IEnumerable<(string Title, IReadOnlyList<GetBudget.Total> Rows, Func<string, string> Name)> Groups(GetBudget.Summary summary)
    {
        yield return ("Theo dự án", summary.ByProject, Projects.NameOf);
        yield return ("Theo năm", summary.ByYear, k => k);
        yield return ("Theo nguồn", summary.BySource, k => BudgetSources.Names.GetValueOrDefault(k, k));
        yield return ("Theo cơ quan", summary.ByAgency, k => k.Length == 0 ? "Cơ quan thường trực" : Agencies.GetValueOrDefault(k, k));
    }

    public static string Percent(double rate) => (rate * 100).ToString("N1", CultureInfo.GetCultureInfo("vi-VN")) + "%";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanUpdate)
            return Forbid();
        if (Plan is { } plan)
        {
            var result = await set.HandleAsync(plan, ProjectCode ?? "", Year ?? 0, Source ?? "", new SetBudgetLine.Input(AllocatedVnd, DisbursedVnd, Agency), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = "Đã cập nhật kinh phí.";
                return RedirectToPage(new { plan });
            }

            ModelState.AddFailure(result.Failure is Failure.NotFound ? new Failure.Invalid("", "Không tìm thấy dòng kinh phí của cơ quan bạn với dự án, năm và nguồn đã chọn.") : result.Failure, prefix: "");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Plans = await scope.Plans().OrderByDescending(p => p.IssuedOn).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
        Plan ??= Plans.Keys.Cast<Guid?>().FirstOrDefault();
        if (Plan is not { } id)
            return;
        Current = await scope.Plans().Where(p => p.Id == id)
            .Select(p => new PlanOverview.Row(p.Id, p.ProvinceCode, p.Title, p.DocumentNumber, p.IssuedOn, p.FromYear, p.ToYear, p.TotalBudgetVnd)).FirstOrDefaultAsync(cancellationToken);
        if (Current is null)
            return;
        Summary = await budget.HandleAsync(id, null, cancellationToken);
        Agencies = await scope.AgencyNamesAsync(Current.ProvinceCode, cancellationToken);
    }
}
