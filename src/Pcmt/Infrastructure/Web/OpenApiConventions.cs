using System.Globalization;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace Pcmt.Infrastructure.Web;

/// <summary>
/// The OpenAPI document (/openapi/v1.json) made right for generated clients, for every endpoint at once (no *Api.cs file
/// needs to do anything): schemas of nested types are named with their declaring type ("PersonsApi.MergeInput",
/// "RegisterPerson.Input"), so eleven different "Input" records no longer collapse into one; every operation gets a stable
/// operationId from its method and route ("postPersonsByIdDrugTests"), and a description (its Vietnamese summary).
/// </summary>
public static class OpenApiConventions
{
    public static void Configure(OpenApiOptions options)
    {
        options.CreateSchemaReferenceId = SchemaReferenceId;
        options.AddOperationTransformer((operation, context, _) =>
        {
            operation.OperationId ??= OperationId(context.Description.HttpMethod ?? "GET", context.Description.RelativePath ?? "");
            if (string.IsNullOrWhiteSpace(operation.Description))
                operation.Description = operation.Summary;
            return Task.CompletedTask;
        });
    }

    /// <summary>The default id, prefixed by the declaring types of a nested type.</summary>
    public static string? SchemaReferenceId(JsonTypeInfo typeInfo)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(typeInfo);
        if (id is null)
            return null;
        var prefix = new StringBuilder();
        for (var declaring = typeInfo.Type.DeclaringType; declaring is not null; declaring = declaring.DeclaringType)
            prefix.Insert(0, Clean(declaring.Name) + ".");
        return prefix.Length == 0 ? id : prefix + id;
    }

    /// <summary>"POST" + "api/v1/persons/{id}/drug-tests" → "postPersonsByIdDrugTests": unique because method and route are.</summary>
    public static string OperationId(string method, string relativePath)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        var path = relativePath.Split('?')[0];
        if (path.StartsWith("api/v1/", StringComparison.Ordinal))
            path = path["api/v1/".Length..];
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.StartsWith('{'))
                id.Append("By").Append(Pascal(segment.Trim('{', '}').Split(':')[0]));
            else
                id.Append(Pascal(segment));
        }

        return id.ToString();
    }

    private static string Pascal(string text) =>
        string.Concat(text.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..]));

    private static string Clean(string name) => name.Split('`')[0];
}
