using System.Globalization;
using System.IO.Compression;
using System.Xml;
using MiniExcelLibs;

namespace Pcmt.Infrastructure.Uploads;

/// <summary>
/// Tệp tải lên: every uploaded table (.xlsx or .csv) goes through here. The file is checked as a stream before any parser
/// sees it, so a hostile file costs bounded memory: size; for .xlsx (a zip) the entry count, each entry's declared and
/// actual inflated size (read through a counting stream that stops at the limit), the total, no DTD in any XML part, the
/// longest tag or text run, rows and columns; for .csv the longest record, rows, columns and rows whose column count
/// differs from the header. Only then is the file parsed, and any parser failure becomes a refusal too. Messages are
/// Vietnamese and never quote the file (they are shown to the user and may be logged).
/// </summary>
public static class UploadGuard
{
    public const string UnreadableXlsx = "Tệp không phải là tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi tải lên lại.";
    public const string UnreadableCsv = "Tệp CSV không đọc được. Hãy lưu tệp dạng CSV UTF-8 (phân cách bằng dấu phẩy) rồi tải lên lại.";
    public const string WrongType = "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).";

    /// <summary>The format by the file's name, or null for anything else.</summary>
    public static UploadFormat? FormatOf(string? fileName) =>
        fileName is null ? null
        : fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? UploadFormat.Xlsx
        : fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? UploadFormat.Csv
        : null;

    /// <summary>
    /// Checks the file without parsing it into rows; the stream is left at its start. Throws <see cref="UploadRejectedException"/>.
    /// Returns the number of data rows the check counted (CSV records after the header, without blank lines; for .xlsx the
    /// rows of the largest worksheet less its header): an estimate for progress, since rows with only empty cells count too.
    /// </summary>
    public static long Check(Stream file, UploadFormat format, UploadLimits limits)
    {
        if (!file.CanSeek)
            throw new ArgumentException("The upload guard needs a seekable stream (an uploaded form file or a buffer).", nameof(file));
        if (file.Length > limits.MaxBytes)
            throw TooLarge(limits);
        if (file.Length == 0)
            throw new UploadRejectedException("Tệp rỗng, không có dữ liệu.");
        file.Position = 0;
        try
        {
            return Math.Max(0, (format == UploadFormat.Xlsx ? CheckXlsx(file, limits) : CheckCsv(file, limits)) - 1);
        }
        finally
        {
            file.Position = 0;
        }
    }

