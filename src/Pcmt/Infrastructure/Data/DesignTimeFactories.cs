using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Pcmt.Infrastructure.Data;

/// <summary>Lets <c>dotnet ef</c> build each context without starting the web host (scripts/add-migration.sh).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        builder.UsePcmtPostgres("Host=localhost;Database=pcmt_design");
        return new(builder.Options, CurrentUser.System, TimeProvider.System);
    }
}

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteAppDbContext>();
        builder.UsePcmtSqlite("Data Source=design.db");
        return new(builder.Options, CurrentUser.System, TimeProvider.System);
    }
}
