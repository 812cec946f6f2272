using Pcmt.Features.Deadlines;

namespace Pcmt.Tests.Features.Deadlines;

/// <summary>Bộ luật Dân sự 2015, Điều 147–148 (counting of time limits) and Bộ luật Lao động 2019, Điều 112 (public holidays).</summary>
public sealed class LegalTimeTests
{
    private static readonly HolidayCalendar Calendar = HolidayCalendar.Shipped;
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public void Art_147_1_hours_run_from_the_moment_of_the_event()
    {
        // A positive test at 10:00 on 03/08/2026: the management decision is due 24 hours later (Law 120/2025 Art 24.4).
        var due = LegalTime.AfterHours(new DateTimeOffset(2026, 8, 3, 10, 0, 0, Vietnam), 24);
        Assert.Equal(new DateTimeOffset(2026, 8, 4, 10, 0, 0, Vietnam), due);
    }

    [Fact]
    public void Art_147_2_and_148_a_one_year_term_ends_on_the_corresponding_day()
    {
        Assert.Equal(new DateOnly(2027, 8, 4), LegalTime.LastDayOfYears(new DateOnly(2026, 8, 4), 1));
        Assert.Equal(new DateOnly(2028, 9, 7), LegalTime.LastDayOfMonths(new DateOnly(2026, 9, 7), 24));
    }

    [Theory]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2028-01-31", 1, "2028-02-29")] // leap year
    [InlineData("2026-03-31", 1, "2026-04-30")]
    [InlineData("2026-08-31", 6, "2027-02-28")]
    public void Art_148_4_a_month_without_the_corresponding_day_ends_on_its_last_day(string start, int months, string end) =>
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), LegalTime.LastDayOfMonths(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), months));

    [Fact]
    public void Art_148_4_a_year_from_29_february_ends_on_28_february() =>
        Assert.Equal(new DateOnly(2029, 2, 28), LegalTime.LastDayOfYears(new DateOnly(2028, 2, 29), 1));

    [Fact]
    public void Art_147_3_the_event_day_is_not_counted_in_days() =>
        Assert.Equal(new DateOnly(2026, 8, 6), LegalTime.LastDayOfDays(new DateOnly(2026, 8, 3), 3));

    [Fact]
    public void Working_days_skip_the_weekend()
    {
        // Decision on Friday 07/08/2026: start within 02 working days (NĐ 163/2026 Art 4) → Tuesday 11/08.
        Assert.Equal(new DateOnly(2026, 8, 11), LegalTime.LastWorkingDay(new DateOnly(2026, 8, 7), 2, Calendar));
    }

    [Fact]
    public void Working_days_skip_30_april_and_1_may()
    {
        // Wednesday 29/04/2026 + 1 working day: 30/4 (Thu) and 1/5 (Fri) are holidays, then the weekend → Monday 04/05.
        Assert.Equal(new DateOnly(2026, 5, 4), LegalTime.LastWorkingDay(new DateOnly(2026, 4, 29), 1, Calendar));
    }

    [Fact]
    public void Art_148_5_a_deadline_ending_on_a_rest_day_moves_to_the_next_working_day()
    {
        Assert.Equal(new DateOnly(2026, 8, 10), LegalTime.ToWorkingDay(new DateOnly(2026, 8, 9), Calendar)); // Sunday → Monday
        Assert.Equal(new DateOnly(2026, 9, 3), LegalTime.ToWorkingDay(new DateOnly(2026, 9, 2), Calendar)); // Quốc khánh → 03/09
        Assert.Equal(new DateOnly(2026, 8, 12), LegalTime.ToWorkingDay(new DateOnly(2026, 8, 12), Calendar)); // already a working day
    }

    [Fact]
    public void A_period_ends_at_midnight_vietnam_time() =>
        Assert.Equal(new DateTimeOffset(2027, 8, 5, 0, 0, 0, Vietnam), LegalTime.EndOf(new DateOnly(2027, 8, 4)));

    [Fact]
    public void Property_working_day_counting_lands_on_a_working_day_after_exactly_n_working_days()
    {
        var random = new Random(148);
        for (var i = 0; i < 2000; i++)
        {
            var start = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 1000));
            var n = random.Next(0, 15);
            var end = LegalTime.LastWorkingDay(start, n, Calendar);
            var counted = Enumerable.Range(1, end.DayNumber - start.DayNumber).Count(d => Calendar.IsWorkingDay(start.AddDays(d)));
            Assert.Equal(n, counted);
            if (n > 0)
                Assert.True(Calendar.IsWorkingDay(end), $"{start} + {n} working days = {end}");
        }
    }

    [Fact]
    public void Property_month_periods_end_on_the_corresponding_day_or_the_last_day_of_the_month()
    {
        var random = new Random(1483);
        for (var i = 0; i < 5000; i++)
        {
            var start = new DateOnly(2020, 1, 1).AddDays(random.Next(0, 4000));
            var months = random.Next(1, 37);
            var end = LegalTime.LastDayOfMonths(start, months);
            Assert.Equal(((start.Year * 12) + start.Month - 1 + months) / 12, end.Year);
            Assert.Equal(Math.Min(start.Day, DateTime.DaysInMonth(end.Year, end.Month)), end.Day);
        }
    }

    [Fact]
    public void The_shipped_calendar_covers_2025_to_2027_with_the_holidays_of_the_labour_code()
    {
        var holidays = HolidayCalendar.LoadShipped();
        foreach (var year in new[] { 2025, 2026, 2027 })
        {
            Assert.Contains(holidays, h => h.Date == new DateOnly(year, 1, 1));
            Assert.Contains(holidays, h => h.Date == new DateOnly(year, 4, 30));
            Assert.Contains(holidays, h => h.Date == new DateOnly(year, 9, 2));
            Assert.True(holidays.Count(h => h.Date.Year == year && h.Name == "Tết Nguyên đán") >= 5);
        }
    }
}
