using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Pcmt.Infrastructure.Data;

/// <summary>
/// The same model and the same "UnitScope" filter as <see cref="AppDbContext"/>, for reads that may be served by a PostgreSQL
/// streaming standby (<c>ConnectionStrings:PcmtRead</c>): person search, the dashboard, indicator values and exports
/// (ADR 0014). Without <c>PcmtRead</c>, and always on SQLite, it reads the primary through the same connection string (and so
/// the same connection pool). Nothing is tracked and nothing is saved through it: writes, audit entries and every read that
/// must see the request's own writes use <see cref="AppDbContext"/>.
/// </summary>
public sealed class ReadDbContext(DbContextOptions<ReadDbContext> options, CurrentUser user, TimeProvider clock)
    : AppDbContext(options, user, clock)
{
    public const string ConnectionStringName = "PcmtRead";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // As SqliteAppDbContext: SQLite stores text without a kind; everything PCMT stores is UTC.
        if (Database.IsSqlite())
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) => throw ReadOnly();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) => throw ReadOnly();

    // A standby refuses every write anyway (SQLSTATE 25006); failing here too keeps the mistake visible on a single server.
    private static InvalidOperationException ReadOnly() =>
        new("ReadDbContext is read-only (it may be a standby): save through AppDbContext.");

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
