using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Indicators;
using Pcmt.Features.Lifecycle;
using Pcmt.Features.Persons;
using Pcmt.Features.SupplySide;

namespace Pcmt.Features.Reports;

/// <summary>
/// The figures PCMT computes from its own records for a field's binding, for a commune or a province and a reporting period.
/// Stocks are taken at the period's end (the cut-off day); flows count events dated inside the window (reporting-regime.md §6).
/// </summary>
public sealed class ReportFigures(AppDbContext db, ComputeIndicator indicators)
{
    private static readonly Dictionary<string, string[]> DisaggregatedBy = new()
    {
        ["persons-under-management"] = ["SEX", "AGE13", "ETH"],
        ["new-under-management"] = ["SEX", "AGE13"],
        ["new-addicted"] = ["SEX", "AGE13"],
        ["post-rehab"] = ["SEX", "AGE13"],
    };

    public static IReadOnlyList<string> Bindings { get; } =
    [
        "persons-under-management", "new-under-management", "new-addicted", "ended-management", "in-rehab", "rehab-decisions", "post-rehab",
        "drug-tests", "drug-tests-positive", "hotspots-detected", "hotspots-cleared", "hotspots-remaining", "cultivation-area",
        .. IndicatorCatalog.All.Where(i => i.Computable).Select(i => "indicator:" + i.Code),
    ];

    public static bool Disaggregates(string binding, string set) => DisaggregatedBy.TryGetValue(binding, out var sets) && sets.Contains(set);

    public static bool IsKnown(string binding) =>
        Bindings.Contains(binding) || (binding.Split('.') is [var root, var set, _] && Disaggregates(root, set));

    /// <summary>Every bound field of the template, computed for the area (a province, or a commune when <paramref name="commune"/> is set).</summary>
    public async Task<Dictionary<string, decimal?>> ComputeAsync(ReportTemplate template, ReportingPeriod period, string province, string? commune, CancellationToken ct)
    {
        var result = new Dictionary<string, decimal?>();
        var bound = template.Fields.Where(f => f.Binding is not null).ToList();
        if (bound.Count == 0)
            return result;
        var cache = new Dictionary<string, Dictionary<string, decimal>>();
        foreach (var field in bound)
        {
            var parts = field.Binding!.Split('.');
            var root = parts[0];
            if (!cache.TryGetValue(root, out var figures))
                cache[root] = figures = await FigureAsync(root, period, province, commune, ct);
            var key = parts.Length == 3 ? $"{parts[1]}.{parts[2]}" : "";
            result[field.Code] = figures.TryGetValue(key, out var value) ? value : parts.Length == 3 ? 0 : null;
        }

        return result;
    }

