using Pcmt.Features.Classification;

namespace Pcmt.Tests.Features.Classification;

/// <summary>QĐ 28/2025/QĐ-TTg Art 4–6 at every threshold, with 10,000 residents (0.1% = 10 people, 0.05% = 5, 0.5% = 50).</summary>
public sealed class CommuneClassifierTests
{
    private static CommuneFigures F(int users = 0, int points = 0, int offenders = 0, int plants = 0, decimal area = 0, bool route = false, int? blockers = null, int? residentOffenders = null, int? residents = 10_000) =>
        new(residents, users, blockers ?? users, points, offenders, residentOffenders ?? offenders, plants, area, route);

    private static string Class(CommuneFigures f) => CommuneClassifier.Classify(f).Class;

    [Fact]
    public void The_issue_examples()
    {
        Assert.Equal(CommuneClasses.Type1, Class(F(users: 50, points: 2, offenders: 10)));
        Assert.Equal(CommuneClasses.Type2, Class(F(users: 10, points: 1, offenders: 5)));
        Assert.Equal(CommuneClasses.Type3, Class(F(users: 3)));
        Assert.Equal(CommuneClasses.Review, Class(F(points: 1)));
        Assert.Equal(CommuneClasses.DrugFree, Class(F()));
    }

    [Theory]
    [InlineData(49, false)]
    [InlineData(50, true)] // Art 4.1.a: ≥ 0.5%
    public void Art4_1a_users_rate_at_half_a_percent(int users, bool met) =>
        Assert.Equal(met, CommuneClassifier.Classify(F(users: users, points: 2, offenders: 10)).Snapshot.TypeI.Contains("a"));

    [Theory]
    [InlineData(1, CommuneClasses.Type2)]
    [InlineData(2, CommuneClasses.Type1)] // Art 4.1.b: ≥ 2 points
    public void Art4_1b_two_points(int points, string expected) => Assert.Equal(expected, Class(F(users: 50, points: points, offenders: 10)));

    [Theory]
    [InlineData(9, CommuneClasses.Type2)]
    [InlineData(10, CommuneClasses.Type1)] // Art 4.1.c: ≥ 0.1%
    public void Art4_1c_offenders_at_a_tenth_of_a_percent(int offenders, string expected) => Assert.Equal(expected, Class(F(users: 50, points: 2, offenders: offenders)));

    [Theory]
    [InlineData(2999, 0, false)]
    [InlineData(3000, 0, true)]
    [InlineData(0, 749, false)]
    [InlineData(0, 750, true)] // Art 4.1.d: ≥ 3,000 plants or ≥ 750 m²
    public void Art4_1d_plants_or_area(int plants, int area, bool met) =>
        Assert.Equal(met, CommuneClassifier.Classify(F(users: 50, points: 2, plants: plants, area: area)).Snapshot.TypeI.Contains("d"));

    [Fact]
    public void Art4_1dd_two_type_II_criteria_on_a_route_count_as_a_type_I_criterion()
    {
        // 0.5% users + 2 points = 2 criteria of each type: off a route that is only type III (≥ 3 are needed for I and II).
        Assert.Equal(CommuneClasses.Type3, Class(F(users: 50, points: 2)));
        Assert.Equal(CommuneClasses.Type1, Class(F(users: 50, points: 2, route: true)));
        // Not on a route, the same two criteria are not enough for type I.
        Assert.Equal(CommuneClasses.Type2, Class(F(users: 50, offenders: 5, points: 1)));
    }

    [Theory]
    [InlineData(9, CommuneClasses.Type3)]
    [InlineData(10, CommuneClasses.Type2)] // Art 4.2.a: ≥ 0.1%
    public void Art4_2a_users_rate_at_a_tenth_of_a_percent(int users, string expected) => Assert.Equal(expected, Class(F(users: users, points: 1, offenders: 5)));

    [Theory]
    [InlineData(4, CommuneClasses.Type3)]
    [InlineData(5, CommuneClasses.Type2)] // Art 4.2.c: ≥ 0.05%
    public void Art4_2c_offenders_at_five_hundredths_of_a_percent(int offenders, string expected) => Assert.Equal(expected, Class(F(users: 10, points: 1, offenders: offenders)));

    [Theory]
    [InlineData(499, 0, CommuneClasses.Type3)]
    [InlineData(500, 0, CommuneClasses.Type2)]
    [InlineData(0, 124, CommuneClasses.Type3)]
    [InlineData(0, 125, CommuneClasses.Type2)] // Art 4.2.d: 500 plants or 125 m²
    public void Art4_2d_plants_or_area(int plants, int area, string expected) => Assert.Equal(expected, Class(F(users: 10, points: 1, plants: plants, area: area)));

    [Fact]
    public void Art4_2dd_two_type_III_criteria_on_a_route_count_as_a_type_II_criterion()
    {
        Assert.Equal(CommuneClasses.Type3, Class(F(users: 10, offenders: 1)));
        // 0.1% users (II.a) and offenders present (III.b) on a route: II.a + II.đ are only two type II criteria.
        Assert.Equal(CommuneClasses.Type3, Class(F(users: 10, offenders: 1, route: true)));
        Assert.Equal(CommuneClasses.Type2, Class(F(users: 10, points: 1, offenders: 1, route: true)));
    }

