using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Pcmt.Tests.Infrastructure;

/// <summary>
/// The embedded database's prebuilt template (<see cref="SqliteTemplate"/>): built by the command the build runs, and a first
/// start from it ends in the same database as a first start from nothing.
/// </summary>
public sealed class SqliteTemplateTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pcmt-template-").FullName;

    // The app's own build output (artifacts/bin/Pcmt/<configuration>), where pcmt.dll runs with its runtime configuration.
    private static string AppDll => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "Pcmt",
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name, "pcmt.dll"));

    [Fact]
    public async Task A_first_start_from_the_template_gives_the_same_database_as_one_from_nothing()
    {
        var template = Path.Combine(_dir, "template.db");
        Assert.Equal(0, await RunAsync(template, null, "db", "template"));
        Assert.True(File.Exists(template));
        Assert.False(File.Exists(template + "-wal"), "the template must be one self-contained file");

        var fromTemplate = Path.Combine(_dir, "a.db");
        var fromNothing = Path.Combine(_dir, "b.db");
        Assert.Equal(0, await RunAsync(fromTemplate, template, "db", "migrate"));
        Assert.Equal(0, await RunAsync(fromNothing, Path.Combine(_dir, "absent.db"), "db", "migrate"));

        Assert.Equal(Query(fromNothing, "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name"),
            Query(fromTemplate, "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name"));
        Assert.Equal(Query(fromNothing, "SELECT migration_id FROM __ef_migrations_history ORDER BY 1"),
            Query(fromTemplate, "SELECT migration_id FROM __ef_migrations_history ORDER BY 1"));
        Assert.Equal(["14149"], Query(fromTemplate, "SELECT count(*) FROM administrative_units"));
        Assert.Equal(Query(fromNothing, "SELECT count(*) FROM unit_successions"), Query(fromTemplate, "SELECT count(*) FROM unit_successions"));
        Assert.Equal(["admin"], Query(fromTemplate, "SELECT user_name FROM users"));
        Assert.Equal(["0"], Query(template, "SELECT count(*) FROM users")); // the template itself is never written to
        Assert.Equal(0, await RunAsync(fromTemplate, null, "audit", "verify")); // the catalogue's entry and the admin's chain on
    }

    [Fact]
    public void An_existing_database_is_never_replaced_and_memory_databases_are_left_alone()
    {
        var template = Path.Combine(_dir, "template.db");
        File.WriteAllText(template, "template");
        var existing = Path.Combine(_dir, "existing.db");
        File.WriteAllText(existing, "mine");

        Assert.False(SqliteTemplate.TryCopyTo($"Data Source={existing}", template));
        Assert.Equal("mine", File.ReadAllText(existing));
        Assert.False(SqliteTemplate.TryCopyTo("Data Source=:memory:", template));
        Assert.False(SqliteTemplate.TryCopyTo($"Data Source={Path.Combine(_dir, "new.db")}", Path.Combine(_dir, "absent.db")));
        Assert.False(File.Exists(Path.Combine(_dir, "new.db")));

        var created = Path.Combine(_dir, "sub", "new.db");
        Assert.True(SqliteTemplate.TryCopyTo($"Data Source={created}", template));
        Assert.Equal("template", File.ReadAllText(created));
        Assert.False(File.Exists(created + ".partial"));
    }

    private static async Task<int> RunAsync(string database, string? templateFile, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(AppDll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Pcmt"] = $"Data Source={database}";
        start.Environment["PCMT_ADMIN_PASSWORD"] = App.AdminPassword;
        if (templateFile is not null)
            start.Environment["Database__TemplateFile"] = templateFile;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
            TestContext.Current.SendDiagnosticMessage($"pcmt {string.Join(' ', args)}: {await output}\n{await error}");
        return process.ExitCode;
    }

    private static List<string> Query(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
