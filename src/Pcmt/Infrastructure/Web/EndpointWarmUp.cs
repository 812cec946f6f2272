namespace Pcmt.Infrastructure.Web;

/// <summary>
/// Builds every endpoint once while the database is being prepared on the other core. ASP.NET Core builds the ~175 minimal
/// API endpoints (a request delegate each, compiled from expression trees) twice before the first page: for the authorization
/// policy cache when the pipeline is built, and for the router at the first request. The first build JIT-compiles the
/// machinery (≈ two thirds of its time); done here, off the critical path, the two later builds are cheaper.
/// </summary>
public static class EndpointWarmUp
{
    public static void WarmUpEndpoints(this WebApplication app)
    {
        foreach (var source in ((IEndpointRouteBuilder)app).DataSources)
            _ = source.Endpoints;
    }
}
