using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Users;
using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Infrastructure.Data;

/// <summary>The single unit of work. Applies the "UnitScope" filter to every <see cref="IUnitScoped"/> entity and audits every write in the same transaction.</summary>
public class AppDbContext : IdentityUserContext<User, Guid>, IDataProtectionKeyContext
{
    public const string UnitScopeFilter = "UnitScope";

    private static readonly SemaphoreSlim SqliteAuditGate = new(1, 1);

    private readonly CurrentUser _user;
    private readonly TimeProvider _clock;

    // Read by the query filter on every query; EF Core parameterises context fields.
    private bool _auditRows = true;

    private readonly bool _scopeAll;
    private readonly string? _scopeProvince;
    private readonly string? _scopeCommune;

    public AppDbContext(DbContextOptions<AppDbContext> options, CurrentUser user, TimeProvider clock)
        : this((DbContextOptions)options, user, clock)
    {
    }

    protected AppDbContext(DbContextOptions options, CurrentUser user, TimeProvider clock)
        : base(options)
    {
        _user = user;
        _clock = clock;
        _scopeAll = user.SeesWholeInstallation;
        _scopeProvince = user.ProvinceCode;
        _scopeCommune = user.CommuneCode;
    }

    public DbSet<AdministrativeUnit> AdministrativeUnits => Set<AdministrativeUnit>();

    public DbSet<UnitSuccession> UnitSuccessions => Set<UnitSuccession>();

    public DbSet<CommunePopulation> CommunePopulations => Set<CommunePopulation>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    internal CurrentUser User => _user;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(IUnitScoped).IsAssignableFrom(t.ClrType)))
        {
            typeof(AppDbContext).GetMethod(nameof(ApplyUnitScope), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entityType.ClrType)
                .Invoke(this, [builder]);
        }
    }

    private void ApplyUnitScope<T>(ModelBuilder builder) where T : class, IUnitScoped
    {
        Expression<Func<T, bool>> filter = e =>
            _scopeAll
            || (_scopeProvince != null && e.ProvinceCode == _scopeProvince && (_scopeCommune == null || e.CommuneCode == _scopeCommune));
        builder.Entity<T>().HasQueryFilter(UnitScopeFilter, filter);
    }

    /// <summary>Bulk reference data (the unit catalogue): one summary audit entry instead of one per row.</summary>
    internal async Task SaveReferenceDataAsync(string entityType, string summary, CancellationToken cancellationToken)
    {
        AuditEntries.Add(new AuditEntry
        {
            UserId = _user.Id,
            UserName = _user.UserName,
            Action = AuditActions.Create,
            EntityType = entityType,
            EntityKey = "*",
            Detail = summary,
        });
        _auditRows = false;
        try
        {
            await SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _auditRows = true;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        // Synchronous callers (the data-protection key store) never write audited entities; keep one code path anyway.
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var now = _clock.GetUtcNow().UtcDateTime;
        StampVersions();

        var explicitEntries = ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        foreach (var entry in explicitEntries)
            Entry(entry).State = EntityState.Detached;

        List<PendingChange> changes = _auditRows ? ChangeTracker.Entries().Where(IsAudited).Select(PendingChange.Capture).ToList() : [];
        if (changes.Count == 0 && explicitEntries.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var sqliteGateHeld = false;
        try
        {
            var written = ChangeTracker.HasChanges() ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken) : 0;
            var entries = changes.Select(c => c.ToAuditEntry(_user, now)).Concat(explicitEntries).ToList();

            if (Database.IsNpgsql())
            {
                await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditChain.PostgresLockKey})", cancellationToken);
            }
            else
            {
                await SqliteAuditGate.WaitAsync(cancellationToken);
                sqliteGateHeld = true;
            }

            var last = await AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
            var sequence = last?.Sequence ?? 0;
            var previousHash = last?.Hash ?? AuditChain.GenesisHash;
            foreach (var entry in entries)
            {
                entry.Sequence = ++sequence;
                entry.At = AuditChain.Truncate(entry.At == default ? now : entry.At);
                entry.PreviousHash = previousHash;
                entry.Hash = previousHash = AuditChain.ComputeHash(entry);
                AuditEntries.Add(entry);
            }

            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
                await ownTransaction.CommitAsync(cancellationToken);
            return written;
        }
        finally
        {
            if (sqliteGateHeld)
                SqliteAuditGate.Release();
            if (ownTransaction is not null)
                await ownTransaction.DisposeAsync();
        }
    }

    private void StampVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Entity.Version = Guid.NewGuid();
        }
    }

    private static bool IsAudited(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && entry.Entity is not AuditEntry and not DataProtectionKey;

    /// <summary>A change seen before saving; keys of new rows are read after the insert.</summary>
    private sealed record PendingChange(EntityEntry Entry, string Action, string? KeyBefore, string? Fields)
    {
        public static PendingChange Capture(EntityEntry entry) => entry.State switch
        {
            EntityState.Added => new(entry, AuditActions.Create, null,
                string.Join(",", entry.Properties.Where(p => p.CurrentValue is not null && !p.Metadata.IsPrimaryKey()).Select(p => p.Metadata.Name))),
            EntityState.Modified => new(entry, AuditActions.Update, KeyOf(entry),
                string.Join(",", entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name))),
            _ => new(entry, AuditActions.Delete, KeyOf(entry), null),
        };

        public AuditEntry ToAuditEntry(CurrentUser user, DateTime now) => new()
        {
            At = now,
            UserId = user.Id,
            UserName = user.UserName,
            Action = Action,
            EntityType = Entry.Metadata.ClrType.Name,
            EntityKey = KeyBefore ?? KeyOf(Entry),
            Detail = Fields is { Length: > 2000 } ? Fields[..2000] : Fields,
        };

        private static string KeyOf(EntityEntry entry) =>
            string.Join("|", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }
}
