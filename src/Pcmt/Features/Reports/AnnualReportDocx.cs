using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pcmt.Features.Reports;

/// <summary>The province's yearly report as .docx (Times New Roman 13, A4), the same content as the PDF, for editing before signature.</summary>
public static class AnnualReportDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Build(AnnualReport.Content content)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(new Table(
                new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }),
                new TableRow(
                    Cell("2000", Para("UBND " + content.ProvinceName.ToUpperInvariant(), center: true), Para("CÔNG AN TỈNH", bold: true, center: true)),
                    Cell("3000", Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, center: true), Para("Độc lập - Tự do - Hạnh phúc", bold: true, center: true)))));
            body.Append(Para(""), Para("BÁO CÁO", bold: true, center: true, size: 28), Para($"Kết quả công tác phòng, chống ma túy năm {content.Year}", bold: true, center: true),
                Para($"(Kỳ báo cáo từ 15/12/{content.Year - 1} đến 14/12/{content.Year}; trạng thái: {AnnualReport.StatusText(content.Status)})", italic: true, center: true));
            foreach (var section in content.Sections.Where(s => s.Figures.Count > 0 || s.Texts.Count > 0))
            {
                body.Append(Para(section.Title, bold: true));
                foreach (var text in section.Texts)
                    body.Append(Para(text));
                if (section.Figures.Count == 0)
                    continue;
                var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                    new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                        new RightBorder { Val = BorderValues.Single, Size = 4 }, new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
                table.Append(Row(true, "Chỉ tiêu", $"Năm {content.Year}", "Cùng kỳ", "Tăng, giảm"));
                foreach (var f in section.Figures)
                    table.Append(Row(false, $"{f.Label} ({f.Unit})", AnnualReport.Number(f.Value), AnnualReport.Number(f.LastYear), AnnualReport.Change(f.ChangePercent)));
                body.Append(table);
            }

            body.Append(Para("Kết quả phân loại xã, phường, đặc khu (QĐ 28/2025/QĐ-TTg)", bold: true));
            foreach (var (cls, count) in content.Classification)
                body.Append(Para($"– {Classification.CommuneClasses.DisplayName(cls)}: {AnnualReport.Number(count)} xã"));
            body.Append(Para("Tình hình báo cáo của cấp xã", bold: true),
                Para($"Phải báo cáo: {AnnualReport.Number(content.CommuneReports.Expected)}; đã gửi: {AnnualReport.Number(content.CommuneReports.Submitted)}; đã phê duyệt: {AnnualReport.Number(content.CommuneReports.Approved)}."));
            body.Append(Para("Kết quả thực hiện nhiệm vụ của các sở, ban, ngành", bold: true));
            foreach (var row in content.Tasks)
                body.Append(Para("– " + string.Join("; ", row.Where(c => c.Length > 0))));
            body.Append(Para("Kinh phí thực hiện", bold: true));
            foreach (var row in content.Budget)
                body.Append(Para("– " + string.Join("; ", row.Where(c => c.Length > 0))));
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134 }));
            main.Document = new Document(body);
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(new RunPropertiesDefault(new RunProperties(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" }, new FontSize { Val = "26" }, new Languages { Val = "vi-VN" }))));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static TableRow Row(bool header, params string[] cells) =>
        new(cells.Select((c, i) => Cell(i == 0 ? "2750" : "750", Para(c, bold: header, right: i > 0 && !header, size: 24))));

    private static TableCell Cell(string width, params Paragraph[] paragraphs) =>
        new([new TableCellProperties(new TableCellWidth { Width = width, Type = TableWidthUnitValues.Pct }), .. paragraphs]);

    private static Paragraph Para(string text, bool bold = false, bool italic = false, bool center = false, bool right = false, int? size = null)
    {
        var properties = new RunProperties();
        if (bold)
            properties.Append(new Bold());
        if (italic)
            properties.Append(new Italic());
        if (size is { } s)
            properties.Append(new FontSize { Val = s.ToString(CultureInfo.InvariantCulture) });
        return new Paragraph(new ParagraphProperties(new Justification { Val = center ? JustificationValues.Center : right ? JustificationValues.Right : JustificationValues.Both }, new SpacingBetweenLines { After = "60" }),
            new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
