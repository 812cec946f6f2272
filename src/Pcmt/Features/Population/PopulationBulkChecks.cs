using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Pcmt.Features.Population;

/// <summary>
/// The queue of bulk population checks: enqueue (a commune, or one person after registration), report progress, and run the
/// oldest queued job on whichever node claims it first, at most <c>Population:RequestsPerSecond</c> requests per second.
/// </summary>
public sealed class PopulationBulkChecks(IServiceScopeFactory scopes, TimeProvider clock, IOptions<PopulationOptions> options, ILogger<PopulationBulkChecks> logger)
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    private const int Batch = 50;

    public sealed record Status(Guid Id, string State, string? CommuneCode, int Done, int Total, int Matched, int Mismatch, int NotFound, int Unavailable, DateTime CreatedAt, DateTime? FinishedAt,
        string? ImportFileName = null);

    /// <summary>The most persons one check over a list takes (an import's file holds at most this many rows).</summary>
    public const int MaxPersons = 100_000;

    public const string ImportPurpose = "đối chiếu các hồ sơ vừa nhập từ tệp";

    /// <summary>
    /// A bulk check over exactly the persons an import created (queued automatically when <c>Population:CheckOnImport</c> is on,
    /// or started by an officer): the same background job, progress, cursor and rate limit as a commune's check. Persons outside
    /// the user's area, or unknown, are refused (400) and nothing is queued.
    /// </summary>
    public async Task<Result<Guid>> EnqueuePersonsAsync(CurrentUser user, IReadOnlyList<Guid>? persons, string? fileName, string? purpose, CancellationToken cancellationToken)
    {
        var ids = persons?.Distinct().ToList() ?? [];
        if (ids.Count is 0 or > MaxPersons)
            return new Failure.Invalid("persons", "Chọn từ 1 đến 100.000 hồ sơ để đối chiếu.");
        if (CheckPopulation.CheckPurpose(purpose ?? ImportPurpose, out var why) is { } error)
            return new Failure.Invalid("purpose", error);
        using var scope = Scope(user);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var known = 0;
        foreach (var chunk in ids.Chunk(5000))
            known += await db.Persons.AsNoTracking().CountAsync(p => chunk.Contains(p.Id), cancellationToken);
        if (known != ids.Count)
            return new Failure.Invalid("persons", "Có hồ sơ không tồn tại hoặc ngoài địa bàn của tài khoản.");
        var id = await EnqueueAsync(db, user, null, null, why, cancellationToken, Path.GetFileName(fileName ?? "danh sách"), ids);
        return id;
    }

    public async Task<Result<Guid>> EnqueueCommuneAsync(CurrentUser user, string? commune, string? purpose, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (CheckPopulation.CheckPurpose(purpose, out var why) is { } error)
            errors["purpose"] = [error];
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var code = commune?.Trim() ?? "";
        var unit = code.Length == 0 ? null : await db.AdministrativeUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code && u.ValidTo == null, cancellationToken);
        if (unit is null || unit.Level != AdministrativeUnits.UnitLevel.Commune)
            errors["commune"] = ["Chọn một xã, phường, đặc khu đang có hiệu lực."];
        else if (!user.Covers(unit.ProvinceCode, unit.Code))
            errors["commune"] = ["Xã này không thuộc địa bàn của tài khoản."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        return await EnqueueAsync(db, user, code, null, why, cancellationToken);
    }

    /// <summary>A background check of one newly registered person (the registration form never waits for the national system).</summary>
    public async Task EnqueuePersonAsync(CurrentUser user, Guid personId, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await EnqueueAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), user, null, personId, "đối chiếu tự động khi đăng ký hồ sơ", cancellationToken);
    }

    private async Task<Guid> EnqueueAsync(AppDbContext db, CurrentUser user, string? commune, Guid? personId, string purpose, CancellationToken cancellationToken,
        string? importFileName = null, List<Guid>? persons = null)
    {
        var job = new PopulationCheckJob
        {
            UserId = user.Id ?? Guid.Empty,
            UserName = user.UserName,
            Role = user.Role ?? "",
            ScopeKind = user.ScopeKind?.ToString() ?? "",
            ScopeCode = user.ScopeCode,
            ProvinceCode = user.ProvinceCode,
            CommuneCode = user.CommuneCode,
            TargetCommuneCode = commune,
            TargetPersonId = personId,
            Purpose = purpose,
            ImportFileName = importFileName is null ? null : Cut(importFileName),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.PopulationCheckJobs.Add(job);
        if (persons is not null)
        {
            // Queued with its list in one save; the job row carries the audit summary (the ids are not personal data).
            db.Set<PopulationCheckJobPerson>().AddRange(persons.Select(p => new PopulationCheckJobPerson { JobId = job.Id, PersonId = p }));
            await db.SaveBulkAsync(nameof(PopulationCheckJob), $"Đối chiếu hàng loạt {persons.Count} hồ sơ của lần nhập '{job.ImportFileName}' ({job.Id})", cancellationToken);
            return job.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
        return job.Id;
    }

    /// <summary>Jobs the user started (a user sees only their own).</summary>
    public async Task<List<Status>> ListAsync(CurrentUser user, Guid? id, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var query = db.PopulationCheckJobs.AsNoTracking().Where(j => j.UserId == user.Id && (j.TargetCommuneCode != null || j.ImportFileName != null));
        if (id is { } one)
            query = query.Where(j => j.Id == one);
        return await query.OrderByDescending(j => j.CreatedAt).Take(20)
            .Select(j => new Status(j.Id, j.Status, j.TargetCommuneCode, j.Done, j.Total, j.Matched, j.Mismatched, j.NotFound, j.Unavailable, j.CreatedAt, j.FinishedAt, j.ImportFileName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Runs the oldest queued job, if any (a running job silent for <see cref="StaleAfter"/> is queued again and resumes from its cursor).</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        Guid id;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var stale = now - StaleAfter;
            await db.PopulationCheckJobs.Where(j => j.Status == PopulationCheckJob.RunningStatus && j.HeartbeatAt < stale)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, PopulationCheckJob.QueuedStatus), cancellationToken);
            var next = await db.PopulationCheckJobs.Where(j => j.Status == PopulationCheckJob.QueuedStatus).OrderBy(j => j.CreatedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);
            if (next is null)
                return false;
            id = next.Value;
            var claimed = await db.PopulationCheckJobs.Where(j => j.Id == id && j.Status == PopulationCheckJob.QueuedStatus)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, PopulationCheckJob.RunningStatus).SetProperty(j => j.StartedAt, now).SetProperty(j => j.HeartbeatAt, now), cancellationToken);
            if (claimed == 0)
                return true;
        }

        await RunAsync(id, cancellationToken);
        return true;
    }

    private async Task RunAsync(Guid id, CancellationToken cancellationToken)
    {
        PopulationCheckJob job;
        using (var read = scopes.CreateScope())
            job = await read.ServiceProvider.GetRequiredService<AppDbContext>().PopulationCheckJobs.AsNoTracking().FirstAsync(j => j.Id == id, cancellationToken);
        var acting = new CurrentUser(job.UserId, job.UserName, job.Role, Enum.TryParse<ScopeKind>(job.ScopeKind, out var kind) ? kind : null, job.ScopeCode, job.ProvinceCode, job.CommuneCode);
        var interval = TimeSpan.FromSeconds(1 / Math.Clamp(options.Value.RequestsPerSecond, 0.01, 1000));

        if (job.Total == 0)
        {
            using var scope = Scope(acting);
            var total = await Candidates(scope.ServiceProvider.GetRequiredService<AppDbContext>(), job, null).CountAsync(cancellationToken);
            await Update(id, s => s.SetProperty(j => j.Total, total), cancellationToken);
        }

        var cursor = job.LastPersonId;
        while (true)
        {
            List<Guid> batch;
            using (var scope = Scope(acting))
                batch = await Candidates(scope.ServiceProvider.GetRequiredService<AppDbContext>(), job, cursor).OrderBy(p => p).Take(Batch).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                break;
            foreach (var personId in batch)
            {
                var started = clock.GetUtcNow();
                string status;
                using (var scope = Scope(acting))
                {
                    var outcome = await scope.ServiceProvider.GetRequiredService<CheckPopulation>().HandleAsync(personId, job.Purpose, cancellationToken);
                    status = outcome.Succeeded ? outcome.Value.Status : PopulationStatuses.NotFound;
                }

                cursor = personId;
                var now = clock.GetUtcNow().UtcDateTime;
                await Update(id, s => s.SetProperty(j => j.Done, j => j.Done + 1).SetProperty(j => j.LastPersonId, personId).SetProperty(j => j.HeartbeatAt, now)
                    .SetProperty(j => j.Matched, j => j.Matched + (status == PopulationStatuses.Matched ? 1 : 0))
                    .SetProperty(j => j.Mismatched, j => j.Mismatched + (status == PopulationStatuses.Mismatch ? 1 : 0))
                    .SetProperty(j => j.NotFound, j => j.NotFound + (status == PopulationStatuses.NotFound ? 1 : 0))
                    .SetProperty(j => j.Unavailable, j => j.Unavailable + (status == PopulationStatuses.Unavailable ? 1 : 0)), cancellationToken);
                // Rate limit: the gateway operator allows so many requests per second.
                var wait = interval - (clock.GetUtcNow() - started);
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, clock, cancellationToken);
            }
        }

        await Update(id, s => s.SetProperty(j => j.Status, PopulationCheckJob.DoneStatus).SetProperty(j => j.FinishedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
        logger.LogInformation("Population check job {Job} done", id);
    }

    /// <summary>Persons with a citizen ID in the job's target, in id order after the cursor; the acting user's area filter applies.</summary>
    private static IQueryable<Guid> Candidates(AppDbContext db, PopulationCheckJob job, Guid? after)
    {
        var query = db.Persons.AsNoTracking().Where(p => p.MergedIntoId == null && p.CitizenIdProtected != null);
        if (job.TargetPersonId is { } one)
            query = query.Where(p => p.Id == one);
        else if (job.ImportFileName is not null)
            query = query.Where(p => db.Set<PopulationCheckJobPerson>().Any(m => m.JobId == job.Id && m.PersonId == p.Id));
        else
            query = query.Where(p => p.CommuneCode == job.TargetCommuneCode);
        if (after is { } cursor)
            query = query.Where(p => p.Id.CompareTo(cursor) > 0);
        return query.Select(p => p.Id);
    }

    private static string Cut(string text) => text.Length <= 260 ? text : text[..260];

    private IServiceScope Scope(CurrentUser acting)
    {
        var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<ActingUser>().User = acting;
        return scope;
    }

    private async Task Update(Guid id, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<PopulationCheckJob>> set, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().PopulationCheckJobs.Where(j => j.Id == id).ExecuteUpdateAsync(set, cancellationToken);
    }
}

/// <summary>Runs the bulk population checks on each app node (off with Jobs:Enabled=false).</summary>
public sealed class PopulationBulkChecksJob(PopulationBulkChecks queue, IConfiguration configuration, FirstPage firstPage, ILogger<PopulationBulkChecksJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Jobs:Enabled", true))
            return;
        await firstPage.WaitAsync(stoppingToken); // the first poll after the first page (docs/performance.md)
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await queue.RunNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Population check queue poll failed; retrying");
            }
        }
    }
}
