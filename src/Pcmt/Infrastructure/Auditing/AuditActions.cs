namespace Pcmt.Infrastructure.Auditing;

/// <summary>The actions an audit entry records, with their Vietnamese labels for the audit pages.</summary>
public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Read = "read";
    public const string Export = "export";
    public const string List = "list";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Create] = "Thêm mới",
        [Update] = "Sửa",
        [Delete] = "Xóa",
        [Read] = "Xem",
        [Export] = "Xuất dữ liệu",
        [List] = "Xem danh sách",
        [SignIn] = "Đăng nhập",
        [SignInFailed] = "Đăng nhập thất bại",

        // National population database link (issue 16)
        ["population-check"] = "Đối chiếu CSDL quốc gia về dân cư",
        ["population-accept"] = "Cập nhật theo CSDL quốc gia về dân cư",
    };

    public static string Label(string action) => Labels.TryGetValue(action, out var label) ? label : action;
}
