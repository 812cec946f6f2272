using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Pcmt.Features.Classification;
using Pcmt.Features.Facilities;
using Pcmt.Features.Indicators;
using Pcmt.Features.Lifecycle;
using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Features.Dashboard;

/// <summary>Bảng điều khiển: the area's figures computed fresh — people by status and trend, indicators against targets, the drug-free roadmap, communes by class, alerts.</summary>
[Authorize(Permissions.ViewAdministrativeUnits)]
public sealed class IndexModel(ReadDbContext db, CurrentUser user, ComputeIndicator compute, ClassifyCommunes classify, FacilityRegister facilities, WorkItems workItems, TimeProvider clock, IMemoryCache cache, PlaceNames placeNames,
    Reports.LateReports lateReports, DataBreaches.DataBreachRegister breaches, Plans.ListTasks planTasks, Tips.TipFigures tips, ILogger<IndexModel> logger, IServiceScopeFactory scopes) : PageModel
{
    public sealed record Roadmap(int Year, decimal? Actual, decimal? Target);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    public string Area { get; private set; } = "VN";

    public int Year { get; private set; }

    public IReadOnlyList<ComputeIndicator.Value> Indicators { get; private set; } = [];

    public IReadOnlyList<Roadmap> DrugFree { get; private set; } = [];

    public IReadOnlyList<(int Year, decimal? People)> Trend { get; private set; } = [];

    /// <summary>When the indicator figures were computed (they are reused until something is recorded).</summary>
    public DateTimeOffset ComputedAt { get; private set; }

    public Dictionary<string, int> StatusCounts { get; private set; } = [];

    public IReadOnlyList<ClassifyCommunes.Row> Communes { get; private set; } = [];

    public int? ClassificationYear { get; private set; }

    public string Sort { get; private set; } = "class";

    public string? Filter { get; private set; }

    public int Overdue { get; private set; }

    public int OverCapacity { get; private set; }

    /// <summary>QĐ 28/2025 Art 7: the province reports its classification to the Ministry before 20/12; shown until the year's results are approved.</summary>
    public string? ReportReminder { get; private set; }

    public bool SeesPersons => user.Can(Permissions.ViewPersons);

    /// <summary>Periodic reports past due and not submitted, within the viewer's reports (cached with the figures).</summary>
    public int LateReportCount { get; private set; }

    /// <summary>Personal-data breaches past / within 24 h of the A05 72-hour deadline, for the breach register's users only.</summary>
    public (int Overdue, int DueSoon)? BreachDeadlines { get; private set; }

    /// <summary>Plan tasks overdue / due soon, for roles that see plans (the _TaskAlerts partial takes them from ViewData).</summary>
    public (int Overdue, int DueSoon)? PlanTaskCounts { get; private set; }

    /// <summary>Tips and communication block (issue 15), null when the role reads neither.</summary>
    public Community.CommunityBlockViewComponent.Model? Community { get; private set; }

    /// <summary>Varies the cached rendering of the figures' blocks: the viewer's scope, the figures' version, the table's order.</summary>
    public string FragmentKey { get; private set; } = "";

    /// <summary>The chart data, serialised for dashboard.js (a data block: the strict CSP allows no inline script).</summary>
    public string ChartJson => JsonSerializer.Serialize(new
    {
        roadmap = new { labels = DrugFree.Select(r => r.Year.ToString(CultureInfo.InvariantCulture)), actual = DrugFree.Select(r => r.Actual), target = DrugFree.Select(r => r.Target) },
        trend = new { labels = Trend.Select(t => t.Year.ToString(CultureInfo.InvariantCulture)), values = Trend.Select(t => t.People) },
    });

    public async Task OnGetAsync(int? year, string? sort, string? filter, CancellationToken cancellationToken)
    {
        Year = year ?? Deadlines.LegalTime.DayOf(clock.GetUtcNow()).Year;
        Sort = sort is "name" or "users" or "change" ? sort : "class";
        Filter = filter;
        Area = user.CommuneCode ?? user.ProvinceCode ?? "VN";

        // The page's ~30 indicator values and its alert counts take 0.5–1 s for a province. They are computed once per viewer
        // scope and reused while nothing has been changed anywhere since (no audit entry but reads, lists, exports and sign-ins
        // after the figures' snapshot), and at most one minute (overdue counts move with the clock). Searches write list-view
        // entries at hundreds per second, so the audit head alone invalidated the figures on every view under load (soak: p50
        // 7-9 s). Aggregates only; per node, so app nodes stay stateless; a write on another node shows through the chain too.
        var head = await db.AuditEntries.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        // Keyed by the viewer's role and whole scope: the role decides which blocks exist, the scope which rows they count
        // (a department user's area is "VN" too, but they see other figures). Never by less, so no scope sees another's figures.
        var key = $"dashboard:{user.Role}:{user.ScopeKind}:{user.ScopeCode}:{Area}:{Year}";
        if (cache.TryGetValue(key, out Figures? figures) && !await ChangedSinceAsync(figures!, head, cancellationToken))
        {
            // Nothing written since, but older than a minute (overdue counts move with the clock): this view is served the
            // figures it has while ONE background computation replaces them. Recomputing inline made every viewer of the key
            // wait for it once a minute, 0.5–2 s under load, and those waits were the benchmark's timeouts (issue 19).
            if (clock.GetUtcNow() - figures!.ComputedAt > MaxAge)
                RefreshInBackground(key, head);
        }
        else
        {
            // One computation per key at a time: sixty viewers arriving together wait for it instead of each starting one, and
            // those that waited take its result when it was computed from a state at least as new as the one they arrived at.
            var gate = Gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellationToken);
            try
            {
                if (!cache.TryGetValue(key, out figures) || await ChangedSinceAsync(figures!, head, cancellationToken))
                {
                    figures = await ComputeAsync(head, cancellationToken);
                    cache.Set(key, figures, Retention);
                }
            }
            finally
            {
                gate.Release();
            }
        }

        (LateReportCount, BreachDeadlines, PlanTaskCounts, Community) = (figures!.LateReports, figures.BreachDeadlines, figures.PlanTaskCounts, figures.Community);
        FragmentKey = $"{key}:{figures.ComputedAt.UtcTicks}:{Sort}:{Filter}";
        (Indicators, DrugFree, Trend, ComputedAt, StatusCounts, Overdue, OverCapacity, ClassificationYear) =
            (figures.Indicators, figures.DrugFree, figures.Trend, figures.ComputedAt, figures.StatusCounts, figures.Overdue, figures.OverCapacity, figures.ClassificationYear);
        if (user.ProvinceCode is not null && user.CommuneCode is null && !figures.Approved)
        {
            var due = new DateOnly(Year, 12, 19);
            ReportReminder = $"Phân loại xã năm {Year} chưa được phê duyệt; hạn báo cáo Bộ Công an: trước ngày 20/12/{Year}" + (Deadlines.LegalTime.DayOf(clock.GetUtcNow()) > due ? " (QUÁ HẠN)." : ".");
        }

        IEnumerable<ClassifyCommunes.Row> list = figures.Communes;
        if (user.CommuneCode is not null)
            list = list.Where(r => r.CommuneCode == user.CommuneCode);
        if (Filter is { Length: > 0 })
            list = list.Where(r => r.Class == Filter);
        Communes = (Sort switch
        {
            "name" => list.OrderBy(r => r.CommuneName, StringComparer.Create(new CultureInfo("vi-VN"), false)),
            "users" => list.OrderByDescending(r => r.Criteria.Users),
            "change" => list.OrderByDescending(r => CommuneClasses.Rank(r.Class) - (r.PreviousClass is null ? CommuneClasses.Rank(r.Class) : CommuneClasses.Rank(r.PreviousClass))),
            _ => list.OrderByDescending(r => CommuneClasses.Rank(r.Class) % 4).ThenByDescending(r => r.Criteria.Users),
        }).ToList();
    }

    /// <summary>Figures older than this are recomputed in the background at the next view (served meanwhile).</summary>
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    /// <summary>A key nobody views is dropped after this long (one small model per role, scope and year).</summary>
    private static readonly MemoryCacheEntryOptions Retention = new() { SlidingExpiration = TimeSpan.FromMinutes(30) };

    /// <summary>
    /// Starts one computation of <paramref name="key"/>'s figures outside the request, unless one is running (the key's gate is
    /// taken: a background refresh, or a view recomputing after a write, whose result is as new). It runs in its own DI scope
    /// as the same user (role and scope fixed from this request's user through <see cref="ActingUser"/>), so it counts exactly
    /// the rows this viewer may see; the HTTP context does not flow into it.
    /// </summary>
    private void RefreshInBackground(string key, long head)
    {
        var gate = Gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        if (!gate.Wait(0))
            return;
        var acting = new CurrentUser(user.Id, user.UserName, user.Role, user.ScopeKind, user.ScopeCode, user.ProvinceCode, user.CommuneCode);
        var (area, year) = (Area, Year);
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<ActingUser>().User = acting;
                    var model = ActivatorUtilities.CreateInstance<IndexModel>(scope.ServiceProvider);
                    model.Area = area;
                    model.Year = year;
                    var fresh = await model.ComputeAsync(head, CancellationToken.None);
                    cache.Set(key, fresh, Retention);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // The stale figures stay; the next view past the age tries again.
                    logger.LogWarning(e, "Background recomputation of the dashboard figures for {Area} {Year} failed", area, year);
                }
                finally
                {
                    gate.Release();
                }
            });
        }
    }

    private sealed record Figures(long Head, IReadOnlyList<ComputeIndicator.Value> Indicators, IReadOnlyList<Roadmap> DrugFree, IReadOnlyList<(int Year, decimal? People)> Trend, DateTimeOffset ComputedAt,
        Dictionary<string, int> StatusCounts, int Overdue, int OverCapacity, bool Approved, int? ClassificationYear, IReadOnlyList<ClassifyCommunes.Row> Communes,
        int LateReports, (int Overdue, int DueSoon)? BreachDeadlines, (int Overdue, int DueSoon)? PlanTaskCounts, Community.CommunityBlockViewComponent.Model? Community)
    {
        /// <summary>The audit head up to which the entries after <see cref="Head"/> are known to be reads only.</summary>
        public long CheckedTo = Head;
    }

    /// <summary>Audit actions that record a read and change no figure (a search's list view, a record opened, an export, a sign-in).</summary>
    private static readonly string[] ReadOnlyActions = [AuditActions.Read, AuditActions.List, AuditActions.Export, AuditActions.SignIn, AuditActions.SignInFailed];

    /// <summary>
    /// Whether anything was changed after the figures' snapshot, up to <paramref name="head"/> (the chain's head when this view
    /// began, so a write committed before it is always seen). Reads the chain's primary key from the last checked entry on:
    /// a few entries when the page is viewed often.
    /// </summary>
    private async Task<bool> ChangedSinceAsync(Figures figures, long head, CancellationToken cancellationToken)
    {
        var from = Interlocked.Read(ref figures.CheckedTo);
        if (head <= from)
            return false;
        if (await db.AuditEntries.AnyAsync(e => e.Sequence > from && e.Sequence <= head && !ReadOnlyActions.Contains(e.Action), cancellationToken))
            return true;
        // Only reads since: the next view starts checking from here. Monotonic under concurrent views.
        var seen = Interlocked.Read(ref figures.CheckedTo);
        while (seen < head)
        {
            var was = Interlocked.CompareExchange(ref figures.CheckedTo, head, seen);
            if (was == seen)
                break;
            seen = was;
        }

        return false;
    }

    private async Task<Figures> ComputeAsync(long head, CancellationToken cancellationToken)
    {
        // Per-block timings, logged once per computation (aggregates only, no personal data): which block to make cheaper.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var timings = new List<string>();
        void Lap(string block)
        {
            timings.Add(block + " " + watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms");
            watch.Restart();
        }

        var values = new List<ComputeIndicator.Value>();
        foreach (var indicator in IndicatorCatalog.All.Where(i => i.Computable))
        {
            var value = await compute.HandleAsync(indicator.Code, Area, Year.ToString(CultureInfo.InvariantCulture), cancellationToken);
            if (value.Succeeded)
                values.Add(value.Value);
        }

        Lap("indicators");
        var roadmap = new List<Roadmap>();
        for (var y = 2025; y <= 2030; y++)
        {
            var value = await compute.HandleAsync("DF-COMMUNE", Area, y.ToString(CultureInfo.InvariantCulture), cancellationToken);
            if (value.Succeeded)
                // Years that have begun show their rate even at 0%; years still ahead have no actual value yet.
                roadmap.Add(new Roadmap(y, y <= clock.GetUtcNow().Year && value.Value.Denominator > 0 ? value.Value.Amount ?? 0 : null, value.Value.Target));
        }

        Lap("roadmap");
        var trend = new List<(int, decimal?)>();
        for (var y = Math.Min(Year, 2025); y <= Year; y++)
        {
            var value = await compute.HandleAsync("USERS-TREND", Area, y.ToString(CultureInfo.InvariantCulture), cancellationToken);
            if (value.Succeeded)
                trend.Add((y, value.Value.Amount));
        }

        Lap("trend");
        Dictionary<string, int> statusCounts = [];
        var overdue = 0;
        if (SeesPersons)
        {
            statusCounts = await Persons.PersonStatus.CountAsync(db, cancellationToken);
            overdue = (await workItems.CountsAsync(3, cancellationToken)).Overdue;
        }

        Lap("statuses and work items");
        var overCapacity = (await facilities.ListAsync(user.ProvinceCode, null, cancellationToken)).Count(f => f.OverCapacity);
        var approved = user.ProvinceCode is not null
            && await db.CommuneClassifications.AsNoTracking().AnyAsync(c => c.ProvinceCode == user.ProvinceCode && c.Year == Year && c.Status == "approved", cancellationToken);
        Lap("facilities");
        int? classificationYear = null;
        IReadOnlyList<ClassifyCommunes.Row> communes = [];
        if (user.ProvinceCode is not null)
        {
            classificationYear = await db.CommuneClassifications.AsNoTracking().Where(c => c.ProvinceCode == user.ProvinceCode && c.Year <= Year)
                .OrderByDescending(c => c.Year).Select(c => (int?)c.Year).FirstOrDefaultAsync(cancellationToken);
            if (classificationYear is not null && await classify.ListAsync(user.ProvinceCode, classificationYear, cancellationToken) is { Succeeded: true } rows)
                communes = rows.Value;
        }

        Lap("communes");
        var late = await lateReports.CountAsync(cancellationToken);
        Lap("late reports");
        (int, int)? breachDeadlines = user.Can(Permissions.ManageDataBreaches) ? await breaches.DeadlineCountsAsync(1, cancellationToken) : null;
        Lap("breaches");
        (int, int)? taskCounts = user.Can(Permissions.ViewPlans) ? await planTasks.CountsAsync(Plans.ListTasks.DueSoonDays, cancellationToken) : null;
        Lap("plan tasks");
        var community = await Pcmt.Features.Community.CommunityBlockViewComponent.ComputeAsync(db, user, tips, compute, Year, cancellationToken);
        Lap("tips and communication");
        logger.LogInformation("Dashboard figures for {Area} {Year} computed: {Timings}", Area, Year, string.Join(", ", timings));
        return new Figures(head, values, roadmap, trend, clock.GetUtcNow(), statusCounts, overdue, overCapacity, approved, classificationYear, communes,
            late, breachDeadlines, taskCounts, community);
    }

    /// <summary>
    /// The indicator table as a printable form. The officer's own figures are exported as they are; small-cell
    /// suppression applies only to the copy meant for outside the agency (<c>audience=public</c>).
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(int? year, string? format, string? audience, CancellationToken cancellationToken)
    {
        await OnGetAsync(year, null, null, cancellationToken);
        var outside = audience == "public";
        object? Count(decimal? value) => outside ? Suppress(value) : value;
        var rows = Indicators.Select(v => (IReadOnlyList<object?>)
        [
            v.Code, IndicatorCatalog.Find(v.Code)!.Name, v.Unit == "%" ? v.Amount : Count(v.Amount), Count(v.Numerator), Count(v.Denominator), v.Target, v.Unit,
        ]).ToList();
        string[] headers = ["Mã chỉ tiêu", "Chỉ tiêu", "Giá trị", "Tử số", "Mẫu số", "Chỉ tiêu kế hoạch", "Đơn vị"];
        var places = await placeNames.GetAsync(cancellationToken);
        var areaName = Area == "VN" ? "Toàn quốc" : places.UnitWithProvince(Area);
        var fileName = ExcelForm.FileName("chi tieu", Area == "VN" ? "toan quoc" : places.Unit(Area), Year.ToString(CultureInfo.InvariantCulture), outside ? "cong bo" : "");
        if (format == "csv")
        {
            var csv = new StringBuilder();
            csv.AppendLine(string.Join(',', headers));
            foreach (var row in rows)
                csv.AppendLine(string.Join(',', row.Select(v => "\"" + Convert.ToString(v, CultureInfo.InvariantCulture)?.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")));
            return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", Path.ChangeExtension(fileName, ".csv"));
        }

        var form = new ExcelForm
        {
            Title = "Kết quả thực hiện chỉ tiêu phòng, chống ma túy",
            Unit = areaName,
            Period = "Năm " + Year.ToString(CultureInfo.InvariantCulture),
            SheetName = "Chỉ tiêu " + Year.ToString(CultureInfo.InvariantCulture),
            ExportedAt = clock.GetUtcNow().UtcDateTime,
            Columns =
            [
                new(headers[0], 18), new(headers[1], 60), new(headers[2], 14, ExcelForm.Kind.Amount), new(headers[3], 12, ExcelForm.Kind.Count),
                new(headers[4], 12, ExcelForm.Kind.Count), new(headers[5], 14, ExcelForm.Kind.Amount), new(headers[6], 10),
            ],
            Rows = rows,
            Note = outside ? "Bản công bố ra ngoài cơ quan: các số từ 1 đến 4 được ghi \"< 5\" để không nhận diện được cá nhân." : null,
        };
        return File(form.Build(), ExcelForm.ContentType, fileName);
    }

    /// <summary>Small-cell suppression for figures leaving the agency: counts of 1–4 are shown as "&lt; 5".</summary>
    public static object? Suppress(decimal? count) => count is > 0 and < 5 ? "< 5" : count;
}
