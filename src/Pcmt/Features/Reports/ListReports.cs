using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Pcmt.Features.Reports;

/// <summary>Reports the user sees, filtered by template, period, status, reporter and province.</summary>
public sealed class ListReports(ReportAccess access, IOptions<ReportingOptions> options, TimeProvider clock)
{
    public const int MaxRows = 2000;

    public sealed record Filter(string? Template, string? Period, string? Status, string? Reporter, string? Province);

    public sealed record Row(Guid Id, string Template, string Period, string ReporterKind, string Reporter, string ReporterName, string Status, DateOnly DueOn, DateTime? SubmittedAt, bool Late, Guid Version);

    public async Task<Result<IReadOnlyList<Row>>> HandleAsync(Filter filter, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (filter.Status is { Length: > 0 } s && s is not (ReviewStatuses.Draft or ReviewStatuses.Submitted or ReviewStatuses.Returned or ReviewStatuses.Approved))
            errors["status"] = ["Trạng thái phải là draft, submitted, returned hoặc approved."];
        if (filter.Period is { Length: > 0 } p && ReportingPeriod.Parse(p, options.Value.CutOffDay) is null)
            errors["period"] = ["Kỳ phải có dạng 2026, 2026H1, 2026Q3 hoặc 202608."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);

        var query = access.Visible().AsNoTracking();
        if (filter.Template is { Length: > 0 } template)
            query = query.Where(r => r.TemplateCode == template);
        if (filter.Period is { Length: > 0 } period)
            query = query.Where(r => r.Period == period);
        if (filter.Status is { Length: > 0 } status)
            query = query.Where(r => r.Status == status);
        if (filter.Reporter is { Length: > 0 } reporter)
            query = query.Where(r => r.ReporterCode == reporter);
        if (filter.Province is { Length: > 0 } province)
            query = query.Where(r => r.ProvinceCode == province);
        var rows = await query.OrderByDescending(r => r.Period).ThenBy(r => r.TemplateCode).ThenBy(r => r.ReporterCode).Take(MaxRows)
            .Select(r => new { r.Id, r.TemplateCode, r.Period, r.ReporterKind, r.ReporterCode, r.Status, r.DueOn, r.SubmittedAt, r.Version }).ToListAsync(ct);
        var names = await access.NamesAsync(rows.Select(r => (r.ReporterKind, r.ReporterCode)), ct);
        return rows.Select(r => new Row(r.Id, r.TemplateCode, r.Period, r.ReporterKind, r.ReporterCode, names.GetValueOrDefault(r.ReporterCode, r.ReporterCode), r.Status, r.DueOn, r.SubmittedAt,
            GetReport.IsLate(r.SubmittedAt, r.DueOn, clock), r.Version)).ToList();
    }
}
