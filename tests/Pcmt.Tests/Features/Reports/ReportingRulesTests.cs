using Pcmt.Features.Reports;

namespace Pcmt.Tests.Features.Reports;

/// <summary>Reporting calendar (NĐ 09/2019/NĐ-CP Art 12; QĐ 28/2025/QĐ-TTg Art 7; TT 13/2022/TT-BCA) and the review workflow.</summary>
public sealed class ReportingRulesTests
{
    [Theory]
    [InlineData("2026H1", "2025-12-15", "2026-06-14", "half-year")]
    [InlineData("2026H2", "2026-06-15", "2026-12-14", "half-year")]
    [InlineData("2026", "2025-12-15", "2026-12-14", "year")]
    [InlineData("2026Q1", "2025-12-15", "2026-03-14", "quarter")]
    [InlineData("2026Q3", "2026-06-15", "2026-09-14", "quarter")]
    [InlineData("202608", "2026-07-15", "2026-08-14", "month")]
    [InlineData("202601", "2025-12-15", "2026-01-14", "month")]
    public void Periods_run_from_the_15th_of_the_month_before_to_the_14th(string code, string from, string to, string frequency)
    {
        var period = ReportingPeriod.Parse(code)!;
        Assert.Equal(DateOnly.Parse(from), period.From);
        Assert.Equal(DateOnly.Parse(to), period.To);
        Assert.Equal(frequency, period.Frequency);
        Assert.Equal(period, ReportingPeriod.FromIso(period.Iso));
    }

    [Theory]
    [InlineData("2026H3")]
    [InlineData("202613")]
    [InlineData("1999")]
    [InlineData("")]
    [InlineData("2026-01")]
    public void Malformed_periods_are_refused(string code) => Assert.Null(ReportingPeriod.Parse(code));

    [Fact]
    public void The_cut_off_and_due_days_are_configurable()
    {
        var calendar = ReportingPeriod.Parse("2026H1", cutOffDay: 0)!;
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)), (calendar.From, calendar.To));
        var options = new ReportingOptions();
        var year = ReportingPeriod.Parse("2026")!;
        Assert.Equal(new DateOnly(2026, 12, 15), year.DueOn(options, ReporterKinds.Commune)); // before 16/12
        Assert.Equal(new DateOnly(2026, 12, 19), year.DueOn(options, ReporterKinds.Province)); // before 20/12 (QĐ 28/2025 Art 7)
        options.DueDays[ReporterKinds.Commune] = 3;
        Assert.Equal(new DateOnly(2026, 12, 17), year.DueOn(options, ReporterKinds.Commune));
        Assert.Equal("2025H1", ReportingPeriod.Parse("2026H1")!.SamePeriodLastYear);
    }

    [Theory]
    [InlineData(13, "lt14")]
    [InlineData(14, "14-16")]
    [InlineData(15, "14-16")]
    [InlineData(16, "16-18")]
    [InlineData(17, "16-18")]
    [InlineData(18, "18-30")]
    [InlineData(29, "18-30")]
    [InlineData(30, "ge30")]
    public void Age_bands_follow_QD_13_2019(int age, string band) => Assert.Equal(band, ReportFigures.AgeBand(age));

    /// <summary>
    /// Issue 19: the age the report figures count in SQL (year difference, less one while month × 100 + day of birth is after
    /// <see cref="ReportFigures.DayKey"/>) is the age of whole years, 29 February included, for every birth date of 24 years
    /// and cut-off days around the end of February, in leap and common years.
    /// </summary>
    [Theory]
    [InlineData("2026-06-14")]
    [InlineData("2026-02-28")]
    [InlineData("2026-03-01")]
    [InlineData("2028-02-28")]
    [InlineData("2028-02-29")]
    [InlineData("2028-03-01")]
    [InlineData("2026-12-31")]
    [InlineData("2027-01-01")]
    public void The_SQL_age_arithmetic_is_the_age_in_whole_years(string cutOff)
    {
        var at = DateOnly.ParseExact(cutOff, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var day = ReportFigures.DayKey(at);
        for (var born = new DateOnly(2000, 1, 1); born <= new DateOnly(2023, 12, 31); born = born.AddDays(1))
        {
            var sql = at.Year - born.Year - (born.Month * 100 + born.Day > day ? 1 : 0);
            Assert.True(ReportFigures.AgeAt(born, born.Year, at) == sql, $"born {born:yyyy-MM-dd} at {at:yyyy-MM-dd}: {ReportFigures.AgeAt(born, born.Year, at)} against {sql}");
        }

        Assert.Equal(at.Year - 2008, ReportFigures.AgeAt(null, 2008, at));
    }

    private sealed class Subject : IReviewable
    {
        public string Status { get; set; } = ReviewStatuses.Draft;

        public Guid Version { get; set; } = Guid.NewGuid();

        public string ReviewedData => "{}";
    }

    [Fact]
    public void Only_draft_and_returned_subjects_are_editable_and_a_stale_version_conflicts()
    {
        var subject = new Subject();
        Assert.Null(ReviewFlow.CheckEdit(subject, subject.Version));
        Assert.IsType<Failure.Conflict>(ReviewFlow.CheckEdit(subject, Guid.NewGuid()));
        foreach (var locked in new[] { ReviewStatuses.Submitted, ReviewStatuses.Approved })
        {
            subject.Status = locked;
            Assert.IsType<Failure.Conflict>(ReviewFlow.CheckEdit(subject, subject.Version));
        }

        subject.Status = ReviewStatuses.Returned;
        Assert.Null(ReviewFlow.CheckEdit(subject, subject.Version));
    }

    [Fact]
    public void Built_in_templates_carry_the_disaggregations_and_known_bindings()
    {
        var commune = BuiltInTemplates.Commune;
        foreach (var set in new[] { "SEX", "AGE13", "ETH", "LOC", "SUB" })
            Assert.All(BuiltInTemplates.Sets[set], c => Assert.NotNull(commune.Field($"X01.{set}.{c.Code}")));
        Assert.All(BuiltInTemplates.All.SelectMany(t => t.Fields).Where(f => f.Binding is not null), f => Assert.True(ReportFigures.IsKnown(f.Binding!), f.Binding));
        Assert.Equal(BuiltInTemplates.All.Count, BuiltInTemplates.All.Select(t => t.Code).Distinct().Count());
        Assert.All(BuiltInTemplates.All, t => Assert.Equal(t.Fields.Count(), t.Fields.Select(f => f.Code).Distinct().Count()));
        foreach (var code in new[] { "EQUIPPED-UNITS", "MEDIA-COVERAGE", "SCHOOL-EDUCATION", "WORKER-EDUCATION" })
            Assert.Equal(2, BuiltInTemplates.AgencyHalf.Fields.Count(f => f.Indicator?.StartsWith(code + ":", StringComparison.Ordinal) == true));
    }
}