    /// <summary>
    /// <see cref="ComputeAsync"/> for many communes of one province at once (the consolidation of a province): each figure is one
    /// query grouped by commune instead of one query per commune (issue 19). The values are those <see cref="ComputeAsync"/> gives.
    /// </summary>
    public async Task<Dictionary<string, Dictionary<string, decimal?>>> ComputeForCommunesAsync(ReportTemplate template, ReportingPeriod period, string province, IReadOnlyCollection<string> communes, CancellationToken ct)
    {
        var result = communes.ToDictionary(c => c, _ => new Dictionary<string, decimal?>(), StringComparer.Ordinal);
        var bound = template.Fields.Where(f => f.Binding is not null).ToList();
        var cache = new Dictionary<string, Dictionary<string, Dictionary<string, decimal>>>();
        // Issue 19, third pass: on PostgreSQL the five person figures come from one grouped statement and the three hotspot
        // figures from another (16 statements for a province's consolidation → 10); same values (SetBasedAggregatesTests).
        var roots = bound.Select(f => f.Binding!.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        if (db.Database.IsNpgsql())
        {
            if (roots.Overlaps(PeopleRoots))
            {
                foreach (var (root, byCommune) in await PeopleFiguresByCommuneAsync(period, province, communes, ct))
                    cache[root] = byCommune;
            }

            if (roots.Overlaps(HotspotRoots))
            {
                foreach (var (root, byCommune) in await HotspotFiguresByCommuneAsync(period, province, communes, ct))
                    cache[root] = byCommune;
            }
        }

        foreach (var field in bound)
        {
            var parts = field.Binding!.Split('.');
            var root = parts[0];
            if (!cache.TryGetValue(root, out var byCommune))
                cache[root] = byCommune = await FigureByCommuneAsync(root, period, province, communes, ct);
            var key = parts.Length == 3 ? $"{parts[1]}.{parts[2]}" : "";
            foreach (var commune in communes)
                result[commune][field.Code] = byCommune[commune].TryGetValue(key, out var value) ? value : parts.Length == 3 ? 0 : null;
        }

        return result;
    }

    private async Task<Dictionary<string, Dictionary<string, decimal>>> FigureByCommuneAsync(string binding, ReportingPeriod period, string province, IReadOnlyCollection<string> communes, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
        Dictionary<string, Dictionary<string, decimal>> Totals(IEnumerable<(string Commune, decimal Value)> rows)
        {
            var found = rows.GroupBy(r => r.Commune).ToDictionary(g => g.Key, g => g.Sum(r => r.Value));
            return communes.ToDictionary(c => c, c => Total(found.GetValueOrDefault(c)), StringComparer.Ordinal);
        }

        async Task<Dictionary<string, Dictionary<string, decimal>>> Counts(IQueryable<string> communeOfEachRow) =>
            Totals((await communeOfEachRow.GroupBy(c => c).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).Select(g => (g.Key, (decimal)g.Count)));

        var hotspots = db.Set<Hotspot>().AsNoTracking().Where(h => h.ProvinceCode == province);
        switch (binding)
        {
            case "persons-under-management":
                return await PeopleByCommuneAsync(l => (l.List == LegalLists.Users || l.List == LegalLists.Addicted) && l.FromOn <= to && (l.ToOn == null || l.ToOn > to), province, communes, to, ct);
            case "new-under-management":
                return await PeopleByCommuneAsync(l => l.List == LegalLists.Users && l.FromOn >= from && l.FromOn <= to, province, communes, to, ct);
            case "new-addicted":
                return await PeopleByCommuneAsync(l => l.List == LegalLists.Addicted && l.FromOn >= from && l.FromOn <= to, province, communes, to, ct);
            case "post-rehab":
                return await PeopleByCommuneAsync(l => l.List == LegalLists.PostRehab && l.FromOn <= to && (l.ToOn == null || l.ToOn > to), province, communes, to, ct);
            case "in-rehab":
                return await PeopleByCommuneAsync(l => l.List == LegalLists.InRehab && l.FromOn <= to && (l.ToOn == null || l.ToOn > to), province, communes, to, ct);
            case "ended-management":
                var ended = await db.ListEntries.AsNoTracking().Where(l => l.ProvinceCode == province && (l.List == LegalLists.Users || l.List == LegalLists.Addicted) && l.ToOn >= from && l.ToOn <= to)
                    .Select(l => new { l.CommuneCode, l.PersonId }).Distinct().ToListAsync(ct);
                return Totals(ended.Select(e => (e.CommuneCode, 1m)));
            case "rehab-decisions":
                return await Counts(CaseRecordsByCommune(province).Where(r => (r.Kind == CaseEventKinds.RehabRegistration || r.Kind == CaseEventKinds.DossierOpening) && r.OccurredAt >= start && r.OccurredAt <= end).Select(r => r.CommuneCode));
            case "drug-tests":
                return await Counts(CaseRecordsByCommune(province).Where(r => r.Kind == CaseEventKinds.DrugTest && r.OccurredAt >= start && r.OccurredAt <= end).Select(r => r.CommuneCode));
            case "drug-tests-positive":
                return await Counts(CaseRecordsByCommune(province)
                    .Where(r => r.Kind == CaseEventKinds.DrugTest && r.OccurredAt >= start && r.OccurredAt <= end && r.Payload.Contains("\"result\":\"positive\"")).Select(r => r.CommuneCode));
            case "hotspots-detected":
                return await Counts(hotspots.Where(h => h.DetectedOn >= from && h.DetectedOn <= to).Select(h => h.CommuneCode));
            case "hotspots-cleared":
                return await Counts(hotspots.Where(h => h.ClearedOn >= from && h.ClearedOn <= to).Select(h => h.CommuneCode));
            case "hotspots-remaining":
                return await Counts(hotspots.Where(h => h.DetectedOn <= to && (h.ClearedOn == null || h.ClearedOn > to)).Select(h => h.CommuneCode));
            case "cultivation-area":
                // Summed in C#: SQLite cannot sum decimals.
                var areas = await db.Set<CultivationFind>().AsNoTracking().Where(c => c.ProvinceCode == province && c.FoundOn >= from && c.FoundOn <= to)
                    .Select(c => new { c.CommuneCode, c.AreaM2 }).ToListAsync(ct);
                return Totals(areas.Select(a => (a.CommuneCode, a.AreaM2)));
            default:
                // Indicators (and unknown bindings) keep their own per-area computation.
                var each = new Dictionary<string, Dictionary<string, decimal>>(StringComparer.Ordinal);
                foreach (var commune in communes)
                    each[commune] = await FigureAsync(binding, period, province, commune, ct);
                return each;
        }
    }

    private static readonly string[] PeopleRoots = ["persons-under-management", "new-under-management", "new-addicted", "post-rehab", "in-rehab"];

    private static readonly string[] HotspotRoots = ["hotspots-detected", "hotspots-cleared", "hotspots-remaining"];

    /// <summary>
    /// The five person figures of <see cref="FigureByCommuneAsync"/> (<see cref="PeopleByCommuneAsync"/> with each figure's
    /// filter) in one statement: the (commune, person) pairs of the province's list rows with one flag per figure, joined with
    /// the persons and grouped by commune, sex, stored ethnicity and age band, one count per figure.
    /// </summary>
    private async Task<Dictionary<string, Dictionary<string, Dictionary<string, decimal>>>> PeopleFiguresByCommuneAsync(ReportingPeriod period, string province, IReadOnlyCollection<string> communes, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        var (year, day) = (to.Year, DayKey(to));
        // Every figure's filter has FromOn <= to and either the row open after the end or started in the window.
        var pairs = db.ListEntries.AsNoTracking().Where(l => l.ProvinceCode == province && l.FromOn <= to && (l.ToOn == null || l.ToOn > to || l.FromOn >= from))
            .GroupBy(l => new { l.CommuneCode, l.PersonId })
            .Select(g => new
            {
                g.Key.CommuneCode,
                g.Key.PersonId,
                Managed = g.Max(l => (l.List == LegalLists.Users || l.List == LegalLists.Addicted) && (l.ToOn == null || l.ToOn > to) ? 1 : 0),
                NewManaged = g.Max(l => l.List == LegalLists.Users && l.FromOn >= from ? 1 : 0),
                NewAddicted = g.Max(l => l.List == LegalLists.Addicted && l.FromOn >= from ? 1 : 0),
                PostRehab = g.Max(l => l.List == LegalLists.PostRehab && (l.ToOn == null || l.ToOn > to) ? 1 : 0),
                InRehab = g.Max(l => l.List == LegalLists.InRehab && (l.ToOn == null || l.ToOn > to) ? 1 : 0),
            });
        var rows = await pairs.Join(db.Persons.AsNoTracking(), l => l.PersonId, p => p.Id, (l, p) => new
        {
            l.CommuneCode,
            p.Sex,
            p.Ethnicity,
            Age = p.DateOfBirth != null
                    ? year - p.DateOfBirth.Value.Year - (p.DateOfBirth.Value.Month * 100 + p.DateOfBirth.Value.Day > day ? 1 : 0)
                    : year - p.BirthYear,
            l.Managed,
            l.NewManaged,
            l.NewAddicted,
            l.PostRehab,
            l.InRehab,
        })
            .GroupBy(p => new { p.CommuneCode, p.Sex, p.Ethnicity, Band = p.Age < 14 ? 0 : p.Age < 16 ? 1 : p.Age < 18 ? 2 : p.Age < 30 ? 3 : 4 })
            .Select(g => new
            {
                g.Key.CommuneCode,
                g.Key.Sex,
                g.Key.Ethnicity,
                g.Key.Band,
                Managed = g.Sum(p => p.Managed),
                NewManaged = g.Sum(p => p.NewManaged),
                NewAddicted = g.Sum(p => p.NewAddicted),
                PostRehab = g.Sum(p => p.PostRehab),
                InRehab = g.Sum(p => p.InRehab),
            })
            .ToListAsync(ct);
        var result = new Dictionary<string, Dictionary<string, Dictionary<string, decimal>>>(StringComparer.Ordinal);
        foreach (var root in PeopleRoots)
            result[root] = communes.ToDictionary(c => c, _ => new Dictionary<string, decimal> { [""] = 0 }, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var (root, count) in new[] { (PeopleRoots[0], row.Managed), (PeopleRoots[1], row.NewManaged), (PeopleRoots[2], row.NewAddicted), (PeopleRoots[3], row.PostRehab), (PeopleRoots[4], row.InRehab) })
            {
                if (count > 0 && result[root].TryGetValue(row.CommuneCode, out var figures))
                    AddGroup(figures, new PeopleGroup(row.CommuneCode, row.Sex, row.Ethnicity, row.Band, count), total: true);
            }
        }

        return result;
    }

