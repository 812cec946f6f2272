using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Pcmt.Features.Population;

public static class PopulationFeature
{
    public static IServiceCollection AddPopulation(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PopulationOptions>(configuration.GetSection(PopulationOptions.Section));
        var options = configuration.GetSection(PopulationOptions.Section).Get<PopulationOptions>() ?? new PopulationOptions();
        services.AddSingleton<SimulatorPopulationGateway>();
        services.AddHttpClient<HttpPopulationGateway>((provider, client) =>
            {
                var settings = provider.GetRequiredService<IOptions<PopulationOptions>>().Value;
                if (settings.BaseAddress is { Length: > 0 } address)
                    client.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
                // The resilience pipeline's total timeout answers first; this only bounds a pipeline gone wrong.
                client.Timeout = TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds) + 5);
                if (settings.Token is { Length: > 0 } token)
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            })
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var settings = provider.GetRequiredService<IOptions<PopulationOptions>>().Value;
                var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds)) };
                if (settings.ClientCertificatePath is { Length: > 0 } path)
                {
                    // Mutual TLS: the client certificate the gateway operator issued (PKCS#12).
                    handler.SslOptions.ClientCertificates = [X509CertificateLoader.LoadPkcs12FromFile(path, settings.ClientCertificatePassword)];
                }

                return handler;
            })
            .AddResilienceHandler("population-gateway", builder =>
            {
                // Total timeout ⊃ retries with exponential backoff ⊃ circuit breaker ⊃ per-attempt timeout (Microsoft.Extensions.Http.Resilience / Polly 8).
                var total = TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds));
                builder.AddTimeout(total);
                builder.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, options.Retries),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(200),
                });
                builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 5,
                    SamplingDuration = TimeSpan.FromSeconds(30),
                    BreakDuration = TimeSpan.FromSeconds(Math.Max(1, options.BreakSeconds)),
                });
                builder.AddTimeout(TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, total.Ticks / 2)));
            });
        services.AddScoped<IPopulationGateway>(provider =>
            provider.GetRequiredService<IOptions<PopulationOptions>>().Value.Provider.Equals(PopulationOptions.HttpProvider, StringComparison.OrdinalIgnoreCase)
                ? provider.GetRequiredService<HttpPopulationGateway>()
                : provider.GetRequiredService<SimulatorPopulationGateway>());
        return services
            .AddScoped<CheckPopulation>()
            .AddScoped<AcceptNationalValues>()
            .AddSingleton<PopulationBulkChecks>()
            .AddHostedService<PopulationBulkChecksJob>();
    }
}
