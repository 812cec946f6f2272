namespace Pcmt.Infrastructure.Web;

/// <summary>
/// Ngày hợp lý: one rule per kind of date, shared by every route and page that takes one (issue 18, item 5). A date outside
/// its range is a typing error (0001-01-01, 1850, 9999) and gets a 400 with a Vietnamese message before anything computes
/// with it (a deadline of 0001-01-01 minus one day overflowed into a 500).
/// </summary>
public static class DatePlausibility
{
    /// <summary>Birth dates: nobody alive born before 1900; never after today (Vietnam time).</summary>
    public static readonly DateOnly BirthFloor = new(1900, 1, 1);

    /// <summary>
    /// Facts (tests, decisions, episodes, arrests, hotspots, services, approvals …): not before 01/01/2000. The first Law on
    /// Drug Prevention and Control (Luật Phòng, chống ma túy 23/2000/QH10) was passed on 09/12/2000; the regimes this system
    /// applies are Law 73/2021/QH15 (from 01/01/2022) and Law 120/2025/QH15, with earlier facts carried over only as history,
    /// so a fact dated before 2000 is a typing error, not a record in scope.
    /// </summary>
    public static readonly DateOnly FactFloor = new(2000, 1, 1);

    /// <summary>Dates that may lie ahead (the end of a term, a holiday of the calendar, a filter): not after 31/12/2100.</summary>
    public static readonly DateOnly Ceiling = new(2100, 12, 31);

    /// <summary>A fact may be dated at most this far ahead of today (Vietnam time): a record entered just after midnight elsewhere.</summary>
    public const int FutureToleranceDays = 1;

    public static string FactRangeMessage => $"Ngày phải từ {Format.Date(FactFloor)} đến {Format.Date(Ceiling)}.";

    public const string FutureFactMessage = "Ngày không được ở tương lai.";

    public static DateOnly TodayInVietnam(TimeProvider clock) => Pcmt.Features.Deadlines.LegalTime.DayOf(clock.GetUtcNow());

    /// <summary>Within the range every date of a fact or a plan must fall in (no clock needed; prevents any overflow).</summary>
    public static bool InRange(DateOnly day) => day >= FactFloor && day <= Ceiling;

    /// <summary>A fact that already happened: in range and not after today + the tolerance.</summary>
    public static bool IsPlausibleFact(DateOnly day, TimeProvider clock) =>
        InRange(day) && day <= TodayInVietnam(clock).AddDays(FutureToleranceDays);

    /// <summary>A birth date (or the 1st of January of a birth year): from 1900 to today.</summary>
    public static bool IsPlausibleBirth(DateOnly day, DateOnly today) => day >= BirthFloor && day <= today;
}
