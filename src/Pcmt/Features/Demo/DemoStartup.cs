using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Demo;

/// <summary>
/// Whether this installation is a demonstration (<c>Demo:Generate=true</c>; off by default, so a real deployment never
/// receives synthetic persons) and whether the sample data is still being generated. Every page shows both.
/// </summary>
public sealed class DemoMode(IConfiguration configuration)
{
    public bool Enabled { get; } = configuration.GetValue("Demo:Generate", false);

    public bool Generating { get; set; }
}

/// <summary>
/// Generates the demo dataset on the embedded database after the first page has been served (the first page does not wait
/// for it; pages say "đang tạo dữ liệu mẫu" meanwhile), only when asked for and only while the registry is empty.
/// </summary>
public sealed class DemoStartup(IServiceScopeFactory scopes, DemoMode demo, DatabaseOptions options, IConfiguration configuration,
    IHostEnvironment environment, FirstPage firstPage, ILogger<DemoStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!demo.Enabled || options.Provider != DatabaseProvider.Sqlite || environment.IsEnvironment("Testing"))
            return;
        demo.Generating = true; // before the server starts, so the first page already says so
        try
        {
            await firstPage.WaitAsync(stoppingToken);

            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<ActingUser>().User = CurrentUser.System;
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (await db.Persons.AnyAsync(stoppingToken))
                return;
            await scope.ServiceProvider.GetRequiredService<GenerateDemoData>().HandleAsync(
                new GenerateDemoData.Options("province", configuration.GetValue("Demo:Persons", 1000), 2026, configuration["Demo:Province"] ?? "19"), stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Generating the demo dataset failed");
        }
        finally
        {
            demo.Generating = false;
        }
    }
}
