using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pcmt.Infrastructure.Web;

/// <summary>
/// Issue 18 (abuse test): a JSON body whose lists hold <c>null</c> elements (<c>"suspects": [null, null]</c>,
/// <c>"fields": [null]</c>) is refused with a Vietnamese 400 before any handler runs, on every API route, instead of reaching
/// code that reads the elements. A null element is never meaningful input. Walks the bound body's properties (its own types
/// only, a few levels deep); the cost is one reflection pass per request body.
/// </summary>
public sealed class NullElementsFilter : IEndpointFilter
{
    private const int MaxDepth = 6;

    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name)[]> Properties = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // Only the JSON body the endpoint declares (never its services).
        var bodyType = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
        if (bodyType is not null && Inspected(bodyType))
        {
            foreach (var argument in context.Arguments)
            {
                if (argument is not null && bodyType.IsInstanceOfType(argument) && FirstNullElement(argument, "", 0) is { } field)
                    return Problems.Validation(field, $"Danh sách \"{field}\" có phần tử trống (null); bỏ phần tử đó hoặc điền đủ thông tin.");
            }
        }

        return await next(context);
    }

    /// <summary>The app's own input types (records and classes of Pcmt); framework types are not walked.</summary>
    private static bool Inspected(Type type) =>
        type.IsClass && type != typeof(string) && type.Assembly == typeof(NullElementsFilter).Assembly
        && !typeof(Delegate).IsAssignableFrom(type);

    private static string? FirstNullElement(object value, string path, int depth)
    {
        if (depth > MaxDepth)
            return null;
        foreach (var (property, name) in PropertiesOf(value.GetType()))
        {
            object? child;
            try
            {
                child = property.GetValue(value);
            }
            catch (TargetInvocationException)
            {
                continue; // a computed property that throws is not input
            }

            var childPath = path.Length == 0 ? name : path + "." + name;
            if (child is null or string)
                continue;
            if (child is IEnumerable list && child is not IDictionary)
            {
                var index = 0;
                foreach (var element in list)
                {
                    if (element is null)
                        return childPath;
                    if (Inspected(element.GetType()) && FirstNullElement(element, $"{childPath}[{index}]", depth + 1) is { } inner)
                        return inner;
                    if (++index > 100_000)
                        break;
                }
            }
            else if (Inspected(child.GetType()) && FirstNullElement(child, childPath, depth + 1) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private static (PropertyInfo Property, string Name)[] PropertiesOf(Type type) =>
        Properties.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null)
            .Select(p => (p, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name)))
            .ToArray());
}
