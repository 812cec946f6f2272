namespace Pcmt.Features.Classification;

/// <summary>The yearly classification report as a printable form: one row per commune with its criteria values.</summary>
public static class ClassificationReport
{
    public static byte[] Build(IReadOnlyList<ClassifyCommunes.Row> rows, int year, string provinceName, DateTime exportedAt) => new ExcelForm
    {
        Title = "Kết quả phân loại xã, phường, đặc khu về ma túy năm " + year,
        Unit = provinceName,
        Period = "Năm " + year,
        SheetName = "Phân loại " + year,
        ExportedAt = exportedAt,
        Columns =
        [
            new("STT", 6, ExcelForm.Kind.Count), new("Mã xã", 8), new("Tên xã, phường, đặc khu", 26), new("Phân loại năm " + year, 18),
            new("Năm trước", 16), new("Nhân khẩu", 11, ExcelForm.Kind.Count), new("Người nghiện, sử dụng có hồ sơ", 13, ExcelForm.Kind.Count),
            new("Tỷ lệ (%)", 9, ExcelForm.Kind.Amount), new("Điểm tổ chức, chứa chấp", 11, ExcelForm.Kind.Count),
            new("Đối tượng bị bắt giữ", 11, ExcelForm.Kind.Count), new("Tỷ lệ bắt giữ (%)", 10, ExcelForm.Kind.Amount),
            new("Số cây", 9, ExcelForm.Kind.Count), new("Diện tích (m²)", 11, ExcelForm.Kind.Amount), new("Trên tuyến trọng điểm", 10),
            new("Tiêu chí loại I", 14), new("Tiêu chí loại II", 14), new("Trạng thái", 13), new("Quyết định phê duyệt", 20), new("Ghi chú", 30),
        ],
        Rows = rows.OrderBy(r => CommuneClasses.Rank(r.Class)).ThenBy(r => r.CommuneCode).Select((r, i) => (IReadOnlyList<object?>)
        [
            i + 1, r.CommuneCode, r.CommuneName, CommuneClasses.DisplayName(r.Class), r.PreviousClass is null ? "" : CommuneClasses.DisplayName(r.PreviousClass),
            r.Criteria.Residents, r.Criteria.Users, r.Criteria.UsersRate is { } u ? Math.Round(u * 100, 3) : null, r.Criteria.Points,
            r.Criteria.Offenders, r.Criteria.OffendersRate is { } o ? Math.Round(o * 100, 3) : null, r.Criteria.Plants, r.Criteria.AreaM2,
            r.Criteria.OnRoute ? "Có" : "Không", string.Join(", ", r.Criteria.TypeI), string.Join(", ", r.Criteria.TypeII),
            r.Status == "approved" ? "Đã phê duyệt" : "Đề xuất", r.DecisionNumber is null ? "" : $"{r.DecisionNumber} ngày {Format.Date(r.DecidedOn)}",
            r.ManualReason ?? r.Criteria.Note ?? "",
        ]),
    }.Build();
}