    /// <summary>The three hotspot figures of <see cref="FigureByCommuneAsync"/> in one statement grouped by commune.</summary>
    private async Task<Dictionary<string, Dictionary<string, Dictionary<string, decimal>>>> HotspotFiguresByCommuneAsync(ReportingPeriod period, string province, IReadOnlyCollection<string> communes, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        var counts = await db.Set<Hotspot>().AsNoTracking()
            .Where(h => h.ProvinceCode == province && ((h.DetectedOn >= from && h.DetectedOn <= to) || (h.ClearedOn >= from && h.ClearedOn <= to) || (h.DetectedOn <= to && (h.ClearedOn == null || h.ClearedOn > to))))
            .GroupBy(h => h.CommuneCode)
            .Select(g => new
            {
                g.Key,
                Detected = g.Count(h => h.DetectedOn >= from && h.DetectedOn <= to),
                Cleared = g.Count(h => h.ClearedOn >= from && h.ClearedOn <= to),
                Remaining = g.Count(h => h.DetectedOn <= to && (h.ClearedOn == null || h.ClearedOn > to)),
            })
            .ToDictionaryAsync(g => g.Key, ct);
        Dictionary<string, Dictionary<string, decimal>> Figure(Func<int, int, int, int> pick) =>
            communes.ToDictionary(c => c, c => Total(counts.TryGetValue(c, out var g) ? pick(g.Detected, g.Cleared, g.Remaining) : 0), StringComparer.Ordinal);
        return new(StringComparer.Ordinal)
        {
            [HotspotRoots[0]] = Figure((d, _, _) => d),
            [HotspotRoots[1]] = Figure((_, c, _) => c),
            [HotspotRoots[2]] = Figure((_, _, r) => r),
        };
    }

