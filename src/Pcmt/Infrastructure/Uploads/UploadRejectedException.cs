namespace Pcmt.Infrastructure.Uploads;

/// <summary>
/// An uploaded file refused before or while it is read. The message is Vietnamese and never quotes the file's content,
/// so it may be shown and logged as is.
/// </summary>
public sealed class UploadRejectedException : Exception
{
    public UploadRejectedException(string message, int statusCode = StatusCodes.Status400BadRequest, IDictionary<string, string[]>? errors = null)
        : base(message)
    {
        StatusCode = statusCode;
        Errors = errors ?? new Dictionary<string, string[]> { ["file"] = [message] };
    }

    public UploadRejectedException()
        : this("Tệp tải lên không hợp lệ.")
    {
    }

    public int StatusCode { get; }

    public IDictionary<string, string[]> Errors { get; }

    public IResult ToHttpResult() => StatusCode == StatusCodes.Status413PayloadTooLarge
        ? TypedResults.Problem(statusCode: StatusCode, title: "Tệp quá lớn.", detail: Message)
        : Problems.Validation(Errors);
}
