namespace Pcmt.Features.AdministrativeUnits;

/// <summary>Sáp nhập: a pre-reform unit (whole or part) became part of a post-reform unit on 01/07/2025.</summary>
public sealed class UnitSuccession
{
    public int Id { get; set; }

    public int PredecessorId { get; set; }

    public AdministrativeUnit Predecessor { get; set; } = null!;

    public int SuccessorId { get; set; }

    public AdministrativeUnit Successor { get; set; } = null!;

    /// <summary>False when only part of the old unit went to this successor (441 old communes were split).</summary>
    public bool IsWhole { get; set; }
}
