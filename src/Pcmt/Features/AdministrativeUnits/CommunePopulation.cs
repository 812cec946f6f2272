namespace Pcmt.Features.AdministrativeUnits;

/// <summary>Dân số: the resident population of a commune in a year, the denominator of the classification ratios (QĐ 28/2025 Art 4).</summary>
public sealed class CommunePopulation : IUnitScoped, IVersioned
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    public string ProvinceCode { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public int Year { get; set; }

    public int Residents { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid Version { get; set; }
}
