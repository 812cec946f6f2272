using Pcmt.Features.AdministrativeUnits;

namespace Pcmt.Tests.Features.AdministrativeUnits;

public sealed class UnitTypesTests
{
    [Theory]
    [InlineData("Phường Ba Đình", UnitType.Phuong, "phuong", "Ba Đình")]
    [InlineData("Xã Ia Mơ", UnitType.Xa, "xa", "Ia Mơ")]
    [InlineData("Đặc khu Phú Quốc", UnitType.DacKhu, "dac-khu", "Phú Quốc")]
    [InlineData("Tỉnh Thái Nguyên", UnitType.Tinh, "tinh", "Thái Nguyên")]
    [InlineData("Thành phố Hà Nội", UnitType.ThanhPho, "thanh-pho", "Hà Nội")]
    [InlineData("Thị trấn Hương Khê", UnitType.ThiTran, "thi-tran", "Hương Khê")]
    [InlineData("Huyện Bạch Long Vĩ", UnitType.Huyen, "huyen", "Bạch Long Vĩ")]
    public void The_type_comes_from_the_official_name(string name, UnitType type, string code, string shortName)
    {
        Assert.Equal(type, UnitTypes.FromName(name));
        Assert.Equal(code, UnitTypes.ToCode(type));
        Assert.Equal(type, UnitTypes.FromCode(code));
        Assert.Equal(shortName, UnitTypes.ShortName(name));
    }

    [Fact]
    public void An_unknown_type_word_is_an_error_not_a_guess() =>
        Assert.Throws<FormatException>(() => UnitTypes.FromName("Ấp Tân Hòa"));

    [Fact]
    public void An_unknown_type_code_is_null() => Assert.Null(UnitTypes.FromCode("huyen-dao"));
}
