using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Users;

namespace Pcmt.Infrastructure.Data;

/// <summary>At start-up on the embedded default (or when Database:MigrateOnStartup is set): migrate, load reference data, create the first administrator.</summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, DatabaseOptions options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.ShouldMigrateOnStartup)
            await PrepareAsync(scopes, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What <c>pcmt db migrate</c> does; safe to run any number of times.</summary>
    public static async Task PrepareAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<AppDbContext>().Database.MigrateAsync(cancellationToken);
        await services.GetRequiredService<LoadUnitCatalog>().HandleAsync(cancellationToken);
        await services.GetRequiredService<EnsureAdministrator>().HandleAsync(cancellationToken);
    }
}
