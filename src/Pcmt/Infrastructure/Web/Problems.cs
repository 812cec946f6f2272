using Microsoft.AspNetCore.Http.HttpResults;

namespace Pcmt.Infrastructure.Web;

/// <summary>RFC 7807 answers with Vietnamese titles, as the API contract requires.</summary>
public static class Problems
{
    public const string ValidationTitle = "Dữ liệu không hợp lệ.";

    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy.", detail: "Không tìm thấy dữ liệu hoặc bạn không có quyền xem.");

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: ValidationTitle,
            detail: string.Join(" ", errors.SelectMany(e => e.Value)),
            extensions: new Dictionary<string, object?> { ["errors"] = ToCamelCase(errors) });

    public static ProblemHttpResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    private static Dictionary<string, string[]> ToCamelCase(IDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => CamelCase(e.Key), e => e.Value);

    private static string CamelCase(string name) =>
        string.Join('.', name.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
