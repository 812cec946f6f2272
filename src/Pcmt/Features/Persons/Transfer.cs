using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Features.Persons;

/// <summary>
/// Chuyển địa bàn: a person's file handed from one commune to another. The receiving commune must take it over within 24 hours
/// (Law 120/2025 Art 25, 27; NĐ 163/2026 Art 60, 62), counted in clock hours from the handover (Civil Code 2015 Art 147.1).
/// Until accepted, both communes see the handover and the person.
/// </summary>
public sealed class Transfer : IPersonRecord
{
    public static readonly TimeSpan TakeOverLimit = TimeSpan.FromHours(24);

    public long Id { get; set; }

    public Guid PersonId { get; set; }

    public string FromProvinceCode { get; set; } = "";

    public string FromCommuneCode { get; set; } = "";

    public string ToProvinceCode { get; set; } = "";

    public string ToCommuneCode { get; set; } = "";

    public string? Reason { get; set; }

    public DateTime RequestedAt { get; set; }

    public string RequestedBy { get; set; } = "";

    public DateTime DueAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public string? AcceptedBy { get; set; }

    public bool IsPending => AcceptedAt is null;
}
