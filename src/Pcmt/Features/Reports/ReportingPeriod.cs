using System.Globalization;
using System.Text.RegularExpressions;

namespace Pcmt.Features.Reports;

/// <summary>Kỳ báo cáo: month, quarter, half-year or year.</summary>
public static class Frequencies
{
    public const string Month = "month";
    public const string Quarter = "quarter";
    public const string HalfYear = "half-year";
    public const string Year = "year";

    public static IReadOnlyList<string> All { get; } = [Month, Quarter, HalfYear, Year];

    public static string DisplayName(string frequency) => frequency switch
    {
        Month => "Hằng tháng",
        Quarter => "Hằng quý",
        HalfYear => "6 tháng",
        _ => "Hằng năm",
    };
}

/// <summary>
/// Settings of the reporting calendar (reporting-regime.md §6; all configurable, section "Reports").
/// CutOffDay: the statistical period ends on this day of its last month and starts the day after it in the month before
/// its first month (NĐ 09/2019/NĐ-CP Art 12: 15th of the previous month → 14th; QĐ 28/2025/QĐ-TTg Art 7: 15/12 → 14/12).
/// 0 means calendar months. DueDays: days after the period end by which each reporter level must submit
/// (TT 13/2022/TT-BCA ladder: communes and departments to the provincial police before the 16th → 15th = end + 1;
/// the province to the Ministry before the 20th → 19th = end + 5).
/// </summary>
public sealed class ReportingOptions
{
    public const string Section = "Reports";

    public int CutOffDay { get; set; } = 14;

    public Dictionary<string, int> DueDays { get; set; } = new() { ["commune"] = 1, ["agency"] = 1, ["province"] = 5 };

    public int DueDaysFor(string reporterKind) => DueDays.TryGetValue(reporterKind, out var days) ? days : 1;
}

/// <summary>
/// A reporting period by its code: 2026 (year), 2026H1/2026H2 (half-year), 2026Q1..Q4 (quarter), 202601..202612 (month),
/// with its statistical window (<see cref="From"/>..<see cref="To"/>, both inclusive).
/// </summary>
public sealed partial record ReportingPeriod(string Code, string Frequency, int Year, int FirstMonth, int Months, DateOnly From, DateOnly To)
{
    [GeneratedRegex(@"^(\d{4})(?:(H[12])|(Q[1-4])|(0[1-9]|1[0-2]))?$")]
    private static partial Regex Pattern();

    public static ReportingPeriod? Parse(string? code, int cutOffDay = 14)
    {
        var match = Pattern().Match(code?.Trim() ?? "");
        if (!match.Success)
            return null;
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
            return null;
        var (frequency, firstMonth, months) = match.Groups[2].Success ? (Frequencies.HalfYear, match.Groups[2].Value == "H1" ? 1 : 7, 6)
            : match.Groups[3].Success ? (Frequencies.Quarter, (match.Groups[3].Value[1] - '1') * 3 + 1, 3)
            : match.Groups[4].Success ? (Frequencies.Month, int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture), 1)
            : (Frequencies.Year, 1, 12);
        var first = new DateOnly(year, firstMonth, 1);
        var last = first.AddMonths(months - 1);
        DateOnly from, to;
        if (cutOffDay is >= 1 and <= 28)
        {
            // NĐ 09/2019/NĐ-CP Art 12: from the day after the cut-off in the month before the period to the cut-off day of its last month.
            from = new DateOnly(first.AddMonths(-1).Year, first.AddMonths(-1).Month, cutOffDay).AddDays(1);
            to = new DateOnly(last.Year, last.Month, cutOffDay);
        }
        else
        {
            from = first;
            to = first.AddMonths(months).AddDays(-1);
        }

        return new ReportingPeriod(match.Value, frequency, year, firstMonth, months, from, to);
    }

    /// <summary>The same period one year earlier ("cùng kỳ").</summary>
    public string SamePeriodLastYear => (Year - 1).ToString(CultureInfo.InvariantCulture) + Code[4..];

    /// <summary>The ADX/ISO 8601 period: start date and duration, e.g. 2025-12-15/P6M.</summary>
    public string Iso => $"{From:yyyy-MM-dd}/P{(Months == 12 ? "1Y" : Months + "M")}";

    public string DisplayName => Frequency switch
    {
        Frequencies.Year => $"Năm {Year}",
        Frequencies.HalfYear => $"6 tháng {(FirstMonth == 1 ? "đầu" : "cuối")} năm {Year}",
        Frequencies.Quarter => $"Quý {(FirstMonth - 1) / 3 + 1} năm {Year}",
        _ => $"Tháng {FirstMonth:00}/{Year}",
    };

    /// <summary>Reads an ADX period back: the start date and duration written by <see cref="Iso"/>.</summary>
    public static ReportingPeriod? FromIso(string? iso, int cutOffDay = 14)
    {
        var parts = iso?.Split('/');
        if (parts is not { Length: 2 } || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            return null;
        var months = parts[1] switch { "P1Y" or "P12M" => 12, "P6M" => 6, "P3M" => 3, "P1M" => 1, _ => 0 };
        if (months == 0)
            return null;
        // The period's first month is the month after the cut-off start (or the start's own month for calendar periods).
        var first = cutOffDay is >= 1 and <= 28 ? start.AddMonths(1) : start;
        var code = months switch
        {
            12 => $"{first.Year}",
            6 => $"{first.Year}H{(first.Month <= 6 ? 1 : 2)}",
            3 => $"{first.Year}Q{(first.Month - 1) / 3 + 1}",
            _ => $"{first.Year}{first.Month:00}",
        };
        var period = Parse(code, cutOffDay);
        return period is not null && period.From == start ? period : null;
    }

    public DateOnly DueOn(ReportingOptions options, string reporterKind) => To.AddDays(options.DueDaysFor(reporterKind));
}
