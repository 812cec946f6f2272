using System.Globalization;

namespace Pcmt.Features.Deadlines;

/// <summary>
/// Lịch nghỉ lễ: the public holidays that working-day limits skip (Bộ luật Lao động 2019, Điều 112: Tết Dương lịch, Tết Âm lịch,
/// 30/4, 1/5, Quốc khánh 2/9 and an adjacent day, Giỗ Tổ Hùng Vương; the Government fixes the exact days and swaps each year).
/// Shipped for 2025–2027 as data (rows marked "provisional" follow the law's pattern and must be confirmed by an administrator
/// against the Government's yearly notice); Saturdays and Sundays are weekly rest days.
/// </summary>
public sealed class HolidayCalendar(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public static HolidayCalendar Shipped { get; } = new(LoadShipped().Select(h => h.Date));

    public sealed record Holiday(DateOnly Date, string Name, bool Provisional);

    public bool IsHoliday(DateOnly date) => _holidays.Contains(date);

    public bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    public static IReadOnlyList<Holiday> LoadShipped()
    {
        using var stream = typeof(HolidayCalendar).Assembly.GetManifestResourceStream("Pcmt.Deadlines.public-holidays.csv")
            ?? throw new InvalidOperationException("Embedded holiday calendar is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(line => line.Split(','))
            .Select(f => new Holiday(DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), f[1], f[2] == "provisional"))
            .ToList();
    }
}
