using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Audit;

/// <summary>Tra cứu nhật ký: pages through the audit trail, newest first, filtered by time, user, action, entity or person.</summary>
public sealed class SearchAuditEntries(AppDbContext db)
{
    public sealed record Filter(DateOnly? From = null, DateOnly? To = null, string? User = null, string? Action = null, string? EntityType = null, string? EntityKey = null, Guid? PersonId = null);

    public sealed record Row(long Sequence, DateTime At, string UserName, string Action, string EntityType, string EntityKey, Guid? PersonId, string? Detail, string? Purpose);

    public Task<PagedList<Row>> HandleAsync(Filter filter, Paging paging, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        // A bound outside the plausible range (DatePlausibility) bounds nothing: no entry is that old or that new, and the
        // arithmetic below would overflow on 0001-01-01 or 9999-12-31.
        if (filter.From is { } from && DatePlausibility.InRange(from))
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7); // dates are Vietnam time (UTC+7)
            query = query.Where(e => e.At >= start);
        }

        if (filter.To is { } to && DatePlausibility.InRange(to))
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
            query = query.Where(e => e.At < end);
        }

        if (!string.IsNullOrWhiteSpace(filter.User))
            query = query.Where(e => e.UserName == filter.User.Trim());
        if (!string.IsNullOrWhiteSpace(filter.Action))
            query = query.Where(e => e.Action == filter.Action);
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
            query = query.Where(e => e.EntityType == filter.EntityType);
        if (!string.IsNullOrWhiteSpace(filter.EntityKey))
            query = query.Where(e => e.EntityKey == filter.EntityKey);
        if (filter.PersonId is { } personId)
            query = query.Where(e => e.PersonId == personId);

        return query.OrderByDescending(e => e.Sequence)
            .Select(e => new Row(e.Sequence, e.At, e.UserName, e.Action, e.EntityType, e.EntityKey, e.PersonId, e.Detail, e.Purpose))
            .ToPagedListAsync(paging, cancellationToken);
    }
}