    /// <summary>Case records with the current commune of their person, for the province's persons.</summary>
    private IQueryable<RecordInCommune> CaseRecordsByCommune(string province) =>
        db.CaseRecords.AsNoTracking().Join(db.Persons.AsNoTracking().Where(p => p.ProvinceCode == province), r => r.PersonId, p => p.Id,
            (r, p) => new RecordInCommune { CommuneCode = p.CommuneCode, Kind = r.Kind, OccurredAt = r.OccurredAt, Payload = r.Payload });

    private sealed class RecordInCommune
    {
        public string CommuneCode { get; init; } = "";

        public string Kind { get; init; } = "";

        public DateTime OccurredAt { get; init; }

        public string Payload { get; init; } = "";
    }

    /// <summary><see cref="PeopleAsync"/> for every commune of the province: distinct persons per commune with their sex, age band and ethnicity.</summary>
    private async Task<Dictionary<string, Dictionary<string, decimal>>> PeopleByCommuneAsync(System.Linq.Expressions.Expression<Func<ListEntry, bool>> filter, string province, IReadOnlyCollection<string> communes, DateOnly at, CancellationToken ct)
    {
        var pairs = db.ListEntries.AsNoTracking().Where(l => l.ProvinceCode == province).Where(filter).Select(l => new { l.CommuneCode, l.PersonId }).Distinct();
        var people = pairs.Join(db.Persons.AsNoTracking(), l => l.PersonId, p => p.Id,
            (l, p) => new PersonFacts { CommuneCode = l.CommuneCode, Sex = p.Sex, DateOfBirth = p.DateOfBirth, BirthYear = p.BirthYear, Ethnicity = p.Ethnicity });
        var result = communes.ToDictionary(c => c, _ => new Dictionary<string, decimal> { [""] = 0 }, StringComparer.Ordinal);
        foreach (var group in await GroupAsync(people, at, ct))
        {
            if (result.TryGetValue(group.CommuneCode, out var figures))
                AddGroup(figures, group, total: true);
        }

        return result;
    }

    /// <summary>The listed persons' facts the disaggregations need; grouped in SQL by <see cref="GroupAsync"/>.</summary>
    private sealed class PersonFacts
    {
        public string CommuneCode { get; init; } = "";

        public Sex Sex { get; init; }

        public DateOnly? DateOfBirth { get; init; }

        public int BirthYear { get; init; }

        public string? Ethnicity { get; init; }
    }

    private sealed record PeopleGroup(string CommuneCode, Sex Sex, string? Ethnicity, int Band, int Count);

