using System.Globalization;

namespace Pcmt.Features.Lifecycle;

/// <summary>One legal parameter: its value under a regime and where the law says so. <see cref="Configurable"/> marks the
/// parameters legal-rules tags [I] (inferred, not confirmed against the text): an administrator may change them.</summary>
public sealed record LegalParameter(string Key, string Regime, string Name, string Value, string Unit, string Source, bool Configurable);

/// <summary>
/// Bảng tham số pháp lý: every duration and deadline of the lifecycle, in one place, each with its source (legal-rules §11).
/// Values of configurable parameters may be overridden by an administrator (table legal_parameter_settings).
/// </summary>
public sealed class LegalParameters
{
    public const string AnyRegime = "all";

    public static IReadOnlyList<LegalParameter> Catalog { get; } =
    [
        // Law 120/2025 + NĐ 163/2026 (from 01/07/2026).
        new("management-decision-hours", LegalRegime.Law120, "Thời hạn ra quyết định quản lý người sử dụng trái phép (Mẫu 04)", "24", "giờ", "Luật 120/2025 Điều 24 khoản 4; NĐ 163/2026 Điều 59", false),
        new("management-term-years", LegalRegime.Law120, "Thời hạn quản lý người sử dụng trái phép", "1", "năm", "Luật 120/2025 Điều 24 khoản 2", false),
        new("management-decider", LegalRegime.Law120, "Người ra quyết định quản lý", "Trưởng Công an cấp xã", "", "Luật 120/2025 Điều 24 khoản 4", false),
        new("management-notice-hours", LegalRegime.Law120, "Gửi quyết định tạm đình chỉ/chấm dứt/kết thúc quản lý (Mẫu 07, 08, 09)", "24", "giờ", "NĐ 163/2026 Điều 63", false),
        new("register-after-addiction-hours", LegalRegime.Law120, "Đăng ký cai nghiện tự nguyện hoặc điều trị thay thế sau khi được thông báo nghiện", "24", "giờ", "NĐ 163/2026 Điều 4", false),
        new("voluntary-decision-hours", LegalRegime.Law120, "Ra quyết định cai nghiện tự nguyện (Mẫu 22) sau khi đăng ký", "24", "giờ", "NĐ 163/2026 Điều 91", false),
        new("start-after-decision-working-days", LegalRegime.Law120, "Bắt đầu cai nghiện sau quyết định (quá hạn là \"không thực hiện\")", "2", "ngày làm việc", "NĐ 163/2026 Điều 4", false),
        new("rehab-term-first-months", LegalRegime.Law120, "Thời hạn cai nghiện lần đầu", "24", "tháng", "Luật 120/2025 Điều 29", false),
        new("rehab-term-repeat-months", LegalRegime.Law120, "Thời hạn cai nghiện từ lần thứ hai", "36", "tháng", "Luật 120/2025 Điều 29", false),
        new("repeat-counts-any-form", AnyRegime, "Mọi lần cai nghiện trước (mọi hình thức) đều tính là \"lần trước\"", "true", "", "Luật 120/2025 Điều 29 (cách hiểu, cần xác nhận với C04)", true),
        new("completion-certificate-hours-before", LegalRegime.Law120, "Cấp giấy xác nhận hoàn thành cai nghiện tại gia đình, cộng đồng (Mẫu 28) trước khi kết thúc", "24", "giờ", "Luật 120/2025 Điều 32; NĐ 163/2026 Điều 93", false),
        new("completion-notice-days-before", LegalRegime.Law120, "Thông báo sắp hoàn thành cai nghiện (Mẫu 51)", "30", "ngày", "NĐ 163/2026 Điều 93, 112–125", false),
        new("dossier-prepare-working-days", LegalRegime.Law120, "Lập hồ sơ đề nghị áp dụng biện pháp cai nghiện bắt buộc", "1", "ngày làm việc", "Luật 120/2025 Điều 35; NĐ 163/2026 Điều 100–105", false),
        new("dossier-reading-working-days", LegalRegime.Law120, "Thời gian người bị đề nghị đọc hồ sơ", "3", "ngày làm việc", "Luật 120/2025 Điều 35", false),
        new("dossier-send-working-days", LegalRegime.Law120, "Gửi hồ sơ đến Tòa án nhân dân khu vực sau khi hết thời gian đọc", "1", "ngày làm việc", "Luật 120/2025 Điều 35", false),
        new("dossier-court-query-working-days", LegalRegime.Law120, "Trả lời yêu cầu của Tòa án", "2", "ngày làm việc", "NĐ 163/2026 Điều 100–105", false),
        new("dossier-limitation-months", LegalRegime.Law120, "Thời hiệu áp dụng biện pháp cai nghiện bắt buộc", "3", "tháng", "Luật 120/2025 Điều 35", false),
        new("post-rehab-proposal-working-days", LegalRegime.Law120, "Đề nghị quản lý sau cai nghiện (Mẫu 52) sau khi nhận thông báo hoàn thành", "2", "ngày làm việc", "NĐ 163/2026 Điều 134", false),
        new("post-rehab-years-voluntary", LegalRegime.Law120, "Quản lý sau cai nghiện: hoàn thành cai nghiện tự nguyện, điều trị thay thế, bắt buộc (người 12–dưới 18)", "1", "năm", "Luật 120/2025 Điều 42", false),
        new("post-rehab-years-compulsory-adult", LegalRegime.Law120, "Quản lý sau cai nghiện: người từ đủ 18 tuổi hoàn thành cai nghiện bắt buộc", "2", "năm", "Luật 120/2025 Điều 42", false),
        new("post-rehab-end-certificate-working-days", LegalRegime.Law120, "Cấp giấy chứng nhận hoàn thành quản lý sau cai nghiện (Mẫu 56) trong số ngày làm việc trước khi kết thúc", "3", "ngày làm việc", "NĐ 163/2026 Điều 138", false),
        new("post-rehab-starts-on-completion", AnyRegime, "Thời hạn quản lý sau cai nghiện tính từ ngày hoàn thành cai nghiện (không phải ngày quyết định)", "true", "", "Luật 120/2025 Điều 42; NĐ 163/2026 Điều 134 (cách hiểu)", true),
        new("supervision-decision-hours", LegalRegime.Law120, "Quyết định giám sát điện tử sau quyết định cai nghiện, thông báo tiếp nhận điều trị thay thế hoặc quyết định quản lý sau cai", "12", "giờ", "Luật 120/2025 Điều 12; NĐ 163/2026 Điều 16", false),
        new("supervision-fit-hours", LegalRegime.Law120, "Đeo thiết bị giám sát điện tử sau quyết định", "24", "giờ", "NĐ 163/2026 Điều 17", false),
        new("supervision-reminders-tamper-remove", LegalRegime.Law120, "Số lần nhắc nhở trước khi lập hồ sơ bắt buộc: can thiệp, tháo thiết bị (Điều 24 điểm b, c)", "1", "lần", "NĐ 163/2026 Điều 25; Luật 120/2025 Điều 47.2", false),
        new("supervision-reminders-battery-report", LegalRegime.Law120, "Số lần nhắc nhở trước khi lập hồ sơ bắt buộc: hết pin 24 giờ, không trình báo (Điều 24 điểm d, đ)", "2", "lần", "NĐ 163/2026 Điều 25; Luật 120/2025 Điều 47.2", false),
        new("violations-before-dossier", AnyRegime, "Vi phạm quy định lần thứ mấy thì lập hồ sơ bắt buộc (lần 1 nhắc nhở, lần 2 kiểm điểm)", "3", "lần", "Luật 120/2025 Điều 47 khoản 4", false),
        new("compulsory-minimum-age", AnyRegime, "Tuổi tối thiểu áp dụng cai nghiện bắt buộc", "12", "tuổi", "Luật 120/2025 Điều 36", false),
        new("durations-move-to-working-day", AnyRegime, "Thời hạn của biện pháp (quản lý, cai nghiện) kết thúc vào ngày nghỉ thì lùi sang ngày làm việc", "false", "", "Bộ luật Dân sự 2015 Điều 148 khoản 5 (chưa rõ áp dụng cho thời hạn biện pháp)", true),
        new("due-soon-days", AnyRegime, "Việc cần làm \"sắp đến hạn\" trong số ngày", "3", "ngày", "Cấu hình vận hành (không phải quy định pháp luật)", true),

        // Law 73/2021 + NĐ 105, 116/2021 (decisions before 01/07/2026).
        new("management-decision-hours", LegalRegime.Law73, "Thời hạn ra quyết định quản lý người sử dụng trái phép", "24", "giờ", "Luật 73/2021 Điều 23 (cách hiểu; NĐ 105/2021)", true),
        new("management-term-years", LegalRegime.Law73, "Thời hạn quản lý người sử dụng trái phép", "1", "năm", "Luật 73/2021 Điều 23", false),
        new("management-decider", LegalRegime.Law73, "Người ra quyết định quản lý", "Chủ tịch Ủy ban nhân dân cấp xã", "", "Luật 73/2021 Điều 23", false),
        new("management-notice-hours", LegalRegime.Law73, "Gửi quyết định chấm dứt quản lý", "24", "giờ", "NĐ 105/2021 (cách hiểu)", true),
        new("register-after-addiction-hours", LegalRegime.Law73, "Đăng ký cai nghiện sau khi được thông báo nghiện", "24", "giờ", "NĐ 116/2021 (cách hiểu)", true),
        new("voluntary-decision-hours", LegalRegime.Law73, "Ra quyết định cai nghiện tự nguyện sau khi đăng ký", "24", "giờ", "NĐ 116/2021 (cách hiểu)", true),
        new("start-after-decision-working-days", LegalRegime.Law73, "Bắt đầu cai nghiện sau quyết định", "2", "ngày làm việc", "NĐ 116/2021 (cách hiểu)", true),
        new("voluntary-term-months", LegalRegime.Law73, "Thời hạn cai nghiện tự nguyện (từ–đến)", "6-12", "tháng", "Luật 73/2021 Điều 30, 31", true),
        new("compulsory-adult-term-months", LegalRegime.Law73, "Thời hạn cai nghiện bắt buộc người từ đủ 18 tuổi (từ–đến)", "12-24", "tháng", "Luật 73/2021 Điều 32; Luật XLVPHC Điều 95", false),
        new("compulsory-minor-term-months", LegalRegime.Law73, "Thời hạn cai nghiện bắt buộc người 12–dưới 18 tuổi (từ–đến)", "6-12", "tháng", "Luật 73/2021 Điều 33", true),
        new("completion-certificate-hours-before", LegalRegime.Law73, "Cấp giấy xác nhận hoàn thành cai nghiện trước khi kết thúc", "24", "giờ", "NĐ 116/2021 (cách hiểu)", true),
        new("completion-notice-days-before", LegalRegime.Law73, "Thông báo sắp hoàn thành cai nghiện", "30", "ngày", "NĐ 116/2021 (cách hiểu)", true),
        new("dossier-prepare-working-days", LegalRegime.Law73, "Lập hồ sơ đề nghị áp dụng biện pháp cai nghiện bắt buộc", "1", "ngày làm việc", "NĐ 116/2021 (cách hiểu)", true),
        new("dossier-reading-working-days", LegalRegime.Law73, "Thời gian đọc hồ sơ", "3", "ngày làm việc", "Pháp lệnh 09/2022/UBTVQH15 (cách hiểu)", true),
        new("dossier-send-working-days", LegalRegime.Law73, "Gửi hồ sơ đến Tòa án", "1", "ngày làm việc", "NĐ 116/2021 (cách hiểu)", true),
        new("dossier-court-query-working-days", LegalRegime.Law73, "Trả lời yêu cầu của Tòa án", "2", "ngày làm việc", "NĐ 116/2021 (cách hiểu)", true),
        new("dossier-limitation-months", LegalRegime.Law73, "Thời hiệu áp dụng biện pháp cai nghiện bắt buộc", "3", "tháng", "Luật XLVPHC Điều 6 (cách hiểu)", true),
        new("post-rehab-proposal-working-days", LegalRegime.Law73, "Đề nghị quản lý sau cai nghiện", "2", "ngày làm việc", "NĐ 116/2021 (cách hiểu)", true),
        new("post-rehab-years-voluntary", LegalRegime.Law73, "Quản lý sau cai nghiện: tự nguyện, điều trị thay thế, người chưa thành niên", "1", "năm", "Luật 73/2021 Điều 40", false),
        new("post-rehab-years-compulsory-adult", LegalRegime.Law73, "Quản lý sau cai nghiện: người từ đủ 18 tuổi cai nghiện bắt buộc", "2", "năm", "Luật 73/2021 Điều 40", false),
        new("post-rehab-end-certificate-working-days", LegalRegime.Law73, "Cấp giấy chứng nhận hoàn thành quản lý sau cai nghiện trước khi kết thúc", "3", "ngày làm việc", "NĐ 116/2021 (cách hiểu)", true),
    ];

