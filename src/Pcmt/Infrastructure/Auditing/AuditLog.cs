using Microsoft.EntityFrameworkCore;

namespace Pcmt.Infrastructure.Auditing;

/// <summary>Records reads, exports and sign-ins, which SaveChanges cannot see (writes are audited by <see cref="AppDbContext"/> itself).</summary>
public sealed class AuditLog(AppDbContext db, CurrentUser user)
{
    public Task RecordReadAsync(string entityType, string entityKey, Guid? personId, string? part, string? purpose, CancellationToken cancellationToken) =>
        RecordAsync(AuditActions.Read, entityType, entityKey, personId, part, purpose, cancellationToken);

    /// <summary>
    /// A list view: which persons it showed (their ids), to whom, for which filter. On PostgreSQL it commits asynchronously:
    /// the audit chain's lock is then held for microseconds instead of a disk flush, so concurrent searches stop queueing behind
    /// each other's fsync. A database crash may lose the last fraction of a second of list-view entries (never a write, never
    /// the read of a file); the chain stays verifiable because the WAL is replayed in order (docs/security.md).
    /// </summary>
    public async Task RecordListAsync(string entityType, IEnumerable<Guid> shown, string filter, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql() || db.Database.CurrentTransaction is not null)
        {
            await RecordAsync(AuditActions.List, entityType, "*", null, string.Join(",", shown), filter, cancellationToken);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", cancellationToken);
        await RecordAsync(AuditActions.List, entityType, "*", null, string.Join(",", shown), filter, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task RecordExportAsync(string entityType, string filter, string? purpose, CancellationToken cancellationToken) =>
        RecordAsync(AuditActions.Export, entityType, "*", null, filter, purpose, cancellationToken);

    public async Task RecordSignInAsync(Guid userId, string userName, bool succeeded, string channel, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            UserId = userId,
            UserName = userName,
            Action = succeeded ? AuditActions.SignIn : AuditActions.SignInFailed,
            EntityType = "User",
            EntityKey = userId.ToString(),
            Detail = channel,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RecordAsync(string action, string entityType, string entityKey, Guid? personId, string? detail, string? purpose, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            UserId = user.Id,
            UserName = user.UserName,
            Action = action,
            EntityType = entityType,
            EntityKey = entityKey,
            PersonId = personId,
            Detail = detail,
            Purpose = purpose,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
