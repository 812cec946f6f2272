using Microsoft.EntityFrameworkCore;

namespace Pcmt.Infrastructure.Data;

public static class DatabaseSetup
{
    /// <summary>The connections each pool keeps open when idle (unless the connection string sets Minimum Pool Size).</summary>
    public const int WarmConnections = 16;

    public static DbContextOptionsBuilder UsePcmtPostgres(this DbContextOptionsBuilder builder, string connectionString)
    {
        // Statements the app repeats are prepared once per connection: planning a search took longer than running it
        // (1.6 ms against 1–3 ms). An operator's own "Max Auto Prepare" in the connection string wins.
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (settings.MaxAutoPrepare == 0)
            settings.MaxAutoPrepare = 200;
        // EF opens and closes the connection around every query (3-4 times per request); each reopen made PostgreSQL run
        // Npgsql's seven-statement session reset (CLOSE ALL, pg_advisory_unlock_all, RESET ALL, DISCARD TEMP ...), which
        // cost more server CPU than the session check it preceded (issue 19). The app leaves no session state on a
        // connection (advisory locks are transaction-scoped, no SET, LISTEN or temporary tables; an open transaction is
        // still rolled back), so the reset is skipped. An operator's own "No Reset On Close" in the connection string wins.
        if (!connectionString.Replace(" ", "", StringComparison.Ordinal).Contains("ResetOnClose", StringComparison.OrdinalIgnoreCase))
            settings.NoResetOnClose = true;
        // Npgsql closes connections idle for 5 minutes down to Minimum Pool Size (default 0), so the first burst after a quiet
        // spell opened ~60 connections at once (backend start, authentication, statements planned again before auto-prepare)
        // and its slowest requests passed 2 s (issue 19, the first search round after > 5 min idle). A floor of warm
        // connections and a longer idle lifetime keep that burst off; an operator's own values in the connection string win.
        if (settings.MinPoolSize == 0)
            settings.MinPoolSize = Math.Min(settings.MaxPoolSize, WarmConnections);
        if (settings.ConnectionIdleLifetime == 300)
            settings.ConnectionIdleLifetime = 900;
        connectionString = settings.ConnectionString;
        builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
        return builder;
    }

    public static DbContextOptionsBuilder UsePcmtSqlite(this DbContextOptionsBuilder builder, string connectionString)
    {
        builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
        return builder;
    }

    /// <summary>Registers <see cref="AppDbContext"/> on the configured provider (on SQLite the registered type is <see cref="SqliteAppDbContext"/>), and <see cref="ReadDbContext"/> on the standby or the primary.</summary>
    public static IServiceCollection AddPcmtDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        var connectionString = configuration.GetConnectionString("Pcmt");

        if (options.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("ConnectionStrings:Pcmt is required when Database:Provider is Postgres.");
            // The options are built once per application, not per request (they depend on configuration only): building them
            // parsed the connection string and assembled the provider's options on every request.
            services.AddDbContext<AppDbContext>(builder => builder.UsePcmtPostgres(connectionString), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
            // Searches, dashboards, indicators and exports may read from a streaming standby (ADR 0014); without one they read
            // the primary with the very same connection string, hence the same pool.
            var read = configuration.GetConnectionString(ReadDbContext.ConnectionStringName);
            var readFrom = string.IsNullOrWhiteSpace(read) ? connectionString : read;
            services.AddDbContext<ReadDbContext>(builder => builder.UsePcmtPostgres(readFrom).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                var folder = Path.Combine(Directory.GetCurrentDirectory(), "data");
                Directory.CreateDirectory(folder);
                connectionString = $"Data Source={Path.Combine(folder, "pcmt.db")}";
            }

            services.AddDbContext<AppDbContext, SqliteAppDbContext>(builder => builder.UsePcmtSqlite(connectionString), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
            // SQLite has no standby: the read context opens the same file.
            if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString(ReadDbContext.ConnectionStringName)))
                throw new InvalidOperationException("ConnectionStrings:PcmtRead (a PostgreSQL standby) requires Database:Provider Postgres.");
            services.AddDbContext<ReadDbContext>(builder => builder.UsePcmtSqlite(connectionString).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        }

        return services;
    }
}
