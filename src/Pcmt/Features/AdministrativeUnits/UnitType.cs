namespace Pcmt.Features.AdministrativeUnits;

/// <summary>Loại đơn vị hành chính; the API writes these as kebab-case (tinh, thanh-pho, xa, phuong, dac-khu …).</summary>
public enum UnitType
{
    Tinh,
    ThanhPho,
    Xa,
    Phuong,
    DacKhu,

    // Legacy types (before 01/07/2025), kept for historical records.
    ThiTran,
    Quan,
    Huyen,
    ThiXa,
}

public static class UnitTypes
{
    private static readonly (string Prefix, UnitType Type, string Code)[] Prefixes =
    [
        ("Thành phố ", UnitType.ThanhPho, "thanh-pho"),
        ("Tỉnh ", UnitType.Tinh, "tinh"),
        ("Xã ", UnitType.Xa, "xa"),
        ("Phường ", UnitType.Phuong, "phuong"),
        ("Đặc khu ", UnitType.DacKhu, "dac-khu"),
        ("Thị trấn ", UnitType.ThiTran, "thi-tran"),
        ("Quận ", UnitType.Quan, "quan"),
        ("Huyện ", UnitType.Huyen, "huyen"),
        ("Thị xã ", UnitType.ThiXa, "thi-xa"),
    ];

    public static string ToCode(UnitType type) => Prefixes.First(p => p.Type == type).Code;

    public static UnitType? FromCode(string? code) =>
        Prefixes.FirstOrDefault(p => p.Code == code) is { Code: not null } match ? match.Type : null;

    /// <summary>Official names start with their type word ("Xã Ia Mơ"), which is how the GSO lists encode the type.</summary>
    public static UnitType FromName(string name) =>
        Prefixes.FirstOrDefault(p => name.StartsWith(p.Prefix, StringComparison.Ordinal)) is { Code: not null } match
            ? match.Type
            : throw new FormatException($"Unknown administrative unit type in name '{name}'.");

    /// <summary>"Phường Ba Đình" → "Ba Đình".</summary>
    public static string ShortName(string name) =>
        Prefixes.FirstOrDefault(p => name.StartsWith(p.Prefix, StringComparison.Ordinal)) is { Code: not null } match
            ? name[match.Prefix.Length..]
            : name;

    public static string Label(UnitType type) => Prefixes.First(p => p.Type == type).Prefix.Trim();
}
