using Pcmt.Infrastructure.Text;

namespace Pcmt.Tests.Infrastructure;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Nguyễn Thị Ánh", "nguyen thi anh")]
    [InlineData("ĐẶNG Văn Đức", "dang van duc")] // đ/Đ do not decompose in Unicode: mapped explicitly
    [InlineData("  Phan   Đình\tPhùng ", "phan dinh phung")]
    [InlineData("Hòa", "hoa")]
    [InlineData("Hoà", "hoa")] // old tone placement folds the same
    [InlineData("Ia Mơ", "ia mo")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_removes_case_diacritics_and_extra_spaces(string? input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Fold_treats_precomposed_and_decomposed_input_alike()
    {
        var precomposed = "Nguyễn".Normalize(System.Text.NormalizationForm.FormC);
        var decomposed = "Nguyễn".Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual(precomposed, decomposed);
        Assert.Equal(VietnameseText.Fold(precomposed), VietnameseText.Fold(decomposed));
    }
}
