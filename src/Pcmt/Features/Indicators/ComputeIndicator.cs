using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Classification;
using Pcmt.Features.Enforcement;
using Pcmt.Features.Facilities;
using Pcmt.Features.Lifecycle;
using Pcmt.Features.SupplySide;

namespace Pcmt.Features.Indicators;

/// <summary>
/// Giá trị chỉ tiêu: computed fresh from the records on every request (no nightly batch) for an area ("VN", a province, a
/// commune) and a period (2026, 2026H1, 2026Q3, 202608). Areas outside the caller's province are not found.
/// </summary>
public sealed partial class ComputeIndicator(ReadDbContext db, CurrentUser user, FacilityRegister facilities, Reports.ReportedIndicators reported)
{
    // Source: "computed" from the records, or "reports" with the approved reports (Reports) it was taken from; Previous and
    // ChangePercent compare with the same period of the previous year (case indicators).
    public sealed record Value(string Code, string Area, string Period, decimal? Amount, decimal? Numerator, decimal? Denominator, decimal? Target, string Unit, string? Note,
        decimal? Previous = null, decimal? ChangePercent = null, string Source = "computed", IReadOnlyList<string>? Reports = null);

    /// <summary>
    /// Yearly growth targets of the case indicators when the province sets none (% over the same period of the previous year):
    /// border, transnational +3 %, cyber +5 % (Lâm Đồng plan, 000 §II), cases +5 % (Bắc Kạn plan, 001).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, decimal> GrowthTargets = new Dictionary<string, decimal>
    {
        ["BORDER-CASES"] = 3,
        ["TRANSNATIONAL-CASES"] = 3,
        ["CYBER-CASES"] = 5,
        ["CASES-TREND"] = 5,
    };

    [GeneratedRegex(@"^(\d{4})(?:(H[12])|(Q[1-4])|(0[1-9]|1[0-2]))?$")]
    private static partial Regex PeriodPattern();

