using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Persons;

/// <summary>Tìm hồ sơ có thể trùng: likely matches across the whole registry; details only for those the caller may see.</summary>
public sealed class FindDuplicates(AppDbContext db, CurrentUser user)
{
    public sealed record Candidate(Guid Id, string FullName, string DateOfBirth, string CommuneCode, int Score, IReadOnlyList<string> Reasons);

    public sealed record Outcome(IReadOnlyList<Candidate> Visible, int Elsewhere);

    /// <summary>A registry row as the matching rules need it.</summary>
    public sealed record Row(Guid Id, string FullName, DateOnly? DateOfBirth, int BirthYear, Sex Sex, string CommuneCode, string ProvinceCode, IReadOnlyList<string> Aliases)
    {
        public PersonMatching.Subject Subject => PersonMatching.From(FullName, Aliases, BirthYear, DateOfBirth, Sex, CommuneCode);
    }

    public async Task<Outcome> HandleAsync(PersonMatching.Subject subject, Guid? excluding, CancellationToken cancellationToken)
    {
        // Checked nationally: a person must not get a second record just because they moved. A match needs the same name key
        // (name or alias, in any order), so the indexed key narrows the registry in SQL; the rules then run on the few rows left.
        var rows = await CandidatesAsync(subject.NameKeys, subject.Sex, subject.BirthYear, excluding, cancellationToken);
        return Judge(subject, rows);
    }

    /// <summary>For imports: the registry rows sharing a name key with any of the subjects, one query per few thousand keys.</summary>
    public async Task<ILookup<string, Row>> CandidatesByKeyAsync(IEnumerable<string> nameKeys, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        foreach (var chunk in nameKeys.Distinct().Chunk(4000))
            rows.AddRange(await CandidatesAsync(chunk, null, null, null, cancellationToken));
        return rows.SelectMany(r => r.Subject.NameKeys.Select(k => (Key: k, Row: r))).ToLookup(x => x.Key, x => x.Row);
    }

    public Outcome Judge(PersonMatching.Subject subject, IEnumerable<Row> rows)
    {
        var visible = new List<Candidate>();
        var elsewhere = 0;
        foreach (var row in rows.DistinctBy(r => r.Id))
        {
            var match = PersonMatching.Compare(subject, row.Subject);
            if (match is null)
                continue;
            if (user.Covers(row.ProvinceCode, row.CommuneCode))
                visible.Add(new Candidate(row.Id, row.FullName, new BirthDate(row.BirthYear, row.DateOfBirth).ToApi(), row.CommuneCode, match.Score, match.Reasons));
            else
                elsewhere++;
        }

        return new Outcome(visible.OrderByDescending(c => c.Score).ToList(), elsewhere);
    }

    private async Task<List<Row>> CandidatesAsync(IReadOnlyCollection<string> keys, Sex? sex, int? birthYear, Guid? excluding, CancellationToken cancellationToken)
    {
        // Whole registry on purpose (no unit scope). Name or alias as a union of two indexed lookups: an OR across the two
        // tables would make PostgreSQL scan every person.
        var ids = db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).Where(p => keys.Contains(p.NameKey)).Select(p => p.Id)
            .Union(db.Set<PersonAlias>().Where(a => keys.Contains(a.NameKey)).Select(a => a.PersonId));
        var found = await db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AsNoTracking()
            .Where(p => ids.Contains(p.Id) && p.MergedIntoId == null && p.Id != excluding
                        && (sex == null || p.Sex == sex) && (birthYear == null || p.BirthYear == birthYear))
            .Select(p => new { p.Id, p.FullName, p.DateOfBirth, p.BirthYear, p.Sex, p.CommuneCode, p.ProvinceCode, Aliases = p.Aliases.Select(a => a.Name).ToList() })
            .Take(20_000)
            .ToListAsync(cancellationToken);
        return found.Select(p => new Row(p.Id, p.FullName, p.DateOfBirth, p.BirthYear, p.Sex, p.CommuneCode, p.ProvinceCode, p.Aliases)).ToList();
    }
}