    [Fact]
    public void Art4_3_type_III_is_any_presence_below_type_II()
    {
        Assert.Equal(CommuneClasses.Type3, Class(F(users: 1)));
        Assert.Equal(CommuneClasses.Type3, Class(F(offenders: 1)));
        Assert.Equal(CommuneClasses.Type3, Class(F(plants: 1)));
        Assert.Equal(CommuneClasses.Type3, Class(F(area: 0.5m)));
        Assert.Equal(["6.2"], CommuneClassifier.Classify(F(plants: 1)).Snapshot.DrugFreeFailed);
    }

    [Fact]
    public void Art6_drug_free_needs_all_three_conditions_and_excludes_therapy_home_rehab_and_post_rehab()
    {
        // A person on methadone is counted in the hotspot ratio but does not block drug-free (Art 6.1).
        Assert.Equal(CommuneClasses.DrugFree, Class(F(users: 1, blockers: 0)));
        Assert.Equal(CommuneClasses.Type3, Class(F(users: 1, blockers: 1)));
        Assert.Equal(CommuneClasses.Type3, Class(F(offenders: 1, residentOffenders: 1)));
        // Offenders arrested in the commune who live elsewhere do not break Art 6.2, but still count in the hotspot ratio.
        Assert.Equal(CommuneClasses.DrugFree, Class(F(offenders: 2, residentOffenders: 0)));
        Assert.Equal(["6.3"], CommuneClassifier.Classify(F(points: 1)).Snapshot.DrugFreeFailed);
    }

    [Fact]
    public void Without_a_population_the_ratios_cannot_be_computed_and_the_commune_goes_to_review()
    {
        var (result, snapshot) = CommuneClassifier.Classify(F(users: 3, residents: null));
        Assert.Equal(CommuneClasses.Review, result);
        Assert.Contains("nhân khẩu", snapshot.Note, StringComparison.Ordinal);
        Assert.Equal(CommuneClasses.DrugFree, Class(F(residents: null)));
    }

    [Fact]
    public void Art5_a_province_is_a_hotspot_with_four_of_six()
    {
        Assert.True(CommuneClassifier.ClassifyProvince(1_000_000, 2000, 5, 500, 3, 100, 0, 0, false).Hotspot);
        Assert.False(CommuneClassifier.ClassifyProvince(1_000_000, 1999, 5, 500, 3, 100, 0, 0, false).Hotspot);
        Assert.Equal(["1", "2", "3", "4", "5", "6"], CommuneClassifier.ClassifyProvince(1_000_000, 2000, 5, 500, 3, 100, 8000, 0, true).Met);
        Assert.DoesNotContain("4", CommuneClassifier.ClassifyProvince(1_000_000, 0, 0, 0, 2, 100, 0, 1999, false).Met);
    }

    [Fact]
    public void Art7_the_assessment_period_runs_from_15_12_to_14_12() =>
        Assert.Equal((new DateOnly(2025, 12, 15), new DateOnly(2026, 12, 14)), CommuneClassifier.Period(2026));
}

/// <summary>The Ministry report workbook, read back from its XML (not with the library that wrote it).</summary>
public sealed class ClassificationReportTests
{
    [Fact]
    public void The_report_is_a_printable_form_with_Vietnamese_headings_a_frozen_header_and_the_criteria()
    {
        var (result, snapshot) = CommuneClassifier.Classify(new CommuneFigures(10_000, 50, 50, 2, 10, 10, 0, 0, false));
        var rows = new List<ClassifyCommunes.Row>
        {
            new("05443", "Phường Phan Đình Phùng", result, result, snapshot, "approved", "type-2", "2150/QĐ-UBND", new DateOnly(2026, 12, 18), null),
        };
        var book = new Pcmt.Tests.Infrastructure.XlsxReader(ClassificationReport.Build(rows, 2026, "Tỉnh Thái Nguyên", new DateTime(2026, 12, 19, 3, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("TỈNH THÁI NGUYÊN", book.Cell("A1"));
        Assert.Equal("KẾT QUẢ PHÂN LOẠI XÃ, PHƯỜNG, ĐẶC KHU VỀ MA TÚY NĂM 2026", book.Cell("A3"));
        Assert.Equal("Tên xã, phường, đặc khu", book.Cell("C7"));
        Assert.Equal("Phân loại năm 2026", book.Cell("D7"));
        Assert.Equal("Phường Phan Đình Phùng", book.Cell("C8"));
        Assert.Equal("Trọng điểm loại I", book.Cell("D8"));
        Assert.Equal("Trọng điểm loại II", book.Cell("E8"));
        Assert.Equal("2150/QĐ-UBND ngày 18/12/2026", book.Cell("R8"));
        Assert.True(book.Width(3) >= 20);
        Assert.Equal("7", (string?)book.Element("pane")!.Attribute("ySplit"));
        Assert.Contains("NGƯỜI LẬP BIỂU", book.AllText);
    }
}
