using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pcmt.Infrastructure.Text;

namespace Pcmt.Infrastructure.Web;

/// <summary>
/// Every Excel export as a printable form: the issuing unit, a title, the period and the export date above the table;
/// headers with widths, borders and wrapping; A4 page setup fitted to the width with the header row repeated on each page;
/// a page-number footer and a signature block. The Vietnamese file name comes from <see cref="FileName"/>.
/// </summary>
public sealed class ExcelForm
{
    public enum Kind
    {
        Text,
        Count,
        Amount,
        Date,
    }

    public sealed record Column(string Header, double Width, Kind Kind = Kind.Text);

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The row the column headers are on (1-based): unit, blank, title, period, export date, blank, headers.</summary>
    public const int HeaderRow = 7;

    public required string Title { get; init; }

    /// <summary>The issuing unit or the area, printed upper-case at the top left (e.g. "TỈNH THÁI NGUYÊN").</summary>
    public string? Unit { get; init; }

    /// <summary>E.g. "Năm 2026" or "Tính đến ngày 02/12/2026".</summary>
    public string? Period { get; init; }

    public string SheetName { get; init; } = "Danh sách";

    public required IReadOnlyList<Column> Columns { get; init; }

    public required IEnumerable<IReadOnlyList<object?>> Rows { get; init; }

    /// <summary>A line under the table, e.g. the note on small-number suppression.</summary>
    public string? Note { get; init; }

    public DateTime ExportedAt { get; init; } = DateTime.UtcNow;

    /// <summary>"Danh sách người dùng" → "danh-sach-nguoi-dung.xlsx": folded, lower-case, hyphenated, without parentheses.</summary>
    public static string FileName(params string[] parts)
    {
        var slug = new StringBuilder();
        var text = string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        text = System.Text.RegularExpressions.Regex.Replace(text, @"\([^)]*\)", " "); // "(Mẫu 10)" is no part of a file name
        foreach (var c in VietnameseText.Fold(text))
        {
            if (char.IsAsciiLetterOrDigit(c))
                slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }

        return slug.ToString().Trim('-') + ".xlsx";
    }

    // Style indexes into the stylesheet built below.
    private const uint StyleUnit = 1, StyleTitle = 2, StyleSubtitle = 3, StyleHeader = 4, StyleText = 5, StyleInteger = 6,
        StyleDecimal = 7, StyleDate = 8, StyleSignTitle = 9, StyleSignNote = 10, StyleRight = 11, StyleNote = 12;

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();

