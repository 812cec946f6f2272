using System.ComponentModel.DataAnnotations;

namespace Pcmt.Infrastructure.Web;

/// <summary>Runs the DataAnnotations of an input the same way for pages, API, CLI and imports.</summary>
public static class Validation
{
    public static Dictionary<string, string[]>? Errors(object input)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true))
            return null;

        return results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(member => (member, message: r.ErrorMessage ?? "")))
            .GroupBy(x => x.member)
            .ToDictionary(g => g.Key, g => g.Select(x => x.message).ToArray());
    }
}
