namespace Pcmt.Features.Persons;

/// <summary>Hàng đợi rà soát trùng: a pair registered although the rules found them alike; a supervisor confirms or dismisses.</summary>
public sealed class DuplicateReview : IUnitScoped, Pcmt.Infrastructure.Auditing.IPersonRecord
{
    public long Id { get; set; }

    public Guid PersonId { get; set; }

    public Guid CandidateId { get; set; }

    public int Score { get; set; }

    public string Reasons { get; set; } = "";

    public string ProvinceCode { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>Null while open; "dismissed" once a reviewer decides they are different people.</summary>
    public string? Outcome { get; set; }
}
