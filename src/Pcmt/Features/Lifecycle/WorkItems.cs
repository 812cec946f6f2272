using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Deadlines;
using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Features.Lifecycle;

/// <summary>Việc cần làm: the open legal deadlines of the caller's area, soonest first; filters by commune, officer, due moment, overdue.</summary>
public sealed class WorkItems(AppDbContext db, AuditLog audit, CurrentUser user, TimeProvider clock)
{
    public sealed record Filter(string? Commune = null, string? DueBefore = null, bool? Overdue = null, string? Assignee = null, Guid? PersonId = null);

    public sealed record Row(long Id, string Kind, Guid PersonId, DateTimeOffset DueAt, string LegalBasis, string Title, string Authority, string? Form,
        string CommuneCode, string? Assignee, bool Overdue, string? FullName);

    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public async Task<Result<PagedList<Row>>> ListAsync(Filter filter, Paging paging, bool withNames, CancellationToken cancellationToken)
    {
        var query = db.WorkItems.AsNoTracking();
        if (filter.Commune is { Length: > 0 } commune)
            query = query.Where(w => w.CommuneCode == commune);
        if (filter.DueBefore is { Length: > 0 })
        {
            var errors = new Dictionary<string, string[]>();
            if (LegalInput.Instant(filter.DueBefore, "dueBefore", errors) is not { } before)
                return new Failure.Invalid(errors);
            var limit = before.UtcDateTime;
            query = query.Where(w => w.DueAt < limit);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (filter.Overdue is { } overdue)
            query = overdue ? query.Where(w => w.DueAt <= now) : query.Where(w => w.DueAt > now);
        if (filter.Assignee is { Length: > 0 } assignee)
        {
            var name = assignee == "me" ? user.UserName : assignee;
            query = query.Where(w => w.AssigneeUserName == name);
        }

        if (filter.PersonId is { } personId)
            query = query.Where(w => w.PersonId == personId);

        var page = await query.OrderBy(w => w.DueAt).ThenBy(w => w.Id).ToPagedListAsync(paging, cancellationToken);
        var names = new Dictionary<Guid, string>();
        if (withNames && page.Items.Count > 0)
        {
            var ids = page.Items.Select(w => w.PersonId).Distinct().ToList();
            names = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
            await audit.RecordListAsync(nameof(WorkItem), ids, "work-items", cancellationToken);
        }

        return new PagedList<Row>(page.Items.Select(w => new Row(w.Id, w.Kind, w.PersonId, new DateTimeOffset(DateTime.SpecifyKind(w.DueAt, DateTimeKind.Utc)).ToOffset(Vietnam),
            w.LegalBasis, w.Title, w.Authority, w.Form, w.CommuneCode, w.AssigneeUserName, w.DueAt <= now, names.GetValueOrDefault(w.PersonId))).ToList(), page.Total, page.Page, page.PageSize);
    }

    /// <summary>Counts for the dashboard: overdue and due within the "due soon" window.</summary>
    public async Task<(int Overdue, int DueSoon)> CountsAsync(int dueSoonDays, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var soon = now.AddDays(dueSoonDays);
        var overdue = await db.WorkItems.CountAsync(w => w.DueAt <= now, cancellationToken);
        var dueSoon = await db.WorkItems.CountAsync(w => w.DueAt > now && w.DueAt <= soon, cancellationToken);
        return (overdue, dueSoon);
    }
}

/// <summary>
/// Việc hằng ngày: marks work items whose deadline has passed and re-derives the files whose status depends on the date
/// (a management or post-rehab term that ran out). Idempotent: a second run the same day changes nothing.
/// </summary>
public sealed class DailyLegalReview(AppDbContext db, PersonCaseFiles files, LegalSettings settings, TimeProvider clock, ILogger<DailyLegalReview> logger)
{
    public sealed record Outcome(int MarkedOverdue, int FilesRefreshed);

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // A projection flag, not a change of anyone's record: set in one statement without an audit row per item.
        var marked = await db.WorkItems.IgnoreQueryFilters([AppDbContext.UnitScopeFilter])
            .Where(w => w.OverdueSince == null && w.DueAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.OverdueSince, now), cancellationToken);

        var parameters = await settings.ParametersAsync(cancellationToken);
        var calendar = await settings.CalendarAsync(cancellationToken);
        string[] timed = ["under-management", "post-rehab"];
        var refreshed = 0;
        var ids = await db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AsNoTracking()
            .Where(p => timed.Contains(p.Status)).Select(p => p.Id).ToListAsync(cancellationToken);
        // Files placed in a facility before the facility-residents projection existed (issue 16) get their rows here: a person in
        // rehab or on therapy whose placement names a facility but who has no resident row yet. Idempotent: once derived, skipped.
        string[] placedStatuses = ["in-compulsory-rehab", "in-voluntary-rehab", "on-substitution-therapy"];
        // The job runs as the system user, whose scope filter admits every person: the filter stays on.
        ids.AddRange(await db.Persons.AsNoTracking()
            .Where(p => placedStatuses.Contains(p.Status) && !db.FacilityResidents.Any(r => r.PersonId == p.Id)
                && db.CaseRecords.Any(r => r.PersonId == p.Id && (r.Kind == CaseEventKinds.RehabEpisode || r.Kind == CaseEventKinds.TherapyAdmission)
                    && r.Payload.Contains("\"facilityId\":\"")))
            .Select(p => p.Id).ToListAsync(cancellationToken));
        foreach (var id in ids)
        {
            if (await files.RefreshAsync(id, parameters, calendar, cancellationToken))
                refreshed++;
            db.ChangeTracker.Clear();
        }

        logger.LogInformation("Daily legal review: {Marked} work items became overdue, {Refreshed} files re-derived", marked, refreshed);
        return new Outcome(marked, refreshed);
    }
}

