namespace Pcmt.Features.Plans;

/// <summary>
/// The National Target Program's projects and sub-projects (Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030;
/// Lâm Đồng plan §III.9, seed 000), with the kind of agency that leads each in a province.
/// </summary>
public static class Projects
{
    public sealed record Project(string Code, string Name, string? ParentCode, string? LeadAgencyKind);

    public static IReadOnlyList<Project> All { get; } =
    [
        new("DA1", "Dự án 1: Phòng ngừa, đấu tranh tội phạm về ma túy có tổ chức, xuyên quốc gia", null, "police"),
        new("DA2", "Dự án 2: Ứng dụng khoa học và công nghệ trong phòng, chống ma túy", null, "police"),
        new("DA3", "Dự án 3: Nâng cao năng lực công tác đấu tranh phòng, chống tội phạm ma túy của Bộ Quốc phòng", null, "military"),
        new("DA3.TDA1", "Tiểu dự án 1: Mua sắm trang thiết bị kỹ thuật nghiệp vụ, nâng cao năng lực phòng, chống tội phạm về ma túy của Bộ đội Biên phòng", "DA3", "military"),
        new("DA3.TDA2", "Tiểu dự án 2: Nâng cao năng lực công tác đấu tranh phòng, chống tội phạm về ma túy của Cảnh sát biển Việt Nam", "DA3", "military"),
        new("DA4", "Dự án 4: Nâng cao hiệu quả công tác phòng, chống ma túy ở cơ sở", null, "police"),
        new("DA5", "Dự án 5: Nâng cao hiệu quả cai nghiện ma túy và quản lý sau cai", null, "police"),
        new("DA6", "Dự án 6: Tăng cường đáp ứng y tế trong phòng, chống ma túy", null, "department"),
        new("DA7", "Dự án 7: Truyền thông, giáo dục về phòng, chống ma túy", null, null),
        new("DA7.TDA1", "Tiểu dự án 1: Truyền thông về phòng, chống ma túy", "DA7", "department"),
        new("DA7.TDA2", "Tiểu dự án 2: Nâng cao hiệu quả truyền thông, giáo dục phòng, chống ma túy ở cơ sở", "DA7", "police"),
        new("DA7.TDA3", "Tiểu dự án 3: Tăng cường công tác tuyên truyền giáo dục pháp luật về phòng, chống ma túy cho học sinh, sinh viên", "DA7", "department"),
        new("DA7.TDA4", "Tiểu dự án 4: Nâng cao hiệu quả công tác tuyên truyền phòng, chống ma túy cho công nhân lao động các khu công nghiệp", "DA7", "mass-organisation"),
        new("DA8", "Dự án 8: Nâng cao khả năng tiếp cận, thụ hưởng về dịch vụ trợ giúp pháp lý chất lượng và giáo dục pháp luật trong phòng, chống ma túy", null, "department"),
        new("DA9", "Dự án 9: Quản lý, giám sát, đánh giá Chương trình", null, "police"),
    ];

    private static readonly Dictionary<string, Project> ByCode = All.ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The canonical code ("da7.tda3" → "DA7.TDA3"), or null when there is no such project.</summary>
    public static string? Normalize(string? code) =>
        code is not null && ByCode.TryGetValue(code.Trim(), out var project) ? project.Code : null;

    /// <summary>A project named in a table: its code, or "Dự án 7", "DA 7", "7"; null when it names none.</summary>
    public static string? FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (Normalize(text) is { } code)
            return code;
        var folded = new string(Infrastructure.Text.VietnameseText.Fold(text).Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        folded = folded.Replace("DUAN", "DA", StringComparison.Ordinal).Replace("TIEUDA", ".TDA", StringComparison.Ordinal);
        if (int.TryParse(folded, out var n))
            folded = "DA" + n;
        return Normalize(folded);
    }

    public static string NameOf(string? code) => code is not null && ByCode.TryGetValue(code, out var project) ? project.Name : "";
}
