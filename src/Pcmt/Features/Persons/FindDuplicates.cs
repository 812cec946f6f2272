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
        /// <summary>Folded once: a row is compared with every subject sharing one of its name keys.</summary>
        public PersonMatching.Subject Subject { get; } = PersonMatching.From(FullName, Aliases, BirthYear, DateOfBirth, Sex, CommuneCode);
    }

    public async Task<Outcome> HandleAsync(PersonMatching.Subject subject, Guid? excluding, CancellationToken cancellationToken)
    {
        // Checked nationally: a person must not get a second record just because they moved. A match needs the same name key
        // (name or alias, in any order), so the indexed key narrows the registry in SQL; the rules then run on the few rows left.
        var rows = await CandidatesAsync(subject.NameKeys, subject.Sex, subject.BirthYear, excluding, cancellationToken);
        return Judge(subject, rows);
    }

    /// <summary>
    /// For imports: the registry rows sharing a name key, birth year and sex with any of the subjects, by name key. On PostgreSQL
    /// the subjects are joined as arrays, so each probes the (name key, birth year) index; a list of thousands of common names
    /// would otherwise make the planner scan the whole registry. SQLite (the demo) uses the portable query.
    /// </summary>
    public async Task<ILookup<string, Row>> CandidatesForAsync(IReadOnlyList<PersonMatching.Subject> subjects, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        if (!db.Database.IsNpgsql())
        {
            foreach (var chunk in subjects.SelectMany(s => s.NameKeys).Distinct().Chunk(4000))
                rows.AddRange(await CandidatesAsync(chunk, null, null, null, cancellationToken));
        }
        else
        {
            var probes = subjects.SelectMany(s => s.NameKeys.Select(k => (Key: k, s.BirthYear, Sex: s.Sex.ToString()))).Distinct().ToList();
            var keys = probes.Select(p => p.Key).ToArray();
            var years = probes.Select(p => p.BirthYear).ToArray();
            var sexes = probes.Select(p => p.Sex).ToArray();
            var ids = await db.Database.SqlQuery<Guid>($"""
                SELECT p.id AS "Value" FROM unnest({keys}, {years}, {sexes}) AS s(name_key, birth_year, sex)
                JOIN persons p ON p.name_key = s.name_key AND p.birth_year = s.birth_year AND p.sex = s.sex
                WHERE p.merged_into_id IS NULL
                UNION
                SELECT p.id FROM unnest({keys}, {years}, {sexes}) AS s(name_key, birth_year, sex)
                JOIN person_aliases a ON a.name_key = s.name_key
                JOIN persons p ON p.id = a.person_id AND p.birth_year = s.birth_year AND p.sex = s.sex
                WHERE p.merged_into_id IS NULL
                """).ToListAsync(cancellationToken);
            foreach (var chunk in ids.Chunk(4000))
                rows.AddRange(await LoadAsync(db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).Where(p => chunk.Contains(p.Id)), cancellationToken));
        }

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
        return await LoadAsync(db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter])
            .Where(p => ids.Contains(p.Id) && p.MergedIntoId == null && p.Id != excluding
                        && (sex == null || p.Sex == sex) && (birthYear == null || p.BirthYear == birthYear)), cancellationToken);
    }

    private static async Task<List<Row>> LoadAsync(IQueryable<Person> persons, CancellationToken cancellationToken)
    {
        var found = await persons.AsNoTracking()
            .Select(p => new { p.Id, p.FullName, p.DateOfBirth, p.BirthYear, p.Sex, p.CommuneCode, p.ProvinceCode, Aliases = p.Aliases.Select(a => a.Name).ToList() })
            .ToListAsync(cancellationToken);
        return found.Select(p => new Row(p.Id, p.FullName, p.DateOfBirth, p.BirthYear, p.Sex, p.CommuneCode, p.ProvinceCode, p.Aliases)).ToList();
    }
}