    /// <summary>
    /// Counts the persons by commune, sex, stored ethnicity and QĐ 13/2019 age band at <paramref name="at"/>, in SQL (issue 19:
    /// the rows of every listed person were loaded to be grouped in C#; a province's consolidation loaded ≈ 60,000). The age is
    /// <see cref="AgeAt"/>'s in plain integer arithmetic that both providers translate; the ethnicity is compared in C#
    /// (<see cref="IsKinh"/>) on the few distinct stored values, so the figures are exactly those of the per-person rule.
    /// </summary>
    private static async Task<List<PeopleGroup>> GroupAsync(IQueryable<PersonFacts> people, DateOnly at, CancellationToken ct)
    {
        var (year, day) = (at.Year, DayKey(at));
        return await people
            .Select(p => new
            {
                p.CommuneCode,
                p.Sex,
                p.Ethnicity,
                Age = p.DateOfBirth != null
                    ? year - p.DateOfBirth.Value.Year - (p.DateOfBirth.Value.Month * 100 + p.DateOfBirth.Value.Day > day ? 1 : 0)
                    : year - p.BirthYear,
            })
            .GroupBy(p => new { p.CommuneCode, p.Sex, p.Ethnicity, Band = p.Age < 14 ? 0 : p.Age < 16 ? 1 : p.Age < 18 ? 2 : p.Age < 30 ? 3 : 4 })
            .Select(g => new PeopleGroup(g.Key.CommuneCode, g.Key.Sex, g.Key.Ethnicity, g.Key.Band, g.Count()))
            .ToListAsync(ct);
    }

    private static readonly string[] Bands = ["lt14", "14-16", "16-18", "18-30", "ge30"];

    private static void AddGroup(Dictionary<string, decimal> figures, PeopleGroup group, bool total)
    {
        void Add(string key) => figures[key] = figures.GetValueOrDefault(key) + group.Count;
        if (total)
            Add("");
        Add(group.Sex == Sex.Male ? "SEX.male" : "SEX.female");
        Add("AGE13." + Bands[group.Band]);
        Add(IsKinh(group.Ethnicity) ? "ETH.kinh" : "ETH.other");
    }

    private static bool IsKinh(string? ethnicity) => string.Equals(ethnicity?.Trim(), "Kinh", StringComparison.OrdinalIgnoreCase);

    /// <summary>Age in whole years at <paramref name="at"/>: the birthday in a year without 29 February falls on the 28th (DateOnly.AddYears).</summary>
    public static int AgeAt(DateOnly? dateOfBirth, int birthYear, DateOnly at) =>
        dateOfBirth is { } dob ? at.Year - dob.Year - (at < dob.AddYears(at.Year - dob.Year) ? 1 : 0) : at.Year - birthYear;

    /// <summary>
    /// <paramref name="at"/> as month × 100 + day, for the SQL form of <see cref="AgeAt"/>: the birthday is reached when the birth
    /// date's month × 100 + day is at most this. On 28 February of a year without a 29th it is 229, so that those born on
    /// 29 February have their birthday that day, as DateOnly.AddYears has it.
    /// </summary>
    public static int DayKey(DateOnly at) => at is { Month: 2, Day: 28 } && !DateTime.IsLeapYear(at.Year) ? 229 : at.Month * 100 + at.Day;

