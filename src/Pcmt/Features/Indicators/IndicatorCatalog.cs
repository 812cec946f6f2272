using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmt.Features.Indicators;

/// <summary>One indicator of the program (program-indicators.md): code, Vietnamese name, unit, computed from records or reported.</summary>
public sealed record Indicator(string Code, string Name, string Unit, string Source, string Numerator, string Denominator, bool Computable);

/// <summary>Danh mục chỉ tiêu của Chương trình (Kết luận 132-KL/TW; Nghị quyết 93/NQ-CP; kế hoạch của tỉnh).</summary>
public static class IndicatorCatalog
{
    public static IReadOnlyList<Indicator> All { get; } =
    [
        new("DF-COMMUNE", "Tỷ lệ xã, phường, đặc khu không ma túy", "%", "computed", "Số xã được phê duyệt \"không ma túy\" trong năm", "Số xã, phường, đặc khu hiện hành của địa bàn", true),
        new("USERS-TREND", "Số người nghiện, người sử dụng trái phép chất ma túy có hồ sơ quản lý", "người", "computed", "Người trong danh sách quản lý hoặc danh sách người nghiện cuối kỳ", "", true),
        new("REGISTERED", "Tỷ lệ người sử dụng, người nghiện, người sau cai được lập hồ sơ quản lý", "%", "computed", "Người có tên trong một danh sách quản lý trong kỳ", "Người trong sổ đăng ký có kết quả xét nghiệm dương tính hoặc hồ sơ pháp lý", true),
        new("HOTSPOT-CLEARED", "Tỷ lệ điểm tổ chức, chứa chấp và đối tượng bán lẻ được phát hiện, triệt xóa", "%", "computed", "Điểm đã triệt xóa trong kỳ", "Điểm tồn tại trong kỳ", true),
        new("CULTIVATION-CLEARED", "Tỷ lệ diện tích trồng trái phép cây có chứa chất ma túy được triệt xóa", "%", "computed", "Diện tích (m²) đã triệt phá", "Diện tích (m²) phát hiện trong kỳ", true),
        new("BORDER-CASES", "Số vụ phạm tội về ma túy phát hiện tại biên giới, đường biển, hàng không, chuyển phát nhanh", "vụ", "computed", "Vụ phát hiện tại biên giới đường bộ, đường biển, hàng không, chuyển phát nhanh (so với cùng kỳ năm trước)", "", true),
        new("TRANSNATIONAL-CASES", "Số vụ có tổ chức, xuyên quốc gia", "vụ", "computed", "Vụ án có tổ chức hoặc xuyên quốc gia (so với cùng kỳ năm trước)", "", true),
        new("CYBER-CASES", "Số vụ lợi dụng không gian mạng", "vụ", "computed", "Vụ án lợi dụng không gian mạng (so với cùng kỳ năm trước)", "", true),
        new("CASES-TREND", "Số vụ phạm tội mua bán, tàng trữ, vận chuyển trái phép chất ma túy", "vụ", "computed", "Vụ án về tội tàng trữ, vận chuyển, mua bán (BLHS Điều 249–251), so với cùng kỳ năm trước", "", true),
        new("EQUIPPED-UNITS", "Tỷ lệ đơn vị, cán bộ chuyên trách của Biên phòng, Cảnh sát biển được trang bị hiện đại", "%", "reported", "", "", false),
        new("DETERMINATION-CAPABLE", "Tỷ lệ trạm y tế cấp xã đủ điều kiện xác định tình trạng nghiện", "%", "computed", "Cơ sở xác định tình trạng nghiện đang hoạt động", "Số xã", true),
        new("FACILITY-COMPLIANT", "Tỷ lệ cơ sở cai nghiện công lập bảo đảm điều kiện theo Luật (không vượt công suất)", "%", "computed", "Cơ sở công lập không vượt công suất", "Cơ sở công lập đang hoạt động", true),
        new("COUNSELLING-POINT", "Tỷ lệ xã có người nghiện bố trí điểm tiếp nhận, tư vấn cai nghiện", "%", "computed", "Xã có người nghiện và có điểm tư vấn", "Xã có người nghiện", true),
        new("MEDIA-COVERAGE", "Tỷ lệ cơ quan truyền thông chủ lực, báo chí lớn có chuyên trang, chuyên mục", "%", "registers-or-reported", "Cơ quan chủ lực có chuyên trang, chuyên mục phòng, chống ma túy đến cuối kỳ (sổ cơ quan báo chí); nếu sổ chưa có cơ quan nào của địa bàn: số liệu báo cáo định kỳ đã phê duyệt (ADR 0013)", "Cơ quan truyền thông chủ lực, báo chí lớn của địa bàn", false),
        new("SCHOOL-EDUCATION", "Tỷ lệ nhà trường tổ chức tuyên truyền, giáo dục phòng, chống ma túy", "%", "registers-or-reported", "Trường có buổi tuyên truyền tại trường trong kỳ (sổ tuyên truyền); nếu sổ chưa có trường hoặc buổi nào của địa bàn trong kỳ: số liệu báo cáo định kỳ đã phê duyệt (ADR 0013)", "Trường học của địa bàn trong sổ", false),
        new("WORKER-EDUCATION", "Tỷ lệ người lao động tại khu công nghiệp, khu chế xuất được tuyên truyền", "%", "registers-or-reported", "Người tham dự buổi tuyên truyền tại khu công nghiệp trong kỳ, mỗi khu tối đa bằng số lao động (sổ tuyên truyền); nếu sổ chưa có dữ liệu của địa bàn trong kỳ: số liệu báo cáo định kỳ đã phê duyệt (ADR 0013)", "Người lao động của các khu công nghiệp, khu chế xuất trong sổ", false),
        new("LEGAL-AID", "Tỷ lệ người thuộc diện trợ giúp pháp lý được trợ giúp khi có yêu cầu", "%", "computed", "Yêu cầu trợ giúp pháp lý đã được đáp ứng", "Yêu cầu trợ giúp pháp lý trong kỳ", true),
        new("SUPPORT-COVERAGE", "Tỷ lệ người sử dụng, nghiện, đang cai, điều trị, sau cai được tư vấn, hỗ trợ y tế, tâm lý", "%", "computed", "Người có biện pháp trong kỳ được cung cấp tư vấn, y tế hoặc tâm lý", "Người có biện pháp trong kỳ", true),
        new("TREATMENT-ACCESS", "Tỷ lệ người nghiện có hồ sơ quản lý được tiếp cận tư vấn, điều trị, cai nghiện", "%", "computed", "Người nghiện trong kỳ có đợt cai nghiện, điều trị hoặc dịch vụ tư vấn", "Người nghiện trong kỳ", true),
    ];

