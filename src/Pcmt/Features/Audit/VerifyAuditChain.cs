using Microsoft.EntityFrameworkCore;
using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Features.Audit;

/// <summary>Kiểm tra toàn vẹn nhật ký: recomputes the hash chain over every entry; any edited, removed or reordered row breaks it.</summary>
public sealed class VerifyAuditChain(AppDbContext db)
{
    /// <summary><see cref="HeadHash"/> is worth keeping outside the database: it also proves that no entry was cut off the end.</summary>
    public sealed record Outcome(bool Intact, long Entries, long? BrokenAt, string? Reason, string? HeadHash);

    public async Task<Outcome> HandleAsync(CancellationToken cancellationToken)
    {
        var verifier = new AuditChain.Verifier();
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (verifier.Check(entry) is { } broken)
                return new Outcome(false, verifier.Count, broken.Sequence, broken.Reason, verifier.Head);
        }

        return new Outcome(true, verifier.Count, null, null, verifier.Head);
    }
}
