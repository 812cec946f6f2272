using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pcmt.Infrastructure.Auditing;
using Pcmt.Infrastructure.Text;

namespace Pcmt.Features.Persons;

/// <summary>Tra cứu đối tượng: by name or alias without diacritics, exact citizen ID, birth date, commune, status; only people in the caller's area; the list view is audited.</summary>
public sealed class SearchPersons(ReadDbContext db, PersonRules rules, AuditLog audit, CurrentUser user, PersonNameIndex nameIndex)
{
    public sealed record Filter(string? Q = null, string? CitizenId = null, string? Commune = null, string? Status = null, string? DateOfBirth = null, string? Population = null);

    private const int CountedInOnePass = 5000;

    public sealed record Row(Guid Id, string FileCode, string FullName, string DateOfBirth, string Sex, string ResidenceCommuneCode, string Status);

    public async Task<Result<PagedList<Row>>> HandleAsync(Filter filter, Paging paging, CancellationToken cancellationToken)
    {
        if (filter.Status is { Length: > 0 } status && !PersonStatus.All.Contains(status))
            return new Failure.Invalid("status", "Tình trạng không hợp lệ. Các giá trị: " + string.Join(", ", PersonStatus.All) + ".");
        if (filter.Population is { Length: > 0 } checkedAs && checkedAs != Population.PopulationStatuses.Unchecked && !Population.PopulationStatuses.All.Contains(checkedAs))
            return new Failure.Invalid("population", "Kết quả đối chiếu dân cư phải là: matched, mismatch, not-found, unavailable hoặc unchecked.");
        BirthDate birth = default;
        if (!string.IsNullOrWhiteSpace(filter.DateOfBirth) && !BirthDate.TryParse(filter.DateOfBirth, out birth))
            return new Failure.Invalid("dateOfBirth", "Ngày sinh phải có dạng yyyy-MM-dd hoặc yyyy, từ năm 1900.");

        if (await FromNameIndexAsync(filter, paging, cancellationToken) is { } indexed)
            return indexed;

        var query = db.Persons.AsNoTracking().Where(p => p.MergedIntoId == null); // the UnitScope filter limits this to the caller's area
        if (!string.IsNullOrWhiteSpace(filter.CitizenId))
        {
            var index = rules.Index(new string(filter.CitizenId.Where(c => !char.IsWhiteSpace(c)).ToArray()));
            query = query.Where(p => p.CitizenIdIndex == index || p.LegacyIdIndex == index);
        }

        if (!string.IsNullOrWhiteSpace(filter.Commune))
            query = query.Where(p => p.CommuneCode == filter.Commune.Trim());
        if (birth.Date is { } date)
            query = query.Where(p => p.DateOfBirth == date);
        else if (birth.Year > 0)
            query = query.Where(p => p.BirthYear == birth.Year);
        if (filter.Status is { Length: > 0 } wanted)
            query = query.Where(p => p.Status == wanted);
        // National population database link (issue 16): the latest check's result, or never checked.
        if (filter.Population == Population.PopulationStatuses.Unchecked)
            query = query.Where(p => !db.PopulationCheckResults.Any(r => r.PersonId == p.Id));
        else if (filter.Population is { Length: > 0 } result)
            query = query.Where(p => db.PopulationCheckResults.Any(r => r.PersonId == p.Id && r.Status == result));

        // Total and page over (id, folded name) only, which the (province, folded name, id) index covers: a province's people
        // are read from one index range in name order, whatever the fragment matches (docs/performance.md). Then the page's rows.
        var keys = query.Select(p => new { p.Id, p.SearchName });
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            // LIKE (not strpos) so that PostgreSQL can use the trigram indexes; the folded text has no LIKE wildcards left.
            var folded = new string(VietnameseText.Fold(filter.Q).Where(c => char.IsLetterOrDigit(c) || c == ' ').ToArray());
            var pattern = "%" + folded + "%";
            // A union of two filtered lookups (by name, by alias), not "name OR alias": PostgreSQL cannot use an index for an OR
            // across two tables and scanned every person of the area. Each branch keeps the other filters, so a commune or
            // birth-date filter narrows it too.
            var byAlias = db.Set<PersonAlias>().Where(a => EF.Functions.Like(a.SearchName, pattern)).Select(a => a.PersonId);
            // Within a province, reading its range of the (province, name) index (a few thousand entries) beats the national
            // trigram index, which the planner favours for fragments it thinks rare and which then rechecks matches all over the
            // country (9 ms against 2 ms for "tuyen"). Matching "search_name || ''", which the trigram index cannot serve, keeps
            // the planner on the range; national users keep the trigram index. Within the range the test is strpos (what
            // IndexOf becomes; Contains would become LIKE again, which the planner serves from the national trigram index),
            // which costs 30 % less CPU per name than concatenating and matching LIKE (12,563 names of a province: 7.1
            // against 10.3 ms under load; issue 19).
            var byName = user.SeesWholeInstallation
                ? query.Where(p => EF.Functions.Like(p.SearchName, pattern))
#pragma warning disable CA2249 // Contains translates to LIKE, which is exactly what must be avoided here (see above)
                : query.Where(p => p.SearchName.IndexOf(folded) >= 0);
#pragma warning restore CA2249
            keys = byName.Select(p => new { p.Id, p.SearchName })
                .Union(query.Where(p => byAlias.Contains(p.Id)).Select(p => new { p.Id, p.SearchName }));
        }

