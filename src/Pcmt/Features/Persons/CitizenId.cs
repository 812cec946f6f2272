using System.Globalization;

namespace Pcmt.Features.Persons;

/// <summary>
/// Số định danh cá nhân (12 digits = PPP + G + YY + NNNNNN): NĐ 137/2015/NĐ-CP Art 13; TT 07/2016/TT-BCA Art 7 (TT 59/2021/TT-BCA);
/// continued by Luật Căn cước 26/2023/QH15 and NĐ 70/2024. PPP is the province of birth registration (the 63 pre-2025 codes stay valid),
/// G the century and sex, YY the last two digits of the birth year. There is no checksum (legal-rules §9).
/// </summary>
public static class CitizenId
{
    /// <summary>The 63 birth-registration province codes (TT 07/2016/TT-BCA annex; legal-rules §9). Unknown codes only warn: births abroad or new codes exist.</summary>
    public static readonly IReadOnlySet<string> ProvinceCodes = new HashSet<string>
    {
        "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025", "026", "027",
        "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048", "049", "051", "052", "054",
        "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084",
        "086", "087", "089", "091", "092", "093", "094", "095", "096",
    };

    public sealed record Check(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
    {
        public bool IsValid => Errors.Count == 0;
    }

    public static bool HasValidFormat(string? value) => value is { Length: 12 } && value.All(char.IsAsciiDigit);

    /// <summary>Century digit G: 1900s male 0 / female 1, 2000s 2 / 3, 2100s 4 / 5 … (TT 07/2016/TT-BCA Art 7.2).</summary>
    public static int CenturySexDigit(int birthYear, Sex sex) => (((birthYear / 100) - 19) * 2) + (sex == Sex.Female ? 1 : 0);

    /// <summary>Checks the number against the person's birth year and sex. Format and consistency errors block; an unknown province code warns.</summary>
    public static Check Validate(string value, int birthYear, Sex sex)
    {
        if (!HasValidFormat(value))
            return new Check(["Số định danh cá nhân phải gồm đúng 12 chữ số."], []);

        var errors = new List<string>();
        var warnings = new List<string>();
        var province = value[..3];
        if (!ProvinceCodes.Contains(province))
            warnings.Add($"Mã tỉnh nơi đăng ký khai sinh '{province}' không có trong danh mục 63 mã tỉnh; hãy kiểm tra lại (có thể là khai sinh ở nước ngoài).");

        var g = value[3] - '0';
        var century = 1900 + (100 * (g / 2));
        var encodedSex = g % 2 == 0 ? Sex.Male : Sex.Female;
        var encodedYear = century + int.Parse(value.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (encodedYear != birthYear)
            errors.Add($"Số định danh mã hóa năm sinh {encodedYear} (chữ số thế kỷ {g}, hai số cuối năm {value.Substring(4, 2)}), không khớp năm sinh {birthYear}.");
        if (encodedSex != sex)
            errors.Add($"Chữ số thứ 4 của số định danh ({g}) là của {(encodedSex == Sex.Male ? "nam" : "nữ")}, không khớp giới tính {(sex == Sex.Male ? "nam" : "nữ")}.");

        return new Check(errors, warnings);
    }

    /// <summary>Chứng minh nhân dân cũ (9 digits), kept in a field of its own (legal-rules §9.6).</summary>
    public static bool IsLegacyId(string? value) => value is { Length: 9 } && value.All(char.IsAsciiDigit);
}