/// <summary>Runs <see cref="DailyLegalReview"/> once a day (and at start-up) on whichever node gets there first; the review is idempotent, so two nodes running it is harmless.</summary>
public sealed class DailyLegalReviewJob(IServiceScopeFactory scopes, IConfiguration configuration, FirstPage firstPage, ILogger<DailyLegalReviewJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Jobs:Enabled", true))
            return;
        await firstPage.WaitAsync(stoppingToken); // the start-up pass runs after the first page (docs/performance.md)
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<ActingUser>().User = CurrentUser.System;
                await scope.ServiceProvider.GetRequiredService<DailyLegalReview>().RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Daily legal review failed; it will run again at the next interval");
            }

            await Task.Delay(TimeSpan.FromHours(6), stoppingToken);
        }
    }
}

/// <summary>The four legal lists (Law 120 Art 27, 48) as views over the list projection, with removal reasons.</summary>
public sealed class LegalListQuery(ReadDbContext db, AuditLog audit, TimeProvider clock, CurrentUser user, PlaceNames names)
{
    public sealed record Row(Guid PersonId, string FileCode, string FullName, string DateOfBirth, string CommuneCode, DateOnly FromOn, DateOnly? ToOn, string? RemovalReason);

    public async Task<Result<PagedList<Row>>> ListAsync(string list, string? commune, string? state, Paging paging, CancellationToken cancellationToken)
    {
        if (!LegalLists.All.Contains(list))
            return new Failure.NotFound();
        if (state is { Length: > 0 } && state is not ("current" or "removed" or "all"))
            return new Failure.Invalid("state", "Trạng thái phải là current (đang trong danh sách), removed (đã đưa ra) hoặc all.");
        var today = LegalTime.DayOf(clock.GetUtcNow());
        var query = db.ListEntries.AsNoTracking().Where(l => l.List == list);
        if (commune is { Length: > 0 })
            query = query.Where(l => l.CommuneCode == commune);
        query = (state ?? "current") switch
        {
            "current" => query.Where(l => l.ToOn == null || l.ToOn >= today),
            "removed" => query.Where(l => l.ToOn != null && l.ToOn < today),
            _ => query,
        };
        var rows = query.Join(db.Persons.AsNoTracking(), l => l.PersonId, p => p.Id, (l, p) => new { l, p })
            .OrderBy(x => x.l.CommuneCode).ThenBy(x => x.p.SearchName).ThenBy(x => x.l.FromOn)
            .Select(x => new { x.l.PersonId, x.p.FileCode, x.p.FullName, x.p.BirthYear, x.p.DateOfBirth, x.l.CommuneCode, x.l.FromOn, x.l.ToOn, x.l.RemovalReason });
        var page = await rows.ToPagedListAsync(paging, cancellationToken);
        await audit.RecordListAsync(nameof(ListEntry), page.Items.Select(r => r.PersonId).Distinct(), "list=" + list + (commune is null ? "" : ";commune=" + commune), cancellationToken);
        return new PagedList<Row>(page.Items.Select(r => new Row(r.PersonId, r.FileCode, r.FullName, new Persons.BirthDate(r.BirthYear, r.DateOfBirth).ToApi(), r.CommuneCode, r.FromOn, r.ToOn, r.RemovalReason)).ToList(),
            page.Total, page.Page, page.PageSize);
    }

    /// <summary>The whole list as an Excel workbook with Vietnamese headings; the export is audited.</summary>
    public async Task<Result<byte[]>> ExportAsync(string list, string? commune, string? state, CancellationToken cancellationToken)
    {
        var all = await ListAsync(list, commune, state, new Paging(1, int.MaxValue / 2), cancellationToken);
        if (!all.Succeeded)
            return all.Failure;
        await audit.RecordExportAsync(nameof(ListEntry), "list=" + list + (commune is null ? "" : ";commune=" + commune), null, cancellationToken);
        var places = await names.GetAsync(cancellationToken);
        var area = commune is { Length: > 0 } ? commune : user.CommuneCode ?? user.ProvinceCode;
        var today = LegalTime.DayOf(clock.GetUtcNow());
        return new ExcelForm
        {
            Title = LegalLists.DisplayName(list),
            // Facility staff (issue 16): their facility, not "the whole country".
            Unit = user.FacilityId is { } facilityId
                ? await db.Facilities.AsNoTracking().Where(f => f.Id == facilityId).Select(f => f.Name).FirstOrDefaultAsync(cancellationToken) ?? ""
                : area is null ? "Toàn quốc" : places.UnitWithProvince(area),
            Period = (state ?? "current") switch
            {
                "removed" => "Người đã đưa ra khỏi danh sách, tính đến ngày " + Format.Date(today),
                "all" => "Tất cả người đã có tên trong danh sách, tính đến ngày " + Format.Date(today),
                _ => "Người đang trong danh sách, tính đến ngày " + Format.Date(today),
            },
            ExportedAt = clock.GetUtcNow().UtcDateTime,
            Columns =
            [
                new("STT", 6, ExcelForm.Kind.Count), new("Mã hồ sơ", 18), new("Họ và tên", 26), new("Ngày sinh", 12),
                new("Xã/phường", 24), new("Từ ngày", 12, ExcelForm.Kind.Date), new("Đến ngày", 12, ExcelForm.Kind.Date), new("Lý do đưa ra khỏi danh sách", 36),
            ],
            Rows = all.Value.Items.Select((r, i) => (IReadOnlyList<object?>)
                [i + 1, r.FileCode, r.FullName, Format.BirthDate(r.DateOfBirth), places.Unit(r.CommuneCode), r.FromOn, r.ToOn, r.RemovalReason ?? ""]),
        }.Build();
    }
}
