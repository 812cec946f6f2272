using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Features.Persons;

/// <summary>Truy cập khẩn cấp ("break the glass"): time-boxed access to one person outside the user's area, with a reason, flagged for review.</summary>
public sealed class AccessGrant : IPersonRecord
{
    public long Id { get; set; }

    public Guid UserId { get; set; }

    public string UserName { get; set; } = "";

    public Guid PersonId { get; set; }

    public string Reason { get; set; } = "";

    public DateTime GrantedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? ReviewedAt { get; set; }

    public string? ReviewedBy { get; set; }
}
