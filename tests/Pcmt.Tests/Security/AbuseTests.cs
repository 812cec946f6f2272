using System.Collections;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Pcmt.Tests.Security;

/// <summary>
/// Issue 18, "abuse test": every POST/PUT/PATCH route of the app's own route table (routes added later are included by
/// themselves) gets hostile bodies as an authorised user: {}, null, wrong types, 1 MB strings, negative and huge numbers,
/// impossible dates, malformed and deeply nested JSON, the wrong content type, garbage files for uploads. No answer may be a
/// 500 or a dropped connection, and a refused request (4xx) must leave every table's row count and the audit chain as they were.
/// Its own application and database: an accepted hostile body (a holiday, a legal parameter) must not change other tests' rules.
/// </summary>
[Collection(nameof(AbuseCollection))]
public sealed partial class AbuseTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly string Huge = new('ư', 512 * 1024); // 1 MB of UTF-8: one per upload form and per "1 MB body" attempt

    /// <summary>Every string property of a body gets this (128 KB of UTF-8: thirty times the longest field any route accepts), so a body stays near 1 MB.</summary>
    private static readonly string Long = new('ư', 64 * 1024);

    private sealed record Route(string Key, string Method, string Url, bool IsForm, Type? BodyType, bool PoliceMayCall);

    private sealed record Attempt(string Name, Func<HttpContent> Content);

    /// <summary>The whole run is cancelled after this (a hang fails the test instead of holding CI).</summary>
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(240);

    /// <summary>One request may take this long (a 1 MB body on a loaded machine) before it counts as a dropped connection.</summary>
    private static readonly TimeSpan RequestLimit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task No_write_route_answers_500_or_drops_the_connection_or_changes_data_when_it_refuses()
    {
        var watch = Stopwatch.StartNew();
        using var run = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        run.CancelAfter(RunLimit);
        var police = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var admin = await app.AdminAsync();
        var person = await RegisterPersonAsync(police);

        var routes = WriteRoutes(person);
        Assert.True(routes.Count >= 40, $"only {routes.Count} write routes found");
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var requests = 0;
        var rechecked = 0;
        await DataFingerprint.SettledAsync(app);
        foreach (var route in routes)
        {
            // The province police officer of 19, or the administrator for routes whose permission only the administrator holds.
            var client = route.PoliceMayCall ? police : admin;
            var attempts = Attempts(route).ToList();
            requests += attempts.Count;
            var before = await DataFingerprint.TakeAsync(app);

            // The route's hostile requests, four at a time; the data are compared once for the route. Only when something was
            // accepted, or the data moved, is the route replayed one request at a time with a settled picture around each.
            var answers = new System.Collections.Concurrent.ConcurrentBag<(Attempt Attempt, HttpStatusCode Status)>();
            await Parallel.ForEachAsync(attempts, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = run.Token }, async (attempt, _) =>
            {
                var (status, error) = await SendAsync(client, route, attempt, run.Token);
                if (error is not null)
                    failures.Enqueue($"{route.Key} [{attempt.Name}]: connection dropped ({error})");
                else if ((int)status >= 500)
                    failures.Enqueue($"{route.Key} [{attempt.Name}]: {(int)status}");
                answers.Add((attempt, status));
            });

            var after = await DataFingerprint.TakeAsync(app);
            var refusedAll = answers.All(a => (int)a.Status is >= 400 and < 500);
            if (refusedAll && after.Equals(before))
                continue;

            // A background job (a read audit, the daily legal review) may have written meanwhile, or a hostile body was accepted
            // (a holiday, a legal parameter): each refused request again, alone, on a settled database.
            foreach (var (attempt, status) in answers.Where(a => (int)a.Status is >= 400 and < 500))
            {
                rechecked++;
                var settled = await DataFingerprint.SettledAsync(app);
                var (again, _) = await SendAsync(client, route, attempt, run.Token);
                var changed = await DataFingerprint.TakeAsync(app);
                if ((int)again is >= 400 and < 500 && !changed.Equals(settled))
                    failures.Enqueue($"{route.Key} [{attempt.Name}]: refused with {(int)again} but data changed: {settled.Difference(changed)}");
            }
        }

        watch.Stop();
        var summary = $"abuse: {routes.Count} routes, {requests} hostile requests ({rechecked} replayed alone) in {watch.Elapsed.TotalSeconds:N1} s";
        TestContext.Current.SendDiagnosticMessage(summary);
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Assert.True(failures.IsEmpty, $"{failures.Count} failures of {requests} requests:\n" + string.Join("\n", failures.Take(60)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(180), $"the abuse run took {watch.Elapsed}");
    }

    private static async Task<Guid> RegisterPersonAsync(HttpClient police)
    {
        var citizenId = $"019090{Random.Shared.Next(1_000_000):D6}";
        var response = await police.PostAsJsonAsync("/api/v1/persons", new
        {
            fullName = "Lạm Dụng Văn Thử",
            aliases = Array.Empty<string>(),
            dateOfBirth = "1990-05-12",
            sex = "male",
            citizenId,
            residenceCommuneCode = "05443",
            address = "Tổ 1",
            substances = new[] { "methamphetamine" },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    private List<Route> WriteRoutes(Guid person)
    {
        var routes = new List<Route>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (!pattern.StartsWith("/api/", StringComparison.Ordinal))
                continue;
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                if (method is not ("POST" or "PUT" or "PATCH"))
                    continue;
                var url = pattern
                    .Replace("{id:guid}", person.ToString(), StringComparison.Ordinal)
                    .Replace("{code}", "05443", StringComparison.Ordinal)
                    .Replace("{year:int}", "2026", StringComparison.Ordinal)
                    .Replace("{regime}", "all", StringComparison.Ordinal)
                    .Replace("{key}", "due-soon-days", StringComparison.Ordinal)
                    .Replace("{date}", "2026-12-30", StringComparison.Ordinal)
                    .Replace("{province}", "19", StringComparison.Ordinal)
                    .Replace("{commune}", "05443", StringComparison.Ordinal)
                    .Replace("{area}", "19", StringComparison.Ordinal);
                url = GuidParameter().Replace(url, Guid.Empty.ToString());
                url = NumberParameter().Replace(url, "999999999");
                url = AnyParameter().Replace(url, "x");
                // The policies of the route (its permissions): the administrator calls what the provincial police may not.
                var policeMayCall = endpoint.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
                    .Select(a => a.Policy).OfType<string>().Where(Permissions.All.Contains).All(p => Roles.IsGranted(Roles.ProvincePolice, p));
                routes.Add(new Route($"{method} {pattern}", method, url, accepts?.ContentTypes.Contains("multipart/form-data") == true, accepts?.RequestType, policeMayCall));
            }
        }

        return routes;
    }

    private static IEnumerable<Attempt> Attempts(Route route)
    {
        yield return new("wrong content type", () => new StringContent("a=1&b=2", Encoding.UTF8, "text/plain"));
        yield return new("malformed JSON", () => Json("{\"a\": [1, 2,"));
        yield return new("nesting 1,000 deep", () => Json(new string('[', 1000) + new string(']', 1000)));
        if (route.IsForm)
        {
            yield return new("JSON to an upload", () => Json("{}"));
            yield return new("empty form", () => new MultipartFormDataContent { { new StringContent("x"), "other" } });
            foreach (var name in new[] { "rac.xlsx", "rac.exe", "" })
            {
                var fileName = name;
                yield return new($"garbage file '{fileName}'", () =>
                {
                    var file = new ByteArrayContent(HostileFiles.Garbage(8192));
                    file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                    return new MultipartFormDataContent { { file, "file", fileName.Length == 0 ? "\"\"" : fileName }, { new StringContent(Huge), "commune" } };
                });
            }

            yield return new("zip bomb", () => new MultipartFormDataContent { { new ByteArrayContent(HostileFiles.ZipBomb(20)), "file", "bom.xlsx" } });
            yield break;
        }

        yield return new("{}", () => Json("{}"));
        yield return new("null", () => Json("null"));
        yield return new("[]", () => Json("[]"));
        yield return new("a 1 MB string", () => Json(JsonValue.Create(Huge).ToJsonString()));
        if (route.BodyType is null)
            yield break;
        // Every kind of hostile value in the route's own body type (HugeNumbers: covered by the overflow and the negative cases).
        foreach (var kind in Enum.GetValues<Hostility>().Where(k => k != Hostility.HugeNumbers))
            yield return new(kind.ToString(), () => Json(Body(route.BodyType, kind, depth: 0).ToJsonString()));
    }

    private enum Hostility
    {
        Nulls,
        WrongTypes,
        HugeStrings,
        NegativeNumbers,
        HugeNumbers,
        OverflowingNumbers,
        FirstDate,
        LastDate,
        HugeLists,
    }

    /// <summary>A body of the route's own type with every property made hostile in one way.</summary>
    private static JsonObject Body(Type type, Hostility kind, int depth)
    {
        var json = new JsonObject();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || p.GetSetMethod(nonPublic: true) is not null || IsPrimaryConstructorProperty(type, p)))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            json[name] = Value(property.PropertyType, property.Name, kind, depth);
        }

        return json;
    }

    private static bool IsPrimaryConstructorProperty(Type type, PropertyInfo property) =>
        type.GetConstructors().Any(c => c.GetParameters().Any(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase)));

    private static JsonNode? Value(Type type, string name, Hostility kind, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var isDate = underlying == typeof(DateOnly) || underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset)
            || (underlying == typeof(string) && (name.Contains("Date", StringComparison.Ordinal) || name.EndsWith("On", StringComparison.Ordinal) || name.EndsWith("At", StringComparison.Ordinal)));
        var isNumber = underlying == typeof(int) || underlying == typeof(long) || underlying == typeof(short) || underlying == typeof(byte)
            || underlying == typeof(decimal) || underlying == typeof(double) || underlying == typeof(float);
        var isList = underlying != typeof(string) && typeof(IEnumerable).IsAssignableFrom(underlying);
        var element = isList ? (underlying.IsArray ? underlying.GetElementType() : underlying.GetGenericArguments().LastOrDefault()) ?? typeof(string) : null;
        var isObject = !isList && !isNumber && !isDate && underlying.IsClass && underlying != typeof(string) && underlying != typeof(object) && !underlying.IsEnum;

        return kind switch
        {
            Hostility.Nulls => null,
            Hostility.WrongTypes => isNumber ? "mười" : underlying == typeof(bool) ? "có" : underlying == typeof(string) ? new JsonObject { ["x"] = 1 } : isList ? "x" : isObject ? 5 : 12,
            Hostility.HugeStrings => underlying == typeof(string) || underlying.IsEnum || underlying == typeof(Guid) ? Long
                : isList ? new JsonArray(Long) : isObject && depth < 2 ? Body(underlying, kind, depth + 1) : Sample(underlying),
            Hostility.NegativeNumbers => isNumber ? -1 : isList && element is not null ? new JsonArray(Value(element, name, kind, depth + 1)) : isObject && depth < 2 ? Body(underlying, kind, depth + 1) : Sample(underlying),
            Hostility.HugeNumbers => isNumber ? (underlying == typeof(decimal) || underlying == typeof(double) || underlying == typeof(float) ? 7.9e28m : underlying == typeof(long) ? long.MaxValue : int.MaxValue)
                : isList && element is not null ? new JsonArray(Value(element, name, kind, depth + 1)) : isObject && depth < 2 ? Body(underlying, kind, depth + 1) : Sample(underlying),
            Hostility.OverflowingNumbers => isNumber ? JsonNode.Parse("1e400") : isObject && depth < 2 ? Body(underlying, kind, depth + 1) : Sample(underlying),
            Hostility.FirstDate => isDate ? (underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset) ? "0001-01-01T00:00:00Z" : "0001-01-01")
                : isList && element is not null ? new JsonArray(Value(element, name, kind, depth + 1)) : isObject && depth < 2 ? Body(underlying, kind, depth + 1) : Sample(underlying),
            Hostility.LastDate => isDate ? (underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset) ? "9999-12-31T23:59:59Z" : "9999-12-31")
                : isList && element is not null ? new JsonArray(Value(element, name, kind, depth + 1)) : isObject && depth < 2 ? Body(underlying, kind, depth + 1) : Sample(underlying),
            Hostility.HugeLists => isList ? new JsonArray(Enumerable.Range(0, 5_000).Select(_ => (JsonNode?)Sample(element ?? typeof(string))).ToArray()) : Sample(underlying),
            _ => null,
        };
    }

    /// <summary>An ordinary value, so one hostile field is not hidden behind others being missing.</summary>
    private static JsonNode? Sample(Type type) =>
        type == typeof(string) ? "Thử"
        : type == typeof(bool) ? true
        : type == typeof(Guid) ? Guid.Empty.ToString()
        : type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double) ? 1
        : type == typeof(DateOnly) ? "2025-06-15"
        : type == typeof(DateTime) || type == typeof(DateTimeOffset) ? "2025-06-15T08:00:00Z"
        : type.IsEnum ? JsonNamingPolicy.KebabCaseLower.ConvertName(Enum.GetNames(type)[0])
        : null;

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<(HttpStatusCode Status, string? Error)> SendAsync(HttpClient client, Route route, Attempt attempt, CancellationToken run)
    {
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url) { Content = attempt.Content() };
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(run);
            timeout.CancelAfter(RequestLimit);
            using var response = await client.SendAsync(request, timeout.Token);
            await response.Content.ReadAsByteArrayAsync(timeout.Token);
            return (response.StatusCode, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException or InvalidOperationException)
        {
            return (0, exception.GetType().Name + ": " + exception.Message[..Math.Min(200, exception.Message.Length)]);
        }
    }

    [GeneratedRegex(@"\{\w+:guid\}")]
    private static partial Regex GuidParameter();

    [GeneratedRegex(@"\{\w+:(int|long)\}")]
    private static partial Regex NumberParameter();

    [GeneratedRegex(@"\{\w+(:\w+)?\}")]
    private static partial Regex AnyParameter();
}

[CollectionDefinition(nameof(AbuseCollection))]
public sealed class AbuseCollection : ICollectionFixture<App>;
