namespace Pcmt.Features.Audit;

public static class AuditFeature
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services
        .AddScoped<SearchAuditEntries>()
        .AddScoped<VerifyAuditChain>();
}
