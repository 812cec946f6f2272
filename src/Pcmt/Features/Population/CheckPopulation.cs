using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pcmt.Features.Persons;
using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Features.Population;

/// <summary>
/// Đối chiếu với CSDL quốc gia về dân cư (Lâm Đồng plan 000 §III.4.1; Resolution 93 task 5a): asks the national database about
/// the person's citizen ID and compares name, date of birth and sex. The result is stored per person; the check is one audit
/// entry carrying its purpose (Luật Dữ liệu 60/2024; NĐ 13/2023 on personal data: purpose of every processing).
/// </summary>
public sealed class CheckPopulation(AppDbContext db, PersonRules rules, IPopulationGateway gateway, CurrentUser user, TimeProvider clock, IOptions<PopulationOptions> options)
{
    public const string AuditAction = "population-check";
    public const string AcceptAuditAction = "population-accept";

    public sealed record Outcome(string Status, DateTimeOffset CheckedAt, IReadOnlyList<string> Differences);

    public static string? CheckPurpose(string? purpose, out string text)
    {
        text = purpose?.Trim() ?? "";
        return text.Length is < 5 or > 300 ? "Ghi rõ mục đích đối chiếu (từ 5 đến 300 ký tự), ví dụ \"xác minh nhân thân khi lập hồ sơ\"." : null;
    }

    public async Task<Result<Outcome>> HandleAsync(Guid personId, string? purpose, CancellationToken cancellationToken)
    {
        if (CheckPurpose(purpose, out var why) is { } error)
            return new Failure.Invalid("purpose", error);
        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId && p.MergedIntoId == null, cancellationToken);
        if (person is null)
            return new Failure.NotFound();
        var citizenId = rules.Reveal(person.CitizenIdProtected);
        if (citizenId is null)
            return new Failure.Invalid("citizenId", "Hồ sơ chưa có số định danh cá nhân nên chưa đối chiếu được với CSDL quốc gia về dân cư.");

        var answer = await LookupAsync(citizenId, cancellationToken);
        var (status, differences) = answer switch
        {
            GatewayAnswer.Found found => PopulationComparison.Compare(citizenId, person.FullName, new BirthDate(person.BirthYear, person.DateOfBirth), person.Sex, found.Citizen) is { Count: > 0 } d
                ? (PopulationStatuses.Mismatch, d) : (PopulationStatuses.Matched, (IReadOnlyList<string>)[]),
            GatewayAnswer.NotFound => (PopulationStatuses.NotFound, []),
            _ => (PopulationStatuses.Unavailable, []),
        };
        var now = clock.GetUtcNow();
        await StoreAsync(personId, status, differences, why, now, cancellationToken);
        return new Outcome(status, now, differences);
    }

    /// <summary>The gateway's answer, bounded by the configured timeout whatever the connector does.</summary>
    public async Task<GatewayAnswer> LookupAsync(string citizenId, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.Value.TimeoutSeconds) + 1));
        try
        {
            return await gateway.LookupAsync(citizenId, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new GatewayAnswer.Unavailable("timeout");
        }
    }

    /// <summary>The latest result replaces the previous one; the single audit entry of the check (with its purpose) is written in the same save.</summary>
    internal async Task StoreAsync(Guid personId, string status, IReadOnlyList<string> differences, string purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.PopulationCheckResults.FirstOrDefaultAsync(r => r.PersonId == personId, cancellationToken);
        if (row is null)
            db.PopulationCheckResults.Add(row = new PopulationCheckResult { PersonId = personId });
        row.Status = status;
        row.CheckedAt = now.UtcDateTime;
        row.Differences = string.Join(",", differences);
        row.Purpose = purpose;
        row.CheckedBy = user.UserName;
        db.AuditEntries.Add(new AuditEntry
        {
            UserId = user.Id,
            UserName = user.UserName,
            Action = AuditAction,
            EntityType = nameof(PopulationCheckResult),
            EntityKey = personId.ToString(),
            PersonId = personId,
            Detail = status + (differences.Count > 0 ? ": " + string.Join(",", differences) : ""),
            Purpose = purpose,
        });
        // One entry per check: the explicit one above, not another for the result row.
        await db.SaveBulkAsync(nameof(PopulationCheckResult), null, cancellationToken);
    }
}
