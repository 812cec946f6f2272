using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Reports;

/// <summary>
/// Chỉ tiêu do báo cáo: the indicators PCMT cannot compute from its records (EQUIPPED-UNITS, MEDIA-COVERAGE, SCHOOL-EDUCATION,
/// WORKER-EDUCATION) take their numerator and denominator from the approved reports of the area and period whose template
/// fields are tagged for them (e.g. "SCHOOL-EDUCATION:numerator"), summed over the reporting agencies.
/// The caller (ComputeIndicator) has already checked that the area is within the user's scope.
/// </summary>
public sealed class ReportedIndicators(AppDbContext db)
{
    public sealed record Value(decimal? Numerator, decimal? Denominator, IReadOnlyList<string> Sources);

    public async Task<Value?> HandleAsync(string code, string? province, string? commune, string period, CancellationToken ct)
    {
        var reports = db.Set<Report>().AsNoTracking().Where(r => r.Status == ReviewStatuses.Approved && r.Period == period);
        reports = commune is not null ? reports.Where(r => r.CommuneCode == commune) : province is not null ? reports.Where(r => r.ProvinceCode == province) : reports;
        // Only reports whose template version tags a field for this indicator ("SCHOOL-EDUCATION:numerator") can contribute; the
        // versions are read once each, and the reports without their template copy (issue 19).
        var tagged = (await TemplateVersions.OfAsync(reports, ct))
            .Select(t => (t.Key, Fields: t.Value.Fields.Where(f => f.Indicator?.StartsWith(code + ":", StringComparison.Ordinal) == true).ToList()))
            .Where(t => t.Fields.Count > 0).ToDictionary(t => t.Key, t => t.Fields);
        if (tagged.Count == 0)
            return null;
        var codes = tagged.Keys.Select(k => k.Code).Distinct().ToList();
        var rows = await reports.Where(r => codes.Contains(r.TemplateCode)).OrderBy(r => r.ReporterCode)
            .Select(r => new { r.TemplateCode, r.TemplateVersion, r.Period, r.ReporterCode, r.Values }).ToListAsync(ct);
        decimal numerator = 0, denominator = 0;
        var sources = new List<string>();
        foreach (var report in rows)
        {
            if (!tagged.TryGetValue((report.TemplateCode, report.TemplateVersion), out var fields))
                continue;
            var values = TemplateVersions.Values(report.Values);
            var used = false;
            foreach (var field in fields)
            {
                if (!values.TryGetValue(field.Code, out var v) || Report.Number(v) is not { } n)
                    continue;
                used = true;
                if (field.Indicator!.EndsWith(":numerator", StringComparison.Ordinal))
                    numerator += n;
                else
                    denominator += n;
            }

            if (used)
                sources.Add($"{report.TemplateCode}/{report.Period}/{report.ReporterCode}");
        }

        return sources.Count == 0 ? null : new Value(numerator, denominator, sources);
    }
}
