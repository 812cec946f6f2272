using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Users;
using Pcmt.Infrastructure.Protection;

namespace Pcmt.Infrastructure.Data;

/// <summary>At start-up on the embedded default (or when Database:MigrateOnStartup is set): migrate, load reference data, create the first administrator.</summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, DatabaseOptions options, IConfiguration configuration, IHostEnvironment environment) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Fail at start-up, not at the first person request, when the personal-data keys are missing or wrong.
        using (var scope = scopes.CreateScope())
            scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();

        if (options.ShouldMigrateOnStartup)
            await PrepareAsync(scopes, cancellationToken);

        // The embedded demo (dotnet run on SQLite) starts with a small province-scale dataset of the same generator as the benchmarks.
        if (options.Provider == DatabaseProvider.Sqlite && !environment.IsEnvironment("Testing") && configuration.GetValue("Demo:Generate", true))
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<ActingUser>().User = CurrentUser.System;
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AnyAsync(cancellationToken))
            {
                await scope.ServiceProvider.GetRequiredService<Features.Demo.GenerateDemoData>().HandleAsync(
                    new Features.Demo.GenerateDemoData.Options("province", configuration.GetValue("Demo:Persons", 1000), 2026, configuration["Demo:Province"] ?? "19"), cancellationToken);
            }
        }
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
