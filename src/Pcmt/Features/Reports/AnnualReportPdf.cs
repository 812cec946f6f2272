using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Pcmt.Features.Reports;

/// <summary>
/// Renders the province's yearly report as PDF with PDFsharp (no browser): national motto heading, figures beside "cùng kỳ",
/// a bar chart drawn with XGraphics, the classification summary, communes' reporting, agencies' task and budget execution.
/// The Vietnamese text uses the DejaVu Sans fonts shipped in Data/ (Bitstream Vera licence, DejaVu-LICENSE.txt), so no
/// system font is needed.
/// </summary>
public static class AnnualReportPdf
{
    private const double Margin = 50;
    private static readonly Lock FontGate = new();

    public static byte[] Build(AnnualReport.Content content)
    {
        EnsureFonts();
        using var document = new PdfDocument();
        document.Info.Title = $"Báo cáo công tác phòng, chống ma túy năm {content.Year} — {content.ProvinceName}";
        var writer = new Writer(document);

        writer.Columns(["UBND " + content.ProvinceName.ToUpperInvariant(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], true, 0.42);
        writer.Columns(["CÔNG AN TỈNH", "Độc lập - Tự do - Hạnh phúc"], true, 0.42);
        writer.Space(18);
        writer.Paragraph("BÁO CÁO", writer.Title, center: true);
        writer.Paragraph($"Kết quả công tác phòng, chống ma túy năm {content.Year}", writer.Bold, center: true);
        writer.Paragraph($"(Kỳ báo cáo từ 15/12/{content.Year - 1} đến 14/12/{content.Year}; trạng thái: {AnnualReport.StatusText(content.Status)})", writer.Small, center: true);
        writer.Space(10);

        foreach (var section in content.Sections)
        {
            if (section.Figures.Count == 0 && section.Texts.Count == 0)
                continue;
            writer.Paragraph(section.Title, writer.Bold);
            foreach (var text in section.Texts)
                writer.Paragraph(text, writer.Body);
            if (section.Figures.Count > 0)
            {
                writer.TableRow(["Chỉ tiêu", $"Năm {content.Year}", "Cùng kỳ", "Tăng, giảm"], header: true);
                foreach (var f in section.Figures)
                    writer.TableRow([$"{f.Label} ({f.Unit})", AnnualReport.Number(f.Value), AnnualReport.Number(f.LastYear), AnnualReport.Change(f.ChangePercent)], header: false);
            }

            writer.Space(8);
        }

        var chart = content.Sections.SelectMany(s => s.Figures).Where(f => f.Code is "P05" or "P05.new" or "P06.in-rehab" or "P06.post-rehab" or "P08.hotspots-remaining").ToList();
        if (chart.Count > 0)
        {
            writer.Paragraph("Biểu đồ: so sánh với cùng kỳ năm trước", writer.Bold);
            writer.BarChart(chart, content.Year);
        }

        writer.Paragraph("Kết quả phân loại xã, phường, đặc khu (QĐ 28/2025/QĐ-TTg)", writer.Bold);
        foreach (var (cls, count) in content.Classification)
            writer.Paragraph($"– {Classification.CommuneClasses.DisplayName(cls)}: {AnnualReport.Number(count)} xã", writer.Body);
        writer.Space(6);
        writer.Paragraph("Tình hình báo cáo của cấp xã (6 tháng đầu năm và cuối năm)", writer.Bold);
        writer.Paragraph($"Phải báo cáo: {AnnualReport.Number(content.CommuneReports.Expected)}; đã gửi: {AnnualReport.Number(content.CommuneReports.Submitted)}; đã phê duyệt: {AnnualReport.Number(content.CommuneReports.Approved)}.", writer.Body);
        writer.Space(6);
        writer.Paragraph("Kết quả thực hiện nhiệm vụ của các sở, ban, ngành", writer.Bold);
        if (content.Tasks.Count == 0)
            writer.Paragraph("Chưa có báo cáo năm đã phê duyệt của sở, ban, ngành.", writer.Body);
        foreach (var row in content.Tasks)
            writer.Paragraph("– " + string.Join("; ", row.Where(c => c.Length > 0)), writer.Body);
        writer.Space(6);
        writer.Paragraph("Kinh phí thực hiện", writer.Bold);
        if (content.Budget.Count == 0)
            writer.Paragraph("Chưa có số liệu kinh phí trong các báo cáo đã phê duyệt.", writer.Body);
        foreach (var row in content.Budget)
            writer.Paragraph("– " + string.Join("; ", row.Where(c => c.Length > 0)), writer.Body);

        writer.Finish();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void EnsureFonts()
    {
        lock (FontGate)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFonts)
                GlobalFontSettings.FontResolver = new EmbeddedFonts();
        }
    }

