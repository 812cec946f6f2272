using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Pcmt.Tests.Infrastructure;

/// <summary>
/// Reads from a standby (issue 19, ADR 0014), on a real primary + streaming standby pair: the application writes to the
/// primary (ConnectionStrings:Pcmt) and searches through the standby (ConnectionStrings:PcmtRead).
/// </summary>
public sealed class StandbyReadsTests : IDisposable
{
    /// <summary>Start of both servers, the app's migrations and every wait below together; a hung tool fails the test.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    private readonly CancellationTokenSource _bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

    private CancellationToken Cancel => _bound.Token;

    public void Dispose() => _bound.Dispose();

    [Fact]
    public async Task Searches_are_served_by_the_standby_and_find_a_person_registered_on_the_primary_once_it_has_caught_up()
    {
        _bound.CancelAfter(Limit);
        Assert.SkipWhen(App.UsesSqlite, "Streaming replication is a PostgreSQL deployment; SQLite has no standby.");
        var bin = StandbyPair.FindBinaries();
        Assert.SkipWhen(bin is null, "PostgreSQL is not installed (/usr/lib/postgresql/*/bin).");
        var watch = Stopwatch.StartNew();
        await using var pair = await StandbyPair.StartAsync(bin!, Cancel);
        var started = watch.Elapsed;
        Assert.True(await pair.ScalarAsync<bool>(pair.Standby, "SELECT pg_is_in_recovery()"), "the second server is a standby");
        Assert.False(await pair.ScalarAsync<bool>(pair.Primary, "SELECT pg_is_in_recovery()"));

        await using var app = new ReplicatedApp(pair.Primary, pair.Standby);
        var police = await app.ApiAsAsync(Roles.ProvincePolice, "19"); // starts the app: migrations and users on the primary
        var otherProvince = await app.ApiAsAsync(Roles.ProvincePolice, "04");

        // A write goes to the primary: the standby would refuse it (read-only), and the registration would fail.
        var name = "Đọc Dự Phòng " + Surname();
        var created = await police.PostAsJsonAsync("/api/v1/persons", new { fullName = name, dateOfBirth = "1991-04-03", sex = "male", residenceCommuneCode = "05443" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        Assert.Equal(1L, await pair.ScalarAsync<long>(pair.Primary, $"SELECT count(*) FROM persons WHERE id = '{id}'"));

        // After the standby has replayed the primary's WAL, the search (served by the standby) finds the person.
        await pair.CatchUpAsync();
        var standbyBefore = await PersonStatementsAsync(pair, pair.Standby);
        var primaryBefore = await PersonStatementsAsync(pair, pair.Primary);
        var listsBefore = await pair.ScalarAsync<long>(pair.Primary, "SELECT count(*) FROM audit_entries WHERE action = 'list' AND entity_type = 'Person'");
        var query = Uri.EscapeDataString(name);
        var found = await police.GetFromJsonAsync<JsonElement>($"/api/v1/persons?q={query}", Cancel);
        Assert.Equal(id, found.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid());
        // The same area scope on the standby: another province's police does not see the person.
        var elsewhere = await otherProvince.GetFromJsonAsync<JsonElement>($"/api/v1/persons?q={query}", Cancel);
        Assert.Equal(0, elsewhere.GetProperty("total").GetInt32());

        // Served by the standby: its statements on persons ran, the primary ran none for these searches.
        Assert.True(await PersonStatementsAsync(pair, pair.Standby) > standbyBefore, "the standby ran the search statements");
        Assert.Equal(primaryBefore, await PersonStatementsAsync(pair, pair.Primary));
        // The list view's audit entry is a write: it is on the primary.
        Assert.Equal(listsBefore + 1, await pair.ScalarAsync<long>(pair.Primary, "SELECT count(*) FROM audit_entries WHERE action = 'list' AND entity_type = 'Person'"));

        // Indicator values and the dashboard read the standby too, and work there (no write on their path).
        var standbyBeforeIndicators = await StatementsAsync(pair, pair.Standby, "%commune_classifications%");
        var value = await police.GetAsync("/api/v1/indicators/USERS-TREND/values?area=19&period=2026", Cancel);
        Assert.Equal(HttpStatusCode.OK, value.StatusCode);
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.ProvincePolice, "19"), App.UserPassword);
        var dashboard = await pages.GetAsync("/Dashboard", Cancel);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.True(await StatementsAsync(pair, pair.Standby, "%commune_classifications%") > standbyBeforeIndicators, "the dashboard read the standby");

        // Nothing can be written through the read context: the standby refuses it, and so does the context itself.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var read = scope.ServiceProvider.GetRequiredService<ReadDbContext>();
            var refused = await Assert.ThrowsAsync<PostgresException>(() => read.Database.ExecuteSqlRawAsync("UPDATE persons SET status = status", Cancel));
            Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
            read.AuditEntries.Add(new Pcmt.Infrastructure.Auditing.AuditEntry { UserName = "x", Action = "read", EntityType = "Person", EntityKey = "*" });
            await Assert.ThrowsAsync<InvalidOperationException>(() => read.SaveChangesAsync(Cancel));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"primary + standby started in {started.TotalSeconds:N1} s; whole test {watch.Elapsed.TotalSeconds:N1} s");
    }

    /// <summary>Calls of statements that read persons in the app's database, from pg_stat_statements of that server.</summary>
    private static Task<long> PersonStatementsAsync(StandbyPair pair, string server) => StatementsAsync(pair, server, "%FROM persons%");

    private static Task<long> StatementsAsync(StandbyPair pair, string server, string like) => pair.ScalarAsync<long>(server,
        $"SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = '{StandbyPair.Database}' AND s.query ILIKE '{like}'");

    private static string Surname()
    {
        // Letters only (a person's name): a distinct name per run, so the search finds exactly this person.
        const string Letters = "abcdeghiklmnopqrstuvxy";
        var chars = Enumerable.Range(0, 8).Select(_ => Letters[Random.Shared.Next(Letters.Length)]).ToArray();
        chars[0] = char.ToUpperInvariant(chars[0]);
        return new string(chars);
    }

    /// <summary>The application writing to the primary and reading through the standby.</summary>
    private sealed class ReplicatedApp(string primary, string standby) : App
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Pcmt", primary);
            builder.UseSetting("ConnectionStrings:PcmtRead", standby);
            builder.UseSetting("Jobs:Enabled", "false");
        }
    }
}
