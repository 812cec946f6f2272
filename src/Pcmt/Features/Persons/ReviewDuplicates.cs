using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Persons;

/// <summary>
/// Rà soát hồ sơ trùng: the queue of likely duplicates; a reviewer dismisses a pair (different people) or, as a provincial
/// supervisor, merges the second record into the first. A merge hides the duplicate from lists but keeps it and its history,
/// and can be undone.
/// </summary>
public sealed class ReviewDuplicates(AppDbContext db, TimeProvider clock)
{
    public sealed record Row(long Id, Guid PersonId, string PersonName, string PersonBirth, Guid CandidateId, string CandidateName, string CandidateBirth, int Score, string Reasons, DateTime CreatedAt);

    public async Task<IReadOnlyList<Row>> OpenAsync(CancellationToken cancellationToken)
    {
        var persons = db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]);
        var rows = await db.DuplicateReviews.AsNoTracking() // scoped by the UnitScope filter to the reviewer's area
            .Where(r => r.Outcome == null)
            .OrderByDescending(r => r.Score).ThenBy(r => r.Id)
            .Take(500)
            .Join(persons, r => r.PersonId, p => p.Id, (r, p) => new { r, p.FullName, p.BirthYear, p.DateOfBirth })
            .Join(persons, x => x.r.CandidateId, c => c.Id, (x, c) => new { x.r, x.FullName, x.BirthYear, x.DateOfBirth, CandidateName = c.FullName, CandidateYear = c.BirthYear, CandidateDate = c.DateOfBirth, c.MergedIntoId })
            .ToListAsync(cancellationToken);
        return rows.Where(x => x.MergedIntoId == null)
            .Select(x => new Row(x.r.Id, x.r.PersonId, x.FullName, new BirthDate(x.BirthYear, x.DateOfBirth).ToDisplay(), x.r.CandidateId, x.CandidateName, new BirthDate(x.CandidateYear, x.CandidateDate).ToDisplay(), x.r.Score, x.r.Reasons, x.r.CreatedAt))
            .ToList();
    }

    public async Task<Result<bool>> DismissAsync(long id, CancellationToken cancellationToken)
    {
        var review = await db.DuplicateReviews.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
            return new Failure.NotFound();
        review.Outcome = "dismissed";
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Gộp: <paramref name="duplicateId"/> becomes part of <paramref name="keepId"/>; both must be in the reviewer's area.</summary>
    public async Task<Result<bool>> MergeAsync(Guid keepId, Guid duplicateId, CancellationToken cancellationToken)
    {
        if (keepId == duplicateId)
            return new Failure.Invalid("keep", "Không thể gộp một hồ sơ vào chính nó.");
        var keep = await db.Persons.FirstOrDefaultAsync(p => p.Id == keepId, cancellationToken);
        var duplicate = await db.Persons.FirstOrDefaultAsync(p => p.Id == duplicateId, cancellationToken);
        if (keep is null || duplicate is null)
            return new Failure.NotFound();
        if (keep.MergedIntoId is not null || duplicate.MergedIntoId is not null)
            return new Failure.Conflict("Một trong hai hồ sơ đã được gộp trước đó.");

        duplicate.MergedIntoId = keep.Id;
        duplicate.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        // Records merged into the duplicate earlier follow it, so every history ends up under the kept record.
        await db.Persons.Where(p => p.MergedIntoId == duplicate.Id).ForEachAsync(p => p.MergedIntoId = keep.Id, cancellationToken);
        foreach (var review in await db.DuplicateReviews.Where(r => r.Outcome == null && (r.PersonId == duplicate.Id || r.CandidateId == duplicate.Id)).ToListAsync(cancellationToken))
            review.Outcome = $"merged-into:{keep.Id}";
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Tách hồ sơ: undoes a merge; the record reappears with everything it had.</summary>
    public async Task<Result<bool>> UnmergeAsync(Guid duplicateId, CancellationToken cancellationToken)
    {
        var duplicate = await db.Persons.FirstOrDefaultAsync(p => p.Id == duplicateId, cancellationToken);
        if (duplicate is null)
            return new Failure.NotFound();
        if (duplicate.MergedIntoId is null)
            return new Failure.Conflict("Hồ sơ này không ở trạng thái đã gộp.");
        duplicate.MergedIntoId = null;
        duplicate.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
