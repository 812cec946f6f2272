using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Pcmt.Tests.Security;

/// <summary>
/// A cheap picture of the whole database: the row count of every table and the last audit sequence (every write is
/// audited, so an update shows there too). Equal before and after a refused request means the request changed nothing.
/// Sign-in entries are left out: a refused sign-in is audited on purpose (and changes no data).
/// </summary>
public sealed record DataFingerprint(IReadOnlyDictionary<string, long> Rows, long LastAudit)
{
    public static async Task<DataFingerprint> TakeAsync(App app)
    {
        using var scope = app.Services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = App.UsesSqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '__EF%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }

        // One round trip: every table's count and the last audit sequence in a single statement.
        var counted = tables.Where(t => t != "audit_entries").Order(StringComparer.Ordinal).ToList();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + string.Join(", ", counted.Select(t => $"(SELECT count(*) FROM \"{t}\")").Append("(SELECT coalesce(max(sequence), 0) FROM audit_entries WHERE action NOT IN ('sign-in', 'sign-in-failed'))"));
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long last;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            for (var i = 0; i < counted.Count; i++)
                rows[counted[i]] = Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            last = Convert.ToInt64(reader.GetValue(counted.Count), System.Globalization.CultureInfo.InvariantCulture);
        }

        return new DataFingerprint(rows, last);
    }

    /// <summary>Waits until no write is still landing (reads are audited asynchronously), then takes the picture.</summary>
    public static async Task<DataFingerprint> SettledAsync(App app)
    {
        // A bulk population check queued by an earlier test keeps writing results (and audit entries) at the gateway's rate:
        // wait for background checks to finish first, bounded, so they are not mistaken for a change made by the request.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var until = DateTime.UtcNow.AddMinutes(3);
            while (await db.PopulationCheckJobs.AnyAsync(j => j.Status == Pcmt.Features.Population.PopulationCheckJob.QueuedStatus || j.Status == Pcmt.Features.Population.PopulationCheckJob.RunningStatus)
                && DateTime.UtcNow < until)
                await Task.Delay(250);
        }

        var previous = await TakeAsync(app);
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(100);
            var next = await TakeAsync(app);
            if (next.Equals(previous))
                return next;
            previous = next;
        }

        return previous;
    }

    public bool Equals(DataFingerprint? other) =>
        other is not null && LastAudit == other.LastAudit && Rows.Count == other.Rows.Count && Rows.All(r => other.Rows.TryGetValue(r.Key, out var n) && n == r.Value);

    public override int GetHashCode() => HashCode.Combine(LastAudit, Rows.Count);

    /// <summary>What differs, for an assertion message.</summary>
    public string Difference(DataFingerprint after) =>
        string.Join(", ", Rows.Where(r => after.Rows.GetValueOrDefault(r.Key) != r.Value).Select(r => $"{r.Key} {r.Value}→{after.Rows.GetValueOrDefault(r.Key)}")
            .Append(LastAudit == after.LastAudit ? "" : $"audit {LastAudit}→{after.LastAudit}").Where(s => s.Length > 0));
}
