using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Pcmt.Features.Classification;

/// <summary>The yearly classification report as a workbook: one row per commune, Vietnamese headings, frozen header row.</summary>
public static class ClassificationReport
{
    public static byte[] Build(IReadOnlyList<ClassifyCommunes.Row> rows, int year)
    {
        var sheet = rows.OrderBy(r => CommuneClasses.Rank(r.Class)).ThenBy(r => r.CommuneCode).Select((r, i) => new Dictionary<string, object?>
        {
            ["STT"] = i + 1,
            ["Mã xã"] = r.CommuneCode,
            ["Tên xã, phường, đặc khu"] = r.CommuneName,
            ["Phân loại năm " + year] = CommuneClasses.DisplayName(r.Class),
            ["Năm trước"] = r.PreviousClass is null ? "" : CommuneClasses.DisplayName(r.PreviousClass),
            ["Nhân khẩu"] = r.Criteria.Residents,
            ["Người nghiện, sử dụng có hồ sơ"] = r.Criteria.Users,
            ["Tỷ lệ (%)"] = r.Criteria.UsersRate is { } u ? Math.Round(u * 100, 3) : null,
            ["Điểm tổ chức, chứa chấp"] = r.Criteria.Points,
            ["Đối tượng bị bắt giữ"] = r.Criteria.Offenders,
            ["Tỷ lệ bắt giữ (%)"] = r.Criteria.OffendersRate is { } o ? Math.Round(o * 100, 3) : null,
            ["Số cây"] = r.Criteria.Plants,
            ["Diện tích (m²)"] = r.Criteria.AreaM2,
            ["Trên tuyến trọng điểm"] = r.Criteria.OnRoute ? "Có" : "Không",
            ["Tiêu chí loại I"] = string.Join(", ", r.Criteria.TypeI),
            ["Tiêu chí loại II"] = string.Join(", ", r.Criteria.TypeII),
            ["Trạng thái"] = r.Status == "approved" ? "Đã phê duyệt" : "Đề xuất",
            ["Quyết định phê duyệt"] = r.DecisionNumber is null ? "" : $"{r.DecisionNumber} ngày {Format.Date(r.DecidedOn)}",
            ["Ghi chú"] = r.ManualReason ?? r.Criteria.Note ?? "",
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: "Phân loại " + year, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true });
        return stream.ToArray();
    }
}
