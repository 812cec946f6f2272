namespace Pcmt.Features.Deadlines;

/// <summary>
/// Cách tính thời hạn (Bộ luật Dân sự 2015, Điều 144–148), unless a law says otherwise:
/// hours run from the moment of the event (Art 147.1); days, months and years start the day after the event (Art 147.2–3)
/// and end at the end (24:00) of the last day, or of the corresponding day of the last month/year, the last day of the month
/// when it has no such day (Art 148.1–4); a deadline for an act whose last day is a rest day or holiday ends at the end of the
/// next working day (Art 148.5). Working days skip Saturdays, Sundays and public holidays (Bộ luật Lao động 2019, Điều 112).
/// All dates are Vietnam calendar days.
/// </summary>
public static class LegalTime
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>"Trong 24 giờ": the event moment plus clock hours (Art 147.1).</summary>
    public static DateTimeOffset AfterHours(DateTimeOffset eventAt, int hours) => eventAt.AddHours(hours);

    /// <summary>The last day of a period of <paramref name="days"/> days after an event day (the event day is not counted).</summary>
    public static DateOnly LastDayOfDays(DateOnly eventDay, int days) => eventDay.AddDays(days);

    /// <summary>The corresponding day <paramref name="months"/> months later; a month without that day ends on its last day (Art 148.3–4).</summary>
    public static DateOnly LastDayOfMonths(DateOnly eventDay, int months) => eventDay.AddMonths(months);

    public static DateOnly LastDayOfYears(DateOnly eventDay, int years) => eventDay.AddYears(years);

    /// <summary>The n-th working day after the event day ("trong 02 ngày làm việc").</summary>
    public static DateOnly LastWorkingDay(DateOnly eventDay, int workingDays, HolidayCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = eventDay;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day))
                counted++;
        }

        return day;
    }

    /// <summary>Art 148.5, for deadlines of acts (deciding, registering, reporting): a last day on a rest day or holiday moves to the next working day.</summary>
    public static DateOnly ToWorkingDay(DateOnly lastDay, HolidayCalendar calendar)
    {
        var day = lastDay;
        while (!calendar.IsWorkingDay(day))
            day = day.AddDays(1);
        return day;
    }

    /// <summary>The moment a period ends: 24:00 of its last day in Vietnam, as an instant.</summary>
    public static DateTimeOffset EndOf(DateOnly lastDay)
    {
        var midnight = lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Vietnam.GetUtcOffset(midnight));
    }

    /// <summary>The Vietnam calendar day of an instant.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Vietnam).DateTime);
}
