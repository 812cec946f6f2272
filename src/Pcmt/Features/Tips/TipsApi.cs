using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Pcmt.Features.Tips;

/// <summary>Tố giác: the public (anonymous) submission and status lookup, and the police's triage.</summary>
public static class TipsApi
{
    /// <summary>The JSON body of the contract, plus provinceCode and schoolName.</summary>
    public sealed record Body(string? CommuneCode, string? ProvinceCode, string? Category, string? Text, string? OccurredOn, string? Contact, string? SchoolName);

    public const int MaxJsonBytes = 64 * 1024;
    public const int MaxFormBytes = (TipImages.MaxPhotos * TipImages.MaxBytes) + (256 * 1024);

    public static void MapTipsApi(this RouteGroupBuilder api)
    {
        var tips = api.MapGroup("/tips").WithTags("Tips");

        tips.MapPost("/", async (HttpContext http, SubmitTip submit, CancellationToken ct) =>
            {
                var (input, error) = await ReadAsync(http, ct);
                if (input is null)
                    return error!;
                return (await submit.HandleAsync(input, ct))
                    .ToHttpResult(r => TypedResults.Created((string?)null, new { receiptCode = r.ReceiptCode, secret = r.Secret }));
            })
            .AllowAnonymous().RequireRateLimiting(TipsFeature.RateLimitPolicy)
            .WithSummary("Gửi tin tố giác (không cần đăng nhập). JSON, hoặc multipart/form-data để gửi kèm tối đa 3 ảnh (trường photos, mỗi ảnh ≤ 5 MB; keepPhotoMetadata=true để giữ thông tin ảnh). Không lưu địa chỉ IP, trình duyệt, cookie hay giờ gửi.");

        tips.MapGet("/status", async (string? code, string? secret, CheckTipStatus check, CancellationToken ct) =>
                await check.HandleAsync(code, secret, ct) is { } answer
                    ? Results.Ok(new { status = answer.Status, updatedOn = answer.UpdatedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })
                    : Problems.NotFound())
            .AllowAnonymous().RequireRateLimiting(TipsFeature.RateLimitPolicy)
            .WithSummary("Tra cứu trạng thái tin tố giác bằng mã tiếp nhận và mã bí mật (không cần đăng nhập); 404 khi sai mã.");

        tips.MapGet("/", (string? status, string? commune, string? category, int? page, int? pageSize, SearchTips search, CancellationToken ct) =>
                PagedResults.ListAsync(page, pageSize, paging => search.HandleAsync(new SearchTips.Filter(status, commune, category), paging, ct)))
            .RequireAuthorization(Permissions.ViewTips)
            .WithSummary("Danh sách tin tố giác: Công an tỉnh thấy tin của tỉnh, Công an xã thấy tin đã chuyển về xã.");

        tips.MapGet("/figures", async (int? year, TipFigures figures, CancellationToken ct) =>
                year is < 2000 or > 2100 ? Problems.Validation("year", "Năm không hợp lệ.") : Results.Ok(await figures.HandleAsync(year, ct)))
            .RequireAuthorization(Permissions.ViewTips)
            .WithSummary("Số liệu tin tố giác theo loại, xã, kết quả; số tin dẫn tới triệt xóa điểm hoặc vụ án.");

        tips.MapGet("/{id:guid}", async (Guid id, GetTip get, CancellationToken ct) =>
                ResultMappings.OkOrNotFound(await get.HandleAsync(id, ct)))
            .RequireAuthorization(Permissions.ViewTips)
            .WithSummary("Nội dung tin tố giác (giải mã; mỗi lượt xem được ghi nhật ký).");

        tips.MapGet("/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, GetTip get, CancellationToken ct) =>
                await get.PhotoAsync(id, photoId, ct) is { } photo ? Results.File(photo.Content, photo.ContentType) : Problems.NotFound())
            .RequireAuthorization(Permissions.ViewTips)
            .WithSummary("Ảnh gửi kèm tin tố giác.");

        tips.MapPost("/{id:guid}/route", async (Guid id, RouteTip.Input input, RouteTip route, CancellationToken ct) =>
                (await route.HandleAsync(id, input, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Permissions.RouteTips)
            .WithSummary("Chuyển tin tố giác về Công an xã/phường để xác minh.");

        tips.MapPost("/{id:guid}/close", async (Guid id, CloseTip.Input input, CloseTip close, CancellationToken ct) =>
                (await close.HandleAsync(id, input, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Permissions.CloseTips)
            .WithSummary("Kết thúc xác minh: kết quả (confirmed | not-confirmed | duplicate), ghi chú, điểm/vụ án/đối tượng liên quan.");
    }

    private static async Task<(SubmitTip.Input? Input, IResult? Error)> ReadAsync(HttpContext http, CancellationToken ct)
    {
        var request = http.Request;
        if (request.HasFormContentType)
        {
            if (request.ContentLength > MaxFormBytes)
                return TooLarge();
            http.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
            {
                MultipartBodyLengthLimit = MaxFormBytes,
                ValueLengthLimit = MaxJsonBytes,
                ValueCountLimit = 50,
                MultipartHeadersLengthLimit = 16 * 1024,
            }));
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (InvalidDataException)
            {
                // The form reader enforces the limits above by throwing.
                return TooLarge();
            }

            var photos = new List<SubmitTip.Photo>();
            foreach (var file in form.Files)
            {
                if (file.Length > TipImages.MaxBytes)
                    return (null, Problems.Validation("photos", "Mỗi ảnh không được lớn hơn 5 MB."));
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                photos.Add(new SubmitTip.Photo(buffer.ToArray()));
            }

            return (new SubmitTip.Input
            {
                CommuneCode = form["communeCode"].FirstOrDefault(),
                ProvinceCode = form["provinceCode"].FirstOrDefault(),
                Category = form["category"].FirstOrDefault(),
                Text = form["text"].FirstOrDefault(),
                OccurredOn = form["occurredOn"].FirstOrDefault(),
                Contact = form["contact"].FirstOrDefault(),
                SchoolName = form["schoolName"].FirstOrDefault(),
                KeepPhotoMetadata = form["keepPhotoMetadata"].FirstOrDefault() is "true" or "on",
                Photos = photos,
            }, null);
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Định dạng nội dung không được hỗ trợ.", detail: "Vui lòng gửi dữ liệu dạng JSON hoặc multipart/form-data."));
        if (request.ContentLength > MaxJsonBytes)
            return TooLarge();
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            body.Write(chunk, 0, read);
            if (body.Length > MaxJsonBytes)
                return TooLarge();
        }

        body.Position = 0;
        Body? parsed;
        try
        {
            parsed = await JsonSerializer.DeserializeAsync<Body>(body, http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions, ct);
        }
        catch (JsonException)
        {
            return (null, Problems.Validation("", Messages.InvalidBody));
        }

        return parsed is null
            ? (null, Problems.Validation("", Messages.InvalidBody))
            : (new SubmitTip.Input
            {
                CommuneCode = parsed.CommuneCode,
                ProvinceCode = parsed.ProvinceCode,
                Category = parsed.Category,
                Text = parsed.Text,
                OccurredOn = parsed.OccurredOn,
                Contact = parsed.Contact,
                SchoolName = parsed.SchoolName,
            }, null);
    }

    private static (SubmitTip.Input?, IResult?) TooLarge() =>
        (null, TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Nội dung gửi quá lớn.",
            detail: $"Nội dung tố giác tối đa {Format.Number(SubmitTip.MaxTextLength)} ký tự, tối đa {TipImages.MaxPhotos} ảnh, mỗi ảnh không quá 5 MB."));
}
