using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Pcmt.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL primary and a streaming standby (docs/operations.md, "Đọc từ máy chủ dự phòng"), from the Debian binaries
/// test.sh uses: initdb, pg_basebackup -R, both on free loopback ports under a temporary folder, owned by the postgres user when
/// the tests run as root (initdb refuses root). Stopped and removed on dispose.
/// </summary>
internal sealed class StandbyPair : IAsyncDisposable
{
    public const string Database = "pcmt";

    private readonly string _bin;
    private readonly DirectoryInfo _folder;
    private readonly CancellationToken _cancel;
    private bool _primaryStarted;
    private bool _standbyStarted;

    private StandbyPair(string bin, DirectoryInfo folder, CancellationToken cancel)
    {
        _bin = bin;
        _folder = folder;
        _cancel = cancel;
    }

    public int PrimaryPort { get; } = FreePort();

    public int StandbyPort { get; } = FreePort();

    public string Primary => Connection(PrimaryPort, Database);

    public string Standby => Connection(StandbyPort, Database);

    private string PrimaryData => Path.Combine(_folder.FullName, "primary");

    private string StandbyData => Path.Combine(_folder.FullName, "standby");

    /// <summary>Both servers' Unix sockets, outside the data folders (pg_basebackup would copy them).</summary>
    private string Sockets => Path.Combine(_folder.FullName, "run");

    /// <summary>The newest /usr/lib/postgresql/*/bin with pg_basebackup, or null when PostgreSQL is not installed.</summary>
    public static string? FindBinaries() => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_basebackup"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
        : null;

    public static async Task<StandbyPair> StartAsync(string bin, CancellationToken cancel)
    {
        var folder = Directory.CreateTempSubdirectory("pcmt-standby-");
        var pair = new StandbyPair(bin, folder, cancel);
        try
        {
            await pair.StartAsync();
            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("The standby pair uses Debian's PostgreSQL binaries.");
        if (Environment.IsPrivilegedProcess)
            File.SetUnixFileMode(_folder.FullName, (UnixFileMode)0b111_101_101); // the postgres user must reach its data folders
        // PostgreSQL wants its data folders private (0700); pg_basebackup keeps the mode of the folder it fills.
        Directory.CreateDirectory(PrimaryData, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(StandbyData, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(Sockets);
        if (Environment.IsPrivilegedProcess)
            await RunAsync("chown", false, "postgres", PrimaryData, StandbyData, Sockets);

        await RunAsync("initdb", true, "-D", PrimaryData, "-A", "trust", "-U", "pcmt", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        // The defaults of PostgreSQL 15 already stream (wal_level=replica, max_wal_senders=10) and initdb's pg_hba.conf
        // admits replication from 127.0.0.1; written out so the test says what a standby needs. Durability is off: a test.
        await File.AppendAllTextAsync(Path.Combine(PrimaryData, "postgresql.conf"), $"""

            listen_addresses = '127.0.0.1'
            port = {PrimaryPort}
            unix_socket_directories = '{Sockets}'
            wal_level = replica
            max_wal_senders = 4
            hot_standby = on
            max_connections = 40
            shared_buffers = 32MB
            fsync = off
            full_page_writes = off
            shared_preload_libraries = 'pg_stat_statements'

            """, _cancel);
        await File.AppendAllTextAsync(Path.Combine(PrimaryData, "pg_hba.conf"), "\nhost replication pcmt 127.0.0.1/32 trust\n", _cancel);
        await RunAsync("pg_ctl", true, "-D", PrimaryData, "-l", Path.Combine(PrimaryData, "server.log"), "-w", "-t", "60", "start");
        _primaryStarted = true;
        await ExecuteAsync(Connection(PrimaryPort, "postgres"), $"CREATE DATABASE {Database}");
        // Which statements each server ran: the proof that searches are served by the standby.
        await ExecuteAsync(Primary, "CREATE EXTENSION pg_stat_statements");

        // The standby: a base backup of the primary that follows its WAL (-R writes primary_conninfo and standby.signal).
        await RunAsync("pg_basebackup", true, "-h", "127.0.0.1", "-p", PrimaryPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "pcmt",
            "-D", StandbyData, "-R", "-X", "stream", "-c", "fast", "--no-sync");
        await File.AppendAllTextAsync(Path.Combine(StandbyData, "postgresql.conf"), $"\nport = {StandbyPort}\n", _cancel);
        await RunAsync("pg_ctl", true, "-D", StandbyData, "-l", Path.Combine(StandbyData, "server.log"), "-w", "-t", "60", "start");
        _standbyStarted = true;
    }

    /// <summary>Waits until the standby has replayed everything the primary has written so far.</summary>
    public async Task CatchUpAsync()
    {
        var target = await ScalarAsync<string>(Primary, "SELECT pg_current_wal_lsn()::text");
        while (!await ScalarAsync<bool>(Standby, $"SELECT coalesce(pg_last_wal_replay_lsn() >= '{target}'::pg_lsn, false)"))
            await Task.Delay(20, _cancel);
    }

    public async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(_cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(_cancel))!;
    }

    public async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(_cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(_cancel);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        // Immediate: the data is thrown away; never leave a server behind, even when the test was cancelled.
        if (_standbyStarted)
            await RunAsync("pg_ctl", true, CancellationToken.None, "-D", StandbyData, "-m", "immediate", "-w", "stop");
        if (_primaryStarted)
            await RunAsync("pg_ctl", true, CancellationToken.None, "-D", PrimaryData, "-m", "immediate", "-w", "stop");
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Connection(int port, string database) =>
        $"Host=127.0.0.1;Port={port};Username=pcmt;Database={database};Pooling=true;Maximum Pool Size=20;Timeout=15;Command Timeout=30";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunAsync(string program, bool asPostgres, params string[] arguments) => RunAsync(program, asPostgres, _cancel, arguments);

    private async Task RunAsync(string program, bool asPostgres, CancellationToken cancel, params string[] arguments)
    {
        var path = program == "chown" ? program : Path.Combine(_bin, program);
        var start = asPostgres && Environment.IsPrivilegedProcess ? new ProcessStartInfo("runuser") : new ProcessStartInfo(path);
        if (start.FileName == "runuser")
        {
            foreach (var argument in new[] { "-u", "postgres", "--", path })
                start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.RedirectStandardError = start.RedirectStandardOutput = true;
        using var process = Process.Start(start)!;
        try
        {
            var errors = process.StandardError.ReadToEndAsync(cancel);
            var output = process.StandardOutput.ReadToEndAsync(cancel);
            await process.WaitForExitAsync(cancel);
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await errors} {await output}");
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // past the limit: end the tool we started
            throw;
        }
    }
}