    /// <summary>Checks, then reads the table's rows (header row as keys). Throws <see cref="UploadRejectedException"/>; never the parser's own exception.</summary>
    public static List<IDictionary<string, object?>> ReadTable(Stream file, UploadFormat format, UploadLimits limits)
    {
        Check(file, format, limits);
        try
        {
            return MiniExcel.Query(file, useHeaderRow: true, excelType: format == UploadFormat.Csv ? ExcelType.CSV : ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .ToList();
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            // The parser's message may quote the file; it is dropped here, at the boundary, and never logged.
            throw new UploadRejectedException(format == UploadFormat.Csv ? UnreadableCsv : UnreadableXlsx);
        }
    }

    /// <summary>
    /// The rows of a file already <see cref="Check"/>ed, read one at a time as the caller asks for them (header row as keys),
    /// so a large list is never held whole: MiniExcel's reader streams both CSV and the worksheet's XML. A parser failure,
    /// wherever in the file, becomes the same <see cref="UploadRejectedException"/> as in <see cref="ReadTable"/>.
    /// </summary>
    public static IEnumerable<IDictionary<string, object?>> StreamRows(Stream file, UploadFormat format)
    {
        file.Position = 0;
        using var rows = Parsing(format, () => MiniExcel.Query(file, useHeaderRow: true, excelType: format == UploadFormat.Csv ? ExcelType.CSV : ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().GetEnumerator());
        while (Parsing(format, rows.MoveNext))
            yield return rows.Current;
    }

    private static T Parsing<T>(UploadFormat format, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            // The parser's message may quote the file; it is dropped here, at the boundary, and never logged.
            throw new UploadRejectedException(format == UploadFormat.Csv ? UnreadableCsv : UnreadableXlsx);
        }
    }

    public static UploadRejectedException TooLarge(UploadLimits limits) =>
        new($"Tệp quá lớn: tối đa {Megabytes(limits.MaxBytes)} MB.", StatusCodes.Status413PayloadTooLarge);

    private static string Megabytes(long bytes) => (bytes / (1024 * 1024)).ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));

    private static string Number(long value) => value.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));

    private static long CheckXlsx(Stream file, UploadLimits limits)
    {
        Span<byte> head = stackalloc byte[4];
        if (file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual((byte[])[0xD0, 0xCF, 0x11, 0xE0]))
            throw new UploadRejectedException("Tệp là bảng tính Excel cũ (.xls) hoặc có đặt mật khẩu. Hãy lưu lại dạng .xlsx không đặt mật khẩu rồi tải lên lại.");
        file.Position = 0;

        ZipArchive zip;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            throw new UploadRejectedException(UnreadableXlsx);
        }

        using (zip)
        {
            if (zip.Entries.Count > limits.MaxEntries)
                throw new UploadRejectedException($"Tệp Excel có quá nhiều thành phần ({Number(zip.Entries.Count)}; tối đa {Number(limits.MaxEntries)}).");
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (entry.Length > limits.MaxEntryBytes || declared > limits.MaxTotalBytes)
                    throw Inflated(limits);
            }

            if (!zip.Entries.Any(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)))
                throw new UploadRejectedException(UnreadableXlsx);

            long total = 0;
            long rows = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith('/'))
                    continue;
                try
                {
                    using var inflated = entry.Open();
                    var isXml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
                    using var guarded = new GuardedStream(inflated, Math.Min(limits.MaxEntryBytes, limits.MaxTotalBytes - total), limits, scanXml: isXml);
                    if (!isXml)
                        guarded.CopyTo(Stream.Null);
                    else if (entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase))
                        rows = Math.Max(rows, CheckWorksheet(guarded, limits));
                    else
                        ReadThrough(guarded);
                    total += guarded.Count;
                }
                catch (UploadRejectedException)
                {
                    throw;
                }
                catch (XmlException)
                {
                    throw new UploadRejectedException(UnreadableXlsx);
                }
                catch (Exception exception) when (exception is InvalidDataException or IOException or NotSupportedException)
                {
                    throw new UploadRejectedException(UnreadableXlsx);
                }
            }

            return rows;
        }
    }

    private static UploadRejectedException Inflated(UploadLimits limits) =>
        new($"Tệp Excel khi giải nén quá lớn (tối đa {Megabytes(limits.MaxEntryBytes)} MB mỗi thành phần, {Megabytes(limits.MaxTotalBytes)} MB tổng cộng).");

    private static UploadRejectedException TooManyRows(UploadLimits limits) =>
        new($"Tệp có quá nhiều dòng: tối đa {Number(limits.MaxRows)} dòng dữ liệu mỗi tệp. Hãy chia thành nhiều tệp.");

    private static UploadRejectedException TooManyColumns(UploadLimits limits) =>
        new($"Tệp có quá nhiều cột: tối đa {Number(limits.MaxColumns)} cột.");

    private static XmlReader XmlReaderOver(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    });

    private static void ReadThrough(Stream stream)
    {
        using var reader = XmlReaderOver(stream);
        while (reader.Read())
        {
        }
    }

    /// <summary>Rows and columns as a worksheet declares them (dimension, row and cell references) and as it has them.</summary>
    private static long CheckWorksheet(Stream stream, UploadLimits limits)
    {
        using var reader = XmlReaderOver(stream);
        long rows = 0;
        var cells = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
                continue;
            switch (reader.LocalName)
            {
                case "dimension" when reader.GetAttribute("ref") is { } range:
                    foreach (var corner in range.Split(':'))
                    {
                        var (column, row) = CellReference(corner);
                        if (column > limits.MaxColumns)
                            throw TooManyColumns(limits);
                        if (row > limits.MaxRows + 1L)
                            throw TooManyRows(limits);
                    }

                    break;
                case "row":
                    rows++;
                    cells = 0;
                    if (rows > limits.MaxRows + 1L
                        || (reader.GetAttribute("r") is { } r && (!long.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > limits.MaxRows + 1L)))
                        throw TooManyRows(limits);
                    break;
                case "c":
                    cells++;
                    if (cells > limits.MaxColumns || (reader.GetAttribute("r") is { } reference && CellReference(reference).Column > limits.MaxColumns))
                        throw TooManyColumns(limits);
                    break;
            }
        }

        return rows;
    }

    /// <summary>"AB12" → (28, 12); anything else counts as beyond every limit.</summary>
    private static (long Column, long Row) CellReference(string reference)
    {
        long column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]) && column <= int.MaxValue; i++)
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        if (i == reference.Length)
            return (column, 0); // a whole column, e.g. "A"
        return long.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? (column, row) : (long.MaxValue, long.MaxValue);
    }

    /// <summary>
    /// CSV read as bytes (',' '"' CR LF are single bytes in UTF-8): the longest record, the number of records, the number of
    /// fields of each compared with the header's. Blank lines are allowed and skipped.
    /// </summary>
    private static long CheckCsv(Stream file, UploadLimits limits)
    {
        var buffer = new byte[64 * 1024];
        var inQuotes = false;
        var fields = 1;
        long recordBytes = 0;
        var header = -1;
        long record = 0; // 1 = the header
        var ragged = new Dictionary<string, string[]>();
        var raggedCount = 0;
        var lastWasCr = false;

        void EndRecord()
        {
            if (recordBytes == 0 && fields == 1)
                return; // blank line
            record++;
            if (header < 0)
                header = fields;
            else if (fields != header)
            {
                raggedCount++;
                if (ragged.Count < limits.MaxReportedRows)
                    ragged[$"dòng {record}"] = [$"Dòng {Number(record)} có {Number(fields)} cột, dòng tiêu đề có {Number(header)} cột."];
            }

            if (fields > limits.MaxColumns)
                throw TooManyColumns(limits);
            if (record > limits.MaxRows + 1L)
                throw TooManyRows(limits);
            fields = 1;
            recordBytes = 0;
        }

        int read;
        while ((read = file.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var b = buffer[i];
                if (b == (byte)'\n' && lastWasCr && !inQuotes)
                {
                    lastWasCr = false;
                    continue; // the LF of a CRLF
                }

                lastWasCr = false;
                if (b == (byte)'"')
                    inQuotes = !inQuotes;
                else if (!inQuotes && b == (byte)',')
                    fields++;
                else if (!inQuotes && b is (byte)'\n' or (byte)'\r')
                {
                    lastWasCr = b == (byte)'\r';
                    EndRecord();
                    continue;
                }
                else if (b == 0)
                    throw new UploadRejectedException(UnreadableCsv); // binary content, not text

                if (++recordBytes > limits.MaxCellBytes)
                    throw new UploadRejectedException($"Tệp có dòng quá dài (tối đa {Number(limits.MaxCellBytes / 1024)} KB mỗi dòng).");
            }
        }

        if (inQuotes)
            throw new UploadRejectedException("Tệp CSV có dấu ngoặc kép (\") không được đóng.");
        EndRecord();
        if (header < 0)
            throw new UploadRejectedException("Tệp rỗng, không có dữ liệu.");
        if (raggedCount > 0)
        {
            var message = $"{Number(raggedCount)} dòng có số cột khác dòng tiêu đề; không dòng nào được nhập. Hãy sửa các dòng được liệt kê rồi tải lên lại.";
            ragged["file"] = [message];
            throw new UploadRejectedException(message, StatusCodes.Status400BadRequest, ragged);
        }

        return record;
    }

    /// <summary>
    /// An inflating entry read through a counter that stops at the limit, and, for XML, a scanner of the bytes as they pass:
    /// no DOCTYPE, no tag or text run longer than the cell limit (so the XML reader behind it never buffers more).
    /// </summary>
    private sealed class GuardedStream(Stream inner, long maxBytes, UploadLimits limits, bool scanXml) : Stream
    {
        private static readonly byte[] Doctype = "<!DOCTYPE"u8.ToArray();
        private int _doctypeMatch;
        private long _run;

        public long Count { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => Count;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            // Never more than the remaining allowance plus one byte: the byte past the limit is what proves it exceeded.
            var allowed = (int)Math.Min(buffer.Length, Math.Max(1, maxBytes - Count + 1));
            var read = inner.Read(buffer[..allowed]);
            Count += read;
            if (Count > maxBytes)
                throw Inflated(limits);
            if (scanXml)
                Scan(buffer[..read]);
            return read;
        }

        private void Scan(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                _doctypeMatch = b == Doctype[_doctypeMatch] ? _doctypeMatch + 1 : b == '<' ? 1 : 0;
                if (_doctypeMatch == Doctype.Length)
                    throw new UploadRejectedException("Tệp Excel chứa khai báo DTD (DOCTYPE), không được phép. Hãy lưu lại tệp bằng Excel rồi tải lên lại.");
                _run = b is (byte)'<' or (byte)'>' ? 0 : _run + 1;
                if (_run > limits.MaxCellBytes)
                    throw new UploadRejectedException($"Tệp có ô hoặc phần tử quá dài (tối đa {Number(limits.MaxCellBytes / 1024)} KB).");
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
