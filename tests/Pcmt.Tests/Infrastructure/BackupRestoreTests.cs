using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Pcmt.Tests.Security;

namespace Pcmt.Tests.Infrastructure;

/// <summary>
/// The backup and restore procedure of docs/operations.md, run for real on PostgreSQL: pg_dump -Fc of the live database,
/// pg_restore into a fresh database, the application started on the restored copy. Row counts match, a person reads back
/// decrypted, and the audit chain verifies on the copy.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class BackupRestoreTests(App app) : IDisposable
{
    /// <summary>The whole procedure must finish within this; every wait below is bounded by it (a hung pg_restore fails the test).</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    private readonly CancellationTokenSource _bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

    private CancellationToken Cancel => _bound.Token;

    public void Dispose() => _bound.Dispose();

    [Fact]
    public async Task A_pg_dump_restored_into_a_fresh_database_runs_the_application_with_the_same_data()
    {
        _bound.CancelAfter(Limit);
        var watch = Stopwatch.StartNew();
        Assert.SkipWhen(App.UsesSqlite, "pg_dump/pg_restore back up PostgreSQL deployments; SQLite pilots copy the file (docs/operations.md).");
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_dump"))).Order().LastOrDefault();
        Assert.SkipWhen(bin is null, "pg_dump is not installed (/usr/lib/postgresql/*/bin).");

        var police = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var citizenId = $"019090{Random.Shared.Next(1_000_000):D6}";
        var created = await police.PostAsJsonAsync("/api/v1/persons", new
        {
            fullName = "Sao Lưu Văn Phục",
            aliases = Array.Empty<string>(),
            dateOfBirth = "1990-05-12",
            sex = "male",
            citizenId,
            residenceCommuneCode = "05443",
            address = "Tổ 7",
            substances = new[] { "heroin" },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();

        var source = new NpgsqlConnectionStringBuilder(app.ConnectionString);
        var copyName = "pcmt_restore_" + Guid.NewGuid().ToString("N");
        var dump = Path.Combine(Path.GetTempPath(), copyName + ".dump");
        var server = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        try
        {
            var before = await DataFingerprint.SettledAsync(app);
            // The documented commands (docs/operations.md, "Sao lưu và khôi phục").
            await RunAsync(Path.Combine(bin!, "pg_dump"), source, "--format=custom", "--no-owner", "--file", dump, source.Database!);
            await ExecuteAsync(server, $"CREATE DATABASE \"{copyName}\"", Cancel);
            await RunAsync(Path.Combine(bin!, "pg_restore"), source, "--no-owner", "--exit-on-error", "--dbname", copyName, dump);

            await using var copy = new RestoredCopy(new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = copyName }.ConnectionString);
            var restored = await Fingerprint(copy);
            Assert.True(before.Equals(restored), "row counts differ: " + before.Difference(restored));
            Assert.True(before.Rows["persons"] > 0);

            var token = await TokenAsync(copy.CreateClient(), App.UserNameFor(Roles.ProvincePolice, "19"), App.UserPassword);
            var reader = copy.CreateClient();
            reader.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var person = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{id}", Cancel);
            Assert.Equal("Sao Lưu Văn Phục", person.GetProperty("fullName").GetString());
            Assert.Equal(citizenId, person.GetProperty("citizenId").GetString()); // decrypted with the keys kept outside the dump

            var admin = copy.CreateClient();
            admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await TokenAsync(copy.CreateClient(), "admin", App.AdminPassword));
            var verify = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit-entries/verify", Cancel);
            Assert.True(verify.GetProperty("intact").GetBoolean(), verify.ToString());
            Assert.True(verify.GetProperty("entries").GetInt64() >= before.LastAudit);
            TestContext.Current.TestOutputHelper?.WriteLine($"backup and restore: {watch.Elapsed.TotalSeconds:N1} s ({restored.Rows.Count} tables, {restored.Rows["persons"]} persons)");
        }
        finally
        {
            File.Delete(dump);
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{copyName}\" WITH (FORCE)", CancellationToken.None);
        }
    }

    /// <summary>The same picture as <see cref="DataFingerprint"/>, taken on the restored copy before anything else touches it.</summary>
    private static async Task<DataFingerprint> Fingerprint(RestoredCopy copy) => await DataFingerprint.TakeAsync(copy);

    private async Task<string> TokenAsync(HttpClient client, string userName, string password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password }, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("accessToken").GetString()!;
    }

    private async Task RunAsync(string program, NpgsqlConnectionStringBuilder connection, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--host", connection.Host!, "--port", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", connection.Username! }.Concat(arguments))
            start.ArgumentList.Add(argument);
        if (connection.Password is { Length: > 0 } password)
            start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start)!;
        try
        {
            var errors = process.StandardError.ReadToEndAsync(Cancel);
            await process.StandardOutput.ReadToEndAsync(Cancel);
            await process.WaitForExitAsync(Cancel);
            Assert.True(process.ExitCode == 0, $"{Path.GetFileName(program)} failed ({process.ExitCode}): {await errors}");
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // past the limit: end the tool we started, and fail
            throw;
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Timeout=15;Command Timeout=60");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The application on the restored database, configured as the test App is (same personal-data keys).</summary>
    private sealed class RestoredCopy(string connectionString) : App
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Pcmt", connectionString);
            builder.UseSetting("Jobs:Enabled", "false");
        }
    }
}
