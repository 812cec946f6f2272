using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Pcmt.Features.Reports;

/// <summary>One report with what PCMT computes for its bound fields, "cùng kỳ" values, its history and what the user may do.</summary>
public sealed class GetReport(AppDbContext db, ReportAccess access, ReportFigures figures, IOptions<ReportingOptions> options, TimeProvider clock)
{
    public sealed record View(
        Report Report,
        ReportTemplate Template,
        ReportingPeriod Period,
        string ReporterName,
        Dictionary<string, JsonElement> Values,
        Dictionary<string, string> Notes,
        Dictionary<string, decimal?> Computed,
        Dictionary<string, decimal?> SamePeriodLastYear,
        IReadOnlyList<ReviewEvent> History,
        int ChangedSinceApproval,
        bool Late,
        bool CanEdit,
        bool CanReview)
    {
        /// <summary>Bound fields whose reported value differs from PCMT's figure.</summary>
        public IEnumerable<string> Differences => Computed.Where(c => c.Value is not null && Values.TryGetValue(c.Key, out var v) && Report.Number(v) is { } n && n != c.Value).Select(c => c.Key);
    }

    public async Task<View?> HandleAsync(Guid id, CancellationToken ct)
    {
        var report = await access.Visible().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return report is null ? null : await ViewAsync(report, ct);
    }

    public async Task<View> ViewAsync(Report report, CancellationToken ct)
    {
        var template = report.Definition;
        var period = ReportingPeriod.Parse(report.Period, options.Value.CutOffDay)!;
        var computed = report.ReporterKind == ReporterKinds.Agency
            ? []
            : await figures.ComputeAsync(template, period, report.ProvinceCode, report.CommuneCode, ct);
        var lastYear = await db.Set<Report>().AsNoTracking()
            .Where(r => r.TemplateCode == report.TemplateCode && r.ReporterCode == report.ReporterCode && r.Period == period.SamePeriodLastYear && r.Status == ReviewStatuses.Approved)
            .Select(r => r.Values).FirstOrDefaultAsync(ct);
        var same = lastYear is null ? [] : (JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(lastYear, ReportJson.Options) ?? [])
            .Where(v => Report.Number(v.Value) is not null).ToDictionary(v => v.Key, v => Report.Number(v.Value));
        var history = await ReviewFlow.HistoryAsync(db, Report.SubjectType, report.Id.ToString(), ct);
        var approved = history.LastOrDefault(e => e.Action == ReviewFlow.Approve)?.Snapshot;
        var values = report.ValueMap;
        var changed = approved is null ? 0 : Changed(values, JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(approved, ReportJson.Options) ?? []);
        var names = await access.NamesAsync([(report.ReporterKind, report.ReporterCode)], ct);
        return new View(report, template, period, names.GetValueOrDefault(report.ReporterCode, report.ReporterCode), values, report.NoteMap, computed, same, history, changed,
            IsLate(report, clock), ReviewFlow.IsEditable(report) && access.CanFill(report.ReporterKind, report.ReporterCode, report.ProvinceCode),
            access.CanReview(report.ReporterKind, report.ProvinceCode));
    }

    /// <summary>How many fields differ between two value sets.</summary>
    public static int Changed(Dictionary<string, JsonElement> current, Dictionary<string, JsonElement> approved) =>
        current.Keys.Union(approved.Keys).Count(k => !(current.TryGetValue(k, out var a) && approved.TryGetValue(k, out var b) && a.GetRawText() == b.GetRawText()));

    /// <summary>Late: first submitted after the due date, or not submitted and the due date has passed (Vietnam time).</summary>
    public static bool IsLate(Report report, TimeProvider clock) => IsLate(report.SubmittedAt, report.DueOn, clock);

    public static bool IsLate(DateTime? submittedAt, DateOnly dueOn, TimeProvider clock)
    {
        var day = submittedAt is { } at ? Deadlines.LegalTime.DayOf(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))) : Deadlines.LegalTime.DayOf(clock.GetUtcNow());
        return day > dueOn;
    }
}
