using Microsoft.AspNetCore.Identity;

namespace Pcmt.Features.Users;

public static class IdentityResultExtensions
{
    /// <summary>Identity errors keyed by the input field they concern (password rules → "Password").</summary>
    public static Dictionary<string, string[]> ToFieldErrors(this IEnumerable<IdentityError> errors) =>
        errors.GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password"
                : e.Code.Contains("UserName", StringComparison.Ordinal) ? "UserName" : "")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
}
