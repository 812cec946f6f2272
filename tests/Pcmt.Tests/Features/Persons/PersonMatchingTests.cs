using Pcmt.Features.Persons;
using Pcmt.Infrastructure.Text;

namespace Pcmt.Tests.Features.Persons;

public sealed class PersonMatchingTests
{
    private static PersonMatching.Subject Hung(string name = "Nguyễn Văn Hùng", int year = 1990, DateOnly? date = null, Sex sex = Sex.Male, string commune = "05443", params string[] aliases) =>
        PersonMatching.From(name, aliases, year, date ?? new DateOnly(1990, 5, 12), sex, commune);

    [Theory]
    [InlineData("Nguyễn Văn Hùng", "nguyen van hung")]
    [InlineData("Đặng Thị Thu", "dang thi thu")]
    [InlineData("NGUYỄN VĂN HÙNG", "nguyen van hung")]
    public void Names_fold_to_the_same_key(string name, string folded) => Assert.Equal(folded, VietnameseText.Fold(name));

    [Fact]
    public void Same_name_without_diacritics_sex_year_and_commune_is_a_likely_match() =>
        Assert.NotNull(PersonMatching.Compare(Hung(), Hung("Nguyen Van Hung", date: new DateOnly(1990, 1, 1))));

    [Fact]
    public void Dang_and_Đặng_match() =>
        Assert.NotNull(PersonMatching.Compare(Hung("Đặng Văn Hùng"), Hung("Dang Van Hung")));

    [Fact]
    public void Swapped_name_order_matches_with_a_lower_score()
    {
        var exact = PersonMatching.Compare(Hung(), Hung())!;
        var swapped = PersonMatching.Compare(Hung(), Hung("Hùng Nguyễn Văn"))!;
        Assert.True(swapped.Score < exact.Score);
    }

    [Fact]
    public void An_alias_matches() =>
        Assert.NotNull(PersonMatching.Compare(Hung("Nguyễn Văn Hùng"), Hung("Nguyễn Hùng Anh", aliases: ["Hùng Nguyễn Văn", "Nguyễn Văn Hùng"])));

    [Fact]
    public void The_same_name_alone_is_not_a_match()
    {
        // Nguyễn Văn Hùng is common: a different year, sex, or both a different commune and date, rule it out.
        Assert.Null(PersonMatching.Compare(Hung(), Hung(year: 1991, date: new DateOnly(1991, 5, 12))));
        Assert.Null(PersonMatching.Compare(Hung(), Hung(sex: Sex.Female)));
        Assert.Null(PersonMatching.Compare(Hung(), Hung(commune: "01840", date: new DateOnly(1990, 7, 1))));
    }

    [Fact]
    public void Same_exact_birth_date_matches_across_communes() =>
        Assert.NotNull(PersonMatching.Compare(Hung(), Hung(commune: "01840")));

    [Fact]
    public void Different_names_do_not_match() => Assert.Null(PersonMatching.Compare(Hung(), Hung("Trần Văn Hùng")));
}
