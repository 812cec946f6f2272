namespace Pcmt.Infrastructure.Web;

/// <summary>Vietnamese validation messages shared by every form, import and API input.</summary>
public static class Messages
{
    public const string Required = "Vui lòng nhập {0}.";
    public const string MaxLength = "{0} không được dài quá {1} ký tự.";
    public const string LengthRange = "{0} phải dài từ {2} đến {1} ký tự.";
    public const string Range = "{0} phải nằm trong khoảng từ {1} đến {2}.";
    public const string InvalidFormat = "{0} không đúng định dạng.";
    public const string StaleEdit = "Bản ghi đã được người khác thay đổi sau khi bạn mở nó. Vui lòng tải lại trang để xem dữ liệu mới nhất rồi nhập lại thay đổi của bạn.";
    public const string InvalidBody = "Nội dung yêu cầu không đúng định dạng JSON hoặc có trường sai kiểu dữ liệu.";
}
