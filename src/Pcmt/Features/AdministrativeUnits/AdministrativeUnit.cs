namespace Pcmt.Features.AdministrativeUnits;

/// <summary>Đơn vị hành chính: a province, a (legacy) district or a commune, valid over a period of time.</summary>
public sealed class AdministrativeUnit
{
    /// <summary>The date the two-level local government took effect (Resolution 202/2025/QH15; QĐ 19/2025/QĐ-TTg).</summary>
    public static readonly DateOnly ReformDate = new(2025, 7, 1);

    public int Id { get; set; }

    /// <summary>Official GSO code: 2 digits for provinces, 3 for legacy districts, 5 for communes.</summary>
    public string Code { get; set; } = "";

    /// <summary>Full official name with the type word, e.g. "Phường Phan Đình Phùng".</summary>
    public string Name { get; set; } = "";

    /// <summary>Folded name for diacritic-insensitive search.</summary>
    public string SearchName { get; set; } = "";

    public UnitLevel Level { get; set; }

    public UnitType Type { get; set; }

    public int? ParentId { get; set; }

    public AdministrativeUnit? Parent { get; set; }

    /// <summary>The code of the province the unit belongs to (itself for a province).</summary>
    public string ProvinceCode { get; set; } = "";

    /// <summary>Null for legacy units whose start predates the data set.</summary>
    public DateOnly? ValidFrom { get; set; }

    /// <summary>Null while the unit is in force.</summary>
    public DateOnly? ValidTo { get; set; }

    public bool IsValidOn(DateOnly date) => (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);
}

public enum UnitLevel
{
    Province,
    District,
    Commune,
}
