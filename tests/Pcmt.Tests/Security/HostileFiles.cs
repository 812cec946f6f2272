using System.IO.Compression;
using System.Text;
using MiniExcelLibs;

namespace Pcmt.Tests.Security;

/// <summary>Hostile and malformed uploads, built in code: each is small on the wire and dangerous or broken inside.</summary>
public static class HostileFiles
{
    /// <summary>A real workbook with the given header and rows (the starting point of the broken ones).</summary>
    public static byte[] Workbook(string[] header, params string[][] rows)
    {
        var sheet = rows.Select(r => header.Select((h, i) => (h, v: i < r.Length ? r[i] : null)).ToDictionary(x => x.h, x => (object?)x.v)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>A valid-looking .xlsx whose only worksheet holds one cell of <paramref name="megabytes"/> MB: ≈ 200 KB compressed for 200 MB.</summary>
    public static byte[] ZipBomb(int megabytes = 200, string filler = "A")
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Skeleton(zip);
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>"""u8);
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(filler, 1024 * 1024 / filler.Length)));
            for (var i = 0; i < megabytes; i++)
                sheet.Write(chunk);
            sheet.Write("</t></is></c></row></sheetData></worksheet>"u8);
        }

        return output.ToArray();
    }

    /// <summary>A workbook with a binary part that inflates to <paramref name="megabytes"/> MB of zeros.</summary>
    public static byte[] InflatingPart(int megabytes)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Skeleton(zip);
            using (var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml").Open())
                sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Mã xã</t></is></c></row></sheetData></worksheet>"""u8);
            using var media = zip.CreateEntry("xl/media/image1.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
                media.Write(zeros);
        }

        return output.ToArray();
    }

    /// <summary>The same part, but the zip's headers declare it 1,000 bytes: only counting while inflating catches it.</summary>
    public static byte[] LyingSizes(int megabytes)
    {
        var bytes = InflatingPart(megabytes);
        var name = Encoding.ASCII.GetBytes("xl/media/image1.bin");
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4 && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name))
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), 1000u);
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2 && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name))
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), 1000u);
        }

        return bytes;
    }

    /// <summary>A workbook of thousands of tiny parts.</summary>
    public static byte[] ManyEntries(int count)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Skeleton(zip);
            using (var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml").Open())
                sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>"""u8);
            for (var i = 0; i < count; i++)
                zip.CreateEntry($"customXml/item{i}.bin", CompressionLevel.NoCompression);
        }

        return output.ToArray();
    }

    /// <summary>A real workbook whose worksheet gains a DOCTYPE with an entity (the classic XXE / billion-laughs opening).</summary>
    public static byte[] WithDtd(byte[] workbook) => RewriteSheet(workbook, xml =>
    {
        var root = System.Text.RegularExpressions.Regex.Match(xml, @"<(\w+:)?worksheet\b");
        return xml[..root.Index] + """<!DOCTYPE worksheet [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>""" + xml[root.Index..];
    });

    /// <summary>A worksheet that declares a cell in column XFD (16,384) and a row a million down.</summary>
    public static byte[] FarCell(byte[] workbook) => RewriteSheet(workbook, xml =>
    {
        var end = System.Text.RegularExpressions.Regex.Match(xml, @"</(\w+:)?sheetData>");
        var prefix = end.Groups[1].Value;
        return xml[..end.Index] + $"""<{prefix}row r="1048576"><{prefix}c r="XFD1048576" t="inlineStr"><{prefix}is><{prefix}t>x</{prefix}t></{prefix}is></{prefix}c></{prefix}row>""" + xml[end.Index..];
    });

    public static byte[] Garbage(int length = 4096)
    {
        var bytes = new byte[length];
        new Random(18).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The first half of a real workbook: no central directory.</summary>
    public static byte[] Truncated(byte[] workbook) => workbook[..(workbook.Length / 2)];

    /// <summary>A zip whose central directory is intact but whose data is cut: entries fail while being read.</summary>
    public static byte[] CorruptData(byte[] workbook)
    {
        var copy = (byte[])workbook.Clone();
        for (var i = 64; i < copy.Length / 2; i++)
            copy[i] ^= 0x5A;
        return copy;
    }

    private static byte[] RewriteSheet(byte[] workbook, Func<string, string> change)
    {
        using var output = new MemoryStream();
        output.Write(workbook);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
            string xml;
            using (var reader = new StreamReader(entry.Open()))
                xml = reader.ReadToEnd();
            var name = entry.FullName;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            writer.Write(change(xml));
        }

        return output.ToArray();
    }

    private static void Skeleton(ZipArchive zip)
    {
        void Add(string name, string content)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            writer.Write(content);
        }

        Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
    }
}
