using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;

namespace Pcmt.Infrastructure.Data;

/// <summary>
/// The embedded database's first start, made fast: the build writes <c>pcmt-template.db</c> (every SQLite migration applied
/// and the 14,000-unit catalogue loaded, nothing else: no accounts, no keys, no persons) beside the assembly, and a first start
/// on a database file that does not exist yet copies it instead of creating the schema and loading the catalogue
/// (≈ 3 s of an 8 s first start). Whatever the template lacks (a migration added after it was built) is applied afterwards by
/// the normal migration step, so a stale or missing template only costs time, never correctness.
/// </summary>
public static class SqliteTemplate
{
    public const string FileName = "pcmt-template.db";

    /// <summary>Copies the template to the configured database file when that file does not exist yet; true when copied.</summary>
    public static bool TryCopyTo(string connectionString, string? templatePath = null)
    {
        templatePath ??= Path.Combine(AppContext.BaseDirectory, FileName);
        var settings = new SqliteConnectionStringBuilder(connectionString);
        var target = settings.DataSource;
        if (string.IsNullOrEmpty(target) || target == ":memory:" || settings.Mode == SqliteOpenMode.Memory
            || target.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || !File.Exists(templatePath))
            return false;
        target = Path.GetFullPath(target);
        if (File.Exists(target))
            return false;

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Copy beside the target and rename, so a crash mid-copy never leaves a half database that a later start would trust.
        var partial = target + ".partial";
        File.Copy(templatePath, partial, overwrite: true);
        try
        {
            File.Move(partial, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Delete(partial); // another process created the database meanwhile: theirs wins
            return false;
        }

        return true;
    }

    /// <summary>What <c>pcmt db template</c> does at build time: the configured SQLite database, created from nothing, migrated, with the catalogue, compacted.</summary>
    public static async Task<int> BuildAsync(IServiceScopeFactory scopes, DatabaseOptions options, CancellationToken cancellationToken)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            Console.Error.WriteLine("Chỉ tạo được cơ sở dữ liệu mẫu trên SQLite (Database:Provider=Sqlite).");
            return 2;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<LoadUnitCatalog>().HandleAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("VACUUM;", cancellationToken);
        // The file stays in WAL mode (as EF creates it); closing the last connection checkpoints and removes the -wal file,
        // so the build copies one self-contained file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        await db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        return 0;
    }
}