    /// <summary>Resolves every family to DejaVu Sans (regular or bold), read from the assembly.</summary>
    private sealed class EmbeddedFonts : IFontResolver
    {
        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[] GetFont(string faceName)
        {
            using var stream = typeof(AnnualReportPdf).Assembly.GetManifestResourceStream($"Pcmt.Reports.{faceName}.ttf")
                ?? throw new InvalidOperationException($"Embedded font {faceName} is missing.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }

    /// <summary>A top-to-bottom writer that wraps text and starts a new page when the current one is full.</summary>
    private sealed class Writer
    {
        private readonly PdfDocument _document;
        private PdfPage _page = null!;
        private XGraphics _gfx = null!;
        private double _y;

        public Writer(PdfDocument document)
        {
            _document = document;
            NewPage();
        }

        public XFont Title { get; } = new("DejaVu Sans", 15, XFontStyleEx.Bold);

        public XFont Bold { get; } = new("DejaVu Sans", 11, XFontStyleEx.Bold);

        public XFont Body { get; } = new("DejaVu Sans", 10, XFontStyleEx.Regular);

        public XFont Small { get; } = new("DejaVu Sans", 8.5, XFontStyleEx.Regular);

        private double Width => _page.Width.Point - 2 * Margin;

        private void NewPage()
        {
            _gfx?.Dispose();
            _page = _document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _gfx = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        private void Ensure(double height)
        {
            if (_y + height > _page.Height.Point - Margin)
                NewPage();
        }

        public void Space(double points) => _y += points;

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && _gfx.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                    line = candidate;
            }

            lines.Add(line);
            return lines;
        }

        public void Paragraph(string text, XFont font, bool center = false)
        {
            foreach (var line in Wrap(text, font, Width))
            {
                var height = font.Size * 1.35;
                Ensure(height);
                _gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, height), center ? XStringFormats.TopCenter : XStringFormats.TopLeft);
                _y += height;
            }
        }

        public void Columns(string[] texts, bool bold, double leftShare)
        {
            var font = bold ? Bold : Body;
            var height = font.Size * 1.35;
            Ensure(height);
            _gfx.DrawString(texts[0], font, XBrushes.Black, new XRect(Margin, _y, Width * leftShare, height), XStringFormats.TopCenter);
            _gfx.DrawString(texts[1], font, XBrushes.Black, new XRect(Margin + Width * leftShare, _y, Width * (1 - leftShare), height), XStringFormats.TopCenter);
            _y += height;
        }

        public void TableRow(string[] cells, bool header)
        {
            double[] widths = [Width * 0.55, Width * 0.15, Width * 0.15, Width * 0.15];
            var font = header ? Bold : Body;
            var wrapped = cells.Select((c, i) => Wrap(c, font, widths[i] - 6)).ToList();
            var lineHeight = font.Size * 1.3;
            var height = wrapped.Max(w => w.Count) * lineHeight + 4;
            Ensure(height);
            var x = Margin;
            for (var i = 0; i < cells.Length; i++)
            {
                _gfx.DrawRectangle(XPens.Gray, x, _y, widths[i], height);
                for (var l = 0; l < wrapped[i].Count; l++)
                    _gfx.DrawString(wrapped[i][l], font, XBrushes.Black, new XRect(x + 3, _y + 2 + l * lineHeight, widths[i] - 6, lineHeight), i == 0 ? XStringFormats.TopLeft : XStringFormats.TopRight);
                x += widths[i];
            }

            _y += height;
        }

        public void BarChart(List<AnnualReport.Figure> figures, int year)
        {
            const double chartHeight = 170;
            Ensure(chartHeight + 40);
            var max = (double)Math.Max(1, figures.Max(f => Math.Max(f.Value ?? 0, f.LastYear ?? 0)));
            var slot = Width / figures.Count;
            var baseY = _y + chartHeight;
            _gfx.DrawLine(XPens.Black, Margin, baseY, Margin + Width, baseY);
            var current = new XSolidBrush(XColor.FromArgb(0x1f, 0x4e, 0x79));
            var last = new XSolidBrush(XColor.FromArgb(0xa6, 0xa6, 0xa6));
            for (var i = 0; i < figures.Count; i++)
            {
                var f = figures[i];
                var x = Margin + i * slot + slot * 0.2;
                var bar = slot * 0.28;
                var hLast = chartHeight * 0.85 * (double)(f.LastYear ?? 0) / max;
                var hNow = chartHeight * 0.85 * (double)(f.Value ?? 0) / max;
                _gfx.DrawRectangle(last, x, baseY - hLast, bar, hLast);
                _gfx.DrawRectangle(current, x + bar, baseY - hNow, bar, hNow);
                _gfx.DrawString(AnnualReport.Number(f.Value), Small, XBrushes.Black, new XRect(x + bar, baseY - hNow - 12, bar, 10), XStringFormats.TopCenter);
                _gfx.DrawString(f.Code, Small, XBrushes.Black, new XRect(Margin + i * slot, baseY + 3, slot, 10), XStringFormats.TopCenter);
            }

            _y = baseY + 16;
            _gfx.DrawRectangle(last, Margin, _y + 2, 8, 8);
            _gfx.DrawString($"Năm {year - 1} (cùng kỳ)", Small, XBrushes.Black, Margin + 12, _y + 9);
            _gfx.DrawRectangle(current, Margin + 140, _y + 2, 8, 8);
            _gfx.DrawString($"Năm {year}", Small, XBrushes.Black, Margin + 152, _y + 9);
            _y += 22;
        }

        public void Finish() => _gfx.Dispose();
    }
}
