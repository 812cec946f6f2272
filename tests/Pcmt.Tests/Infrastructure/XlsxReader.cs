using System.IO.Compression;
using System.Xml.Linq;

namespace Pcmt.Tests.Infrastructure;

/// <summary>
/// Reads an .xlsx straight from its XML parts (zip + LINQ to XML), independently of the libraries that write workbooks,
/// so a test sees what Excel or LibreOffice would: cell text by reference, column widths, page setup, print titles.
/// </summary>
public sealed class XlsxReader
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private readonly Dictionary<string, string> _cells = new(StringComparer.Ordinal);

    public XlsxReader(byte[] content)
    {
        using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
        XDocument Load(string name) => XDocument.Load(zip.GetEntry(name)!.Open());
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } entry
            ? XDocument.Load(entry.Open()).Root!.Elements(Main + "si").Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value))).ToList()
            : [];
        Workbook = Load("xl/workbook.xml");
        var sheetEntry = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
        Sheet = XDocument.Load(sheetEntry.Open());
        foreach (var c in Sheet.Descendants(Main + "c"))
        {
            var type = (string?)c.Attribute("t");
            var text = type switch
            {
                "inlineStr" => string.Concat(c.Descendants(Main + "t").Select(t => t.Value)),
                "s" => shared[int.Parse(c.Element(Main + "v")!.Value, System.Globalization.CultureInfo.InvariantCulture)],
                _ => c.Element(Main + "v")?.Value ?? "",
            };
            _cells[(string)c.Attribute("r")!] = text;
        }
    }

    public XDocument Workbook { get; }

    public XDocument Sheet { get; }

    public string Cell(string reference) => _cells.GetValueOrDefault(reference, "");

    public IEnumerable<string> AllText => _cells.Values;

    /// <summary>Width of the 1-based column, or null when the sheet sets none.</summary>
    public double? Width(int column) => Sheet.Descendants(Main + "col")
        .Where(c => (int)c.Attribute("min")! <= column && column <= (int)c.Attribute("max")!)
        .Select(c => (double?)c.Attribute("width")).FirstOrDefault();

    public XElement? Element(string name) => Sheet.Descendants(Main + name).FirstOrDefault();

    public string? PrintTitles => Workbook.Descendants(Main + "definedName").FirstOrDefault(d => (string?)d.Attribute("name") == "_xlnm.Print_Titles")?.Value;
}