            var lastColumn = ColumnName(Columns.Count);
            var data = new SheetData();
            var merges = new MergeCells();
            var now = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(ExportedAt, DateTimeKind.Utc), Format.VietnamTime);

            var half = Math.Max(1, Columns.Count / 2);
            AddRow(data, 1, 20, (1, (Unit ?? "").ToUpper(Format.Vietnamese), StyleUnit));
            if (half > 1)
                merges.Append(new MergeCell { Reference = $"A1:{ColumnName(half)}1" });
            AddRow(data, 3, 24, (1, Title.ToUpper(Format.Vietnamese), StyleTitle));
            merges.Append(new MergeCell { Reference = $"A3:{lastColumn}3" });
            AddRow(data, 4, 18, (1, Period ?? "", StyleSubtitle));
            merges.Append(new MergeCell { Reference = $"A4:{lastColumn}4" });
            AddRow(data, 5, 18, (1, "Ngày xuất: " + now.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture), StyleSubtitle));
            merges.Append(new MergeCell { Reference = $"A5:{lastColumn}5" });
            AddRow(data, HeaderRow, 32, Columns.Select((c, i) => (i + 1, (object?)c.Header, StyleHeader)).ToArray());

            var rowIndex = (uint)HeaderRow;
            foreach (var values in Rows)
            {
                rowIndex++;
                var row = new Row { RowIndex = rowIndex };
                for (var i = 0; i < Columns.Count; i++)
                    row.Append(CellFor(i + 1, rowIndex, i < values.Count ? values[i] : null, Columns[i].Kind));
                data.Append(row);
            }

            var lastDataRow = rowIndex;
            if (Note is not null)
            {
                rowIndex += 2;
                AddRow(data, rowIndex, 18, (1, Note, StyleNote));
                merges.Append(new MergeCell { Reference = $"A{rowIndex}:{lastColumn}{rowIndex}" });
            }

            // Signature block: the head of the unit on the left, the person who drew up the list on the right.
            var right = Math.Max(1, Columns.Count - Math.Max(1, Columns.Count / 3) + 1);
            rowIndex += 2;
            AddRow(data, rowIndex, 18, (right, $"Ngày {now:dd} tháng {now:MM} năm {now:yyyy}", StyleSignNote));
            if (right < Columns.Count)
                merges.Append(new MergeCell { Reference = $"{ColumnName(right)}{rowIndex}:{lastColumn}{rowIndex}" });
            rowIndex++;
            var leftEnd = Math.Max(1, Math.Min(right - 1, Columns.Count / 3));
            AddRow(data, rowIndex, 18, (1, "THỦ TRƯỞNG ĐƠN VỊ", StyleSignTitle), (right, "NGƯỜI LẬP BIỂU", StyleSignTitle));
            rowIndex++;
            AddRow(data, rowIndex, 18, (1, "(Ký, ghi rõ họ tên, đóng dấu)", StyleSignNote), (right, "(Ký, ghi rõ họ tên)", StyleSignNote));
            if (leftEnd > 1 && leftEnd < right)
            {
                merges.Append(new MergeCell { Reference = $"A{rowIndex - 1}:{ColumnName(leftEnd)}{rowIndex - 1}" });
                merges.Append(new MergeCell { Reference = $"A{rowIndex}:{ColumnName(leftEnd)}{rowIndex}" });
            }

            if (right < Columns.Count)
            {
                merges.Append(new MergeCell { Reference = $"{ColumnName(right)}{rowIndex - 1}:{lastColumn}{rowIndex - 1}" });
                merges.Append(new MergeCell { Reference = $"{ColumnName(right)}{rowIndex}:{lastColumn}{rowIndex}" });
            }

            var totalWidth = Columns.Sum(c => c.Width);
            var worksheet = new Worksheet(
                new SheetProperties(new PageSetupProperties { FitToPage = true }),
                new SheetViews(new SheetView(new Pane
                {
                    VerticalSplit = HeaderRow,
                    TopLeftCell = $"A{HeaderRow + 1}",
                    ActivePane = PaneValues.BottomLeft,
                    State = PaneStateValues.Frozen,
                })
                { WorkbookViewId = 0U }),
                new SheetFormatProperties { DefaultRowHeight = 18 },
                new Columns(Columns.Select((c, i) => new DocumentFormat.OpenXml.Spreadsheet.Column
                {
                    Min = (uint)(i + 1),
                    Max = (uint)(i + 1),
                    Width = c.Width,
                    CustomWidth = true,
                })),
                data);
            if (lastDataRow > HeaderRow)
                worksheet.Append(new AutoFilter { Reference = $"A{HeaderRow}:{lastColumn}{lastDataRow}" });
            worksheet.Append(merges);
            worksheet.Append(new PrintOptions { HorizontalCentered = true });
            worksheet.Append(new PageMargins { Left = 0.6, Right = 0.4, Top = 0.6, Bottom = 0.7, Header = 0.3, Footer = 0.3 });
            worksheet.Append(new PageSetup
            {
                PaperSize = 9U, // A4
                Orientation = totalWidth > 110 ? OrientationValues.Landscape : OrientationValues.Portrait,
                FitToWidth = 1U,
                FitToHeight = 0U,
            });
            worksheet.Append(new HeaderFooter(new OddFooter($"&L&8{EscapeFooter(Title)}&R&8Trang &P/&N")));
            sheetPart.Worksheet = worksheet;

            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1U, Name = SafeSheetName(SheetName) });
            // Repeat the header row at the top of every printed page.
            workbookPart.Workbook.Append(new DefinedNames(new DefinedName($"'{SafeSheetName(SheetName)}'!${HeaderRow}:${HeaderRow}")
            {
                Name = "_xlnm.Print_Titles",
                LocalSheetId = 0U,
            }));
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>An import template: the column headers on row 1 (as the importers read them), widths set, nothing else.</summary>
    public static byte[] Template(string sheetName, IReadOnlyList<Column> columns)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            AddRow(data, 1, 32, columns.Select((c, i) => (i + 1, (object?)c.Header, StyleHeader)).ToArray());
            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0U }),
                new Columns(columns.Select((c, i) => new DocumentFormat.OpenXml.Spreadsheet.Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true })),
                data);
            workbookPart.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1U, Name = SafeSheetName(sheetName) });
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static string EscapeFooter(string text) => text.Replace("&", "&&", StringComparison.Ordinal);

    private static string SafeSheetName(string name)
    {
        var cleaned = new string(name.Where(c => c is not ('\\' or '/' or '?' or '*' or '[' or ']' or ':' or '\'')).ToArray());
        return cleaned.Length > 31 ? cleaned[..31] : cleaned.Length == 0 ? "Danh sách" : cleaned;
    }

    private static void AddRow(SheetData data, uint index, double height, params (int Column, object? Value, uint Style)[] cells)
    {
        var row = new Row { RowIndex = index, Height = height, CustomHeight = true };
        foreach (var (column, value, style) in cells.OrderBy(c => c.Column))
            row.Append(TextCell(column, index, value?.ToString() ?? "", style));
        data.Append(row);
    }

    private static Cell TextCell(int column, uint row, string text, uint style) => new()
    {
        CellReference = ColumnName(column) + row,
        DataType = CellValues.InlineString,
        StyleIndex = style,
        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Cell CellFor(int column, uint row, object? value, Kind kind)
    {
        var reference = ColumnName(column) + row;
        switch (value)
        {
            case null:
                return new Cell { CellReference = reference, StyleIndex = kind == Kind.Text ? StyleText : StyleInteger };
            case DateOnly date:
                return new Cell { CellReference = reference, StyleIndex = StyleDate, CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)) };
            case DateTime dateTime:
                return new Cell { CellReference = reference, StyleIndex = StyleDate, CellValue = new CellValue(dateTime.Date.ToOADate().ToString(CultureInfo.InvariantCulture)) };
            case int or long or short or decimal or double or float:
                var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                return new Cell
                {
                    CellReference = reference,
                    StyleIndex = kind == Kind.Amount || (kind != Kind.Count && decimal.Truncate(number) != number) ? StyleDecimal : StyleInteger,
                    CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)),
                    DataType = CellValues.Number,
                };
            default:
                return TextCell(column, row, value.ToString() ?? "", kind is Kind.Count or Kind.Amount ? StyleRight : StyleText);
        }
    }

    public static string ColumnName(int number)
    {
        var name = "";
        while (number > 0)
        {
            var modulo = (number - 1) % 26;
            name = (char)('A' + modulo) + name;
            number = (number - modulo) / 26;
        }

        return name;
    }

    private static Stylesheet Stylesheet()
    {
        static Font Font(double size, bool bold = false, bool italic = false)
        {
            var font = new Font();
            if (bold)
                font.Append(new Bold());
            if (italic)
                font.Append(new Italic());
            font.Append(new FontSize { Val = size });
            font.Append(new FontName { Val = "Times New Roman" });
            font.Append(new FontFamilyNumbering { Val = 1 });
            return font;
        }

        var thin = new Border(
            new LeftBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());

        static CellFormat Format(uint font, uint fill = 0, uint border = 0, uint numberFormat = 0, HorizontalAlignmentValues? horizontal = null, bool wrap = false, VerticalAlignmentValues? vertical = null) => new(
            new Alignment { Horizontal = horizontal, Vertical = vertical ?? VerticalAlignmentValues.Center, WrapText = wrap })
        {
            FontId = font,
            FillId = fill,
            BorderId = border,
            NumberFormatId = numberFormat,
            ApplyFont = true,
            ApplyFill = fill > 0,
            ApplyBorder = border > 0,
            ApplyNumberFormat = numberFormat > 0,
            ApplyAlignment = true,
        };

        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164U, FormatCode = "dd/mm/yyyy" }) { Count = 1U },
            new Fonts(Font(12), Font(12, bold: true), Font(14, bold: true), Font(12, italic: true), Font(11)) { Count = 5U },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }, new BackgroundColor { Indexed = 64U }) { PatternType = PatternValues.Solid }))
            { Count = 3U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2U },
            new CellStyleFormats(new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U, NumberFormatId = 0U }) { Count = 1U },
            new CellFormats(
                new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U, NumberFormatId = 0U },
                Format(1, horizontal: HorizontalAlignmentValues.Left), // unit
                Format(2, horizontal: HorizontalAlignmentValues.Center), // title
                Format(3, horizontal: HorizontalAlignmentValues.Center), // period, export date
                Format(1, fill: 2, border: 1, horizontal: HorizontalAlignmentValues.Center, wrap: true), // header
                Format(4, border: 1, wrap: true, vertical: VerticalAlignmentValues.Top), // text
                Format(4, border: 1, numberFormat: 3, horizontal: HorizontalAlignmentValues.Right, vertical: VerticalAlignmentValues.Top), // integer #,##0
                Format(4, border: 1, numberFormat: 4, horizontal: HorizontalAlignmentValues.Right, vertical: VerticalAlignmentValues.Top), // decimal #,##0.00
                Format(4, border: 1, numberFormat: 164, horizontal: HorizontalAlignmentValues.Center, vertical: VerticalAlignmentValues.Top), // date
                Format(1, horizontal: HorizontalAlignmentValues.Center), // signature title
                Format(3, horizontal: HorizontalAlignmentValues.Center), // signature note
                Format(4, border: 1, horizontal: HorizontalAlignmentValues.Right, vertical: VerticalAlignmentValues.Top), // right-aligned text
                Format(3, horizontal: HorizontalAlignmentValues.Left, wrap: true)) // note
            { Count = 13U },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
    }
}
