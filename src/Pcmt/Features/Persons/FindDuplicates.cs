using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Persons;

/// <summary>Tìm hồ sơ có thể trùng: likely matches across the whole registry; details only for those the caller may see.</summary>
public sealed class FindDuplicates(AppDbContext db, CurrentUser user)
{
    public sealed record Candidate(Guid Id, string FullName, string DateOfBirth, string CommuneCode, int Score, IReadOnlyList<string> Reasons);

    public sealed record Outcome(IReadOnlyList<Candidate> Visible, int Elsewhere);

    public async Task<Outcome> HandleAsync(PersonMatching.Subject subject, Guid? excluding, CancellationToken cancellationToken)
    {
        // Checked nationally: a person must not get a second record just because they moved. Narrow in SQL by sex and birth year,
        // then by commune or exact date; the name rules run in memory on the few rows left.
        var rows = await db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AsNoTracking()
            .Where(p => p.Sex == subject.Sex && p.BirthYear == subject.BirthYear && p.Id != excluding && p.MergedIntoId == null
                        && (p.CommuneCode == subject.CommuneCode || (subject.DateOfBirth != null && p.DateOfBirth == subject.DateOfBirth)))
            .Select(p => new { p.Id, p.FullName, p.DateOfBirth, p.BirthYear, p.CommuneCode, p.ProvinceCode, Aliases = p.Aliases.Select(a => a.Name).ToList() })
            .Take(2000)
            .ToListAsync(cancellationToken);

        var visible = new List<Candidate>();
        var elsewhere = 0;
        foreach (var row in rows)
        {
            var match = PersonMatching.Compare(subject, PersonMatching.From(row.FullName, row.Aliases, row.BirthYear, row.DateOfBirth, subject.Sex, row.CommuneCode));
            if (match is null)
                continue;
            if (user.Covers(row.ProvinceCode, row.CommuneCode))
                visible.Add(new Candidate(row.Id, row.FullName, new BirthDate(row.BirthYear, row.DateOfBirth).ToApi(), row.CommuneCode, match.Score, match.Reasons));
            else
                elsewhere++;
        }

        return new Outcome(visible.OrderByDescending(c => c.Score).ToList(), elsewhere);
    }
}
