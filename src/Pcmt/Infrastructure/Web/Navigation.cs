namespace Pcmt.Infrastructure.Web;

/// <summary>The main menu: each module adds one line; an item shows only to users whose role grants its permission.</summary>
public static class Navigation
{
    public sealed record Item(string Title, string Page, string? Permission);

    public static readonly IReadOnlyList<Item> Items =
    [
        new("Trang chủ", "/Index", null),
        new("Bảng điều khiển", "/Dashboard/Index", Permissions.ViewAdministrativeUnits),
        new("Việc cần làm", "/Lifecycle/WorkItems", Permissions.ViewPersons),
        new("Đối tượng", "/Persons/Index", Permissions.ViewPersons),
        new("Danh sách quản lý", "/Lifecycle/Lists", Permissions.ViewPersons),
        new("Chuyển địa bàn", "/Persons/Transfers", Permissions.ViewPersons),
        new("Rà soát trùng", "/Persons/Duplicates", Permissions.ReviewDuplicates),
        new("Đối chiếu dân cư", "/Population/Index", Permissions.CheckPopulation), // National population database link (issue 16)
        new("Đơn vị hành chính", "/AdministrativeUnits/Index", Permissions.ViewAdministrativeUnits),
        new("Phân loại địa bàn", "/Classification/Index", Permissions.ClassifyCommunes),
        new("Cơ sở", "/Facilities/Index", Permissions.ViewAdministrativeUnits),
        // Agencies, plans, tasks, projects and budget (issue 12)
        new("Kế hoạch", "/Plans/Index", Permissions.ViewPlans),
        new("Nhiệm vụ", "/Plans/Tasks", Permissions.ViewPlans),
        new("Kinh phí", "/Plans/Budget", Permissions.ViewPlans),
        new("Cơ quan, đơn vị", "/Agencies/Index", Permissions.ViewAdministrativeUnits),
        // Periodic reports
        new("Báo cáo định kỳ", "/Reports/Index", Permissions.ViewAdministrativeUnits),
        new("Duyệt báo cáo", "/Reports/Review", Permissions.ReviewReports),
        new("Tin tố giác", "/Tips/Index", Permissions.ViewTips), // Tips
        new("Tổ quản lý, người hỗ trợ", "/Community/Teams", Permissions.ViewTeams), // Community (issue 15)
        new("Tuyên truyền, giáo dục", "/Community/Index", Permissions.ViewCommunication), // Community (issue 15)
        // Enforcement (issue 14)
        new("Vụ án ma túy", "/Enforcement/Index", Permissions.ViewSupplySide),
        new("Điểm, tụ điểm ma túy", "/SupplySide/Index", Permissions.ViewSupplySide),
        new("Hoạt động hợp pháp", "/LawfulActivities/Index", Permissions.ViewLawfulActivities), // issue 14
        new("Tài khoản", "/Users/Index", Permissions.ManageUsers),
        new("Nhật ký hệ thống", "/Audit/Index", Permissions.ViewAuditLog),
        new("Sự cố dữ liệu cá nhân", "/DataBreaches/Index", Permissions.ManageDataBreaches), // issue 18
        new("Việc cần làm", "/Lifecycle/WorkItems", Permissions.ManageDataBreaches), // issue 18: breach notification deadlines (shown once, see _Layout)
        new("Giấy chứng nhận đã cấp", "/Facilities/Certificates", Permissions.IssueFacilityCertificates), // issue 16: Form 50 issued by the facility
    ];
}
