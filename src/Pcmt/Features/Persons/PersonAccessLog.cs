using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Persons;

/// <summary>Lịch sử truy cập: who read or changed a person's record, newest first; for supervisors, only for persons in their area.</summary>
public sealed class PersonAccessLog(AppDbContext db)
{
    public sealed record Row(DateTime At, string UserName, string Action, string? Purpose, string? Detail);

    public async Task<PagedList<Row>?> HandleAsync(Guid id, Paging paging, CancellationToken cancellationToken)
    {
        if (!await db.Persons.AnyAsync(p => p.Id == id, cancellationToken))
            return null;

        return await db.AuditEntries.AsNoTracking()
            .Where(e => e.PersonId == id)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new Row(e.At, e.UserName, e.Action, e.Purpose, e.Action == "read" ? e.Detail : null))
            .ToPagedListAsync(paging, cancellationToken);
    }
}
