namespace Pcmt.Features.Audit;

/// <summary>
/// Vietnamese names for what the audit trail records: entity types and changed fields. Identity and concurrency plumbing
/// (stamps, hashes, counters, folded search keys) is hidden: it tells an administrator nothing.
/// </summary>
public static class AuditLabels
{
    public static readonly IReadOnlyDictionary<string, string> Entities = new Dictionary<string, string>
    {
        ["AdministrativeUnit"] = "Đơn vị hành chính",
        ["UnitSuccession"] = "Sáp nhập đơn vị hành chính",
        ["CommunePopulation"] = "Dân số xã",
        ["Person"] = "Hồ sơ đối tượng",
        ["DuplicateReview"] = "Rà soát hồ sơ trùng",
        ["AccessGrant"] = "Quyền truy cập khẩn cấp",
        ["Transfer"] = "Chuyển địa bàn",
        ["ImportReject"] = "Dòng nhập bị từ chối",
        ["ImportJob"] = "Lượt nhập dữ liệu",
        ["CaseRecord"] = "Bản ghi hồ sơ quản lý",
        ["WorkItem"] = "Việc cần làm",
        ["ListEntry"] = "Danh sách quản lý",
        ["LegalParameterSetting"] = "Tham số pháp lý",
        ["PublicHoliday"] = "Ngày nghỉ lễ",
        ["Facility"] = "Cơ sở",
        ["SupportService"] = "Dịch vụ hỗ trợ",
        ["CommuneClassification"] = "Phân loại địa bàn",
        ["IndicatorTarget"] = "Chỉ tiêu kế hoạch",
        ["Hotspot"] = "Điểm, tụ điểm ma túy",
        ["Arrest"] = "Vụ bắt giữ",
        ["CultivationFind"] = "Phát hiện trồng cây có chất ma túy",
        ["HotspotRoute"] = "Tuyến, địa bàn trọng điểm",
        ["User"] = "Tài khoản",
        ["IdentityUserToken<Guid>"] = "Mã xác thực",
        ["IdentityUserToken"] = "Mã xác thực",
        ["AuditEntry"] = "Nhật ký",
    };

