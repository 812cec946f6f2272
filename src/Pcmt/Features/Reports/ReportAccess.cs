using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;

namespace Pcmt.Features.Reports;

/// <summary>A reporter resolved from its code: a current commune, an agency of the register, or a province.</summary>
public sealed record Reporter(string Kind, string Code, string Name, string ProvinceCode, string? CommuneCode);

/// <summary>
/// Who sees, fills and reviews which report. Reports are not <see cref="IUnitScoped"/> because an agency's report has no
/// commune and department users have no province in their scope; every query goes through <see cref="Visible"/> instead.
/// Levels (reporting-regime.md §6; QĐ 127/2009/QĐ-TTg as amended): communes and agencies report to the provincial police,
/// which reviews them; the province's own report is approved by the provincial leadership (role viewer, province scope).
/// </summary>
public sealed class ReportAccess(AppDbContext db, CurrentUser user)
{
    public CurrentUser User => user;

    public IQueryable<Report> Visible()
    {
        var reports = db.Set<Report>().AsQueryable();
        if (user.SeesWholeInstallation)
            return reports;
        return user.ScopeKind switch
        {
            ScopeKind.Province => reports.Where(r => r.ProvinceCode == user.ProvinceCode),
            ScopeKind.Commune => reports.Where(r => r.ReporterKind == ReporterKinds.Commune && r.ReporterCode == user.CommuneCode),
            ScopeKind.Department => reports.Where(r => r.ReporterKind == ReporterKinds.Agency && r.ReporterCode == user.ScopeCode),
            _ => reports.Where(r => false),
        };
    }

    /// <summary>Whether the user fills this reporter's reports: its own commune or agency, or the provincial police for the province.</summary>
    public bool CanFill(string reporterKind, string reporterCode, string provinceCode) =>
        user.Can(Permissions.FillReports) && reporterKind switch
        {
            ReporterKinds.Commune => user.ScopeKind == ScopeKind.Commune && user.CommuneCode == reporterCode,
            ReporterKinds.Agency => user.ScopeKind == ScopeKind.Department && user.ScopeCode == reporterCode,
            _ => user.ScopeKind == ScopeKind.Province && user.ProvinceCode == provinceCode && user.Can(Permissions.ReviewReports),
        };

    /// <summary>Whether the user reviews (returns, approves, reopens) reports of this reporter level in the province.</summary>
    public bool CanReview(string reporterKind, string provinceCode) =>
        (user.SeesWholeInstallation || (user.ScopeKind == ScopeKind.Province && user.ProvinceCode == provinceCode))
        && (reporterKind == ReporterKinds.Province ? user.Can(Permissions.LeadReports) : user.Can(Permissions.ReviewReports));

    public bool ReviewsAnything => user.Can(Permissions.ReviewReports) || user.Can(Permissions.LeadReports);

    /// <summary>Whether the user sees the province's figures (completeness, consolidation, exports).</summary>
    public bool CoversProvince(string? province) =>
        province is not null && (user.SeesWholeInstallation || (user.ScopeKind == ScopeKind.Province && user.ProvinceCode == province));

    public async Task<Reporter?> ResolveAsync(string kind, string? code, CancellationToken ct)
    {
        code = code?.Trim();
        if (string.IsNullOrEmpty(code))
            return null;
        switch (kind)
        {
            case ReporterKinds.Commune:
                var commune = await db.AdministrativeUnits.AsNoTracking().Where(u => u.Code == code && u.Level == UnitLevel.Commune && u.ValidTo == null)
                    .Select(u => new { u.Name, u.ProvinceCode }).FirstOrDefaultAsync(ct);
                return commune is null ? null : new Reporter(kind, code, commune.Name, commune.ProvinceCode, code);
            case ReporterKinds.Province:
                var province = await db.AdministrativeUnits.AsNoTracking().Where(u => u.Code == code && u.Level == UnitLevel.Province && u.ValidTo == null)
                    .Select(u => u.Name).FirstOrDefaultAsync(ct);
                return province is null ? null : new Reporter(kind, code, province, code, null);
            default:
                var agency = await AgencyReporters.FindAsync(db, code, ct);
                return agency is null ? null : new Reporter(kind, code, agency.Value.Name, agency.Value.ProvinceCode, null);
        }
    }

    /// <summary>The reporters expected to report on a template in a province: its current communes, its agencies, or itself.</summary>
    public async Task<List<Reporter>> ExpectedAsync(string kind, string province, CancellationToken ct) => kind switch
    {
        ReporterKinds.Commune => await db.AdministrativeUnits.AsNoTracking().Where(u => (province == ReportCompleteness.National || u.ProvinceCode == province) && u.Level == UnitLevel.Commune && u.ValidTo == null)
            .OrderBy(u => u.Code).Select(u => new Reporter(ReporterKinds.Commune, u.Code, u.Name, u.ProvinceCode, u.Code)).ToListAsync(ct),
        ReporterKinds.Agency => province == ReportCompleteness.National
            ? await db.Agencies.AsNoTracking().OrderBy(a => a.Code).Select(a => new Reporter(ReporterKinds.Agency, a.Code, a.Name, a.ProvinceCode, null)).ToListAsync(ct)
            : (await AgencyReporters.InProvinceAsync(db, province, ct)).Select(a => new Reporter(ReporterKinds.Agency, a.Code, a.Name, province, null)).ToList(),
        _ => await db.AdministrativeUnits.AsNoTracking().Where(u => (province == ReportCompleteness.National || u.Code == province) && u.Level == UnitLevel.Province && u.ValidTo == null)
            .Select(u => new Reporter(ReporterKinds.Province, u.Code, u.Name, u.Code, null)).ToListAsync(ct),
    };

    /// <summary>Display names of reporters by code (communes, agencies, provinces).</summary>
    public async Task<Dictionary<string, string>> NamesAsync(IEnumerable<(string Kind, string Code)> reporters, CancellationToken ct)
    {
        var list = reporters.Distinct().ToList();
        var units = list.Where(r => r.Kind != ReporterKinds.Agency).Select(r => r.Code).ToList();
        var names = await db.AdministrativeUnits.AsNoTracking().Where(u => units.Contains(u.Code) && u.ValidTo == null).ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        // One query for every agency (was one per agency).
        var agencyCodes = list.Where(r => r.Kind == ReporterKinds.Agency).Select(r => r.Code).Distinct().ToList();
        if (agencyCodes.Count > 0)
        {
            var agencies = await db.Agencies.AsNoTracking().Where(a => agencyCodes.Contains(a.Code)).Select(a => new { a.Code, a.Name }).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
            foreach (var code in agencyCodes)
                names[code] = agencies.GetValueOrDefault(code, code);
        }

        return names;
    }
}
