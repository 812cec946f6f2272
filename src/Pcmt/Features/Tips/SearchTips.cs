using Microsoft.EntityFrameworkCore;
using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Features.Tips;

/// <summary>Danh sách tin tố giác: the province police see their province's tips, a commune's police those routed to the commune.</summary>
public sealed class SearchTips(AppDbContext db, AuditLog audit)
{
    public sealed record Filter(string? Status, string? Commune, string? Category = null);

    public sealed record Row(Guid Id, string ReceiptCode, string? CommuneCode, string Category, string ReceivedAt, string Status, bool Routed, string? Outcome);

    public async Task<Result<PagedList<Row>>> HandleAsync(Filter filter, Paging paging, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (filter.Status is { Length: > 0 } && !TipStatuses.All.Contains(filter.Status))
            errors["status"] = ["Trạng thái phải là received, in-progress hoặc closed."];
        if (filter.Category is { Length: > 0 } && !TipCategories.All.Contains(filter.Category))
            errors["category"] = ["Loại tin không hợp lệ."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);

        var query = db.Tips.AsNoTracking();
        if (filter.Status is { Length: > 0 } status)
            query = query.Where(t => t.Status == status);
        if (filter.Category is { Length: > 0 } category)
            query = query.Where(t => t.Category == category);
        if (filter.Commune is { Length: > 0 } commune)
            query = query.Where(t => t.CommuneCode == commune || (t.CommuneCode == "" && t.ReportedCommuneCode == commune));

        var list = await query
            .OrderBy(t => t.Status == TipStatuses.Closed).ThenByDescending(t => t.ReceivedOn).ThenBy(t => t.ReceiptCode)
            .Select(t => new { t.Id, t.ReceiptCode, t.CommuneCode, t.ReportedCommuneCode, t.Category, t.ReceivedOn, t.Status, t.Outcome })
            .ToPagedListAsync(paging, cancellationToken);
        var rows = list.Items.Select(t => new Row(
            t.Id, t.ReceiptCode, t.CommuneCode.Length > 0 ? t.CommuneCode : t.ReportedCommuneCode, t.Category,
            t.ReceivedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), t.Status, t.CommuneCode.Length > 0, t.Outcome)).ToList();
        await audit.RecordListAsync(nameof(Tip), rows.Select(r => r.Id), $"status={filter.Status};commune={filter.Commune};category={filter.Category};page={paging.Page}", cancellationToken);
        return new PagedList<Row>(rows, list.Total, list.Page, list.PageSize);
    }
}
