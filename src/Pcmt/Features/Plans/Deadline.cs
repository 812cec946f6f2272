using System.Globalization;
using System.Text.RegularExpressions;

namespace Pcmt.Features.Plans;

/// <summary>
/// Thời hạn of a plan task: a date (<c>2026-11-30</c>, or <c>30/11/2026</c> as typed in a Vietnamese table) or a period that
/// ends on its last day — a year <c>2026</c> (31/12), a half-year <c>2026H1</c>/<c>2026H2</c>, a quarter <c>2026Q1</c>…<c>2026Q4</c>,
/// a month <c>202604</c> or <c>2026-04</c>. Plans write deadlines as periods ("Hoàn thành trong quý IV năm 2025", Resolution 93).
/// </summary>
public static partial class Deadline
{
    public const string FormatMessage = "Thời hạn phải là một ngày (2026-11-30 hoặc 30/11/2026) hoặc một kỳ: năm (2026), nửa năm (2026H1, 2026H2), quý (2026Q1…2026Q4), tháng (202611).";

    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>The last day the text means, or null when it is neither a date nor a period (or outside 2000–2100).</summary>
    public static DateOnly? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var value = text.Trim().ToUpperInvariant();

        if (DateOnly.TryParseExact(value, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date.Year is >= MinYear and <= MaxYear ? date : null;

        var match = Period().Match(value);
        if (!match.Success)
            return null;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < MinYear or > MaxYear)
            return null;

        int lastMonth;
        if (match.Groups["half"].Success)
            lastMonth = match.Groups["half"].Value == "1" ? 6 : 12;
        else if (match.Groups["quarter"].Success)
            lastMonth = int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture) * 3;
        else if (match.Groups["month"].Success)
            lastMonth = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
        else
            lastMonth = 12;
        if (lastMonth is < 1 or > 12)
            return null;
        return EndOfMonth(year, lastMonth);
    }

    public static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    /// <summary>The due days of a recurring task from its first due day through the end of <paramref name="lastYear"/>: each occurrence ends a period as long as the recurrence.</summary>
    public static IReadOnlyList<DateOnly> Occurrences(DateOnly first, string recurrence, int lastYear)
    {
        var months = Recurrences.Months(recurrence);
        if (months == 0)
            return [first];
        var days = new List<DateOnly>();
        var endOfMonth = first.Day == DateTime.DaysInMonth(first.Year, first.Month);
        for (var i = 0; i < 200; i++)
        {
            var day = first.AddMonths(i * months);
            if (endOfMonth)
                day = EndOfMonth(day.Year, day.Month);
            if (day.Year > lastYear)
                break;
            days.Add(day);
        }

        return days;
    }

    [GeneratedRegex(@"^(?<year>\d{4})(?:H(?<half>[12])|Q(?<quarter>[1-4])|-?(?<month>\d{2}))?$")]
    private static partial Regex Period();
}

/// <summary>How often a task comes back: each occurrence is a task of its own with its own progress.</summary>
public static class Recurrences
{
    public const string None = "none";
    public const string Yearly = "yearly";
    public const string HalfYearly = "half-yearly";
    public const string Quarterly = "quarterly";

    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        [None] = "Không lặp lại",
        [Yearly] = "Hằng năm",
        [HalfYearly] = "6 tháng một lần",
        [Quarterly] = "Hằng quý",
    };

    public static int Months(string recurrence) => recurrence switch
    {
        Yearly => 12,
        HalfYearly => 6,
        Quarterly => 3,
        _ => 0,
    };
}

/// <summary>The contract's task statuses.</summary>
public static class TaskStatuses
{
    public const string NotStarted = "not-started";
    public const string InProgress = "in-progress";
    public const string Done = "done";

    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        [NotStarted] = "Chưa thực hiện",
        [InProgress] = "Đang thực hiện",
        [Done] = "Hoàn thành",
    };

    /// <summary>The status a percent means when the reporter gives none.</summary>
    public static string FromPercent(int percent) => percent switch
    {
        >= 100 => Done,
        > 0 => InProgress,
        _ => NotStarted,
    };

    /// <summary>Overdue: the due day has passed (Vietnam calendar) and the task is not done.</summary>
    public static bool IsOverdue(DateOnly dueOn, string status, DateOnly today) => dueOn < today && status != Done;
}

/// <summary>The contract's budget sources (nguồn kinh phí).</summary>
public static class BudgetSources
{
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        ["central-investment"] = "Ngân sách trung ương (đầu tư phát triển)",
        ["central-recurrent"] = "Ngân sách trung ương (kinh phí thường xuyên)",
        ["provincial"] = "Ngân sách địa phương",
        ["counterpart"] = "Vốn đối ứng",
        ["socialised"] = "Nguồn xã hội hóa",
        ["other"] = "Nguồn hợp pháp khác",
    };
}
