using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;

namespace Pcmt.Infrastructure.Web;

/// <summary>Gives every problem-details answer (including the framework's own: bad JSON, 404, 405, 500) a Vietnamese title.</summary>
public static class VietnameseProblemDetails
{
    private static readonly Dictionary<int, (string Title, string Detail)> Texts = new()
    {
        [400] = ("Yêu cầu không hợp lệ.", Messages.InvalidBody),
        [401] = ("Chưa đăng nhập.", "Vui lòng đăng nhập hoặc gửi mã truy cập hợp lệ (Authorization: Bearer …)."),
        [403] = ("Không có quyền truy cập.", "Tài khoản của bạn không được phép thực hiện thao tác này."),
        [404] = ("Không tìm thấy.", "Không tìm thấy dữ liệu hoặc bạn không có quyền xem."),
        [405] = ("Phương thức không được hỗ trợ.", "Địa chỉ này không hỗ trợ phương thức HTTP đã gửi."),
        [409] = ("Xung đột dữ liệu.", "Dữ liệu đã thay đổi hoặc đã tồn tại."),
        [413] = ("Tệp hoặc nội dung quá lớn.", "Nội dung gửi lên vượt quá giới hạn cho phép của chức năng này."),
        [415] = ("Định dạng nội dung không được hỗ trợ.", "Vui lòng gửi dữ liệu dạng JSON (Content-Type: application/json)."),
        [429] = ("Quá nhiều yêu cầu.", "Bạn đã thử quá nhiều lần. Vui lòng đợi một phút rồi thử lại."),
        [500] = ("Lỗi hệ thống.", "Đã xảy ra lỗi ngoài dự kiến. Lỗi đã được ghi lại; vui lòng thử lại sau hoặc liên hệ quản trị hệ thống."),
    };

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (!Texts.TryGetValue(status, out var text))
            return;

        // Framework-made problems carry English titles; ours are already Vietnamese and are kept.
        if (problem.Title is null || IsAscii(problem.Title))
        {
            problem.Title = text.Title;
            problem.Detail = text.Detail;
        }

        problem.Extensions.Remove("exception");
        if (context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity is { } activity)
            problem.Extensions["traceId"] = activity.TraceId.ToString();
    }

    public static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = "60";
        var writer = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = 429 } });
    }

    private static bool IsAscii(string text) => text.All(char.IsAscii);
}

public static class RateLimits
{
    public const string SignIn = "sign-in";
}
