using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmt.Features.Reports;

/// <summary>Field types of a template.</summary>
public static class FieldTypes
{
    public const string Number = "number";
    public const string Text = "text";
    public const string Table = "table";
}

/// <summary>Who reports: a commune (its code), an agency (its code), or the province (its code).</summary>
public static class ReporterKinds
{
    public const string Commune = "commune";
    public const string Agency = "agency";
    public const string Province = "province";

    public static IReadOnlyList<string> All { get; } = [Commune, Agency, Province];

    public static string DisplayName(string kind) => kind switch
    {
        Commune => "Xã, phường, đặc khu",
        Agency => "Sở, ban, ngành",
        _ => "Tỉnh",
    };
}

/// <summary>
/// One field of a template. <see cref="Binding"/> names a figure PCMT computes from its records (see <see cref="ReportFigures"/>),
/// shown beside the reported value; <see cref="Indicator"/> ("SCHOOL-EDUCATION:numerator") feeds a reported indicator;
/// <see cref="Columns"/> are the columns of a table field.
/// </summary>
public sealed record TemplateField(
    string Code,
    string Label,
    string Type = FieldTypes.Number,
    bool Required = false,
    string? Binding = null,
    string? Unit = null,
    string? Indicator = null,
    IReadOnlyList<string>? Columns = null);

public sealed record TemplateSection(string Title, IReadOnlyList<TemplateField> Fields);

/// <summary>A report template: data, versioned. A report keeps a copy of the version it was created with, so a later change never alters it.</summary>
public sealed record ReportTemplate(string Code, int Version, string Name, string Frequency, string ReporterKind, IReadOnlyList<TemplateSection> Sections, string? ProvinceCode = null)
{
    public IEnumerable<TemplateField> Fields => Sections.SelectMany(s => s.Fields);

    public TemplateField? Field(string code) => Fields.FirstOrDefault(f => f.Code == code);

    public bool BuiltIn => ProvinceCode is null;

    public string ToJson() => JsonSerializer.Serialize(this, ReportJson.Options);

    public static ReportTemplate FromJson(string json) => JsonSerializer.Deserialize<ReportTemplate>(json, ReportJson.Options)!;
}

/// <summary>A template a province added from the templates page; each change is a new row (version).</summary>
public sealed class CustomReportTemplate
{
    public long Id { get; set; }

    public string Code { get; set; } = "";

    public int Version { get; set; }

    public string ProvinceCode { get; set; } = "";

    /// <summary>JSON of <see cref="ReportTemplate"/>.</summary>
    public string Definition { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";
}

public sealed class CustomReportTemplateConfiguration : IEntityTypeConfiguration<CustomReportTemplate>
{
    public void Configure(EntityTypeBuilder<CustomReportTemplate> builder)
    {
        builder.ToTable("report_templates");
        builder.Property(t => t.Code).HasMaxLength(64);
        builder.Property(t => t.ProvinceCode).HasMaxLength(2);
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.HasIndex(t => new { t.Code, t.Version }).IsUnique();
    }
}

internal static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

/// <summary>
/// The built-in templates, with the fields and disaggregations of reporting-regime.md §7: QĐ 127/2009/QĐ-TTg as amended by
/// QĐ 13/2019/QĐ-TTg (age bands, sex, ethnicity, where held, substance), TT 05/2011/TT-BLĐTBXH (rehab, post-rehab, support),
/// QĐ 28/2025/QĐ-TTg (hotspots, cultivation, classification) and the Ministry's 2025 monitoring guidance (46/HD-BCA-C04:
/// documents, task results, indicators, funds).
/// </summary>
public static class BuiltInTemplates
{
    public const string CommuneHalfYear = "commune-half-year";
    public const string AgencyHalfYear = "agency-half-year";
    public const string AgencyYear = "agency-year";
    public const string ProvinceYear = "province-year";

