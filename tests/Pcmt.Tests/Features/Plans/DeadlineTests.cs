using Pcmt.Features.Plans;

namespace Pcmt.Tests.Features.Plans;

public sealed class DeadlineTests
{
    [Theory]
    [InlineData("2026Q4", "2026-12-31")]
    [InlineData("2026Q1", "2026-03-31")]
    [InlineData("2026Q2", "2026-06-30")]
    [InlineData("2026Q3", "2026-09-30")]
    [InlineData("2026q4", "2026-12-31")]
    [InlineData("2026H1", "2026-06-30")]
    [InlineData("2026H2", "2026-12-31")]
    [InlineData("202604", "2026-04-30")]
    [InlineData("202602", "2026-02-28")]
    [InlineData("202802", "2028-02-29")]
    [InlineData("2026-04", "2026-04-30")]
    [InlineData("202612", "2026-12-31")]
    [InlineData("2026", "2026-12-31")]
    [InlineData(" 2025 ", "2025-12-31")]
    [InlineData("2026-11-30", "2026-11-30")]
    [InlineData("30/11/2026", "2026-11-30")]
    [InlineData("1/2/2026", "2026-02-01")]
    [InlineData("2028-02-29", "2028-02-29")]
    public void A_date_or_a_period_means_its_last_day(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Deadline.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2026Q5")]
    [InlineData("2026Q0")]
    [InlineData("2026H3")]
    [InlineData("202613")]
    [InlineData("202600")]
    [InlineData("2026-13")]
    [InlineData("20261")]
    [InlineData("quý IV năm 2025")]
    [InlineData("2026-02-30")]
    [InlineData("31/04/2026")]
    [InlineData("1999")]
    [InlineData("2101Q1")]
    [InlineData("1900-01-01")]
    [InlineData("abc")]
    [InlineData("2026Q4x")]
    public void Anything_else_is_not_a_deadline(string? text) => Assert.Null(Deadline.Parse(text));

    [Fact]
    public void A_quarterly_task_recurs_at_each_quarter_end_through_the_plans_last_year()
    {
        var days = Deadline.Occurrences(new DateOnly(2026, 3, 31), Recurrences.Quarterly, 2026);
        Assert.Equal([new(2026, 3, 31), new(2026, 6, 30), new(2026, 9, 30), new(2026, 12, 31)], days);
    }

    [Fact]
    public void Half_yearly_and_yearly_tasks_recur_at_period_ends()
    {
        Assert.Equal([new(2026, 6, 30), new(2026, 12, 31), new(2027, 6, 30), new(2027, 12, 31)], Deadline.Occurrences(new DateOnly(2026, 6, 30), Recurrences.HalfYearly, 2027));
        Assert.Equal([new(2026, 12, 31), new(2027, 12, 31), new(2028, 12, 31)], Deadline.Occurrences(new DateOnly(2026, 12, 31), Recurrences.Yearly, 2028));
        Assert.Equal([new(2026, 12, 15)], Deadline.Occurrences(new DateOnly(2026, 12, 15), Recurrences.None, 2030));
    }

    [Theory]
    [InlineData("2026-12-01", "in-progress", true)]
    [InlineData("2026-12-01", "not-started", true)]
    [InlineData("2026-12-01", "done", false)]
    [InlineData("2026-12-02", "not-started", false)] // due today: not yet overdue
    [InlineData("2026-12-31", "not-started", false)]
    public void A_task_is_overdue_after_its_due_day_unless_done(string due, string status, bool overdue) =>
        Assert.Equal(overdue, TaskStatuses.IsOverdue(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), status, new DateOnly(2026, 12, 2)));

    [Theory]
    [InlineData("DA7.TDA3", "DA7.TDA3")]
    [InlineData("da6", "DA6")]
    [InlineData("Dự án 6", "DA6")]
    [InlineData("6", "DA6")]
    [InlineData("DA10", null)]
    [InlineData("", null)]
    public void Projects_are_named_by_code_or_in_words(string text, string? code) => Assert.Equal(code, Projects.FromText(text));
}
