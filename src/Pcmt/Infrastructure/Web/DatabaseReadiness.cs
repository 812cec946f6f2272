using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Pcmt.Infrastructure.Web;

/// <summary>
/// Marks an anonymous page that needs nothing from the database (the login form), so that a first start serves it while the
/// database is still being prepared (<see cref="DatabaseReadiness"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ServedBeforeDatabaseAttribute : Attribute;

/// <summary>
/// First start (docs/performance.md): the server listens before the database preparation (<see cref="DatabaseInitializer"/>,
/// EF Core's model and the first queries) is done, so that the router's endpoint build, the first page's JIT and the database
/// preparation run side by side. Placed after routing, this holds every request until the database is ready, except
/// requests without credentials that need no database: a GET or HEAD of a page marked <see cref="ServedBeforeDatabaseAttribute"/>
/// (the login form; its antiforgery token needs the data-protection key ring, read with plain SQL on SQLite,
/// <see cref="DataProtectionKeyStore"/>, so only the database file must be in place), and any endpoint that requires a
/// signed-in user (the sign-in redirect or the 401 follows at once). The login form's POST, the API's token request, health
/// checks and every request with a cookie or a bearer token wait. Once ready, one flag test per request.
/// </summary>
public sealed class DatabaseReadiness(RequestDelegate next, DatabaseInitializer database, DatabaseOptions options,
    IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    private readonly string _cookieName = cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name ?? "pcmt.auth";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!database.IsReady)
            await ReadyFor(context).WaitAsync(context.RequestAborted);
        await next(context);
    }

    /// <summary>What this request must wait for while the database is being prepared.</summary>
    private Task ReadyFor(HttpContext context)
    {
        if (context.GetEndpoint() is not { } endpoint || HasCredentials(context.Request))
            return database.Ready;
        if (endpoint.Metadata.GetMetadata<ServedBeforeDatabaseAttribute>() is not null
            && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            return options.Provider == DatabaseProvider.Sqlite ? database.FileReady : database.Ready; // the key ring: plain SQL on SQLite, EF Core on PostgreSQL
        // A signed-in user is required and none can be: authorization answers with its redirect or 401 at once.
        return endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null ? Task.CompletedTask : database.Ready;
    }

    private bool HasCredentials(HttpRequest request) =>
        request.Headers.Authorization.Count > 0 || request.Cookies.ContainsKey(_cookieName);
}
