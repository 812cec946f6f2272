using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pcmt.Infrastructure.Protection;
using Pcmt.Infrastructure.Uploads;

namespace Pcmt.Features.Persons;

/// <summary>
/// Hàng đợi nhập danh sách: long imports run in the background on whichever app node claims them first, as the uploading
/// user; the page polls their progress. State lives in PostgreSQL (or SQLite), so app nodes stay stateless.
/// </summary>
public sealed class BackgroundImports(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BackgroundImports> logger)
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    public sealed record Status(Guid Id, string State, int Done, int Total, string FileName, JsonElement? Result, Guid? RejectId);

    public async Task<Guid> EnqueueAsync(CurrentUser user, string fileName, byte[] content, bool importValidRows, string? defaultCommune, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var job = new ImportJob
        {
            UserId = user.Id ?? Guid.Empty,
            UserName = user.UserName,
            Role = user.Role ?? "",
            ScopeKind = user.ScopeKind?.ToString() ?? "",
            ScopeCode = user.ScopeCode,
            ProvinceCode = user.ProvinceCode,
            CommuneCode = user.CommuneCode,
            FileName = Path.GetFileName(fileName),
            Content = protector.EncryptBytes(content),
            ImportValidRows = importValidRows,
            DefaultCommuneCode = defaultCommune,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return job.Id;
    }

    public async Task<Status?> StatusAsync(Guid id, CurrentUser user, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = await db.ImportJobs.AsNoTracking().Where(j => j.Id == id && j.UserId == user.Id)
            .Select(j => new { j.Id, j.Status, j.Done, j.Total, j.FileName, j.Result, j.RejectId })
            .FirstOrDefaultAsync(cancellationToken);
        return job is null ? null : new Status(job.Id, job.Status, job.Done, job.Total, job.FileName, job.Result is null ? null : JsonDocument.Parse(job.Result).RootElement, job.RejectId);
    }

    /// <summary>Runs the oldest queued job, if any; returns whether one ran. Safe on several nodes at once: a job is claimed by one conditional update.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        Guid id;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var stale = now - StaleAfter;
            await db.ImportJobs.Where(j => j.Status == ImportJob.RunningStatus && j.HeartbeatAt < stale)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportJob.QueuedStatus), cancellationToken);
            var next = await db.ImportJobs.Where(j => j.Status == ImportJob.QueuedStatus).OrderBy(j => j.CreatedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);
            if (next is null)
                return false;
            id = next.Value;
            var claimed = await db.ImportJobs.Where(j => j.Id == id && j.Status == ImportJob.QueuedStatus)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportJob.RunningStatus).SetProperty(j => j.StartedAt, now).SetProperty(j => j.HeartbeatAt, now), cancellationToken);
            if (claimed == 0)
                return true; // another node took it; look again
        }

        await RunAsync(id, cancellationToken);
        return true;
    }

    private async Task RunAsync(Guid id, CancellationToken cancellationToken)
    {
        ImportJob job;
        using (var read = scopes.CreateScope())
            job = await read.ServiceProvider.GetRequiredService<AppDbContext>().ImportJobs.AsNoTracking().FirstAsync(j => j.Id == id, cancellationToken);

        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        // First, before anything in this scope resolves the current user: the import runs with the uploader's role and area.
        services.GetRequiredService<ActingUser>().User = new CurrentUser(
            job.UserId, job.UserName, job.Role, Enum.TryParse<ScopeKind>(job.ScopeKind, out var kind) ? kind : null, job.ScopeCode, job.ProvinceCode, job.CommuneCode);
        var protector = services.GetRequiredService<PersonalDataProtector>();

        var progress = new LatestProgress();
        using var heartbeat = new CancellationTokenSource();
        var reporter = ReportProgressAsync(id, progress, heartbeat.Token);
        try
        {
            await using var file = new MemoryStream(protector.DecryptBytes(job.Content));
            var outcome = await services.GetRequiredService<ImportPersons>()
                .HandleAsync(file, job.FileName, new ImportPersons.Options(job.ImportValidRows, null, job.DefaultCommuneCode), progress, cancellationToken);
            await heartbeat.CancelAsync();
            await reporter;
            await FinishAsync(id, job.UserId, job.FileName, outcome, cancellationToken, services.GetRequiredService<ActingUser>().User);
            logger.LogInformation("Import job {Job} done: {Rows} rows, {Imported} imported, {Refused} refused", id, outcome.Rows, outcome.Imported, outcome.Refused);
        }
        catch (UploadRejectedException rejected)
        {
            // The file broke a limit or could not be read: the user's error, told in Vietnamese; nothing of the file is logged.
            await heartbeat.CancelAsync();
            await reporter;
            logger.LogInformation("Import job {Job} refused: the file broke an upload limit or could not be read", id);
            await FailAsync(id, string.Join(" ", rejected.Errors.OrderBy(e => e.Key == "file" ? 0 : 1).SelectMany(e => e.Value).Take(20)));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await heartbeat.CancelAsync();
            await reporter;
            // The type and stack only: an exception's message may quote the uploaded content (docs/security.md, logs).
            logger.LogError("Import job {Job} failed: {ExceptionType} {StackTrace}", id, exception.GetType().FullName, exception.StackTrace);
            await FailAsync(id, "Tệp không đọc được hoặc có lỗi hệ thống khi nhập; không dòng nào được nhập. Hãy kiểm tra tệp (định dạng .xlsx hoặc .csv UTF-8) rồi thử lại.");
        }
    }

    private async Task FailAsync(Guid id, string message)
    {
        using var failScope = scopes.CreateScope();
        await failScope.ServiceProvider.GetRequiredService<AppDbContext>().ImportJobs.Where(j => j.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportJob.FailedStatus)
                .SetProperty(j => j.Content, Array.Empty<byte>())
                .SetProperty(j => j.FinishedAt, clock.GetUtcNow().UtcDateTime)
                .SetProperty(j => j.Result, JsonSerializer.Serialize(new { error = message })), CancellationToken.None);
    }

    /// <summary>Progress goes to the job row from its own context: the import's transaction would hide it from other nodes.</summary>
    private async Task ReportProgressAsync(Guid id, LatestProgress progress, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    var (done, total) = progress.Value;
                    await scope.ServiceProvider.GetRequiredService<AppDbContext>().ImportJobs.Where(j => j.Id == id)
                        .ExecuteUpdateAsync(s => s.SetProperty(j => j.Done, done).SetProperty(j => j.Total, total).SetProperty(j => j.HeartbeatAt, clock.GetUtcNow().UtcDateTime), stop);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A missed progress write must not fail the import (on SQLite the import's own transaction can hold the lock).
                    logger.LogWarning(exception, "Progress of import job {Job} not written this time", id);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the import finished
        }
    }

    private async Task FinishAsync(Guid id, Guid userId, string fileName, ImportPersons.Outcome outcome, CancellationToken cancellationToken, CurrentUser? acting = null)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Guid? rejectId = outcome.RejectFile is null
            ? null
            : await scope.ServiceProvider.GetRequiredService<ImportRejectFiles>().SaveAsync(userId, fileName, outcome.RejectFile, cancellationToken);

        // The persons just created are checked against the national population database in the background (issue 16); the
        // result page links to that check's progress, or offers to start it when it is not automatic.
        Guid? checkId = null;
        if (acting is not null && outcome.PersonIds is { Count: > 0 } ids && scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Population.PopulationOptions>>().Value.ChecksImports)
        {
            var queued = await scope.ServiceProvider.GetRequiredService<Population.PopulationBulkChecks>().EnqueuePersonsAsync(acting, ids, fileName, null, cancellationToken);
            checkId = queued.Succeeded ? queued.Value : null;
        }

        var result = JsonSerializer.Serialize(new { outcome.Rows, outcome.Imported, outcome.Refused, outcome.PossibleDuplicates, outcome.Errors, outcome.UnmappedColumns, outcome.PersonIds, PopulationCheckId = checkId }, JsonSerializerOptions.Web);
        await db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ImportJob.DoneStatus)
            .SetProperty(j => j.Done, outcome.Rows)
            .SetProperty(j => j.Total, outcome.Rows)
            .SetProperty(j => j.Result, result)
            .SetProperty(j => j.RejectId, rejectId)
            .SetProperty(j => j.Content, Array.Empty<byte>())
            .SetProperty(j => j.FinishedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
    }

    private sealed class LatestProgress : IProgress<(int Done, int Total)>
    {
        private (int Done, int Total) _value;

        public (int Done, int Total) Value => _value;

        public void Report((int Done, int Total) value) => _value = value;
    }
}

/// <summary>Chạy hàng đợi nhập danh sách trên mỗi nút ứng dụng (tắt bằng Jobs:Enabled=false).</summary>
public sealed class BackgroundImportsJob(BackgroundImports queue, IConfiguration configuration, FirstPage firstPage, ILogger<BackgroundImportsJob> logger) : BackgroundService
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
                logger.LogError(exception, "Import queue poll failed; retrying");
            }
        }
    }
}
