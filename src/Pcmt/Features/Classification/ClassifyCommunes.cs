using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Enforcement;
using Pcmt.Features.Lifecycle;
using Pcmt.Features.SupplySide;

namespace Pcmt.Features.Classification;

/// <summary>
/// Chạy phân loại: gathers each commune's figures for the assessment period from PCMT's own records (case lists, supply-side
/// registers, population, routes), classifies it, and stores the proposals. Approved results are never overwritten.
/// </summary>
public sealed class ClassifyCommunes(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Statuses excluded from the drug-free test (QĐ 28 Art 6.1): substitution therapy, voluntary rehab at home, post-rehab.</summary>
    private static readonly string[] DrugFreeExclusions = ["on-substitution-therapy", "in-voluntary-rehab", "post-rehab"];

    /// <summary>The area code of the whole country, as in the indicators API.</summary>
    public const string Country = "VN";

    private const string YearMessage = "Năm đánh giá phải từ 2025 (QĐ 28/2025/QĐ-TTg) đến 2100.";

    public sealed record Row(string CommuneCode, string CommuneName, string Class, string ComputedClass, CriteriaSnapshot Criteria, string Status, string? PreviousClass,
        string? DecisionNumber, DateOnly? DecidedOn, string? ManualReason);

    /// <summary>The outcome of a national run: counts only, the rows are read per province.</summary>
    public sealed record CountrySummary(int Year, int Total, int Provinces, IReadOnlyDictionary<string, int> ByClass, int Approved);

    /// <summary>One province: classifies its communes and answers every result of the year, as <see cref="ListAsync"/> would.</summary>
    public async Task<Result<IReadOnlyList<Row>>> RunAsync(string? province, int? year, CancellationToken cancellationToken)
    {
        if (!user.Can(Permissions.ClassifyCommunes))
            return new Failure.Forbidden();
        var check = await CheckAsync(province, year, cancellationToken);
        if (!check.Succeeded)
            return check.Failure;
        var run = await ClassifyAsync(province, year!.Value, cancellationToken);

        // The response is built from what was just computed; only results this run did not compute (approved ones, communes no
        // longer in force) are read back from their stored snapshot.
        var previous = await PreviousClassesAsync(province!, year.Value, cancellationToken);
        var unnamed = run.Where(r => r.Name is null).Select(r => r.Row.CommuneCode).ToList();
        var names = unnamed.Count == 0 ? [] : await NamesAsync(unnamed, cancellationToken);
        return run.OrderBy(r => r.Row.CommuneCode, StringComparer.Ordinal)
            .Select(r => new Row(r.Row.CommuneCode, r.Name ?? names.GetValueOrDefault(r.Row.CommuneCode, r.Row.CommuneCode), r.Row.Class, r.Row.ComputedClass,
                r.Criteria ?? JsonSerializer.Deserialize<CriteriaSnapshot>(r.Row.Criteria, Json)!, r.Row.Status, previous.GetValueOrDefault(r.Row.CommuneCode),
                r.Row.DecisionNumber, r.Row.DecidedOn, r.Row.ManualReason))
            .ToList();
    }

    /// <summary>
    /// Every commune of every province in one pass (each source table read once), for a user who sees the whole installation and
    /// holds <see cref="Permissions.ClassifyCountry"/>. Approved results are kept, as in a province run.
    /// </summary>
    public async Task<Result<CountrySummary>> RunCountryAsync(string? province, int? year, CancellationToken cancellationToken)
    {
        if (!user.Can(Permissions.ClassifyCommunes) && !user.Can(Permissions.ClassifyCountry))
            return new Failure.Forbidden();
        if (!user.SeesWholeInstallation)
        {
            // A province user names their province; "VN" is outside their area, as for the indicators.
            return province is null
                ? new Failure.Invalid("province", "Chọn tỉnh: chỉ tài khoản toàn quốc được chạy phân loại cho cả nước.")
                : new Failure.NotFound();
        }

        if (!user.Can(Permissions.ClassifyCountry))
            return new Failure.Forbidden();
        if (year is not (>= 2025 and <= 2100))
            return new Failure.Invalid("year", YearMessage);
        var run = await ClassifyAsync(null, year.Value, cancellationToken);
        var byClass = CommuneClasses.All.ToDictionary(c => c, c => run.Count(r => r.Row.Class == c));
        return new CountrySummary(year.Value, run.Count, run.Select(r => r.Row.ProvinceCode).Distinct().Count(), byClass,
            run.Count(r => r.Row.Status == "approved"));
    }

    /// <summary>A stored result after the run; <see cref="Criteria"/> and <see cref="Name"/> are set when this run computed it.</summary>
    private sealed record Outcome(CommuneClassification Row, string? Name, CriteriaSnapshot? Criteria);

    /// <summary>
    /// Gathers the figures of the communes in force of one province (or of all, <paramref name="province"/> null), each source
    /// grouped by commune in SQL, classifies them and saves the proposals with one summary audit entry.
    /// </summary>
    private async Task<List<Outcome>> ClassifyAsync(string? province, int year, CancellationToken cancellationToken)
    {
        var (from, to) = CommuneClassifier.Period(year);
        var communes = await db.AdministrativeUnits.AsNoTracking()
            .Where(u => u.Level == UnitLevel.Commune && (province == null || u.ProvinceCode == province) && (u.ValidTo == null || u.ValidTo >= to) && (u.ValidFrom == null || u.ValidFrom <= to))
            .Select(u => new { u.ProvinceCode, u.Code, u.Name }).ToListAsync(cancellationToken);

        // Users: distinct persons on the lists in the commune; blockers: those of them not excluded by their current status (Art 6.1).
        string[] counted = [LegalLists.Users, LegalLists.Addicted];
        var people = await db.ListEntries.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AsNoTracking()
            .Where(l => (province == null || l.ProvinceCode == province) && counted.Contains(l.List) && l.FromOn <= to && (l.ToOn == null || l.ToOn >= from))
            .Join(db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]), l => l.PersonId, p => p.Id, (l, p) => new { l.ProvinceCode, l.CommuneCode, l.PersonId, p.Status })
            .Distinct()
            .GroupBy(p => new { p.ProvinceCode, p.CommuneCode })
            .Select(g => new { g.Key.ProvinceCode, g.Key.CommuneCode, Users = g.Count(), Blockers = g.Count(p => !DrugFreeExclusions.Contains(p.Status)) })
            .ToDictionaryAsync(g => (g.ProvinceCode, g.CommuneCode), g => (g.Users, g.Blockers), cancellationToken);

        var points = await db.Set<Hotspot>().IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AsNoTracking()
            .Where(h => (province == null || h.ProvinceCode == province) && h.DetectedOn <= to && (h.ClearedOn == null || h.ClearedOn >= from))
            .GroupBy(h => new { h.ProvinceCode, h.CommuneCode }).Select(g => new { g.Key.ProvinceCode, g.Key.CommuneCode, Count = g.Count() })
            .ToDictionaryAsync(g => (g.ProvinceCode, g.CommuneCode), g => g.Count, cancellationToken);
        var arrests = await db.Set<Arrest>().IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AsNoTracking()
            .Where(a => (province == null || a.ProvinceCode == province) && a.ArrestedOn >= from && a.ArrestedOn <= to)
            .GroupBy(a => new { a.ProvinceCode, a.CommuneCode })
            .Select(g => new { g.Key.ProvinceCode, g.Key.CommuneCode, Offenders = g.Sum(a => a.Offenders), Residents = g.Sum(a => a.ResidentOffenders ?? a.Offenders) })
            .ToDictionaryAsync(g => (g.ProvinceCode, g.CommuneCode), g => (g.Offenders, g.Residents), cancellationToken);
        // Enforcement: suspects of the cases detected in the period count as arrested offenders beside the bulk arrest counts
        // (contract "Enforcement"); wanted persons hiding in the commune during the period block drug-free status (Art 6.2).
        // The scope filter stays on: a run is made by the province's police or by a user who sees the whole installation.
        var caseArrests = await db.Set<DrugCase>().AsNoTracking()
            .Where(c => (province == null || c.ProvinceCode == province) && c.DetectedOn >= from && c.DetectedOn <= to)
            .Join(db.Set<CaseSuspect>(), c => c.Id, s => s.CaseId, (c, s) => new { c.ProvinceCode, c.CommuneCode, s.Resident }) // a join, not SelectMany: SQLite has no APPLY
            .GroupBy(s => new { s.ProvinceCode, s.CommuneCode })
            .Select(g => new { g.Key.ProvinceCode, g.Key.CommuneCode, Offenders = g.Count(), Residents = g.Sum(s => s.Resident ? 1 : 0) })
            .ToDictionaryAsync(g => (g.ProvinceCode, g.CommuneCode), g => (g.Offenders, g.Residents), cancellationToken);
        var wanted = await db.Set<WantedPerson>().AsNoTracking()
            .Where(w => (province == null || w.ProvinceCode == province) && w.HidingFrom <= to && (w.EndedOn == null || w.EndedOn >= from))
            .GroupBy(w => new { w.ProvinceCode, w.CommuneCode }).Select(g => new { g.Key.ProvinceCode, g.Key.CommuneCode, Count = g.Count() })
            .ToDictionaryAsync(g => (g.ProvinceCode, g.CommuneCode), g => g.Count, cancellationToken);
        // Art 4.1.d / 4.2.d count plants "discovered and destroyed". Summed here: SQLite cannot sum decimals.
        var plants = await db.Set<CultivationFind>().IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AsNoTracking()
            .Where(c => (province == null || c.ProvinceCode == province) && c.FoundOn >= from && c.FoundOn <= to && c.DestroyedOn != null)
            .Select(c => new { c.ProvinceCode, c.CommuneCode, c.Plants, c.AreaM2 }).ToListAsync(cancellationToken);
        var plantTotals = plants.GroupBy(c => (c.ProvinceCode, c.CommuneCode)).ToDictionary(g => g.Key, g => (Plants: g.Sum(c => c.Plants), Area: g.Sum(c => c.AreaM2)));
        var routes = await db.Set<HotspotRoute>().AsNoTracking().Where(r => (province == null || r.ProvinceCode == province) && (r.Year == null || r.Year == year))
            .Select(r => new { r.ProvinceCode, r.Communes }).ToListAsync(cancellationToken);
        var onRoute = routes.SelectMany(r => r.Communes.Split(',').Select(c => (r.ProvinceCode, c))).ToHashSet();
        var population = await db.CommunePopulations.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AsNoTracking()
            .Where(p => (province == null || p.ProvinceCode == province) && p.Year == year)
            .Select(p => new { p.ProvinceCode, p.CommuneCode, p.Residents }).ToDictionaryAsync(p => (p.ProvinceCode, p.CommuneCode), p => p.Residents, cancellationToken);

        // On PostgreSQL the proposals are written with one upsert; elsewhere (SQLite, one province) through the change tracker.
        var upsert = db.Database.IsNpgsql();
        var stored = db.CommuneClassifications.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).Where(c => (province == null || c.ProvinceCode == province) && c.Year == year);
        var existing = await (upsert ? stored.AsNoTracking() : stored).ToDictionaryAsync(c => (c.ProvinceCode, c.CommuneCode), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var results = new List<Outcome>(Math.Max(communes.Count, existing.Count));
        var computed = new List<CommuneClassification>(communes.Count);
        int created = 0, updated = 0, approved = 0;
        foreach (var commune in communes)
        {
            var key = (commune.ProvinceCode, commune.Code);
            if (existing.Remove(key, out var row) && row.Status == "approved")
            {
                approved++;
                results.Add(new Outcome(row, commune.Name, null));
                continue;
            }

            if (row is null)
            {
                row = new CommuneClassification { ProvinceCode = commune.ProvinceCode, CommuneCode = commune.Code, Year = year };
                if (!upsert)
                    db.CommuneClassifications.Add(row);
                created++;
            }
            else
                updated++;

            var (users, blockers) = people.GetValueOrDefault(key);
            var (offenders, residentOffenders) = arrests.GetValueOrDefault(key);
            var (caseOffenders, caseResidents) = caseArrests.GetValueOrDefault(key);
            offenders += caseOffenders;
            residentOffenders += caseResidents;
            var (plantCount, area) = plantTotals.GetValueOrDefault(key);
            var (@class, snapshot) = CommuneClassifier.Classify(new CommuneFigures(population.TryGetValue(key, out var r) ? r : null, users, blockers,
                points.GetValueOrDefault(key), offenders, residentOffenders, plantCount, area, onRoute.Contains(key), wanted.GetValueOrDefault(key)));
            row.ComputedClass = @class;
            if (row.ManualReason is null)
                row.Class = @class;
            row.Criteria = JsonSerializer.Serialize(snapshot, Json);
            row.CriteriaVersion = CommuneClassifier.CriteriaVersion;
            row.ComputedAt = now;
            results.Add(new Outcome(row, commune.Name, snapshot));
            computed.Add(row);
        }

        // Results of communes no longer in force stay as they are and are still answered.
        results.AddRange(existing.Values.Select(row => new Outcome(row, null, null)));

        // The proposals are derived figures that any run recomputes: one summary entry per run, like a bulk load of reference
        // data, instead of one per commune (the reviewer's class and the approval stay audited row by row).
        var summary = FormattableString.Invariant($"classification {year} {province ?? Country}: {communes.Count} communes, {created} created, {updated} updated, {approved} approved kept");
        if (upsert)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await UpsertAsync(computed, year, now, cancellationToken);
            await db.SaveBulkAsync(nameof(CommuneClassification), summary, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        else
            await db.SaveBulkAsync(nameof(CommuneClassification), summary, cancellationToken);
        return results;
    }

    /// <summary>
    /// PostgreSQL: every proposal in one statement. The database re-checks what the loop decided, so a review or an approval
    /// recorded meanwhile is not undone: a reviewer's class stays, an approved row is not touched.
    /// </summary>
    private async Task UpsertAsync(List<CommuneClassification> rows, int year, DateTime now, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
            return;
        var provinces = rows.Select(r => r.ProvinceCode).ToArray();
        var communes = rows.Select(r => r.CommuneCode).ToArray();
        var classes = rows.Select(r => r.ComputedClass).ToArray();
        var criteria = rows.Select(r => r.Criteria).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO commune_classifications (province_code, commune_code, year, class, computed_class, criteria, criteria_version, status, computed_at)
            SELECT r.province_code, r.commune_code, {year}, r.computed_class, r.computed_class, r.criteria, {CommuneClassifier.CriteriaVersion}, 'proposed', {now}
            FROM unnest({provinces}, {communes}, {classes}, {criteria}) AS r(province_code, commune_code, computed_class, criteria)
            ON CONFLICT (province_code, year, commune_code) DO UPDATE SET
                class = CASE WHEN commune_classifications.manual_reason IS NULL THEN excluded.computed_class ELSE commune_classifications.class END,
                computed_class = excluded.computed_class, criteria = excluded.criteria, criteria_version = excluded.criteria_version, computed_at = excluded.computed_at
            WHERE commune_classifications.status <> 'approved'
            """, cancellationToken);
    }

    public async Task<Result<IReadOnlyList<Row>>> ListAsync(string? province, int? year, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(province, year, cancellationToken);
        if (!check.Succeeded)
            return check.Failure;
        var rows = await db.CommuneClassifications.AsNoTracking().Where(c => c.ProvinceCode == province && c.Year == year).OrderBy(c => c.CommuneCode).ToListAsync(cancellationToken);
        var previous = await PreviousClassesAsync(province!, year!.Value, cancellationToken);
        var names = await NamesAsync(rows.Select(r => r.CommuneCode).ToList(), cancellationToken);
        return rows.Select(c => new Row(c.CommuneCode, names.GetValueOrDefault(c.CommuneCode, c.CommuneCode), c.Class, c.ComputedClass, JsonSerializer.Deserialize<CriteriaSnapshot>(c.Criteria, Json)!,
            c.Status, previous.GetValueOrDefault(c.CommuneCode), c.DecisionNumber, c.DecidedOn, c.ManualReason)).ToList();
    }

    /// <summary>The previous year's approved classes ("chuyển hóa" is shown against them).</summary>
    private Task<Dictionary<string, string>> PreviousClassesAsync(string province, int year, CancellationToken cancellationToken) =>
        db.CommuneClassifications.AsNoTracking().Where(c => c.ProvinceCode == province && c.Year == year - 1 && c.Status == "approved")
            .ToDictionaryAsync(c => c.CommuneCode, c => c.Class, cancellationToken);

    /// <summary>Commune names by code, including communes no longer in force.</summary>
    private Task<Dictionary<string, string>> NamesAsync(List<string> codes, CancellationToken cancellationToken) =>
        db.AdministrativeUnits.AsNoTracking().Where(u => codes.Contains(u.Code) && u.Level == UnitLevel.Commune).GroupBy(u => u.Code)
            .Select(g => new { g.Key, Name = g.First().Name }).ToDictionaryAsync(u => u.Key, u => u.Name, cancellationToken);

    public sealed record ProvinceResult(bool Hotspot, IReadOnlyList<string> CriteriaMet, long Residents, int Users, int Points, int Offenders, int TypeIAndII, int Communes);

    /// <summary>QĐ 28/2025 Art 5: the province-level test over its communes' figures and its inter-provincial routes.</summary>
    public async Task<ProvinceResult> ProvinceAsync(string province, int year, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        var interProvincial = await db.Set<HotspotRoute>().AsNoTracking().AnyAsync(r => r.ProvinceCode == province && r.Scope == "inter-provincial" && (r.Year == null || r.Year == year), cancellationToken);
        long residents = rows.Sum(r => (long)(r.Criteria.Residents ?? 0));
        var users = rows.Sum(r => r.Criteria.Users);
        var points = rows.Sum(r => r.Criteria.Points);
        var offenders = rows.Sum(r => r.Criteria.Offenders);
        var typeIAndII = rows.Count(r => r.Class is CommuneClasses.Type1 or CommuneClasses.Type2);
        var (hotspot, met) = CommuneClassifier.ClassifyProvince(residents, users, points, offenders, typeIAndII, rows.Count,
            rows.Sum(r => r.Criteria.Plants), rows.Sum(r => r.Criteria.AreaM2), interProvincial);
        return new ProvinceResult(hotspot, met, residents, users, points, offenders, typeIAndII, rows.Count);
    }

    /// <summary>A reviewer sets the class of a commune the text does not decide (or corrects one), with a reason; only before approval.</summary>
    public async Task<Result<bool>> SetClassAsync(string province, int year, string commune, string? @class, string? reason, CancellationToken cancellationToken)
    {
        var row = await db.CommuneClassifications.FirstOrDefaultAsync(c => c.ProvinceCode == province && c.Year == year && c.CommuneCode == commune, cancellationToken);
        if (row is null)
            return new Failure.NotFound();
        var errors = new Dictionary<string, string[]>();
        if (@class is null || !CommuneClasses.All.Contains(@class) || @class == CommuneClasses.Review)
            errors["class"] = ["Phân loại phải là drug-free, type-1, type-2 hoặc type-3."];
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 10)
            errors["reason"] = ["Ghi rõ lý do (ít nhất 10 ký tự)."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        if (row.Status == "approved")
            return new Failure.Conflict("Kết quả phân loại đã được phê duyệt, không sửa được.");
        row.Class = @class!;
        row.ManualReason = reason!.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Phê duyệt của UBND tỉnh (QĐ 28 Art 9.2): all proposals of the year, or the listed communes.</summary>
    public async Task<Result<int>> ApproveAsync(string province, int year, string? decisionNumber, string? decidedOn, IReadOnlyList<string>? communes, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(province, year, cancellationToken);
        if (!check.Succeeded)
            return check.Failure;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(decisionNumber) || decisionNumber.Trim().Length > 50)
            errors["decisionNumber"] = ["Bắt buộc nhập số quyết định phê duyệt (tối đa 50 ký tự)."];
        var day = LegalInput.Date(decidedOn, "decidedOn", errors);
        if (day is { } decided && !DatePlausibility.IsPlausibleFact(decided, clock))
            errors["decidedOn"] = [DatePlausibility.FutureFactMessage];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        var rows = await db.CommuneClassifications.Where(c => c.ProvinceCode == province && c.Year == year && c.Status == "proposed").ToListAsync(cancellationToken);
        if (communes is { Count: > 0 })
        {
            var unknown = communes.Except(rows.Select(r => r.CommuneCode)).ToList();
            if (unknown.Count > 0)
                return new Failure.Invalid("communes", "Không có đề xuất chờ phê duyệt cho: " + string.Join(", ", unknown) + ".");
            rows = rows.Where(r => communes.Contains(r.CommuneCode)).ToList();
        }

        if (rows.Count == 0)
            return new Failure.Invalid("communes", "Không có kết quả đề xuất nào chờ phê duyệt; hãy chạy phân loại trước.");
        foreach (var row in rows)
        {
            row.Status = "approved";
            row.DecisionNumber = decisionNumber!.Trim();
            row.DecidedOn = day;
            row.ApprovedBy = user.UserName;
        }

        await db.SaveChangesAsync(cancellationToken);
        return rows.Count;
    }

    private async Task<Result<bool>> CheckAsync(string? province, int? year, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (year is not (>= 2025 and <= 2100))
            errors["year"] = [YearMessage];
        if (province is null || !await db.AdministrativeUnits.AnyAsync(u => u.Code == province && u.Level == UnitLevel.Province && u.ValidTo == null, cancellationToken))
            errors["province"] = ["Mã tỉnh không đúng hoặc không còn hiệu lực."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        if (!user.SeesWholeInstallation && user.ProvinceCode != province)
            return new Failure.NotFound();
        return true;
    }
}