    /// <summary>Categories of a disaggregation set: code → Vietnamese name.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<(string Code, string Name)>> Sets = new Dictionary<string, IReadOnlyList<(string, string)>>
    {
        ["SEX"] = [("male", "Nam"), ("female", "Nữ")],
        // QĐ 13/2019/QĐ-TTg: dưới 14, từ đủ 14 đến dưới 16, từ đủ 16 đến dưới 18, từ đủ 18 đến 30 (read as < 30), trên 30.
        ["AGE13"] = [("lt14", "Dưới 14 tuổi"), ("14-16", "Từ đủ 14 đến dưới 16 tuổi"), ("16-18", "Từ đủ 16 đến dưới 18 tuổi"), ("18-30", "Từ đủ 18 đến dưới 30 tuổi"), ("ge30", "Từ 30 tuổi trở lên")],
        ["ETH"] = [("kinh", "Dân tộc Kinh"), ("other", "Dân tộc khác")],
        ["LOC"] = [("community", "Ngoài xã hội"), ("prison", "Trong trại giam, trại tạm giam, nhà tạm giữ"), ("reform", "Trong cơ sở giáo dục bắt buộc, trường giáo dưỡng"), ("rehab", "Trong cơ sở cai nghiện")],
        ["SUB"] = [("heroin", "Heroin"), ("synthetic", "Ma túy tổng hợp"), ("cannabis", "Cần sa"), ("opium", "Thuốc phiện"), ("ketamine", "Ketamine"), ("cocaine", "Cocaine"), ("other", "Loại khác")],
    };

    /// <summary>A total field and one field per category of each set ("X01.SEX.male"); computed bindings carry through ("binding.SEX.male").</summary>
    private static IEnumerable<TemplateField> Disaggregated(string code, string label, string unit, string? binding, bool required, params string[] sets)
    {
        yield return new TemplateField(code, label, FieldTypes.Number, required, binding, unit);
        foreach (var set in sets)
        {
            foreach (var (category, name) in Sets[set])
            {
                var computed = binding is not null && ReportFigures.Disaggregates(binding, set) ? $"{binding}.{set}.{category}" : null;
                yield return new TemplateField($"{code}.{set}.{category}", $"{label} — {name}", FieldTypes.Number, false, computed, unit);
            }
        }
    }

    private static TemplateField N(string code, string label, string unit, string? binding = null, bool required = false, string? indicator = null) =>
        new(code, label, FieldTypes.Number, required, binding, unit, indicator);

    private static TemplateField T(string code, string label, bool required = false) => new(code, label, FieldTypes.Text, required);

    private static TemplateField Tab(string code, string label, params string[] columns) => new(code, label, FieldTypes.Table, false, null, null, null, columns);

    public static ReportTemplate Commune { get; } = new(CommuneHalfYear, 1, "Báo cáo 6 tháng của xã, phường, đặc khu về công tác phòng, chống ma túy", Frequencies.HalfYear, ReporterKinds.Commune,
    [
        new("I. Người sử dụng trái phép chất ma túy, người nghiện ma túy",
        [
            .. Disaggregated("X01", "Tổng số người sử dụng trái phép chất ma túy, người nghiện có hồ sơ quản lý (cuối kỳ)", "người", "persons-under-management", true, "SEX", "AGE13", "ETH", "LOC", "SUB"),
            .. Disaggregated("X02", "Số người sử dụng trái phép chất ma túy mới lập hồ sơ quản lý trong kỳ", "người", "new-under-management", false, "SEX", "AGE13"),
            .. Disaggregated("X03", "Số người mới xác định nghiện trong kỳ", "người", "new-addicted", false, "SEX", "AGE13", "SUB"),
            N("X04", "Số người không có nơi cư trú ổn định; có biểu hiện loạn thần", "người"),
            N("X05", "Số người kết thúc, dừng, chuyển đi quản lý trong kỳ", "người", "ended-management"),
        ]),
        new("II. Cai nghiện, điều trị, quản lý sau cai",
        [
            .. Disaggregated("X06", "Cai nghiện tự nguyện tại gia đình, cộng đồng (đang cai)", "người", null, false, "SEX", "AGE13"),
            N("X07", "Cai nghiện tại cơ sở (tự nguyện, bắt buộc, cả người từ đủ 12 đến dưới 18 tuổi): đang chấp hành", "người", "in-rehab"),
            N("X07.decisions", "Số đăng ký cai nghiện, hồ sơ đề nghị cai nghiện bắt buộc lập trong kỳ", "hồ sơ", "rehab-decisions"),
            N("X08", "Số người điều trị nghiện bằng thuốc thay thế", "người"),
            N("X09", "Số người tái nghiện sau khi hoàn thành cai nghiện", "người"),
            .. Disaggregated("X10", "Quản lý sau cai nghiện tại nơi cư trú (đang quản lý)", "người", "post-rehab", false, "SEX", "AGE13"),
            N("X11", "Số lượt người được hỗ trợ học nghề, vay vốn, việc làm, hỗ trợ khác", "lượt người"),
            N("X12", "Giám sát điện tử: số người áp dụng", "người"),
            N("X13", "Xét nghiệm ma túy: số lượt", "lượt", "drug-tests"),
            N("X13.positive", "Xét nghiệm ma túy: số lượt dương tính", "lượt", "drug-tests-positive"),
        ]),
        new("III. Đấu tranh, xử lý vi phạm",
        [
            N("X14.cases", "Số vụ phạm tội về ma túy bắt giữ", "vụ"),
            N("X14.persons", "Số đối tượng phạm tội về ma túy bắt giữ", "người"),
            N("X15", "Số vụ vi phạm hành chính về ma túy đã xử lý", "vụ"),
            N("X16.heroin-g", "Ma túy thu giữ: heroin", "g"),
            N("X16.synthetic-g", "Ma túy thu giữ: ma túy tổng hợp", "g"),
            N("X16.cannabis-g", "Ma túy thu giữ: cần sa", "g"),
            N("X17.detected", "Điểm, tụ điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy phát hiện trong kỳ", "điểm", "hotspots-detected"),
            N("X17.cleared", "Điểm, tụ điểm đã triệt xóa trong kỳ", "điểm", "hotspots-cleared"),
            N("X17.remaining", "Điểm, tụ điểm còn hoạt động cuối kỳ", "điểm", "hotspots-remaining"),
            N("X18.area", "Diện tích trồng trái phép cây có chứa chất ma túy phát hiện, triệt phá", "m²", "cultivation-area"),
        ]),
        new("IV. Tuyên truyền, đánh giá",
        [
            N("X19.sessions", "Số buổi tuyên truyền", "buổi"),
            N("X19.people", "Số lượt người được tuyên truyền", "lượt người"),
            T("X22", "Đánh giá chung, khó khăn, vướng mắc, kiến nghị, phương hướng kỳ tới", required: true),
        ]),
    ]);

