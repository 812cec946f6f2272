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
        new("Tài khoản", "/Users/Index", Permissions.ManageUsers),
        new("Nhật ký hệ thống", "/Audit/Index", Permissions.ViewAuditLog),
    ];
}
