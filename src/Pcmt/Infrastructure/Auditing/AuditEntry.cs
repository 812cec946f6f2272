namespace Pcmt.Infrastructure.Auditing;

/// <summary>Nhật ký: one append-only, hash-chained record of a write, a read or an export of data.</summary>
public sealed class AuditEntry
{
    /// <summary>Position in the chain, 1, 2, 3 … with no gaps; also the key.</summary>
    public long Sequence { get; set; }

    public DateTime At { get; set; }

    public Guid? UserId { get; set; }

    public string UserName { get; set; } = "";

    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityKey { get; set; } = "";

    /// <summary>The person whose data was read, changed or exported, when there is one.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>Which part of the record (e.g. "identity", "cases"), or the changed field names of a write.</summary>
    public string? Detail { get; set; }

    public string? Purpose { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
