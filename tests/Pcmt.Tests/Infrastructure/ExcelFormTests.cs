namespace Pcmt.Tests.Infrastructure;

/// <summary>The shared printable Excel form, read back from its XML rather than with the library that wrote it.</summary>
public sealed class ExcelFormTests
{
    [Fact]
    public void A_form_has_unit_title_period_headers_widths_page_setup_footer_and_signatures()
    {
        var bytes = new ExcelForm
        {
            Title = "Danh sách người dùng",
            Unit = "Tỉnh Thái Nguyên",
            Period = "Năm 2026",
            ExportedAt = new DateTime(2026, 12, 2, 3, 0, 0, DateTimeKind.Utc),
            Columns = [new("STT", 6, ExcelForm.Kind.Count), new("Họ và tên", 30), new("Ngày sinh", 12, ExcelForm.Kind.Date), new("Số người", 10, ExcelForm.Kind.Count)],
            Rows = [[1, "Nguyễn Thị Ánh Dương", new DateOnly(1990, 5, 12), 2]],
        }.Build();
        var book = new XlsxReader(bytes);
        Assert.Equal("TỈNH THÁI NGUYÊN", book.Cell("A1"));
        Assert.Equal("DANH SÁCH NGƯỜI DÙNG", book.Cell("A3"));
        Assert.Equal("Năm 2026", book.Cell("A4"));
        Assert.Equal("Ngày xuất: 02/12/2026 10:00", book.Cell("A5"));
        Assert.Equal("Họ và tên", book.Cell("B7"));
        Assert.Equal("Nguyễn Thị Ánh Dương", book.Cell("B8"));
        Assert.Equal("2", book.Cell("D8")); // a count is a whole number, not 2,00
        Assert.Equal(30d, book.Width(2));
        Assert.Equal("portrait", (string?)book.Element("pageSetup")!.Attribute("orientation"));
        Assert.Contains("NGƯỜI LẬP BIỂU", book.AllText);
        Assert.Contains("THỦ TRƯỞNG ĐƠN VỊ", book.AllText);
    }

    [Theory]
    [InlineData("Danh sách người dùng", "danh-sach-nguoi-dung.xlsx")]
    [InlineData("Danh sách người sử dụng trái phép chất ma túy đang bị quản lý (Mẫu 10)", "danh-sach-nguoi-su-dung-trai-phep-chat-ma-tuy-dang-bi-quan-ly.xlsx")]
    [InlineData("Đề án 2026", "de-an-2026.xlsx")]
    public void File_names_are_vietnamese_without_diacritics(string title, string expected) =>
        Assert.Equal(expected, ExcelForm.FileName(title));
}
