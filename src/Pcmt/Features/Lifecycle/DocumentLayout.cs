using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pcmt.Features.Lifecycle;

/// <summary>
/// The layout of an administrative document per Nghị định 30/2020/NĐ-CP, Phụ lục I (thể thức văn bản hành chính), for every
/// generated .docx form: A4, margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm; Times New Roman 13–14; the two
/// header blocks side by side in a borderless table — the issuing authority (upper-case, its own name bold, a rule line of
/// 1/3–1/2 of its length under it, then "Số:") on the left, the national title (upper-case bold 12–13, one line) and the
/// motto (bold 13–14, a rule line as long as the motto under it) on the right, the place and date (italic) under them.
/// </summary>
public static class DocumentLayout
{
    /// <summary>Twips of text width on A4 with 30 mm left and 20 mm right margins.</summary>
    public const int TextWidth = 11906 - 1701 - 1134;

    private const int LeftBlock = 3700;
    private const int RightBlock = TextWidth - LeftBlock;

    /// <summary>The two header blocks. <paramref name="parent"/> may be empty (e.g. a commune People's Committee has none).</summary>
    public static Table Header(string parent, string issuer, string number, string placeAndDate)
    {
        var left = new List<OpenXmlElement>();
        if (!string.IsNullOrWhiteSpace(parent))
            left.Add(Para(parent.ToUpper(Vn), center: true, size: 26, after: 0));
        left.Add(Para(issuer.ToUpper(Vn), bold: true, center: true, size: 26, after: 0));
        left.Add(Rule(Math.Min(LeftBlock - 400, 1300), LeftBlock)); // 1/3–1/2 of the agency name, centred under it
        left.Add(Para("Số: " + number, center: true, size: 26, before: 120));

        var right = new List<OpenXmlElement>
        {
            Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, center: true, size: 24, after: 0, keepOnOneLine: true),
            Para("Độc lập - Tự do - Hạnh phúc", bold: true, center: true, size: 26, after: 0),
            Rule(3450, RightBlock), // as long as the motto
            Para(placeAndDate, italic: true, center: true, size: 26, before: 120),
        };

        return new Table(
            new TableProperties(
                new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableBorders(
                    new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                    new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }),
                new TableCellMarginDefault(new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa }, new TableCellRightMargin { Width = 0, Type = TableWidthValues.Dxa })),
            new TableGrid(new GridColumn { Width = LeftBlock.ToString(CultureInfo.InvariantCulture) }, new GridColumn { Width = RightBlock.ToString(CultureInfo.InvariantCulture) }),
            new TableRow(Cell(LeftBlock, left), Cell(RightBlock, right)));
    }

    /// <summary>"Nơi nhận" on the left (italic bold 12, list in 11), the signer's authority and title on the right (bold upper-case).</summary>
    public static Table Signature(string recipients, string signerTitle, string note = "(Ký, ghi rõ họ tên, đóng dấu)")
    {
        var half = TextWidth / 2;
        var left = new List<OpenXmlElement> { Para("Nơi nhận:", bold: true, italic: true, size: 24, after: 0) };
        left.AddRange(recipients.Split('\n').Select(r => Para(r, size: 22, after: 0, justify: false)));
        return new Table(
            new TableProperties(
                new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableBorders(
                    new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                    new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })),
            new TableGrid(new GridColumn { Width = half.ToString(CultureInfo.InvariantCulture) }, new GridColumn { Width = (TextWidth - half).ToString(CultureInfo.InvariantCulture) }),
            new TableRow(Cell(half, left), Cell(TextWidth - half, [Para(signerTitle.ToUpper(Vn), bold: true, center: true, after: 0), Para(note, italic: true, center: true)])));
    }

    /// <summary>A bordered table (a list inside a document, e.g. the members of a team): the first row is the bold, centred heading; 13 pt.</summary>
    public static Table Grid(IReadOnlyList<string[]> rows, int[] widths)
    {
        var border = () => new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4U }, new BottomBorder { Val = BorderValues.Single, Size = 4U }, new LeftBorder { Val = BorderValues.Single, Size = 4U },
            new RightBorder { Val = BorderValues.Single, Size = 4U }, new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U });
        var table = new Table(
            new TableProperties(new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }, new TableLayout { Type = TableLayoutValues.Fixed }, border(),
                new TableCellMarginDefault(new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa }, new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        for (var r = 0; r < rows.Count; r++)
        {
            var heading = r == 0;
            table.Append(new TableRow(rows[r].Select((text, c) => Cell(widths[Math.Min(c, widths.Length - 1)],
                [Para(text, bold: heading, center: heading || c == 0, size: 26, after: 0, justify: false)]))));
        }

        return table;
    }

    /// <summary>The document with its page setup and default font (Times New Roman 13), as bytes.</summary>
    public static byte[] Save(Body body)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134, Header = 567, Footer = 567 }));
            main.Document = new Document(body);
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunProperties(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                    new FontSize { Val = "26" }, new FontSizeComplexScript { Val = "26" }, new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphProperties(new SpacingBetweenLines { After = "60", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A paragraph; size in half-points (26 = 13 pt).</summary>
    public static Paragraph Para(string text, bool bold = false, bool italic = false, bool center = false, int? size = null, int after = 60, int before = 0,
        bool justify = true, bool keepOnOneLine = false, int firstLineIndent = 0)
    {
        var run = new RunProperties();
        if (bold)
            run.Append(new Bold());
        if (italic)
            run.Append(new Italic());
        if (size is { } s)
        {
            run.Append(new FontSize { Val = s.ToString(CultureInfo.InvariantCulture) });
            run.Append(new FontSizeComplexScript { Val = s.ToString(CultureInfo.InvariantCulture) });
        }

        var properties = new ParagraphProperties();
        if (keepOnOneLine)
            properties.Append(new KeepLines());
        properties.Append(new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture) });
        if (firstLineIndent > 0)
            properties.Append(new Indentation { FirstLine = firstLineIndent.ToString(CultureInfo.InvariantCulture) });
        properties.Append(new Justification { Val = center ? JustificationValues.Center : justify ? JustificationValues.Both : JustificationValues.Left });
        return new Paragraph(properties, new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>A solid horizontal rule of the given length, centred in a block of the given width (a bordered empty paragraph).</summary>
    public static Paragraph Rule(int length, int blockWidth)
    {
        var indent = Math.Max(0, (blockWidth - length) / 2).ToString(CultureInfo.InvariantCulture);
        return new Paragraph(
            new ParagraphProperties(
                new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6U, Space = 1U, Color = "000000" }),
                new SpacingBetweenLines { Before = "0", After = "0", Line = "60", LineRule = LineSpacingRuleValues.Exact },
                new Indentation { Left = indent, Right = indent }),
            new Run(new RunProperties(new FontSize { Val = "4" }), new Text("")));
    }

    /// <summary>"Tỉnh Thái Nguyên" → "tỉnh Thái Nguyên": a unit's type word is lower-case in the middle of a sentence.</summary>
    public static string MidSentence(string unitName)
    {
        foreach (var type in (string[])["Thành phố ", "Đặc khu ", "Phường ", "Thị trấn ", "Tỉnh ", "Xã ", "Huyện ", "Quận ", "Thị xã "])
        {
            if (unitName.StartsWith(type, StringComparison.Ordinal))
                return type.ToLower(Vn) + unitName[type.Length..];
        }

        return unitName;
    }

    private static readonly CultureInfo Vn = CultureInfo.GetCultureInfo("vi-VN");

    private static TableCell Cell(int width, IEnumerable<OpenXmlElement> content) =>
        new([new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }), .. content]);
}