    public static (DateOnly From, DateOnly To, int Year)? ParsePeriod(string? period)
    {
        var match = PeriodPattern().Match(period ?? "");
        if (!match.Success)
            return null;
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
            return null;
        var (fromMonth, months) = match.Groups[2].Success ? (match.Groups[2].Value == "H1" ? 1 : 7, 6)
            : match.Groups[3].Success ? ((match.Groups[3].Value[1] - '1') * 3 + 1, 3)
            : match.Groups[4].Success ? (int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture), 1)
            : (1, 12);
        var from = new DateOnly(year, fromMonth, 1);
        return (from, from.AddMonths(months).AddDays(-1), year);
    }

    public async Task<Result<Value>> HandleAsync(string code, string? area, string? period, CancellationToken cancellationToken)
    {
        var indicator = IndicatorCatalog.Find(code);
        if (indicator is null)
            return new Failure.NotFound();
        var errors = new Dictionary<string, string[]>();
        var parsed = ParsePeriod(period);
        if (parsed is null)
            errors["period"] = ["Kỳ phải có dạng 2026 (năm), 2026H1 (6 tháng), 2026Q3 (quý) hoặc 202608 (tháng)."];
        area = string.IsNullOrWhiteSpace(area) ? "VN" : area.Trim();
        var level = area == "VN" ? (UnitLevel?)null : area.Length == 2 ? UnitLevel.Province : area.Length == 5 ? UnitLevel.Commune : (UnitLevel?)UnitLevel.District;
        if (level == UnitLevel.District || (level is not null && !await db.AdministrativeUnits.AnyAsync(u => u.Code == area && u.Level == level && u.ValidTo == null, cancellationToken)))
            errors["area"] = ["Địa bàn phải là VN, mã tỉnh (2 số) hoặc mã xã (5 số) hiện hành."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        var province = level switch
        {
            UnitLevel.Province => area,
            UnitLevel.Commune => await db.AdministrativeUnits.Where(u => u.Code == area && u.Level == UnitLevel.Commune && u.ValidTo == null).Select(u => u.ProvinceCode).FirstAsync(cancellationToken),
            _ => null,
        };
        if (!user.SeesWholeInstallation && (province is null || province != user.ProvinceCode))
            return new Failure.NotFound();
        var commune = level == UnitLevel.Commune ? area : null;

        var (from, to, year) = parsed!.Value;
        var target = await db.IndicatorTargets.AsNoTracking().Where(t => t.Code == code && t.Year == year && (t.AreaCode == area || t.AreaCode == province))
            .OrderBy(t => t.AreaCode == area ? 0 : 1).Select(t => (decimal?)t.Value).FirstOrDefaultAsync(cancellationToken);
        // Communication registers (Features/Community) win over the reports where they hold data for the area and period (ADR 0013).
        if (Community.CommunicationIndicators.Handles(code) && await Community.CommunicationIndicators.ComputeAsync(db, code, province, commune, from, to, cancellationToken) is { } fromRegisters)
        {
            var alsoReported = await reported.HandleAsync(code, province, commune, period!, cancellationToken);
            var note = fromRegisters.Note + (alsoReported is { Denominator: > 0 } r
                ? $" Báo cáo định kỳ đã phê duyệt cho kỳ này ghi {Math.Round(100m * r.Numerator!.Value / r.Denominator.Value, 2)}% nhưng không được dùng vì sổ có dữ liệu (ADR 0013)."
                : "");
            return new Value(code, area, period!, fromRegisters.Denominator > 0 ? Math.Round(100m * fromRegisters.Numerator / fromRegisters.Denominator, 2) : null,
                fromRegisters.Numerator, fromRegisters.Denominator, target, indicator.Unit, note, Source: "registers");
        }

        // Reported indicators (Features/Reports): from the approved reports of the area and period.
        if (indicator.Source is "reported" or "registers-or-reported" && await reported.HandleAsync(code, province, commune, period!, cancellationToken) is { } fromReports)
        {
            decimal? share = fromReports.Denominator > 0 ? Math.Round(100m * fromReports.Numerator!.Value / fromReports.Denominator.Value, 2) : null;
            return new Value(code, area, period!, share, fromReports.Numerator, fromReports.Denominator, target, indicator.Unit,
                $"Tổng hợp từ {fromReports.Sources.Count} báo cáo định kỳ đã phê duyệt.", Source: "reports", Reports: fromReports.Sources);
        }

        if (!indicator.Computable)
            return new Value(code, area, period!, null, null, null, target, indicator.Unit,
                indicator.Source is "reported" or "registers-or-reported" ? "Chỉ tiêu do cơ quan báo cáo định kỳ; chưa có báo cáo cho kỳ này" + (Community.CommunicationIndicators.Handles(code) ? " và sổ tuyên truyền, giáo dục chưa có dữ liệu của địa bàn, kỳ này." : ".") : "Cần sổ vụ án (chưa có trong hệ thống).");

        if (GrowthTargets.TryGetValue(code, out var growth))
        {
            // Counted against the same period of the previous year; the target is the growth in % the plan requires.
            var now = await CasesAsync(code, province, commune, from, to, cancellationToken);
            var before = await CasesAsync(code, province, commune, from.AddYears(-1), to.AddYears(-1), cancellationToken);
            return CaseValue(indicator, area, period!, target ?? growth, now, before);
        }

        var (numerator, denominator) = code switch
        {
            "DF-COMMUNE" => await DrugFreeAsync(province, commune, year, cancellationToken),
            "USERS-TREND" => (await PeopleOnListsAsync([LegalLists.Users, LegalLists.Addicted], province, commune, to, to, cancellationToken), (decimal?)null),
            "REGISTERED" => await RegisteredAsync(province, commune, from, to, cancellationToken),
            "HOTSPOT-CLEARED" => await HotspotsClearedAsync(province, commune, from, to, cancellationToken),
            "CULTIVATION-CLEARED" => await CultivationClearedAsync(province, commune, from, to, cancellationToken),
            "DETERMINATION-CAPABLE" => await DeterminationCapableAsync(province, commune, cancellationToken),
            "FACILITY-COMPLIANT" => await FacilityCompliantAsync(province, cancellationToken),
            "COUNSELLING-POINT" => await CounsellingPointAsync(province, commune, to, cancellationToken),
            "LEGAL-AID" => await LegalAidAsync(province, commune, from, to, cancellationToken),
            "SUPPORT-COVERAGE" => await CoverageAsync([LegalLists.Users, LegalLists.Addicted, LegalLists.InRehab, LegalLists.PostRehab], ["counselling", "medical-care", "psychological-care"], false, province, commune, from, to, cancellationToken),
            _ => await CoverageAsync([LegalLists.Addicted], ["counselling", "medical-care"], true, province, commune, from, to, cancellationToken),
        };
        return ComputedValue(indicator, area, period!, target, numerator, denominator);
    }

    /// <summary>A case indicator's value: the count of the period against the same period of the previous year.</summary>
    private static Value CaseValue(Indicator indicator, string area, string period, decimal target, decimal now, decimal before)
    {
        decimal? change = before > 0 ? Math.Round(100m * (now - before) / before, 2) : null;
        return new Value(indicator.Code, area, period, now, now, null, target, indicator.Unit,
            before == 0 ? "Cùng kỳ năm trước không có vụ nào; không tính được tỷ lệ thay đổi." : null, before, change);
    }

    /// <summary>A value computed from the records: the count itself, or the share in % of the numerator over the denominator.</summary>
    private static Value ComputedValue(Indicator indicator, string area, string period, decimal? target, decimal numerator, decimal? denominator)
    {
        decimal? amount = denominator is null ? numerator : denominator > 0 ? Math.Round(100m * numerator / denominator.Value, 2) : null;
        return new Value(indicator.Code, area, period, amount, numerator, denominator, target, indicator.Unit, denominator == 0 ? "Mẫu số bằng 0 trong kỳ." : null);
    }

    private static IQueryable<T> In<T>(IQueryable<T> query, string? province, string? commune) where T : IUnitScoped =>
        commune is not null ? query.Where(e => e.CommuneCode == commune) : province is not null ? query.Where(e => e.ProvinceCode == province) : query;

    /// <summary>Cases detected in the period (the scope filter applies) that the indicator counts.</summary>
    private async Task<decimal> CasesAsync(string code, string? province, string? commune, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var cases = In(db.Set<DrugCase>().AsNoTracking(), province, commune).Where(c => c.DetectedOn >= from && c.DetectedOn <= to);
        cases = code switch
        {
            "BORDER-CASES" => cases.Where(c => CaseRoutes.Border.Contains(c.Route)),
            // "Số vụ có tổ chức, xuyên quốc gia": the plan lists both kinds (comma), so a case that is either counts.
            "TRANSNATIONAL-CASES" => cases.Where(c => c.Organised || c.Transnational),
            "CYBER-CASES" => cases.Where(c => c.Route == CaseRoutes.Cyber),
            // Mua bán, tàng trữ, vận chuyển trái phép chất ma túy: BLHS 2015 Điều 249, 250, 251.
            _ => cases.Where(c => c.Offences.Contains("249") || c.Offences.Contains("250") || c.Offences.Contains("251")),
        };
        return await cases.CountAsync(ct);
    }

    private async Task<(decimal, decimal?)> DrugFreeAsync(string? province, string? commune, int year, CancellationToken ct)
    {
        var approved = In(db.CommuneClassifications.AsNoTracking(), province, commune).Where(c => c.Year == year && c.Status == "approved");
        var drugFree = await approved.CountAsync(c => c.Class == CommuneClasses.DrugFree, ct);
        var units = db.AdministrativeUnits.AsNoTracking().Where(u => u.Level == UnitLevel.Commune && u.ValidTo == null);
        units = commune is not null ? units.Where(u => u.Code == commune) : province is not null ? units.Where(u => u.ProvinceCode == province) : units;
        return (drugFree, await units.CountAsync(ct));
    }

    private async Task<decimal> PeopleOnListsAsync(string[] lists, string? province, string? commune, DateOnly from, DateOnly to, CancellationToken ct) =>
        await In(db.ListEntries.AsNoTracking(), province, commune)
            .Where(l => lists.Contains(l.List) && l.FromOn <= to && (l.ToOn == null || l.ToOn >= from)).Select(l => l.PersonId).Distinct().CountAsync(ct);

    private async Task<(decimal, decimal?)> RegisteredAsync(string? province, string? commune, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // Counted in SQL (issue 19: the person ids of the whole country's list rows were loaded and sent back).
        var managed = In(db.ListEntries.AsNoTracking(), province, commune).Where(l => l.FromOn <= to && (l.ToOn == null || l.ToOn >= from)).Select(l => l.PersonId).Distinct();
        var end = to.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var persons = In(db.Persons.AsNoTracking(), province, commune).Select(p => p.Id);
        // Known users: a positive test in the period, whether or not a measure followed.
        var positive = db.CaseRecords.AsNoTracking()
            .Where(r => r.Kind == CaseEventKinds.DrugTest && r.VoidedAt == null && r.OccurredAt >= start && r.OccurredAt <= end && r.Payload.Contains("\"result\":\"positive\"") && persons.Contains(r.PersonId))
            .Select(r => r.PersonId);
        return (await managed.CountAsync(ct), await managed.Union(positive).CountAsync(ct));
    }

    private async Task<(decimal, decimal?)> HotspotsClearedAsync(string? province, string? commune, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var existing = In(db.Set<Hotspot>().AsNoTracking(), province, commune).Where(h => h.DetectedOn <= to && (h.ClearedOn == null || h.ClearedOn >= from));
        return (await existing.CountAsync(h => h.ClearedOn != null && h.ClearedOn <= to, ct), await existing.CountAsync(ct));
    }

    private async Task<(decimal, decimal?)> CultivationClearedAsync(string? province, string? commune, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var finds = await In(db.Set<CultivationFind>().AsNoTracking(), province, commune).Where(c => c.FoundOn >= from && c.FoundOn <= to)
            .Select(c => new { c.AreaM2, c.Plants, c.DestroyedOn }).ToListAsync(ct);
        var byArea = finds.Sum(f => f.AreaM2) > 0;
        decimal Measure(decimal area, int plants) => byArea ? area : plants;
        return (finds.Where(f => f.DestroyedOn <= to).Sum(f => Measure(f.AreaM2, f.Plants)), finds.Sum(f => Measure(f.AreaM2, f.Plants)));
    }

    private async Task<(decimal, decimal?)> DeterminationCapableAsync(string? province, string? commune, CancellationToken ct)
    {
        var capable = db.Facilities.AsNoTracking().Where(f => f.Active && f.Kind == FacilityKinds.AddictionDetermination);
        capable = commune is not null ? capable.Where(f => f.CommuneCode == commune) : province is not null ? capable.Where(f => f.ProvinceCode == province) : capable;
        var units = db.AdministrativeUnits.AsNoTracking().Where(u => u.Level == UnitLevel.Commune && u.ValidTo == null);
        units = commune is not null ? units.Where(u => u.Code == commune) : province is not null ? units.Where(u => u.ProvinceCode == province) : units;
        return (await capable.Where(f => f.CommuneCode != null).Select(f => f.CommuneCode).Distinct().CountAsync(ct), await units.CountAsync(ct));
    }

    private async Task<(decimal, decimal?)> FacilityCompliantAsync(string? province, CancellationToken ct)
    {
        var rows = (await facilities.ListAsync(province, FacilityKinds.PublicRehab, ct)).Where(f => f.Active).ToList();
        return (rows.Count(f => !f.OverCapacity), rows.Count);
    }

    private async Task<(decimal, decimal?)> CounsellingPointAsync(string? province, string? commune, DateOnly at, CancellationToken ct)
    {
        var withAddicts = await In(db.ListEntries.AsNoTracking(), province, commune)
            .Where(l => l.List == LegalLists.Addicted && l.FromOn <= at && (l.ToOn == null || l.ToOn >= at)).Select(l => l.CommuneCode).Distinct().ToListAsync(ct);
        var points = await db.Facilities.AsNoTracking().Where(f => f.Active && f.Kind == FacilityKinds.CounsellingPoint && f.CommuneCode != null && withAddicts.Contains(f.CommuneCode))
            .Select(f => f.CommuneCode).Distinct().CountAsync(ct);
        return (points, withAddicts.Count);
    }

    private async Task<(decimal, decimal?)> LegalAidAsync(string? province, string? commune, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var services = db.SupportServices.AsNoTracking().Where(s => s.Kind == "legal-aid" && (s.RequestedOn ?? s.ProvidedOn) >= from && (s.RequestedOn ?? s.ProvidedOn) <= to);
        services = commune is not null ? services.Where(s => s.CommuneCode == commune) : province is not null ? services.Where(s => s.ProvinceCode == province) : services;
        return (await services.CountAsync(s => s.ProvidedOn != null, ct), await services.CountAsync(ct));
    }

    private async Task<(decimal, decimal?)> CoverageAsync(string[] lists, string[] kinds, bool countRehab, string? province, string? commune, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // Distinct persons counted in SQL, the people as a subquery (issue 19: their ids were loaded and sent back as a list).
        var people = In(db.ListEntries.AsNoTracking(), province, commune)
            .Where(l => lists.Contains(l.List) && l.FromOn <= to && (l.ToOn == null || l.ToOn >= from)).Select(l => l.PersonId);
        var served = db.SupportServices.AsNoTracking()
            .Where(s => kinds.Contains(s.Kind) && s.ProvidedOn >= from && s.ProvidedOn <= to && people.Contains(s.PersonId)).Select(s => s.PersonId);
        if (countRehab)
        {
            var treated = db.ListEntries.AsNoTracking().Where(l => l.List == LegalLists.InRehab && l.FromOn <= to && (l.ToOn == null || l.ToOn >= from) && people.Contains(l.PersonId))
                .Select(l => l.PersonId);
            served = served.Union(treated);
        }
        else
            served = served.Distinct();

        return (await served.CountAsync(ct), await people.Distinct().CountAsync(ct));
    }
}