    private static IReadOnlyList<TemplateSection> AgencySections() =>
    [
        new("I. Công tác lãnh đạo, chỉ đạo",
        [
            Tab("D01", "Văn bản lãnh đạo, chỉ đạo đã ban hành", "Số, ký hiệu", "Ngày ban hành", "Trích yếu"),
        ]),
        new("II. Kết quả thực hiện nhiệm vụ, chỉ tiêu",
        [
            Tab("D02", "Kết quả thực hiện nhiệm vụ được giao", "Mã nhiệm vụ", "Nội dung", "Chủ trì / phối hợp", "Thời hạn", "Tiến độ", "% hoàn thành", "Kết quả, minh chứng"),
            Tab("D03", "Chỉ tiêu phụ trách", "Mã chỉ tiêu", "Chỉ tiêu năm", "Thực hiện trong kỳ", "Lũy kế", "% đạt"),
            Tab("D04", "Kinh phí: dự toán, huy động, phân bổ, giải ngân (đồng)", "Dự án", "Nguồn (NSTW / NSĐP / khác)", "Dự toán", "Phân bổ", "Giải ngân trong kỳ", "Giải ngân lũy kế", "% giải ngân"),
        ]),
        new("III. Tuyên truyền, kiểm tra và số liệu chuyên ngành",
        [
            N("D05.sessions", "Tuyên truyền, tập huấn: số cuộc", "cuộc"),
            N("D05.people", "Tuyên truyền, tập huấn: số lượt người", "lượt người"),
            N("D05.articles", "Tin, bài, phóng sự", "tin, bài"),
            N("D06.inspections", "Kiểm tra, giám sát: số cuộc", "cuộc"),
            T("D06.results", "Kết quả kiểm tra, giám sát"),
            N("D07.schools-total", "Số trường học thuộc phạm vi phụ trách", "trường", indicator: "SCHOOL-EDUCATION:denominator"),
            N("D07.schools-educating", "Số trường tổ chức tuyên truyền, giáo dục phòng, chống ma túy", "trường", indicator: "SCHOOL-EDUCATION:numerator"),
            N("D07.workers-total", "Số người lao động tại khu công nghiệp, khu chế xuất", "người", indicator: "WORKER-EDUCATION:denominator"),
            N("D07.workers-educated", "Số người lao động tại khu công nghiệp, khu chế xuất được tuyên truyền", "người", indicator: "WORKER-EDUCATION:numerator"),
            N("D07.media-total", "Số cơ quan truyền thông chủ lực, báo chí", "cơ quan", indicator: "MEDIA-COVERAGE:denominator"),
            N("D07.media-with-column", "Số cơ quan có chuyên trang, chuyên mục phòng, chống ma túy", "cơ quan", indicator: "MEDIA-COVERAGE:numerator"),
            N("D07.units-total", "Số đơn vị, cán bộ chuyên trách (Biên phòng, Cảnh sát biển)", "đơn vị", indicator: "EQUIPPED-UNITS:denominator"),
            N("D07.units-equipped", "Số đơn vị, cán bộ chuyên trách được trang bị hiện đại", "đơn vị", indicator: "EQUIPPED-UNITS:numerator"),
            N("D07.mmt-patients", "Số người điều trị bằng thuốc thay thế (ngành Y tế)", "người"),
        ]),
        new("IV. Đánh giá",
        [
            T("D08", "Tồn tại, hạn chế, nguyên nhân", required: true),
            T("D09", "Phương hướng, giải pháp, kiến nghị", required: true),
        ]),
    ];

