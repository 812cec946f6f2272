using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Plans;

/// <summary>Kinh phí: a plan's budget lines, totals by project, year, source and agency, a chart of allocated vs disbursed by year, and the form to update a line.</summary>
[Authorize(Permissions.ViewPlans)]
public sealed class BudgetModel(GetBudget budget, SetBudgetLine set, ConfirmBudget confirm, PlanScope scope) : PageModel
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

    /// <summary>The review history of each line, by <see cref="ConfirmBudget.SubjectId(Guid, string, int, string)"/>.</summary>
    public Dictionary<string, List<Reports.ReviewEvent>> History { get; private set; } = [];

    public List<BudgetDisbursement> Disbursements { get; private set; } = [];

    /// <summary>The line a submit, return, reopen or disbursement is about ("DA6|2026|provincial").</summary>
    [BindProperty]
    public string? Line { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public decimal? AmountVnd { get; set; }

    [BindProperty]
    public DateOnly? On { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public static string LineKey(GetBudget.Line l) => $"{l.ProjectCode}|{l.Year}|{l.Source}";

    public string SubjectOf(GetBudget.Line l) => ConfirmBudget.SubjectId(Plan ?? Guid.Empty, l.ProjectCode, l.Year, l.Source);

    /// <summary>An agency submits, and records disbursements on, its own open lines; the standing agency on every line.</summary>
    public bool CanSubmit(GetBudget.Line l) => CanUpdate && (CanManage || (l.Agency is not null && l.Agency == scope.User.AgencyCode))
        && l.Confirmation is not (Reports.ReviewStatuses.Submitted or Reports.ReviewStatuses.Approved);

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

    private static BudgetKey KeyOf(string? line)
    {
        var parts = (line ?? "").Split('|');
        return parts.Length == 3 && int.TryParse(parts[1], out var year) ? new BudgetKey(parts[0], year, parts[2]) : new BudgetKey(null, null, null);
    }

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken) =>
        StepAsync(() => confirm.SubmitAsync(Plan ?? Guid.Empty, KeyOf(Line), cancellationToken), "Đã gửi số liệu kinh phí để cơ quan thường trực xác nhận.", cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken cancellationToken) =>
        StepAsync(() => confirm.ReturnAsync(Plan ?? Guid.Empty, KeyOf(Line), new ConfirmBudget.ReasonInput(Reason), cancellationToken), "Đã trả lại số liệu kinh phí.", cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken cancellationToken) =>
        StepAsync(() => confirm.ReopenAsync(Plan ?? Guid.Empty, KeyOf(Line), new ConfirmBudget.ReasonInput(Reason), cancellationToken), "Đã mở lại số liệu kinh phí.", cancellationToken);

    public async Task<IActionResult> OnPostConfirmAsync(List<string>? lines, CancellationToken cancellationToken)
    {
        var keys = (lines ?? []).Select(KeyOf).ToList();
        return await StepAsync(async () =>
        {
            var result = await confirm.ApproveAsync(Plan ?? Guid.Empty, new ConfirmBudget.ApproveInput(keys), cancellationToken);
            return result.Succeeded ? true : result.Failure!;
        }, "Đã xác nhận các dòng kinh phí đã chọn.", cancellationToken);
    }

    public async Task<IActionResult> OnPostDisburseAsync(CancellationToken cancellationToken) =>
        await StepAsync(async () =>
        {
            var result = await confirm.AddDisbursementAsync(Plan ?? Guid.Empty, KeyOf(Line), new ConfirmBudget.DisbursementInput(AmountVnd, On, Note), cancellationToken);
            return result.Succeeded ? true : result.Failure!;
        }, "Đã ghi lần giải ngân.", cancellationToken);

    private async Task<IActionResult> StepAsync(Func<Task<Result<bool>>> step, string notice, CancellationToken cancellationToken)
    {
        if (!CanUpdate)
            return Forbid();
        var result = await step();
        if (result.Succeeded)
        {
            TempData["Notice"] = notice;
            return RedirectToPage(new { plan = Plan });
        }

        ModelState.AddFailure(result.Failure is Failure.NotFound ? new Failure.Invalid("", "Không tìm thấy dòng kinh phí trong phạm vi của bạn.") : result.Failure, prefix: "");
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
        if (Summary is not null)
            (History, Disbursements) = await confirm.DetailsAsync(id, Summary.Items, cancellationToken);
        Agencies = await scope.AgencyNamesAsync(Current.ProvinceCode, cancellationToken);
    }
}
