using System.Globalization;
using Pcmt.Features.Persons;

namespace Pcmt.Tests.Features.Persons;

/// <summary>legal-rules §9: PPP + G + YY + NNNNNN; G encodes century and sex (TT 07/2016/TT-BCA Art 7); no checksum.</summary>
public sealed class CitizenIdTests
{
    private static string Make(string province, int year, Sex sex, int serial) =>
        string.Create(CultureInfo.InvariantCulture, $"{province}{CitizenId.CenturySexDigit(year, sex)}{year % 100:D2}{serial:D6}");

    [Theory]
    [InlineData(1990, Sex.Male, 0)]
    [InlineData(1990, Sex.Female, 1)]
    [InlineData(2005, Sex.Male, 2)]
    [InlineData(2005, Sex.Female, 3)]
    [InlineData(2100, Sex.Male, 4)]
    [InlineData(2399, Sex.Female, 9)]
    public void The_century_digit_follows_the_table(int year, Sex sex, int digit) => Assert.Equal(digit, CitizenId.CenturySexDigit(year, sex));

    [Fact]
    public void Property_every_consistent_number_is_accepted_and_every_wrong_century_or_sex_is_refused()
    {
        var random = new Random(20261123);
        var provinces = CitizenId.ProvinceCodes.ToArray();
        for (var i = 0; i < 5000; i++)
        {
            var year = random.Next(1900, 2100);
            var sex = random.Next(2) == 0 ? Sex.Male : Sex.Female;
            var id = Make(provinces[random.Next(provinces.Length)], year, sex, random.Next(1_000_000));

            var check = CitizenId.Validate(id, year, sex);
            Assert.True(check.IsValid, id);
            Assert.Empty(check.Warnings);

            var otherSex = sex == Sex.Male ? Sex.Female : Sex.Male;
            Assert.False(CitizenId.Validate(id, year, otherSex).IsValid);
            var otherYear = year + (random.Next(2) == 0 ? 100 : random.Next(1, 99));
            Assert.False(CitizenId.Validate(id, otherYear, sex).IsValid);
        }
    }

    [Fact]
    public void A_1990_birth_with_century_digit_2_is_refused_in_vietnamese()
    {
        var check = CitizenId.Validate("001290012345", 1990, Sex.Male);
        Assert.False(check.IsValid);
        Assert.Contains("2090", check.Errors[0], StringComparison.Ordinal);
        Assert.Contains("1990", check.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_birth_registration_province_is_a_warning_not_an_error()
    {
        var check = CitizenId.Validate("099090012345", 1990, Sex.Male);
        Assert.True(check.IsValid);
        Assert.Single(check.Warnings);
    }

    [Theory]
    [InlineData("00109001234")]
    [InlineData("0010900123456")]
    [InlineData("00109001234a")]
    [InlineData("")]
    public void Anything_but_twelve_digits_is_refused(string id) => Assert.False(CitizenId.Validate(id, 1990, Sex.Male).IsValid);

    [Fact]
    public void Merged_provinces_keep_their_old_codes_valid() => Assert.Contains("077", CitizenId.ProvinceCodes); // Bà Rịa – Vũng Tàu, now part of HCMC
}