    public static Indicator? Find(string code) => All.FirstOrDefault(i => i.Code == code);
}

/// <summary>Chỉ tiêu kế hoạch: the yearly target of an indicator for an area ("VN", a province or a commune), from the plan's roadmap.</summary>
public sealed class IndicatorTarget
{
    public long Id { get; set; }

    public string Code { get; set; } = "";

    public string AreaCode { get; set; } = "";

    public int Year { get; set; }

    public decimal Value { get; set; }

    /// <summary>The plan that sets it (e.g. "Đề án 2026–2030 của tỉnh Thái Nguyên").</summary>
    public string? Source { get; set; }
}

public sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> builder)
    {
        builder.ToTable("indicator_targets");
        builder.Property(t => t.Code).HasMaxLength(40);
        builder.Property(t => t.AreaCode).HasMaxLength(5);
        builder.Property(t => t.Value).HasPrecision(12, 2);
        builder.Property(t => t.Source).HasMaxLength(300);
        builder.HasIndex(t => new { t.Code, t.AreaCode, t.Year }).IsUnique();
        // The roadmaps written in the plans (program-indicators.md): Conclusion 132-KL/TW nationally, Thái Nguyên's 2026–2030 scheme.
        builder.HasData(
            new IndicatorTarget { Id = 1, Code = "DF-COMMUNE", AreaCode = "VN", Year = 2030, Value = 50, Source = "Kết luận 132-KL/TW; Nghị quyết 93/NQ-CP" },
            new IndicatorTarget { Id = 2, Code = "DF-COMMUNE", AreaCode = "19", Year = 2028, Value = 50, Source = "Đề án 2026–2030 của tỉnh Thái Nguyên" },
            new IndicatorTarget { Id = 3, Code = "DF-COMMUNE", AreaCode = "19", Year = 2030, Value = 100, Source = "Đề án 2026–2030 của tỉnh Thái Nguyên" });
    }
}
