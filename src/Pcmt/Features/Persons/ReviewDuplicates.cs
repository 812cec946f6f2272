using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Persons;

/// <summary>
/// Rà soát hồ sơ trùng: the queue of likely duplicates; a reviewer dismisses a pair (different people) or, as a provincial
/// supervisor, merges the second record into the first. A merge hides the duplicate from lists but keeps it and its history,
/// and can be undone.
/// </summary>
public sealed class ReviewDuplicates(AppDbContext db, TimeProvider clock)
{
    /// <summary>
    /// One pair to review. The candidate may live outside the reviewer's area (a duplicate across communes or provinces): then
    /// <see cref="CandidateVisible"/> is false and only the candidate's commune is shown, never its name or birth date.
    /// </summary>
    public sealed record Row(long Id, Guid PersonId, string PersonName, string PersonBirth, Guid CandidateId, string CandidateName, string CandidateBirth,
        bool CandidateVisible, string CandidateCommuneCode, int Score, string Reasons, DateTime CreatedAt);

    public async Task<IReadOnlyList<Row>> OpenAsync(CancellationToken cancellationToken)
    {
        // No IgnoreQueryFilters here: it would switch the UnitScope filter off for the whole query, the reviews included,
        // and list every commune's pending pairs (the scope leak of issue 18). Reviews and persons are read under the filter;
        // the only unfiltered read is the commune and merge state of candidates outside the area, which holds no personal data.
        var reviews = await db.DuplicateReviews.AsNoTracking()
            .Where(r => r.Outcome == null)
            .OrderByDescending(r => r.Score).ThenBy(r => r.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        if (reviews.Count == 0)
            return [];

        var ids = reviews.Select(r => r.PersonId).Concat(reviews.Select(r => r.CandidateId)).Distinct().ToList();
        var visible = await db.Persons.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.FullName, p.BirthYear, p.DateOfBirth, p.CommuneCode, p.MergedIntoId })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var hiddenIds = ids.Where(id => !visible.ContainsKey(id)).ToList();
        var hidden = hiddenIds.Count == 0
            ? []
            : await db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AsNoTracking()
                .Where(p => hiddenIds.Contains(p.Id))
                .Select(p => new { p.Id, p.CommuneCode, p.MergedIntoId })
                .ToDictionaryAsync(p => p.Id, cancellationToken);

        var rows = new List<Row>(reviews.Count);
        foreach (var r in reviews)
        {
            // The review belongs to the new record's commune, so its person is in the area; a record moved away since drops out.
            if (!visible.TryGetValue(r.PersonId, out var person) || person.MergedIntoId is not null)
                continue;
            if (visible.TryGetValue(r.CandidateId, out var candidate))
            {
                if (candidate.MergedIntoId is not null)
                    continue;
                rows.Add(new Row(r.Id, r.PersonId, person.FullName, new BirthDate(person.BirthYear, person.DateOfBirth).ToDisplay(), r.CandidateId, candidate.FullName,
                    new BirthDate(candidate.BirthYear, candidate.DateOfBirth).ToDisplay(), true, candidate.CommuneCode, r.Score, r.Reasons, r.CreatedAt));
            }
            else if (hidden.TryGetValue(r.CandidateId, out var outside) && outside.MergedIntoId is null)
            {
                rows.Add(new Row(r.Id, r.PersonId, person.FullName, new BirthDate(person.BirthYear, person.DateOfBirth).ToDisplay(), r.CandidateId, "Hồ sơ ngoài địa bàn",
                    "", false, outside.CommuneCode, r.Score, r.Reasons, r.CreatedAt));
            }
        }

        return rows;
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
