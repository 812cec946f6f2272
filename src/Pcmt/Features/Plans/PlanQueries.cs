using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Plans;

/// <summary>Bảng theo dõi nhiệm vụ: the tasks the caller sees, filtered by plan, agency, status, project, overdue or due soon.</summary>
public sealed class ListTasks(PlanScope scope)
{
    /// <summary>"Đến hạn" on the home page and dashboard: tasks due within this many days.</summary>
    public const int DueSoonDays = 30;

    public sealed record Filter(Guid? Plan, string? Agency, string? Status, bool? Overdue, string? Project, int? DueWithinDays = null, string? Confirmation = null);

    public sealed record Row(Guid Id, Guid PlanId, string Title, string? Section, string LeadAgency, DateOnly DueOn, string Status, int Percent, bool Overdue, string? ProjectCode, string? Confirmation);

    public async Task<Result<PagedList<Row>>> HandleAsync(Filter filter, Paging paging, CancellationToken cancellationToken)
    {
        var query = Query(filter, out var failure);
        if (failure is not null)
            return failure;
        var today = scope.Today;
        var page = await query!.OrderBy(t => t.DueOn).ThenBy(t => t.Title).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.PlanId, t.Title, t.Section, t.LeadAgencyCode, t.DueOn, t.Status, t.Percent, t.ProjectCode, t.Confirmation })
            .ToPagedListAsync(paging, cancellationToken);
        return new PagedList<Row>(
            page.Items.Select(t => new Row(t.Id, t.PlanId, t.Title, t.Section, t.LeadAgencyCode, t.DueOn, t.Status, t.Percent, TaskStatuses.IsOverdue(t.DueOn, t.Status, today), t.ProjectCode, t.Confirmation)).ToList(),
            page.Total, page.Page, page.PageSize);
    }

    public IQueryable<PlanTask>? Query(Filter filter, out Failure? failure)
    {
        failure = null;
        var errors = new Dictionary<string, string[]>();
        if (filter.Status is { Length: > 0 } s && !TaskStatuses.Names.ContainsKey(s))
            errors["status"] = ["Trạng thái phải là một trong: " + string.Join(", ", TaskStatuses.Names.Keys) + "."];
        string? project = null;
        if (filter.Project is { Length: > 0 } && (project = Projects.Normalize(filter.Project)) is null)
            errors["project"] = ["Không có dự án này."];
        if (filter.DueWithinDays is < 0 or > 3650)
            errors["dueWithinDays"] = ["Số ngày phải từ 0 đến 3.650."];
        if (filter.Confirmation is { Length: > 0 } c && c is not (Reports.ReviewStatuses.Submitted or Reports.ReviewStatuses.Returned or Reports.ReviewStatuses.Approved))
            errors["confirmation"] = ["Xác nhận phải là một trong: submitted, returned, approved."];
        if (errors.Count > 0)
        {
            failure = new Failure.Invalid(errors);
            return null;
        }

        var today = scope.Today;
        var query = scope.Tasks();
        if (filter.Plan is { } plan)
            query = query.Where(t => t.PlanId == plan);
        if (filter.Agency is { Length: > 0 } agency)
            query = query.Where(t => t.LeadAgencyCode == agency);
        if (filter.Status is { Length: > 0 } status)
            query = query.Where(t => t.Status == status);
        if (filter.Confirmation is { Length: > 0 } confirmation)
            query = query.Where(t => t.Confirmation == confirmation);
        if (project is not null)
        {
            // A project includes its sub-projects (DA7 → DA7.TDA1 … DA7.TDA4).
            var codes = Projects.All.Where(p => p.Code == project || p.ParentCode == project).Select(p => p.Code).ToList();
            query = query.Where(t => t.ProjectCode != null && codes.Contains(t.ProjectCode));
        }
        if (filter.Overdue == true)
            query = query.Where(t => t.DueOn < today && t.Status != TaskStatuses.Done);
        else if (filter.Overdue == false)
            query = query.Where(t => t.DueOn >= today || t.Status == TaskStatuses.Done);
        if (filter.DueWithinDays is { } days)
        {
            var until = today.AddDays(days);
            query = query.Where(t => t.Status != TaskStatuses.Done && t.DueOn <= until);
        }

        return query;
    }

    /// <summary>Overdue tasks and tasks due within <paramref name="days"/> days (not done) that the caller sees: "Việc cần làm" and dashboard alerts.</summary>
    public async Task<(int Overdue, int DueSoon)> CountsAsync(int days, CancellationToken cancellationToken)
    {
        var today = scope.Today;
        var until = today.AddDays(days);
        var open = scope.Tasks().Where(t => t.Status != TaskStatuses.Done && t.DueOn <= until);
        var overdue = await open.CountAsync(t => t.DueOn < today, cancellationToken);
        var soon = await open.CountAsync(t => t.DueOn >= today, cancellationToken);
        return (overdue, soon);
    }
}