    /// <summary>Fields never shown: Identity's and EF's plumbing and derived search keys.</summary>
    public static readonly IReadOnlySet<string> Hidden = new HashSet<string>(StringComparer.Ordinal)
    {
        "ConcurrencyStamp", "SecurityStamp", "AccessFailedCount", "PasswordHash", "NormalizedUserName", "NormalizedEmail",
        "EmailConfirmed", "PhoneNumberConfirmed", "LockoutEnabled", "TwoFactorEnabled", "Version", "UpdatedAt", "SearchName",
        "NameKey", "CitizenIdIndex", "LegacyIdIndex", "HeartbeatAt", "Id",
    };

    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["AcceptedAt"] = "thời điểm tiếp nhận", ["AcceptedBy"] = "người tiếp nhận", ["Address"] = "địa chỉ", ["Aliases"] = "tên gọi khác",
        ["ApprovedBy"] = "người phê duyệt", ["AreaM2"] = "diện tích", ["ArrestedOn"] = "ngày bắt giữ", ["AssigneeUserName"] = "cán bộ phụ trách",
        ["Authority"] = "thẩm quyền", ["BirthYear"] = "năm sinh", ["CandidateId"] = "hồ sơ có thể trùng", ["ChangedAt"] = "thời điểm thay đổi",
        ["ChangedBy"] = "người thay đổi", ["CitizenIdOverrideReason"] = "lý do chấp nhận số định danh", ["CitizenIdProtected"] = "số định danh",
        ["Class"] = "phân loại", ["ClearedOn"] = "ngày xóa điểm", ["CommuneCode"] = "xã/phường", ["Communes"] = "các xã",
        ["ComputedAt"] = "thời điểm tính", ["ComputedClass"] = "phân loại tính toán", ["Content"] = "nội dung", ["CreatedAt"] = "ngày tạo",
        ["Criteria"] = "tiêu chí", ["CriteriaVersion"] = "phiên bản tiêu chí", ["Current"] = "còn hiệu lực", ["Date"] = "ngày",
        ["DateOfBirth"] = "ngày sinh", ["DecidedOn"] = "ngày quyết định", ["DecisionNumber"] = "số quyết định", ["DefaultCommuneCode"] = "xã mặc định",
        ["Description"] = "mô tả", ["DestroyedOn"] = "ngày tiêu hủy", ["DetectedOn"] = "ngày phát hiện", ["Done"] = "đã thực hiện",
        ["DueAt"] = "hạn", ["Education"] = "trình độ học vấn", ["Ethnicity"] = "dân tộc", ["ExpiresAt"] = "hết hạn",
        ["FileCode"] = "mã hồ sơ", ["FileName"] = "tên tệp", ["FinishedAt"] = "thời điểm kết thúc", ["Flags"] = "tình trạng đặc biệt",
        ["Form"] = "mẫu", ["FoundOn"] = "ngày phát hiện", ["FromCommuneCode"] = "xã chuyển đi", ["FromOn"] = "từ ngày",
        ["FromProvinceCode"] = "tỉnh chuyển đi", ["FullName"] = "họ và tên", ["GrantedAt"] = "thời điểm cấp", ["GuardianName"] = "người giám hộ",
        ["GuardianPhoneProtected"] = "điện thoại người giám hộ", ["GuardianRelation"] = "quan hệ với người giám hộ", ["ImportValidRows"] = "nhập dòng hợp lệ",
        ["Key"] = "khóa", ["Kind"] = "loại", ["LegacyIdProtected"] = "số CMND cũ", ["LegalBasis"] = "căn cứ", ["List"] = "danh sách",
        ["ManualReason"] = "lý do điều chỉnh", ["MaritalStatus"] = "tình trạng hôn nhân", ["MergedIntoId"] = "gộp vào hồ sơ", ["Name"] = "tên",
        ["Names"] = "các tên", ["Occupation"] = "nghề nghiệp", ["OccurredAt"] = "thời điểm", ["Offenders"] = "số người vi phạm",
        ["Outcome"] = "kết quả", ["OverdueSince"] = "quá hạn từ", ["Payload"] = "nội dung", ["Permanent"] = "thường trú",
        ["PersonId"] = "đối tượng", ["PhoneProtected"] = "điện thoại", ["Plants"] = "số cây", ["ProvidedOn"] = "ngày cung cấp",
        ["Provider"] = "đơn vị cung cấp", ["ProvinceCode"] = "tỉnh", ["Provisional"] = "tạm thời", ["Reason"] = "lý do", ["Reasons"] = "lý do",
        ["RecordedAt"] = "thời điểm ghi", ["RecordedBy"] = "người ghi", ["Regime"] = "luật áp dụng", ["RejectId"] = "dòng bị từ chối",
        ["RemovalReason"] = "lý do đưa ra", ["Removed"] = "đã đưa ra", ["RequestedAt"] = "thời điểm đề nghị", ["RequestedBy"] = "người đề nghị",
        ["RequestedOn"] = "ngày đề nghị", ["ResidenceCommuneCode"] = "xã/phường nơi ở", ["ResidentOffenders"] = "người vi phạm cư trú",
        ["Residents"] = "số người", ["Result"] = "kết quả", ["ReviewedAt"] = "thời điểm rà soát", ["ReviewedBy"] = "người rà soát",
        ["Role"] = "vai trò", ["Scope"] = "phạm vi", ["ScopeCode"] = "phạm vi", ["ScopeKind"] = "loại phạm vi", ["Score"] = "điểm",
        ["Sequence"] = "số thứ tự", ["Sex"] = "giới tính", ["SourceId"] = "hồ sơ nguồn", ["StartedAt"] = "thời điểm bắt đầu",
        ["Status"] = "tình trạng", ["Substances"] = "chất ma túy", ["Temporary"] = "tạm trú", ["Title"] = "tên việc", ["ToCommuneCode"] = "xã chuyển đến",
        ["ToOn"] = "đến ngày", ["ToProvinceCode"] = "tỉnh chuyển đến", ["Total"] = "tổng", ["Unit"] = "đơn vị", ["UnitId"] = "đơn vị",
        ["UserId"] = "tài khoản", ["UserName"] = "tên đăng nhập", ["Value"] = "giá trị", ["Year"] = "năm", ["LockoutEnd"] = "khóa đến",
        ["Locked"] = "khóa tài khoản", ["Capacity"] = "công suất", ["Licence"] = "giấy phép", ["Active"] = "đang hoạt động",
        ["Population"] = "dân số", ["Target"] = "chỉ tiêu", ["Email"] = "thư điện tử", ["PhoneNumber"] = "điện thoại",
        ["TwoFactorSecret"] = "xác thực hai lớp", ["LoginProvider"] = "nhà cung cấp đăng nhập",
    };

    public static string Entity(string type) => Entities.TryGetValue(type, out var name) ? name : type;

    /// <summary>"FullName,ConcurrencyStamp,Address" → "họ và tên, địa chỉ"; free text (not a field list) is kept as it is.</summary>
    public static string Detail(string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail))
            return "";
        var parts = detail.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (!parts.All(p => p.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && p.Length > 0 && char.IsAsciiLetterUpper(p[0])))
            return detail;
        return string.Join(", ", parts.Where(p => !Hidden.Contains(p)).Select(p => Fields.TryGetValue(p, out var name) ? name : p));
    }
}
