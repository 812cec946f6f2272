using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Pcmt.Infrastructure.Uploads;

/// <summary>The size limit of an upload route, as endpoint metadata (read by <see cref="UploadSizeMiddleware"/> and by Kestrel).</summary>
public sealed record UploadMetadata(UploadLimits Limits) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => Limits.MaxBytes + (64 * 1024); // the file plus the form's other fields
}

public static class UploadEndpoints
{
    /// <summary>
    /// Marks a minimal-API route as an upload of a table: body size limited before it is read (413), form limits to match,
    /// and every <see cref="UploadRejectedException"/> of the handler answered as a 400/413 problem in Vietnamese.
    /// </summary>
    public static RouteHandlerBuilder AcceptsUpload(this RouteHandlerBuilder builder, UploadLimits limits) =>
        builder
            .WithMetadata(new UploadMetadata(limits))
            .WithFormOptions(multipartBodyLengthLimit: limits.MaxBytes + (64 * 1024))
            .AddEndpointFilter(async (context, next) =>
            {
                try
                {
                    return await next(context);
                }
                catch (UploadRejectedException rejected)
                {
                    return rejected.ToHttpResult();
                }
            })
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    /// <summary>Refuses an uploaded form file by name and size before it is opened; the handler then checks its content.</summary>
    public static UploadFormat Accept(IFormFile file, UploadLimits limits)
    {
        if (UploadGuard.FormatOf(file.FileName) is not { } format)
            throw new UploadRejectedException(UploadGuard.WrongType);
        if (file.Length > limits.MaxBytes)
            throw UploadGuard.TooLarge(limits);
        return format;
    }
}

/// <summary>
/// A request announcing a body larger than its route allows (an upload route's <see cref="UploadMetadata"/> or a page's
/// [RequestSizeLimit]) is answered 413 before any of it is read; the server's own body-size limit is set to match.
/// </summary>
public sealed class UploadSizeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { MaxRequestBodySize: { } max })
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = max;
            if (context.Request.ContentLength > max)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    var limits = context.GetEndpoint()?.Metadata.GetMetadata<UploadMetadata>()?.Limits ?? new UploadLimits { MaxBytes = max };
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Title = "Tệp quá lớn.", Detail = UploadGuard.TooLarge(limits).Message },
                    });
                }

                return;
            }
        }

        await next(context);
    }
}
