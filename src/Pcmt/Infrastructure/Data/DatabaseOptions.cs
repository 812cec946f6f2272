namespace Pcmt.Infrastructure.Data;

/// <summary>Which database PCMT runs on: SQLite (embedded default) or PostgreSQL (production).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations and load reference data at start-up. Default: on for SQLite, off for PostgreSQL (use <c>pcmt db migrate</c>).</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>The prebuilt embedded database a first start copies (see <see cref="SqliteTemplate"/>); default: <c>pcmt-template.db</c> beside the assembly.</summary>
    public string? TemplateFile { get; set; }

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? Provider == DatabaseProvider.Sqlite;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