        // One query gives the page and, for up to a few thousand matches (most searches), the total too; a broader search
        // counts separately. Both are bounded by the area's index range, so this is one pass instead of two.
        var skip = (paging.Page - 1) * paging.PageSize;
        var head = await keys.OrderBy(k => k.SearchName).ThenBy(k => k.Id).Select(k => k.Id).Take(skip + CountedInOnePass).ToListAsync(cancellationToken);
        var total = head.Count < skip + CountedInOnePass ? head.Count : await keys.CountAsync(cancellationToken);
        var pageIds = head.Skip(skip).Take(paging.PageSize).ToList();
        return await PageAsync(pageIds, total, filter, paging, cancellationToken);
    }

    /// <summary>
    /// The page's rows, read through the UnitScope filter (a candidate outside the caller's area, or merged or deleted since
    /// it was listed, is left out), in the candidates' order; the list view is audited.
    /// </summary>
    private async Task<PagedList<Row>> PageAsync(List<Guid> pageIds, int total, Filter filter, Paging paging, CancellationToken cancellationToken)
    {
        var found = await db.Persons.AsNoTracking().Where(p => pageIds.Contains(p.Id) && p.MergedIntoId == null)
            .Select(p => new { p.Id, p.FileCode, p.FullName, p.BirthYear, p.DateOfBirth, p.Sex, p.CommuneCode, p.Status })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var rows = pageIds.Where(found.ContainsKey).Select(id => found[id])
            .Select(p => new Row(p.Id, p.FileCode, p.FullName, new BirthDate(p.BirthYear, p.DateOfBirth).ToApi(), p.Sex == Sex.Female ? "female" : "male", p.CommuneCode, p.Status))
            .ToList();
        if (rows.Count > 0)
        {
            // Which persons each list showed, and to whom (SanteDB/ATNA practice); the filter goes in as the purpose context.
            await audit.RecordListAsync(nameof(Person), rows.Select(r => r.Id), Describe(filter), cancellationToken);
        }

        return new PagedList<Row>(rows, total, paging.Page, paging.PageSize);
    }

    /// <summary>
    /// A name (and commune) search of a province or commune user answered from this node's <see cref="PersonNameIndex"/>:
    /// the candidates and the total from memory, within the caller's own province and commune only, the same match as the
    /// database path (folded fragment in the folded name or an alias); then the page's rows from the database, under the
    /// scope filter. Null (the database path) for other filters, other scopes, or when the index is not in use.
    /// </summary>
    private async Task<Result<PagedList<Row>>?> FromNameIndexAsync(Filter filter, Paging paging, CancellationToken cancellationToken)
    {
        if (user.ScopeKind is not (ScopeKind.Province or ScopeKind.Commune) || user.ProvinceCode is not { } province
            || !string.IsNullOrWhiteSpace(filter.CitizenId) || !string.IsNullOrWhiteSpace(filter.DateOfBirth)
            || !string.IsNullOrEmpty(filter.Status) || !string.IsNullOrEmpty(filter.Population))
            return null;
        if (await nameIndex.ProvinceAsync(province, cancellationToken) is not { } entries)
            return null;
        var commune = user.CommuneCode;
        var wantedCommune = string.IsNullOrWhiteSpace(filter.Commune) ? null : filter.Commune.Trim();
        var folded = string.IsNullOrWhiteSpace(filter.Q) ? null : new string(VietnameseText.Fold(filter.Q).Where(c => char.IsLetterOrDigit(c) || c == ' ').ToArray());
        var skip = (paging.Page - 1) * paging.PageSize;
        var pageIds = new List<Guid>(paging.PageSize);
        var total = 0;
        foreach (var entry in entries)
        {
            if ((commune is not null && entry.CommuneCode != commune) || (wantedCommune is not null && entry.CommuneCode != wantedCommune))
                continue;
            if (folded is not null && !entry.Name.Contains(folded, StringComparison.Ordinal) && !entry.Aliases.Any(a => a.Contains(folded, StringComparison.Ordinal)))
                continue;
            if (total >= skip && pageIds.Count < paging.PageSize)
                pageIds.Add(entry.Id);
            total++;
        }

        return await PageAsync(pageIds, total, filter, paging, cancellationToken);
    }

    private static string Describe(Filter filter) => string.Join("; ", new[]
    {
        filter.Q is { Length: > 0 } ? "q=" + filter.Q : null,
        filter.CitizenId is { Length: > 0 } ? "citizenId=(ẩn)" : null,
        filter.Commune is { Length: > 0 } ? "commune=" + filter.Commune : null,
        filter.Status is { Length: > 0 } ? "status=" + filter.Status : null,
        filter.DateOfBirth is { Length: > 0 } ? "dateOfBirth=" + filter.DateOfBirth : null,
        filter.Population is { Length: > 0 } ? "population=" + filter.Population : null,
    }.Where(s => s is not null)).ToString(CultureInfo.InvariantCulture);
}
