using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Pcmt.Features.Persons;

/// <summary>
/// A per-node, in-memory index of the folded names (and aliases) of each province's persons, for the name search of province
/// and commune users (issue 19: the search statement was 80–85 % of PostgreSQL's work per request). It only proposes
/// candidate ids and the total; the page's rows are still read from the database through the UnitScope filter, and the
/// candidates are taken from the caller's own province (and commune) only, so it can never widen what a user sees.
/// Loaded lazily per province, through a context scoped to that province; kept current by <c>NOTIFY pcmt_persons</c>, sent
/// in the writing transaction by <see cref="AppDbContext"/> (persons or aliases saved) and by <see cref="BulkCopy"/> (imports),
/// and received on every node by <see cref="PersonNameIndexListener"/>. Used only while that listener is connected; off on
/// SQLite, when searches read a standby (<c>ConnectionStrings:PcmtRead</c>: its lag would let the index run ahead of the rows),
/// and with <c>Persons:NameIndex=false</c> (docs/architecture.md, "Person name index").
/// </summary>
public sealed class PersonNameIndex(IServiceScopeFactory scopes, ILogger<PersonNameIndex> logger)
{
    public const string Channel = "pcmt_persons";

    /// <summary>The payload that stands for every province (an alias changed without its person, or notifications possibly missed).</summary>
    public const string AllProvinces = "*";

    /// <summary>One person as the search sees it: folded name, id, commune, folded aliases.</summary>
    public sealed record Entry(Guid Id, string Name, string CommuneCode, string[] Aliases);

    private sealed record Loaded(long Version, Entry[] Entries);

#pragma warning disable CA1001 // a slot lives as long as the index (one per province); its semaphore never needs a wait handle
    private sealed class Slot
#pragma warning restore CA1001
    {
        public long Version;
        public volatile Loaded? Data;
        public readonly SemaphoreSlim Gate = new(1, 1);
    }

    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private volatile bool _listening;

    /// <summary>Whether notifications are being received: the index answers only then.</summary>
    public bool IsListening => _listening;

    /// <summary>Called by the listener once LISTEN runs (everything loaded before is dropped) and when its connection is lost.</summary>
    internal void SetListening(bool listening)
    {
        _listening = listening;
        Invalidate(AllProvinces);
    }

    /// <summary>Drops the named provinces (comma-separated codes, or <see cref="AllProvinces"/>); the next search reloads them.</summary>
    public void Invalidate(string? payload)
    {
        var codes = payload?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var all = codes.Contains(AllProvinces);
        foreach (var (code, slot) in _slots)
        {
            if (all || codes.Contains(code))
                Drop(slot);
        }
    }

    private static void Drop(Slot slot)
    {
        Interlocked.Increment(ref slot.Version);
        slot.Data = null;
    }

    /// <summary>
    /// The persons of <paramref name="provinceCode"/> (not merged), sorted by folded name then id as the database search
    /// orders them; null when the index is not listening. A load that a notification overtook is used for this call only.
    /// </summary>
    public async Task<IReadOnlyList<Entry>?> ProvinceAsync(string provinceCode, CancellationToken cancellationToken)
    {
        if (!_listening)
            return null;
        var slot = _slots.GetOrAdd(provinceCode, _ => new Slot());
        if (slot.Data is { } data && data.Version == Interlocked.Read(ref slot.Version))
            return data.Entries;
        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            var version = Interlocked.Read(ref slot.Version);
            if (slot.Data is { } again && again.Version == version)
                return again.Entries;
            var entries = await LoadAsync(provinceCode, cancellationToken);
            // Kept only if no notification arrived while loading (the load may predate that write) and still listening.
            if (_listening && Interlocked.Read(ref slot.Version) == version)
                slot.Data = new Loaded(version, entries);
            return entries;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private async Task<Entry[]> LoadAsync(string provinceCode, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        // Read as a user of that province: the UnitScope filter itself bounds what is loaded.
        scope.ServiceProvider.GetRequiredService<ActingUser>().User =
            new CurrentUser(null, "person-name-index", null, ScopeKind.Province, provinceCode, provinceCode, null);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var persons = await db.Persons.AsNoTracking().Where(p => p.MergedIntoId == null)
            .Select(p => new { p.Id, p.SearchName, p.CommuneCode }).ToListAsync(cancellationToken);
        var aliases = await (from a in db.Set<PersonAlias>()
                             join p in db.Persons on a.PersonId equals p.Id
                             where p.MergedIntoId == null
                             select new { a.PersonId, a.SearchName }).ToListAsync(cancellationToken);
        var byPerson = aliases.GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g => g.Select(a => a.SearchName).ToArray());
        var entries = persons.Select(p => new Entry(p.Id, p.SearchName, p.CommuneCode, byPerson.GetValueOrDefault(p.Id) ?? [])).ToArray();
        Array.Sort(entries, Compare);
        logger.LogInformation("Person name index: province {Province} loaded, {Count} persons in {Milliseconds} ms",
            provinceCode, entries.Length, (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return entries;
    }

    /// <summary>Folded name, then id: PostgreSQL's order for ASCII folded names under the C collation and for uuids (Guid compares its fields unsigned, in text order).</summary>
    public static int Compare(Entry a, Entry b)
    {
        var byName = string.CompareOrdinal(a.Name, b.Name);
        return byName != 0 ? byName : a.Id.CompareTo(b.Id);
    }

    /// <summary>Sends the change of these provinces' persons to every node (delivered when the writing transaction commits) and drops them here now.</summary>
    public static async Task NotifyAsync(DatabaseFacade database, IReadOnlyCollection<string> provinces, CancellationToken cancellationToken)
    {
        if (provinces.Count == 0 || !database.IsNpgsql())
            return;
        var payload = provinces.Contains(AllProvinces) ? AllProvinces : string.Join(',', provinces.Order(StringComparer.Ordinal));
        await database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", cancellationToken);
    }
}

/// <summary>
/// Holds one connection that LISTENs on <see cref="PersonNameIndex.Channel"/> and drops the provinces named by each
/// notification from this node's index. While it is not connected the index is not used (searches go to the database);
/// on reconnecting everything is dropped, since notifications may have been missed.
/// </summary>
public sealed class PersonNameIndexListener(PersonNameIndex index, IConfiguration configuration, ILogger<PersonNameIndexListener> logger) : BackgroundService
{
    /// <summary>Whether this configuration uses the index at all (PostgreSQL, no standby for searches, not switched off).</summary>
    public static bool Enabled(IConfiguration configuration) =>
        (configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions()).Provider == DatabaseProvider.Postgres
        && string.IsNullOrWhiteSpace(configuration.GetConnectionString(ReadDbContext.ConnectionStringName))
        && configuration.GetValue("Persons:NameIndex", true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled(configuration))
            return;
        var settings = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Pcmt")) { Pooling = false, KeepAlive = 30 };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(settings.ConnectionString);
                connection.Notification += (_, e) => index.Invalidate(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {PersonNameIndex.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                index.SetListening(true);
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Person name index: the LISTEN connection failed; searches read the database until it is back");
            }

            index.SetListening(false);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        index.SetListening(false);
    }
}
