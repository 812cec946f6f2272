namespace Pcmt.Infrastructure.Auditing;

/// <summary>Records reads, exports and sign-ins, which SaveChanges cannot see (writes are audited by <see cref="AppDbContext"/> itself).</summary>
public sealed class AuditLog(AppDbContext db, CurrentUser user, AuditBatchWriter batches)
{
    public Task RecordReadAsync(string entityType, string entityKey, Guid? personId, string? part, string? purpose, CancellationToken cancellationToken) =>
        RecordAsync(AuditActions.Read, entityType, entityKey, personId, part, purpose, cancellationToken);

    /// <summary>A list view: which persons it showed (their ids), to whom, for which filter.</summary>
    public Task RecordListAsync(string entityType, IEnumerable<Guid> shown, string filter, CancellationToken cancellationToken) =>
        RecordAsync(AuditActions.List, entityType, "*", null, string.Join(",", shown), filter, cancellationToken);

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

    /// <summary>Committed before the caller goes on; written with other requests' entries (<see cref="AuditBatchWriter"/>) unless the caller is inside a transaction.</summary>
    private async Task RecordAsync(string action, string entityType, string entityKey, Guid? personId, string? detail, string? purpose, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry
        {
            UserId = user.Id,
            UserName = user.UserName,
            Action = action,
            EntityType = entityType,
            EntityKey = entityKey,
            PersonId = personId,
            Detail = detail,
            Purpose = purpose,
        };
        if (db.Database.CurrentTransaction is null)
        {
            await batches.WriteAsync(entry, cancellationToken);
            return;
        }

        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }
}