    public static ReportTemplate AgencyHalf { get; } = new(AgencyHalfYear, 1, "Báo cáo 6 tháng của sở, ban, ngành về thực hiện nhiệm vụ phòng, chống ma túy", Frequencies.HalfYear, ReporterKinds.Agency, AgencySections());

    public static ReportTemplate AgencyAnnual { get; } = new(AgencyYear, 1, "Báo cáo năm của sở, ban, ngành về thực hiện nhiệm vụ phòng, chống ma túy", Frequencies.Year, ReporterKinds.Agency, AgencySections());

    public static ReportTemplate Province { get; } = new(ProvinceYear, 1, "Báo cáo năm của tỉnh về công tác phòng, chống ma túy gửi Bộ Công an", Frequencies.Year, ReporterKinds.Province,
    [
        new("I. Tình hình",
        [
            T("P01", "Tình hình tội phạm, tệ nạn ma túy; tuyến, địa bàn trọng điểm", required: true),
        ]),
        new("II. Đấu tranh phòng, chống tội phạm về ma túy",
        [
            N("P02.cases", "Bắt giữ: số vụ", "vụ"),
            N("P02.persons", "Bắt giữ: số đối tượng", "người"),
            N("P03.prosecuted", "Khởi tố: số vụ", "vụ"),
            N("P03.tried", "Xét xử: số bị cáo", "người"),
            .. Disaggregated("P04", "Ma túy thu giữ", "g", null, false, "SUB"),
        ]),
        new("III. Người sử dụng trái phép chất ma túy, người nghiện; cai nghiện, sau cai",
        [
            .. Disaggregated("P05", "Tổng số người sử dụng trái phép chất ma túy, người nghiện có hồ sơ quản lý (cuối kỳ)", "người", "persons-under-management", true, "SEX", "AGE13", "ETH", "LOC", "SUB"),
            N("P05.new", "Số người mới lập hồ sơ quản lý trong kỳ", "người", "new-under-management"),
            N("P06.in-rehab", "Số người đang cai nghiện (mọi hình thức)", "người", "in-rehab"),
            N("P06.post-rehab", "Số người đang quản lý sau cai nghiện", "người", "post-rehab"),
            N("P06.mmt", "Số người điều trị bằng thuốc thay thế", "người"),
            N("P06.facility-capacity", "Cơ sở cai nghiện: tổng công suất", "người"),
        ]),
        new("IV. Phân loại địa bàn, điểm và diện tích trồng trái phép",
        [
            N("P07.drug-free", "Tỷ lệ xã, phường, đặc khu không ma túy", "%", "indicator:DF-COMMUNE"),
            N("P08.hotspots-cleared", "Điểm, tụ điểm đã triệt xóa trong kỳ", "điểm", "hotspots-cleared"),
            N("P08.hotspots-remaining", "Điểm, tụ điểm còn hoạt động cuối kỳ", "điểm", "hotspots-remaining"),
            N("P08.cultivation-area", "Diện tích trồng trái phép phát hiện, triệt phá", "m²", "cultivation-area"),
        ]),
        new("V. Quản lý hoạt động hợp pháp, Chương trình mục tiêu quốc gia",
        [
            T("P09", "Kiểm soát các hoạt động hợp pháp liên quan đến ma túy"),
            Tab("P10", "Chỉ tiêu Chương trình mục tiêu quốc gia; kinh phí", "Chỉ tiêu / dự án", "Kế hoạch", "Thực hiện", "% đạt"),
            T("P11", "Đánh giá chung, hạn chế, kiến nghị, phương hướng", required: true),
        ]),
    ]);

    public static IReadOnlyList<ReportTemplate> All { get; } = [Commune, AgencyHalf, AgencyAnnual, Province];

    public static ReportTemplate? Find(string code) => All.FirstOrDefault(t => t.Code == code);
}