    private readonly Dictionary<(string Key, string Regime), string> _values;

    public LegalParameters(IReadOnlyDictionary<(string Key, string Regime), string>? overrides = null)
    {
        _values = Catalog.ToDictionary(p => (p.Key, p.Regime), p => p.Value);
        foreach (var (key, value) in overrides ?? new Dictionary<(string, string), string>())
        {
            if (Catalog.Any(p => p.Key == key.Key && p.Regime == key.Regime && p.Configurable))
                _values[key] = value;
        }
    }

    public static LegalParameters Defaults { get; } = new();

    public string Value(string key, string regime) =>
        _values.TryGetValue((key, regime), out var value) ? value
        : _values.TryGetValue((key, AnyRegime), out var shared) ? shared
        : throw new KeyNotFoundException($"Legal parameter {key} is not defined for {regime}.");

    public int Number(string key, string regime) => int.Parse(Value(key, regime), CultureInfo.InvariantCulture);

    public bool Flag(string key) => bool.Parse(Value(key, AnyRegime));

    public (int Min, int Max)? Range(string key, string regime)
    {
        if (!_values.TryGetValue((key, regime), out var value))
            return null;
        var parts = value.Split('-');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[^1], CultureInfo.InvariantCulture));
    }

    public string Source(string key, string regime) =>
        (Catalog.FirstOrDefault(p => p.Key == key && p.Regime == regime) ?? Catalog.First(p => p.Key == key && p.Regime == AnyRegime)).Source;

    /// <summary>Checks an administrator's value for a configurable parameter; null when acceptable.</summary>
    public static string? Validate(LegalParameter parameter, string value)
    {
        if (!parameter.Configurable)
            return "Tham số này đã được xác nhận theo văn bản pháp luật, không sửa được.";
        if (bool.TryParse(parameter.Value, out _))
            return bool.TryParse(value, out _) ? null : "Giá trị phải là true hoặc false.";
        if (parameter.Value.Contains('-', StringComparison.Ordinal))
        {
            var parts = value.Split('-');
            return parts.Length == 2 && int.TryParse(parts[0], out var min) && int.TryParse(parts[1], out var max) && min > 0 && min <= max && max <= 120
                ? null : "Giá trị phải có dạng \"từ-đến\", ví dụ 6-12.";
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 1000
            ? null : "Giá trị phải là số nguyên dương.";
    }
}