/// <summary>Một nhiệm vụ: the task with its history of progress updates and evidence files.</summary>
public sealed class GetTask(AppDbContext db, PlanScope scope)
{
    public sealed record EvidenceFile(Guid Id, string FileName, long Size);

    public sealed record Update(Guid Id, DateOnly ReportedOn, int Percent, string Status, string Note, string UserName, DateTime At, IReadOnlyList<EvidenceFile> Evidence);

    public sealed record Details(Guid Id, Guid PlanId, string PlanTitle, string ProvinceCode, string Title, string? Section, string LeadAgency, IReadOnlyList<string> PartnerAgencies,
        string Due, DateOnly DueOn, string Recurrence, Guid? SeriesId, string? ProjectCode, string Status, int Percent, bool Overdue, Guid Version, IReadOnlyList<Update> History,
        string? Confirmation, IReadOnlyList<Reports.ReviewEvent> Review);

    public async Task<Details?> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var task = await scope.Tasks().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
            return null;
        var planTitle = await db.Plans.AsNoTracking().Where(p => p.Id == task.PlanId).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken) ?? "";
        var updates = await db.TaskProgress.AsNoTracking().Where(p => p.TaskId == id).OrderByDescending(p => p.ReportedOn).ThenByDescending(p => p.At).ToListAsync(cancellationToken);
        var files = await db.TaskEvidence.AsNoTracking().Where(e => e.TaskId == id).OrderBy(e => e.CreatedAt)
            .Select(e => new { e.Id, e.ProgressId, e.FileName, e.Size }).ToListAsync(cancellationToken);
        var history = updates.Select(u => new Update(u.Id, u.ReportedOn, u.Percent, u.Status, u.Note, u.UserName, u.At,
            files.Where(f => f.ProgressId == u.Id).Select(f => new EvidenceFile(f.Id, f.FileName, f.Size)).ToList())).ToList();
        return new Details(task.Id, task.PlanId, planTitle, task.ProvinceCode, task.Title, task.Section, task.LeadAgencyCode, task.Partners, task.DueText, task.DueOn, task.Recurrence,
            task.SeriesId, task.ProjectCode, task.Status, task.Percent, TaskStatuses.IsOverdue(task.DueOn, task.Status, scope.Today), task.Version, history,
            task.Confirmation, await Reports.ReviewFlow.HistoryAsync(db, ConfirmTasks.SubjectType, task.Id.ToString(), cancellationToken));
    }

    /// <summary>An evidence file of a task the caller sees.</summary>
    public async Task<TaskEvidence?> EvidenceAsync(Guid taskId, Guid evidenceId, CancellationToken cancellationToken) =>
        await scope.Tasks().AnyAsync(t => t.Id == taskId, cancellationToken)
            ? await db.TaskEvidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == evidenceId && e.TaskId == taskId, cancellationToken)
            : null;
}

/// <summary>Kế hoạch: the plans the caller sees, and one plan's overview (sections with task counts by status, budget summary).</summary>
public sealed class PlanOverview(PlanScope scope, GetBudget budget)
{
    public sealed record Row(Guid Id, string ProvinceCode, string Title, string DocumentNumber, DateOnly IssuedOn, int FromYear, int ToYear, long? TotalBudgetVnd);

    public sealed record SectionCounts(string Section, int Total, int NotStarted, int InProgress, int Done, int Overdue);

    public sealed record Overview(Row Plan, IReadOnlyList<SectionCounts> Sections, SectionCounts Totals, GetBudget.Summary Budget);

    public async Task<PagedList<Row>> ListAsync(Paging paging, CancellationToken cancellationToken) =>
        await scope.Plans().OrderByDescending(p => p.IssuedOn).ThenBy(p => p.Title)
            .Select(p => new Row(p.Id, p.ProvinceCode, p.Title, p.DocumentNumber, p.IssuedOn, p.FromYear, p.ToYear, p.TotalBudgetVnd))
            .ToPagedListAsync(paging, cancellationToken);

