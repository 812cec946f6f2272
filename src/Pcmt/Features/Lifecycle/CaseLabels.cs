namespace Pcmt.Features.Lifecycle;

/// <summary>Vietnamese labels for the states and kinds the file uses in its data.</summary>
public static class CaseLabels
{
    public static string State(string state) => state switch
    {
        "active" => "Đang thực hiện",
        "suspended" => "Tạm đình chỉ",
        "stopped" => "Đã chấm dứt",
        "ended" => "Đã kết thúc",
        "superseded" => "Đã thay bằng quyết định mới",
        "expired" => "Hết thời hạn",
        "decided" => "Đã quyết định",
        "in-progress" => "Đang cai nghiện",
        "completed" => "Hoàn thành",
        "self-terminated" => "Tự ý chấm dứt",
        "used-drugs" => "Sử dụng ma túy trong thời gian cai nghiện",
        "not-started" => "Không thực hiện",
        "refused-supervision" => "Không chấp hành giám sát điện tử",
        "imprisoned" => "Chấp hành án phạt tù",
        "moved" => "Chuyển nơi cư trú",
        "died" => "Chết",
        "intake" => "Tiếp nhận, phân loại",
        "detox" => "Điều trị cắt cơn, giải độc, điều trị rối loạn tâm thần",
        "education" => "Giáo dục, tư vấn, phục hồi hành vi, nhân cách",
        "labour" => "Lao động trị liệu, học nghề",
        "reintegration" => "Chuẩn bị tái hòa nhập cộng đồng",
        "induction" => "Khởi liều",
        "titration" => "Điều chỉnh liều",
        "maintenance" => "Duy trì",
        "taper" => "Giảm liều tiến tới ngừng",
        "terminated-violation" => "Bị chấm dứt do vi phạm",
        "detected" => "Đang lập hồ sơ",
        "prepared" => "Đã lập hồ sơ",
        "reading" => "Đang cho đọc hồ sơ",
        "at-court" => "Đã gửi Tòa án",
        "rejected" => "Tòa án trả hồ sơ",
        "withdrawn" => "Rút hồ sơ",
        "fitted" => "Đã đeo thiết bị",
        "addicted" => "Xác định nghiện",
        _ => state,
    };

    public static string Record(string kind) => kind switch
    {
        CaseEventKinds.DrugTest => "Xét nghiệm chất ma túy",
        CaseEventKinds.ManagementDecision => "Quyết định quản lý (Mẫu 04)",
        CaseEventKinds.ManagementChange => "Thay đổi quản lý (Mẫu 07/08/09)",
        CaseEventKinds.AddictionDetermination => "Xác định tình trạng nghiện",
        CaseEventKinds.RehabRegistration => "Đăng ký cai nghiện",
        CaseEventKinds.RehabEpisode => "Quyết định cai nghiện",
        CaseEventKinds.RehabStart => "Biên bản tiếp nhận (Mẫu 24)",
        CaseEventKinds.RehabEnd => "Kết thúc đợt cai nghiện",
        CaseEventKinds.RehabStage => "Chuyển giai đoạn cai nghiện",
        CaseEventKinds.TherapyAdmission => "Tiếp nhận điều trị thay thế",
        CaseEventKinds.TherapyPhase => "Giai đoạn điều trị thay thế",
        CaseEventKinds.TherapyEnd => "Kết thúc điều trị thay thế",
        CaseEventKinds.DossierOpening => "Phát hiện trường hợp lập hồ sơ bắt buộc",
        CaseEventKinds.DossierStep => "Bước hồ sơ bắt buộc",
        CaseEventKinds.PostRehabDecision => "Quyết định quản lý sau cai nghiện (Mẫu 53)",
        CaseEventKinds.PostRehabEnd => "Kết thúc quản lý sau cai nghiện",
        CaseEventKinds.SupervisionDecision => "Quyết định giám sát điện tử",
        CaseEventKinds.SupervisionFitting => "Đeo thiết bị giám sát",
        CaseEventKinds.Violation => "Vi phạm",
        _ => kind,
    };

    /// <summary>The DOCX form a case prints as, if any.</summary>
    public static string? DocumentForm(CaseView view) => view.Type switch
    {
        "management" => "04",
        "rehab" when view.Title != RehabForms.DisplayName(RehabForms.Compulsory) => "22",
        "post-rehab" => "53",
        _ => null,
    };
}
