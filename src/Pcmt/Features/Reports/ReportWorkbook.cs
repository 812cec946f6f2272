using System.Text.Json;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Pcmt.Features.Reports;

/// <summary>A report's data as a workbook: one row per field with the reported value, PCMT's figure, "cùng kỳ" and the note.</summary>
public static class ReportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Build(GetReport.View view)
    {
        var rows = view.Template.Sections.SelectMany(s => s.Fields.Select(f => new Dictionary<string, object?>
        {
            ["Phần"] = s.Title,
            ["Mã"] = f.Code,
            ["Chỉ tiêu"] = f.Label,
            ["Đơn vị tính"] = f.Unit ?? "",
            ["Giá trị báo cáo"] = view.Values.TryGetValue(f.Code, out var v) ? Cell(v) : null,
            ["Số hệ thống tính"] = view.Computed.GetValueOrDefault(f.Code),
            ["Cùng kỳ năm trước"] = view.SamePeriodLastYear.GetValueOrDefault(f.Code),
            ["Ghi chú"] = view.Notes.GetValueOrDefault(f.Code) ?? "",
        })).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "Báo cáo " + view.Report.Period, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true });
        return stream.ToArray();
    }

    private static object? Cell(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number => Report.Number(v),
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Array => string.Join("; ", v.EnumerateArray().Select(r => string.Join(" | ", r.EnumerateArray().Select(c => c.GetString())))),
        _ => null,
    };
}
