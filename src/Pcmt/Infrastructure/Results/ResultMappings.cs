using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Pcmt.Infrastructure.Results;

/// <summary>Maps expected failures onto HTTP problem details (API) and onto ModelState (pages).</summary>
public static class ResultMappings
{
    public static IResult ToHttpResult<T>(this Result<T> result, Func<T, IResult> onSuccess) =>
        result.Succeeded ? onSuccess(result.Value) : result.Failure.ToHttpResult();

    public static IResult ToHttpResult(this Failure failure) => failure switch
    {
        Failure.NotFound => Problems.NotFound(),
        Failure.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Không có quyền thực hiện thao tác này."),
        Failure.Conflict conflict => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Xung đột dữ liệu.",
            detail: conflict.Message,
            extensions: conflict.Extensions),
        Failure.Invalid invalid => Problems.Validation(invalid.Errors),
        _ => throw new InvalidOperationException($"Unmapped failure {failure.GetType().Name}."),
    };

    public static void AddFailure(this ModelStateDictionary modelState, Failure failure, string prefix = "Input")
    {
        switch (failure)
        {
            case Failure.Invalid invalid:
                foreach (var (field, messages) in invalid.Errors)
                {
                    var key = string.IsNullOrEmpty(field) ? "" : $"{prefix}.{field}";
                    foreach (var message in messages)
                        modelState.AddModelError(key, message);
                }

                break;
            case Failure.Conflict conflict:
                modelState.AddModelError("", conflict.Message);
                break;
            case Failure.NotFound:
                modelState.AddModelError("", "Không tìm thấy dữ liệu hoặc bạn không có quyền xem.");
                break;
            default:
                modelState.AddModelError("", "Không có quyền thực hiện thao tác này.");
                break;
        }
    }

    /// <summary>Unwraps a 404-or-value for endpoints that return data.</summary>
    public static Results<Ok<T>, ProblemHttpResult> OkOrNotFound<T>(T? value) where T : class =>
        value is null ? Problems.NotFound() : TypedResults.Ok(value);
}