    public async Task<Overview?> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var plan = await scope.Plans().Where(p => p.Id == id)
            .Select(p => new Row(p.Id, p.ProvinceCode, p.Title, p.DocumentNumber, p.IssuedOn, p.FromYear, p.ToYear, p.TotalBudgetVnd)).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
            return null;
        var today = scope.Today;
        var tasks = await scope.Tasks().Where(t => t.PlanId == id).Select(t => new { t.Section, t.Status, t.DueOn }).ToListAsync(cancellationToken);
        SectionCounts Count(string name, IEnumerable<(string Status, DateOnly DueOn)> rows)
        {
            var list = rows.ToList();
            return new SectionCounts(name, list.Count, list.Count(r => r.Status == TaskStatuses.NotStarted), list.Count(r => r.Status == TaskStatuses.InProgress),
                list.Count(r => r.Status == TaskStatuses.Done), list.Count(r => TaskStatuses.IsOverdue(r.DueOn, r.Status, today)));
        }

        var sections = tasks.GroupBy(t => t.Section ?? "")
            .OrderBy(g => g.Key, SectionOrder.Instance)
            .Select(g => Count(g.Key, g.Select(t => (t.Status, t.DueOn)))).ToList();
        var summary = (await budget.HandleAsync(id, null, cancellationToken))!;
        return new Overview(plan, sections, Count("", tasks.Select(t => (t.Status, t.DueOn))), summary);
    }

    /// <summary>Sections in the plan's numbering order ("2. …" before "10. …", "4.2" before "4.10").</summary>
    private sealed class SectionOrder : IComparer<string>
    {
        public static readonly SectionOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = Numbers(x);
            var b = Numbers(y);
            for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
            {
                if (a[i] != b[i])
                    return a[i].CompareTo(b[i]);
            }

            return a.Count != b.Count ? a.Count.CompareTo(b.Count) : string.CompareOrdinal(x, y);
        }

        private static List<int> Numbers(string? text)
        {
            var head = new string((text ?? "").TakeWhile(c => char.IsDigit(c) || c == '.').ToArray());
            return head.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(n => int.TryParse(n, out var v) ? v : 0).DefaultIfEmpty(int.MaxValue).ToList();
        }
    }
}

/// <summary>Kinh phí: a plan's budget lines the caller sees with totals and disbursement rates by project, year, source and agency.</summary>
public sealed class GetBudget(PlanScope scope)
{
    public sealed record Line(string ProjectCode, int Year, string Source, string? Agency, long AllocatedVnd, long DisbursedVnd, double DisbursementRate,
        string? Confirmation = null, Guid Version = default);

    public sealed record Total(string Key, long AllocatedVnd, long DisbursedVnd, double DisbursementRate);

    public sealed record Summary(IReadOnlyList<Line> Items, long AllocatedVnd, long DisbursedVnd, double DisbursementRate,
        IReadOnlyList<Total> ByProject, IReadOnlyList<Total> ByYear, IReadOnlyList<Total> BySource, IReadOnlyList<Total> ByAgency,
        int Confirmed = 0, int Unconfirmed = 0);

    public static double Rate(long allocated, long disbursed) => allocated <= 0 ? 0 : Math.Round((double)disbursed / allocated, 4);

    public async Task<Summary?> HandleAsync(Guid planId, int? year, CancellationToken cancellationToken)
    {
        if (!await scope.Plans().AnyAsync(p => p.Id == planId, cancellationToken))
            return null;
        var query = scope.Budget().Where(b => b.PlanId == planId);
        if (year is { } y)
            query = query.Where(b => b.Year == y);
        var lines = (await query.ToListAsync(cancellationToken))
            .OrderBy(b => Projects.All.ToList().FindIndex(p => p.Code == b.ProjectCode)).ThenBy(b => b.Year).ThenBy(b => b.Source)
            .Select(b => new Line(b.ProjectCode, b.Year, b.Source, b.AgencyCode, b.AllocatedVnd, b.DisbursedVnd, Rate(b.AllocatedVnd, b.DisbursedVnd), b.Confirmation, b.Version)).ToList();
        List<Total> By(Func<Line, string> key) => lines.GroupBy(key)
            .Select(g => new Total(g.Key, g.Sum(l => l.AllocatedVnd), g.Sum(l => l.DisbursedVnd), Rate(g.Sum(l => l.AllocatedVnd), g.Sum(l => l.DisbursedVnd))))
            .OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        var allocated = lines.Sum(l => l.AllocatedVnd);
        var disbursed = lines.Sum(l => l.DisbursedVnd);
        return new Summary(lines, allocated, disbursed, Rate(allocated, disbursed),
            By(l => l.ProjectCode.Split('.')[0]), By(l => l.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), By(l => l.Source), By(l => l.Agency ?? ""),
            lines.Count(l => l.Confirmation == Reports.ReviewStatuses.Approved), lines.Count(l => l.Confirmation != Reports.ReviewStatuses.Approved));
    }
}
