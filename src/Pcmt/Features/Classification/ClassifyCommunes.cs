using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
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

    public sealed record Row(string CommuneCode, string CommuneName, string Class, string ComputedClass, CriteriaSnapshot Criteria, string Status, string? PreviousClass,
        string? DecisionNumber, DateOnly? DecidedOn, string? ManualReason);

    public async Task<Result<IReadOnlyList<Row>>> RunAsync(string? province, int? year, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(province, year, cancellationToken);
        if (!check.Succeeded)
            return check.Failure;
        var (from, to) = CommuneClassifier.Period(year!.Value);
        var communes = await db.AdministrativeUnits.AsNoTracking().Where(u => u.Level == UnitLevel.Commune && u.ProvinceCode == province && (u.ValidTo == null || u.ValidTo >= to) && (u.ValidFrom == null || u.ValidFrom <= to))
            .Select(u => u.Code).ToListAsync(cancellationToken);

        string[] counted = [LegalLists.Users, LegalLists.Addicted];
        var people = await db.ListEntries.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AsNoTracking()
            .Where(l => l.ProvinceCode == province && counted.Contains(l.List) && l.FromOn <= to && (l.ToOn == null || l.ToOn >= from))
            .Join(db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]), l => l.PersonId, p => p.Id, (l, p) => new { l.CommuneCode, l.PersonId, p.Status })
            .Distinct().ToListAsync(cancellationToken);
        var users = people.GroupBy(p => p.CommuneCode).ToDictionary(g => g.Key, g => g.Select(p => p.PersonId).Distinct().Count());
        var blockers = people.Where(p => !DrugFreeExclusions.Contains(p.Status)).GroupBy(p => p.CommuneCode).ToDictionary(g => g.Key, g => g.Select(p => p.PersonId).Distinct().Count());

        var points = await db.Set<Hotspot>().IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AsNoTracking()
            .Where(h => h.ProvinceCode == province && h.DetectedOn <= to && (h.ClearedOn == null || h.ClearedOn >= from))
            .GroupBy(h => h.CommuneCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var arrests = await db.Set<Arrest>().IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AsNoTracking()
            .Where(a => a.ProvinceCode == province && a.ArrestedOn >= from && a.ArrestedOn <= to)
            .GroupBy(a => a.CommuneCode).Select(g => new { g.Key, Offenders = g.Sum(a => a.Offenders), Residents = g.Sum(a => a.ResidentOffenders ?? a.Offenders) })
            .ToDictionaryAsync(g => g.Key, g => (g.Offenders, g.Residents), cancellationToken);
        var plants = await db.Set<CultivationFind>().IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AsNoTracking()
            .Where(c => c.ProvinceCode == province && c.FoundOn >= from && c.FoundOn <= to && c.DestroyedOn != null)
            .Select(c => new { c.CommuneCode, c.Plants, c.AreaM2 }).ToListAsync(cancellationToken);
        // Art 4.1.d / 4.2.d count plants "discovered and destroyed".
        var plantTotals = plants.GroupBy(c => c.CommuneCode).ToDictionary(g => g.Key, g => (Plants: g.Sum(c => c.Plants), Area: g.Sum(c => c.AreaM2)));
        var routes = await db.Set<HotspotRoute>().AsNoTracking().Where(r => r.ProvinceCode == province && (r.Year == null || r.Year == year)).Select(r => r.Communes).ToListAsync(cancellationToken);
        var onRoute = routes.SelectMany(r => r.Split(',')).ToHashSet();
        var population = await db.CommunePopulations.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AsNoTracking()
            .Where(p => p.ProvinceCode == province && p.Year == year).ToDictionaryAsync(p => p.CommuneCode, p => p.Residents, cancellationToken);

        var existing = await db.CommuneClassifications.IgnoreQueryFilters([AppDbContext.UnitScopeFilter])
            .Where(c => c.ProvinceCode == province && c.Year == year).ToDictionaryAsync(c => c.CommuneCode, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var code in communes)
        {
            var (offenders, residentOffenders) = arrests.GetValueOrDefault(code);
            var (plantCount, area) = plantTotals.GetValueOrDefault(code);
            var (@class, snapshot) = CommuneClassifier.Classify(new CommuneFigures(population.TryGetValue(code, out var r) ? r : null, users.GetValueOrDefault(code), blockers.GetValueOrDefault(code),
                points.GetValueOrDefault(code), offenders, residentOffenders, plantCount, area, onRoute.Contains(code)));
            if (!existing.TryGetValue(code, out var row))
                db.CommuneClassifications.Add(row = new CommuneClassification { ProvinceCode = province!, CommuneCode = code, Year = year.Value });
            if (row.Status == "approved")
                continue;
            row.ComputedClass = @class;
            if (row.ManualReason is null)
                row.Class = @class;
            row.Criteria = JsonSerializer.Serialize(snapshot, Json);
            row.CriteriaVersion = CommuneClassifier.CriteriaVersion;
            row.ComputedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await ListAsync(province, year, cancellationToken);
    }

    public async Task<Result<IReadOnlyList<Row>>> ListAsync(string? province, int? year, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(province, year, cancellationToken);
        if (!check.Succeeded)
            return check.Failure;
        var rows = await db.CommuneClassifications.AsNoTracking().Where(c => c.ProvinceCode == province && c.Year == year).OrderBy(c => c.CommuneCode).ToListAsync(cancellationToken);
        var previous = await db.CommuneClassifications.AsNoTracking().Where(c => c.ProvinceCode == province && c.Year == year - 1 && c.Status == "approved")
            .ToDictionaryAsync(c => c.CommuneCode, c => c.Class, cancellationToken);
        var codes = rows.Select(r => r.CommuneCode).ToList();
        var names = await db.AdministrativeUnits.AsNoTracking().Where(u => codes.Contains(u.Code) && u.Level == UnitLevel.Commune).GroupBy(u => u.Code)
            .Select(g => new { g.Key, Name = g.First().Name }).ToDictionaryAsync(u => u.Key, u => u.Name, cancellationToken);
        return rows.Select(c => new Row(c.CommuneCode, names.GetValueOrDefault(c.CommuneCode, c.CommuneCode), c.Class, c.ComputedClass, JsonSerializer.Deserialize<CriteriaSnapshot>(c.Criteria, Json)!,
            c.Status, previous.GetValueOrDefault(c.CommuneCode), c.DecisionNumber, c.DecidedOn, c.ManualReason)).ToList();
    }

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
            errors["year"] = ["Năm đánh giá phải từ 2025 (QĐ 28/2025/QĐ-TTg) đến 2100."];
        if (province is null || !await db.AdministrativeUnits.AnyAsync(u => u.Code == province && u.Level == UnitLevel.Province && u.ValidTo == null, cancellationToken))
            errors["province"] = ["Mã tỉnh không đúng hoặc không còn hiệu lực."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        if (!user.SeesWholeInstallation && user.ProvinceCode != province)
            return new Failure.NotFound();
        return true;
    }
}
