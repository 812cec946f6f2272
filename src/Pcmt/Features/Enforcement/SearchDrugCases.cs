using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Lifecycle;
using Pcmt.Features.Persons;
using Pcmt.Infrastructure.Auditing;
using Pcmt.Infrastructure.Protection;

namespace Pcmt.Features.Enforcement;

/// <summary>
/// Sổ vụ án ma túy: the cases in the caller's area (scope filter), newest first, and one case. A suspect linked to a registry
/// person shows the link only when the caller may read that person; names are shown to roles that read person files, and
/// every such read is audited.
/// </summary>
public sealed class SearchDrugCases(AppDbContext db, CurrentUser user, PersonalDataProtector protector, AuditLog audit)
{
    public sealed record Filter(string? Province = null, string? Commune = null, string? From = null, string? To = null, string? Route = null);

    public sealed record SuspectRow(Guid Id, Guid? PersonId, string? FullName, int? BirthYear, string? Residence, bool Resident, bool Hidden);

    public sealed record SeizureRow(string Substance, string SubstanceName, decimal Quantity, string Unit);

    public sealed record StageRow(string Stage, string StageName, DateOnly On, int Persons);

    public sealed record Row(Guid Id, string ProvinceCode, string CommuneCode, string CommuneName, string? DetectingUnit, DateOnly DetectedOn, string Route, string RouteName,
        bool Organised, bool Transnational, IReadOnlyList<string> Offences, IReadOnlyList<SuspectRow> Suspects, IReadOnlyList<SeizureRow> Seizures,
        IReadOnlyList<StageRow> Stages, string? Summary, Guid Version);

    public async Task<Result<PagedList<Row>>> HandleAsync(Filter filter, Paging paging, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var from = LegalInput.Date(filter.From, "from", errors, required: false);
        var to = LegalInput.Date(filter.To, "to", errors, required: false);
        if (filter.Route is { Length: > 0 })
            LegalInput.OneOf(filter.Route, "route", CaseRoutes.All.Keys, errors, "tuyến phát hiện");
        if (errors.Count > 0)
            return new Failure.Invalid(errors);

        var query = db.Set<DrugCase>().AsNoTracking()
            .Where(c => (filter.Province == null || c.ProvinceCode == filter.Province) && (filter.Commune == null || c.CommuneCode == filter.Commune)
                && (from == null || c.DetectedOn >= from) && (to == null || c.DetectedOn <= to) && (filter.Route == null || filter.Route == "" || c.Route == filter.Route));
        var total = await query.CountAsync(cancellationToken);
        var cases = await query.OrderByDescending(c => c.DetectedOn).ThenByDescending(c => c.Id)
            .Skip((paging.Page - 1) * paging.PageSize).Take(paging.PageSize)
            .Include(c => c.Suspects).Include(c => c.Seizures).Include(c => c.Stages).AsSplitQuery()
            .ToListAsync(cancellationToken);
        var rows = await RowsAsync(cases, $"province={filter.Province};commune={filter.Commune};from={filter.From};to={filter.To};route={filter.Route}", cancellationToken);
        return new PagedList<Row>(rows, total, paging.Page, paging.PageSize);
    }

    public async Task<Row?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var drugCase = await db.Set<DrugCase>().AsNoTracking().Include(c => c.Suspects).Include(c => c.Seizures).Include(c => c.Stages).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return drugCase is null ? null : (await RowsAsync([drugCase], $"case={id}", cancellationToken))[0];
    }

    private async Task<List<Row>> RowsAsync(List<DrugCase> cases, string auditFilter, CancellationToken cancellationToken)
    {
        var linked = cases.SelectMany(c => c.Suspects).Where(s => s.PersonId != null).Select(s => s.PersonId!.Value).Distinct().ToList();
        var readsPersons = user.Can(Permissions.ViewPersons);
        // The persons query carries the scope filter: a person outside the caller's area is not found, so the link stays hidden.
        var persons = linked.Count == 0 || !readsPersons ? [] : await db.Persons.AsNoTracking().Where(p => linked.Contains(p.Id))
            .Select(p => new { p.Id, p.FullName }).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
        var codes = cases.Select(c => c.CommuneCode).Distinct().ToList();
        var names = await db.AdministrativeUnits.AsNoTracking().Where(u => codes.Contains(u.Code) && u.Level == UnitLevel.Commune)
            .GroupBy(u => u.Code).Select(g => new { g.Key, Name = g.First().Name }).ToDictionaryAsync(u => u.Key, u => u.Name, cancellationToken);

        if (persons.Count > 0)
            await audit.RecordListAsync(nameof(Person), persons.Keys, "drug-cases;" + auditFilter, cancellationToken);
        var namedSuspects = readsPersons && cases.Any(c => c.Suspects.Any(s => s.PersonId == null && s.FullNameProtected != null));
        if (namedSuspects)
            await audit.RecordListAsync(nameof(CaseSuspect), cases.SelectMany(c => c.Suspects).Where(s => s.PersonId == null).Select(s => s.Id), "drug-cases;" + auditFilter, cancellationToken);

        SuspectRow Suspect(CaseSuspect s)
        {
            if (s.PersonId is { } personId)
            {
                return persons.TryGetValue(personId, out var name)
                    ? new SuspectRow(s.Id, personId, name, s.BirthYear, null, s.Resident, false)
                    : new SuspectRow(s.Id, null, null, null, null, s.Resident, true);
            }

            return readsPersons
                ? new SuspectRow(s.Id, null, Reveal(s.FullNameProtected), s.BirthYear, Reveal(s.ResidenceProtected), s.Resident, false)
                : new SuspectRow(s.Id, null, null, s.BirthYear, null, s.Resident, false);
        }

        return cases.Select(c => new Row(c.Id, c.ProvinceCode, c.CommuneCode, names.GetValueOrDefault(c.CommuneCode, c.CommuneCode), c.DetectingUnit, c.DetectedOn, c.Route,
            CaseRoutes.Name(c.Route), c.Organised, c.Transnational, Offences.Split(c.Offences),
            c.Suspects.OrderBy(s => s.Id).Select(Suspect).ToList(),
            c.Seizures.OrderBy(s => s.Id).Select(s => new SeizureRow(s.Substance, SeizedSubstances.Name(s.Substance), s.Quantity, s.Unit)).ToList(),
            c.Stages.OrderBy(s => s.On).ThenBy(s => s.Id).Select(s => new StageRow(s.Stage, ProsecutionStages.All.GetValueOrDefault(s.Stage, s.Stage), s.On, s.Persons)).ToList(),
            c.Summary, c.Version)).ToList();
    }

    private string? Reveal(string? protectedValue) => protectedValue is null ? null : protector.Decrypt(protectedValue);
}