    private async Task<Dictionary<string, decimal>> FigureAsync(string binding, ReportingPeriod period, string province, string? commune, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
        switch (binding)
        {
            case "persons-under-management":
                return await PeopleAsync(l => (l.List == LegalLists.Users || l.List == LegalLists.Addicted) && l.FromOn <= to && (l.ToOn == null || l.ToOn > to), province, commune, to, ct);
            case "new-under-management":
                return await PeopleAsync(l => l.List == LegalLists.Users && l.FromOn >= from && l.FromOn <= to, province, commune, to, ct);
            case "new-addicted":
                return await PeopleAsync(l => l.List == LegalLists.Addicted && l.FromOn >= from && l.FromOn <= to, province, commune, to, ct);
            case "post-rehab":
                return await PeopleAsync(l => l.List == LegalLists.PostRehab && l.FromOn <= to && (l.ToOn == null || l.ToOn > to), province, commune, to, ct);
            case "in-rehab":
                return await PeopleAsync(l => l.List == LegalLists.InRehab && l.FromOn <= to && (l.ToOn == null || l.ToOn > to), province, commune, to, ct);
            case "ended-management":
                return Total(await Entries(province, commune).Where(l => (l.List == LegalLists.Users || l.List == LegalLists.Addicted) && l.ToOn >= from && l.ToOn <= to)
                    .Select(l => l.PersonId).Distinct().CountAsync(ct));
            case "rehab-decisions":
                return Total(await CaseRecordsIn(province, commune)
                    .CountAsync(r => (r.Kind == CaseEventKinds.RehabRegistration || r.Kind == CaseEventKinds.DossierOpening) && r.OccurredAt >= start && r.OccurredAt <= end, ct));
            case "drug-tests":
                return Total(await CaseRecordsIn(province, commune).CountAsync(r => r.Kind == CaseEventKinds.DrugTest && r.OccurredAt >= start && r.OccurredAt <= end, ct));
            case "drug-tests-positive":
                return Total(await CaseRecordsIn(province, commune)
                    .CountAsync(r => r.Kind == CaseEventKinds.DrugTest && r.OccurredAt >= start && r.OccurredAt <= end && r.Payload.Contains("\"result\":\"positive\""), ct));
            case "hotspots-detected":
                return Total(await In(db.Set<Hotspot>().AsNoTracking(), province, commune).CountAsync(h => h.DetectedOn >= from && h.DetectedOn <= to, ct));
            case "hotspots-cleared":
                return Total(await In(db.Set<Hotspot>().AsNoTracking(), province, commune).CountAsync(h => h.ClearedOn >= from && h.ClearedOn <= to, ct));
            case "hotspots-remaining":
                return Total(await In(db.Set<Hotspot>().AsNoTracking(), province, commune).CountAsync(h => h.DetectedOn <= to && (h.ClearedOn == null || h.ClearedOn > to), ct));
            case "cultivation-area":
                var areas = await In(db.Set<CultivationFind>().AsNoTracking(), province, commune).Where(c => c.FoundOn >= from && c.FoundOn <= to).Select(c => c.AreaM2).ToListAsync(ct);
                return Total(areas.Sum());
            default:
                if (binding.StartsWith("indicator:", StringComparison.Ordinal))
                {
                    var value = await indicators.HandleAsync(binding["indicator:".Length..], commune ?? province, period.Code, ct);
                    return value.Succeeded && value.Value.Amount is { } amount ? Total(amount) : [];
                }

                return [];
        }
    }

    private static Dictionary<string, decimal> Total(decimal value) => new() { [""] = value };

    private IQueryable<ListEntry> Entries(string province, string? commune) => In(db.ListEntries.AsNoTracking(), province, commune);

    private IQueryable<CaseRecord> CaseRecordsIn(string province, string? commune)
    {
        var persons = In(db.Persons.AsNoTracking(), province, commune).Select(p => p.Id);
        return db.CaseRecords.AsNoTracking().Where(r => persons.Contains(r.PersonId));
    }

    private static IQueryable<T> In<T>(IQueryable<T> query, string province, string? commune) where T : IUnitScoped =>
        commune is not null ? query.Where(e => e.CommuneCode == commune) : query.Where(e => e.ProvinceCode == province);

    /// <summary>Distinct persons of the matching list entries, with sex, age band (QĐ 13/2019/QĐ-TTg) at the period end and ethnicity.</summary>
    private async Task<Dictionary<string, decimal>> PeopleAsync(System.Linq.Expressions.Expression<Func<ListEntry, bool>> filter, string province, string? commune, DateOnly at, CancellationToken ct)
    {
        var ids = Entries(province, commune).Where(filter).Select(l => l.PersonId).Distinct();
        var people = db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new PersonFacts { CommuneCode = p.CommuneCode, Sex = p.Sex, DateOfBirth = p.DateOfBirth, BirthYear = p.BirthYear, Ethnicity = p.Ethnicity });
        var groups = await GroupAsync(people, at, ct);
        var figures = new Dictionary<string, decimal> { [""] = groups.Sum(g => g.Count) };
        foreach (var group in groups)
            AddGroup(figures, group, total: false);
        return figures;
    }

    /// <summary>QĐ 13/2019/QĐ-TTg age bands: dưới 14; từ đủ 14 đến dưới 16; từ đủ 16 đến dưới 18; từ đủ 18 đến 30 (read as &lt; 30); từ 30 trở lên.</summary>
    public static string AgeBand(int age) => age switch
    {
        < 14 => "lt14",
        < 16 => "14-16",
        < 18 => "16-18",
        < 30 => "18-30",
        _ => "ge30",
    };
}
