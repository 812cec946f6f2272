using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features;

/// <summary>Vietnamese pages for 404, 403, 429 and other status codes (re-executed by the status-code middleware).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public void OnGet(int code) => (Title, Message) = code switch
    {
        404 => ("Không tìm thấy trang", "Trang bạn tìm không tồn tại hoặc bạn không có quyền xem."),
        403 => ("Không có quyền truy cập", "Tài khoản của bạn không được phép mở trang này."),
        405 => ("Thao tác không được hỗ trợ", "Trang này không hỗ trợ thao tác vừa thực hiện."),
        429 => ("Quá nhiều yêu cầu", "Bạn đã thử quá nhiều lần. Vui lòng đợi một phút rồi thử lại."),
        400 => ("Yêu cầu không hợp lệ", "Yêu cầu gửi lên không hợp lệ. Vui lòng tải lại trang và thử lại."),
        _ => ("Có lỗi xảy ra", $"Máy chủ trả về mã {code}."),
    };

    public void OnPost(int code) => OnGet(code);
}
