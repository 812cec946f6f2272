using Microsoft.EntityFrameworkCore;

namespace Pcmt.Tests.Infrastructure;

public sealed class MigrationsTests
{
    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the PostgreSQL migrations lag the model.");
    }

    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the SQLite migrations lag the model.");
    }
}
