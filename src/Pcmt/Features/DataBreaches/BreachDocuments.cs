using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Format = Pcmt.Infrastructure.Web.Format;

namespace Pcmt.Features.DataBreaches;

/// <summary>
/// Văn bản về sự cố (DOCX, editable in Word): the notification to A05 (Cục An ninh mạng và phòng, chống tội phạm sử dụng
/// công nghệ cao, Bộ Công an) within 72 hours (Law 91/2025/QH15 Art 23; Decree 356/2025/NĐ-CP; the content follows
/// Form 03 of Decree 13/2023/NĐ-CP: description, data categories, number of subjects, consequences, measures, contact),
/// and the notice to the data subjects affected. Drafts: the officer completes and signs them.
/// </summary>
public static class BreachDocuments
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static IReadOnlyList<string> Kinds { get; } = ["authority", "subjects"];

    public static (byte[] Content, string FileName) Create(DataBreachRegister.Row breach, string kind, string organisation, DateOnly today) => kind == "authority"
        ? (Render(Authority(breach, organisation, today)), $"thong-bao-su-co-A05-{breach.DiscoveredAt:yyyyMMdd}.docx")
        : (Render(Subjects(breach, organisation, today)), $"thong-bao-chu-the-du-lieu-{breach.DiscoveredAt:yyyyMMdd}.docx");

    private sealed record Letter(string Issuer, string Title, string Place, DateOnly Date, string To, IReadOnlyList<string> Lines, string Signer);

    private static Letter Authority(DataBreachRegister.Row b, string organisation, DateOnly today) => new(
        organisation,
        "THÔNG BÁO\nVi phạm quy định về bảo vệ dữ liệu cá nhân",
        "………",
        today,
        "Kính gửi: Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05), Bộ Công an.",
        [
            "Căn cứ Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định số 356/2025/NĐ-CP, " + organisation + " thông báo về sự cố vi phạm quy định bảo vệ dữ liệu cá nhân trong Hệ thống quản lý người sử dụng trái phép chất ma túy (PCMT) như sau:",
            "1. Mô tả sự cố: " + b.Description,
            "2. Thời điểm xảy ra: " + (b.OccurredAt is { } occurred ? Format.Instant(occurred.UtcDateTime) : "chưa xác định") + "; thời điểm phát hiện: " + Format.Instant(b.DiscoveredAt.UtcDateTime) + ".",
            "3. Loại dữ liệu cá nhân bị ảnh hưởng: " + string.Join("; ", b.CategoryNames) + "." + (b.Sensitive ? " Sự cố có liên quan đến dữ liệu cá nhân nhạy cảm." : ""),
            "4. Số lượng chủ thể dữ liệu bị ảnh hưởng (ước tính): " + Format.Number(b.SubjectCount) + ".",
            "5. Hậu quả, thiệt hại có thể xảy ra: ……………………………………………",
            "6. Biện pháp đã thực hiện và dự kiến thực hiện để khắc phục, giảm thiểu tác hại: " + (b.Measures ?? "……………………………………………"),
            "7. Cán bộ chịu trách nhiệm, đầu mối liên hệ: " + b.ResponsibleOfficer + ".",
            "Thời hạn thông báo: trong vòng 72 giờ kể từ khi phát hiện, tức trước " + Format.Instant(b.NotifyBy.UtcDateTime) + ".",
        ],
        "THỦ TRƯỞNG ĐƠN VỊ");

    private static Letter Subjects(DataBreachRegister.Row b, string organisation, DateOnly today) => new(
        organisation,
        "THÔNG BÁO\nVề sự cố liên quan đến dữ liệu cá nhân của Ông/Bà",
        "………",
        today,
        "Kính gửi: Ông/Bà ……………………………………",
        [
            "Ngày " + Format.Date(DateOnly.FromDateTime(b.DiscoveredAt.DateTime)) + ", " + organisation + " đã phát hiện một sự cố có thể ảnh hưởng đến dữ liệu cá nhân của Ông/Bà do cơ quan đang quản lý theo quy định của pháp luật về phòng, chống ma túy.",
            "Dữ liệu có thể bị ảnh hưởng: " + string.Join("; ", b.CategoryNames) + ".",
            "Những việc chúng tôi đã làm: " + (b.Measures ?? "……………………………………………"),
            "Chúng tôi đã thông báo sự cố cho Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05), Bộ Công an theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15.",
            "Ông/Bà có quyền được biết, yêu cầu cung cấp, chỉnh sửa dữ liệu và khiếu nại theo Điều 4 Luật Bảo vệ dữ liệu cá nhân. Mọi thắc mắc xin liên hệ: " + b.ResponsibleOfficer + ".",
            "Chúng tôi xin lỗi về sự cố này và cam kết tiếp tục áp dụng các biện pháp bảo vệ dữ liệu cá nhân của Ông/Bà.",
        ],
        "THỦ TRƯỞNG ĐƠN VỊ");

    private static byte[] Render(Letter letter)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(new Table(
                new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }),
                new TableRow(
                    Cell(2000, Para(letter.Issuer.ToUpperInvariant(), bold: true, center: true), Para("Số: ……/TB", center: true)),
                    Cell(3000, Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, center: true), Para("Độc lập - Tự do - Hạnh phúc", bold: true, center: true),
                        Para($"{letter.Place}, ngày {letter.Date.Day:00} tháng {letter.Date.Month:00} năm {letter.Date.Year}", italic: true, center: true)))));
            body.Append(Para(""));
            foreach (var line in letter.Title.Split('\n'))
                body.Append(Para(line, bold: true, center: true));
            body.Append(Para(""), Para(letter.To, center: true), Para(""));
            foreach (var line in letter.Lines)
                body.Append(Para(line));
            body.Append(Para(""), Para(letter.Signer, bold: true, center: true), Para("(Ký, ghi rõ họ tên, đóng dấu)", italic: true, center: true));
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134 }));
            main.Document = new Document(body);
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(new RunPropertiesDefault(new RunProperties(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" }, new FontSize { Val = "26" }, new Languages { Val = "vi-VN" }))));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static TableCell Cell(int width, params Paragraph[] paragraphs) =>
        new([new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Pct }), .. paragraphs]);

    private static Paragraph Para(string text, bool bold = false, bool italic = false, bool center = false)
    {
        var properties = new RunProperties();
        if (bold)
            properties.Append(new Bold());
        if (italic)
            properties.Append(new Italic());
        return new Paragraph(new ParagraphProperties(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Both }, new SpacingBetweenLines { After = "60" }),
            new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
