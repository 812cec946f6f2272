using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Classification;
using Pcmt.Features.Facilities;
using Pcmt.Features.Indicators;
using Pcmt.Features.Lifecycle;
using Pcmt.Features.Persons;
using Pcmt.Features.SupportServices;
using Pcmt.Features.Tips;
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

    private bool _auditRows = true;

    public AppDbContext(DbContextOptions<AppDbContext> options, CurrentUser user, TimeProvider clock)
        : this((DbContextOptions)options, user, clock)
    {
    }

    protected AppDbContext(DbContextOptions options, CurrentUser user, TimeProvider clock)
        : base(options)
    {
        _user = user;
        _clock = clock;
    }

    public DbSet<AdministrativeUnit> AdministrativeUnits => Set<AdministrativeUnit>();

    public DbSet<UnitSuccession> UnitSuccessions => Set<UnitSuccession>();

    public DbSet<CommunePopulation> CommunePopulations => Set<CommunePopulation>();

    public DbSet<Person> Persons => Set<Person>();

    public DbSet<DuplicateReview> DuplicateReviews => Set<DuplicateReview>();

    public DbSet<AccessGrant> AccessGrants => Set<AccessGrant>();

    public DbSet<Transfer> Transfers => Set<Transfer>();

    public DbSet<ImportReject> ImportRejects => Set<ImportReject>();

    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    public DbSet<CaseRecord> CaseRecords => Set<CaseRecord>();

    public DbSet<WorkItem> WorkItems => Set<WorkItem>();

    public DbSet<ListEntry> ListEntries => Set<ListEntry>();

    public DbSet<LegalParameterSetting> LegalParameterSettings => Set<LegalParameterSetting>();

    public DbSet<PublicHoliday> PublicHolidays => Set<PublicHoliday>();

    public DbSet<Facility> Facilities => Set<Facility>();

    public DbSet<SupportService> SupportServices => Set<SupportService>();

    public DbSet<CommuneClassification> CommuneClassifications => Set<CommuneClassification>();

    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();

    // Agencies, plans, tasks, projects and budget (issue 12)
    public DbSet<Features.Agencies.Agency> Agencies => Set<Features.Agencies.Agency>();

    public DbSet<Features.Plans.Plan> Plans => Set<Features.Plans.Plan>();

    public DbSet<Features.Plans.PlanTask> PlanTasks => Set<Features.Plans.PlanTask>();

    public DbSet<Features.Plans.TaskProgress> TaskProgress => Set<Features.Plans.TaskProgress>();

    public DbSet<Features.Plans.TaskEvidence> TaskEvidence => Set<Features.Plans.TaskEvidence>();

    public DbSet<Features.Plans.BudgetLine> BudgetLines => Set<Features.Plans.BudgetLine>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    // Sự cố dữ liệu cá nhân (issue 18)
    public DbSet<Pcmt.Features.DataBreaches.DataBreach> DataBreaches => Set<Pcmt.Features.DataBreaches.DataBreach>();
    // Tips (tố giác)
    public DbSet<Tip> Tips => Set<Tip>();
    // National population database link (issue 16)
    public DbSet<Pcmt.Features.Population.PopulationCheckResult> PopulationCheckResults => Set<Pcmt.Features.Population.PopulationCheckResult>();

    public DbSet<Pcmt.Features.Population.PopulationCheckJob> PopulationCheckJobs => Set<Pcmt.Features.Population.PopulationCheckJob>();

    // Facility staff (issue 16): who is currently placed in which facility, projected from the case files.
    public DbSet<FacilityResident> FacilityResidents => Set<FacilityResident>();
    // Lawful drug-related activities and inspections (issue 14)
    public DbSet<Pcmt.Features.LawfulActivities.LawfulActivity> LawfulActivities => Set<Pcmt.Features.LawfulActivities.LawfulActivity>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    internal CurrentUser User => _user;

    // Read by the query filter at each query (EF Core parameterises context members), so the scope is the signed-in user's
    // even when this context was created during authentication.
    private bool ScopeAll => _user.SeesWholeInstallation;

    private string? ScopeProvince => _user.ProvinceCode;

    private string? ScopeCommune => _user.CommuneCode;

    // Facility staff (issue 16): the facility of a facility scope; null for every other user, and EF Core then drops the
    // resident branch of the filter from the SQL (it specialises the statement on which parameters are null).
    private Guid? ScopeFacility => _user.FacilityId;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            // Substring search on folded names uses trigram GIN indexes, created in the SearchTrigramIndexes migration.
            builder.HasPostgresExtension("pg_trgm");
        }

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
            ScopeAll
            || (ScopeProvince != null && e.ProvinceCode == ScopeProvince && (ScopeCommune == null || e.CommuneCode == ScopeCommune));
        if (typeof(T) == typeof(Person) || typeof(T) == typeof(WorkItem) || typeof(T) == typeof(ListEntry))
            filter = OrResidentOfScopeFacility(filter);
        builder.Entity<T>().HasQueryFilter(UnitScopeFilter, filter);
    }

    /// <summary>
    /// Facility staff see the persons currently placed in their facility (open rehab episodes and therapies, projected into
    /// <see cref="FacilityResidents"/>), with those persons' work items and list rows, and nothing else (issue 16).
    /// </summary>
    private Expression<Func<T, bool>> OrResidentOfScopeFacility<T>(Expression<Func<T, bool>> filter)
    {
        Expression<Func<Guid, bool>> resident = personId =>
            ScopeFacility != null && FacilityResidents.Any(r => r.FacilityId == ScopeFacility && r.PersonId == personId);
        var entity = filter.Parameters[0];
        var personId = Expression.Property(entity, typeof(T) == typeof(Person) ? nameof(Person.Id) : nameof(WorkItem.PersonId));
        var residentBody = new ReplaceParameter(resident.Parameters[0], personId).Visit(resident.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(filter.Body, residentBody), entity);
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    /// <summary>
    /// Bulk operations (the unit catalogue, key rotation, imports): one summary audit entry instead of one per row; none when
    /// <paramref name="summary"/> is null because the caller adds its own summary entry before its transaction commits.
    /// </summary>
    internal async Task SaveBulkAsync(string entityType, string? summary, CancellationToken cancellationToken)
    {
        if (summary is not null)
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

    /// <summary>Only the data-protection key store saves synchronously, and its rows are not audited; audited writes must be async.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeTracker.DetectChanges();
        if (ChangeTracker.Entries().Any(e => IsAudited(e) || (e.Entity is AuditEntry && e.State == EntityState.Added)))
            throw new InvalidOperationException("Audited changes must be saved with SaveChangesAsync, which writes the audit trail.");
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var now = _clock.GetUtcNow().UtcDateTime;
        StampVersions();
        var personProvinces = Database.IsNpgsql() ? ChangedPersonProvinces() : [];

        var explicitEntries = ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        foreach (var entry in explicitEntries)
            Entry(entry).State = EntityState.Detached;

        List<PendingChange> changes = _auditRows ? ChangeTracker.Entries().Where(IsAudited).Select(PendingChange.Capture).ToList() : [];
        if (changes.Count == 0 && explicitEntries.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        // In its own transaction a failed save rolls everything back anyway: no savepoint round trips while the chain lock is held.
        var savepoints = Database.AutoSavepointsEnabled;
        if (ownTransaction is not null)
            Database.AutoSavepointsEnabled = false;
        var sqliteGateHeld = false;
        try
        {
            var written = ChangeTracker.HasChanges() ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken) : 0;
            var entries = changes.Select(c => c.ToAuditEntry(_user, now)).Concat(explicitEntries).ToList();

            if (Database.IsNpgsql())
            {
                await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditChain.PostgresLockKey})", cancellationToken);
                // Every node's person name index drops these provinces when this transaction commits.
                await PersonNameIndex.NotifyAsync(Database, personProvinces, cancellationToken);
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
            // This node's index at once, not at the notification's arrival: the writer's next search sees its write.
            DropFromNameIndex(personProvinces);
            return written;
        }
        finally
        {
            Database.AutoSavepointsEnabled = savepoints;
            if (sqliteGateHeld)
                SqliteAuditGate.Release();
            if (ownTransaction is not null)
                await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>The provinces whose searchable persons this save changes (both sides of a move), or "*" for an alias of an untracked person.</summary>
    private HashSet<string> ChangedPersonProvinces()
    {
        var provinces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in ChangeTracker.Entries<Person>())
        {
            if (entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified)
            {
                provinces.Add(entry.Entity.ProvinceCode);
                if (entry.State == EntityState.Modified && entry.Property(p => p.ProvinceCode).OriginalValue is { } before)
                    provinces.Add(before);
            }
        }

        foreach (var entry in ChangeTracker.Entries<PersonAlias>())
        {
            if (entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified)
                provinces.Add(Set<Person>().Local.FirstOrDefault(p => p.Id == entry.Entity.PersonId)?.ProvinceCode ?? PersonNameIndex.AllProvinces);
        }

        return provinces;
    }

    /// <summary>Drops provinces from this node's person name index (when the app's service provider has one).</summary>
    internal void DropFromNameIndex(IReadOnlyCollection<string> provinces)
    {
        if (provinces.Count == 0)
            return;
        var app = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        app?.GetService<PersonNameIndex>()?.Invalidate(string.Join(',', provinces));
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
            PersonId = (Entry.Entity as IPersonRecord)?.PersonId,
            Detail = Fields,
        };

        private static string KeyOf(EntityEntry entry) =>
            string.Join("|", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }
}
