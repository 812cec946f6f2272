using System.Net;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Pcmt.Features.Tips;

public static class TipsFeature
{
    public const string RateLimitPolicy = "tips";

    // Partition keys are a keyed hash of the address, with a key made at start-up and never stored: the limiter's memory does not
    // hold addresses, and nothing about the sender outlives the process (docs/security.md, "Anonymous tips").
    private static readonly byte[] PartitionKey = RandomNumberGenerator.GetBytes(32);

    public static IServiceCollection AddTips(this IServiceCollection services, IConfiguration configuration)
    {
        var submitsPerHour = configuration.GetValue("Tips:SubmitsPerHour", 10);
        var lookupsPerHour = configuration.GetValue("Tips:LookupsPerHour", 120);
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(RateLimitPolicy, context =>
        {
            var post = HttpMethods.IsPost(context.Request.Method);
            var lookup = context.Request.Path.StartsWithSegments("/api/v1/tips/status") || (post && context.Request.Path.StartsWithSegments("/to-giac/tra-cuu"));
            var submit = post && !lookup;
            if (!submit && !lookup)
                return RateLimitPartition.GetNoLimiter("page-view"); // viewing the forms is not limited, only sending and looking up
            var key = (submit ? "s:" : "l:") + AddressKey(context.Connection.RemoteIpAddress);
            var limit = submit ? submitsPerHour : lookupsPerHour;
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromHours(1) });
        }));
        return services
            .AddScoped<SubmitTip>()
            .AddScoped<CheckTipStatus>()
            .AddScoped<SearchTips>()
            .AddScoped<GetTip>()
            .AddScoped<RouteTip>()
            .AddScoped<CloseTip>()
            .AddScoped<TipFigures>()
            .AddScoped<PublicTipForm>();
    }

    private static string AddressKey(IPAddress? address) =>
        address is null ? "none" : Convert.ToBase64String(HMACSHA256.HashData(PartitionKey, address.GetAddressBytes()), 0, 16);
}
