using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Pcmt.Features.Reports;

/// <summary>
/// Tình hình báo cáo: for a template, period and province, who is expected to report, who submitted, was approved, is late or
/// missing; and the province's consolidation of the approved reports beside the registry, reporter by reporter.
/// </summary>
public sealed class ReportCompleteness(AppDbContext db, ReportAccess access, TemplateCatalog templates, ReportFigures figures, IOptions<ReportingOptions> options, TimeProvider clock)
{
    public sealed record ReporterRow(string Code, string Name, Guid? ReportId, string? Status, DateTime? SubmittedAt, bool Late);

    public sealed record Summary(string Template, string Period, string Province, DateOnly DueOn, int Expected, int Submitted, int Approved, int Late, IReadOnlyList<string> Missing, IReadOnlyList<ReporterRow> Reporters);

    public sealed record Difference(string Reporter, string ReporterName, string Field, string Label, decimal? Reported, decimal? Computed, string? Note);

    public sealed record Consolidation(string Template, string Period, string Province, int ApprovedReports, IReadOnlyList<(TemplateField Field, decimal Total)> Totals, IReadOnlyList<Difference> Differences);

    /// <summary>The area code of the whole country (as in the ADX export and the indicators).</summary>
    public const string National = "VN";

    private async Task<Result<(ReportTemplate Template, ReportingPeriod Period, string Province)>> CheckAsync(string? template, string? period, string? province, CancellationToken ct)
    {
        province = string.IsNullOrWhiteSpace(province) ? access.User.ProvinceCode : province.Trim();
        var errors = new Dictionary<string, string[]>();
        var found = await templates.FindAsync(template, ct);
        if (found is null)
            errors["template"] = ["Không có mẫu báo cáo này."];
        var parsed = ReportingPeriod.Parse(period, options.Value.CutOffDay);
        if (parsed is null)
            errors["period"] = ["Kỳ phải có dạng 2026, 2026H1, 2026Q3 hoặc 202608."];
        else if (found is not null && parsed.Frequency != found.Frequency)
            errors["period"] = [$"Mẫu này báo cáo theo kỳ \"{Frequencies.DisplayName(found.Frequency).ToLowerInvariant()}\"."];
        if (province is null)
            errors["province"] = ["Vui lòng chọn tỉnh."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        // "VN": the whole country's board, for users who see the whole installation (issue 19).
        if (!(province == National ? access.User.SeesWholeInstallation : access.CoversProvince(province)))
            return new Failure.NotFound();
        return (found!, parsed!, province!);
    }

    public async Task<Result<Summary>> HandleAsync(string? template, string? period, string? province, CancellationToken ct)
    {
        var checkedInput = await CheckAsync(template, period, province, ct);
        if (!checkedInput.Succeeded)
            return checkedInput.Failure;
        var (t, p, prov) = checkedInput.Value;
        var expected = await access.ExpectedAsync(t.ReporterKind, prov, ct);
        var reports = await db.Set<Report>().AsNoTracking().Where(r => r.TemplateCode == t.Code && r.Period == p.Code && (prov == National || r.ProvinceCode == prov))
            .Select(r => new { r.Id, r.ReporterCode, r.Status, r.SubmittedAt, r.DueOn }).ToListAsync(ct);
        var byReporter = reports.ToDictionary(r => r.ReporterCode);
        var dueOn = p.DueOn(options.Value, t.ReporterKind);
        var rows = expected.Select(e =>
        {
            var r = byReporter.GetValueOrDefault(e.Code);
            return new ReporterRow(e.Code, e.Name, r?.Id, r?.Status, r?.SubmittedAt, GetReport.IsLate(r?.SubmittedAt, r?.DueOn ?? dueOn, clock));
        }).ToList();
        bool Submitted(ReporterRow r) => r.Status is ReviewStatuses.Submitted or ReviewStatuses.Approved;
        return new Summary(t.Code, p.Code, prov, dueOn, rows.Count, rows.Count(Submitted), rows.Count(r => r.Status == ReviewStatuses.Approved),
            rows.Count(r => r.Late), rows.Where(r => !Submitted(r)).Select(r => r.Code).ToList(), rows);
    }

    /// <summary>Tổng hợp: sums the number fields of the approved reports; lists each bound field where a report and the registry disagree.</summary>
    public async Task<Result<Consolidation>> ConsolidateAsync(string? template, string? period, string? province, CancellationToken ct)
    {
        var checkedInput = await CheckAsync(template, period, province, ct);
        if (!checkedInput.Succeeded)
            return checkedInput.Failure;
        var (t, p, prov) = checkedInput.Value;
        if (prov == National)
            return new Failure.Invalid("province", "Tổng hợp báo cáo theo từng tỉnh; vui lòng chọn tỉnh.");
        var query = db.Set<Report>().AsNoTracking()
            .Where(r => r.TemplateCode == t.Code && r.Period == p.Code && r.ProvinceCode == prov && r.Status == ReviewStatuses.Approved);
        // Template versions are read once each, not with every report (issue 19).
        var versions = await TemplateVersions.OfAsync(query, ct);
        var approved = await query.OrderBy(r => r.ReporterCode).Select(r => new Report
        {
            Id = r.Id,
            TemplateCode = r.TemplateCode,
            TemplateVersion = r.TemplateVersion,
            Period = r.Period,
            ReporterKind = r.ReporterKind,
            ReporterCode = r.ReporterCode,
            ProvinceCode = r.ProvinceCode,
            CommuneCode = r.CommuneCode,
            Status = r.Status,
            Values = r.Values,
            Notes = r.Notes,
        }).ToListAsync(ct);
        var totals = t.Fields.Where(f => f.Type == FieldTypes.Number).ToDictionary(f => f.Code, _ => 0m);
        var differences = new List<Difference>();
        var names = await access.NamesAsync(approved.Select(r => (r.ReporterKind, r.ReporterCode)), ct);
        // The registry's figures of every approved commune come from one grouped query per figure (issue 19: one set of queries
        // per commune made a province's consolidation take seconds); each stored template version is parsed once.
        var computedByTemplate = new Dictionary<(string, int), Dictionary<string, Dictionary<string, decimal?>>>();
        var communes = approved.Where(r => r.ReporterKind == ReporterKinds.Commune && r.CommuneCode is not null).Select(r => r.CommuneCode!).Distinct().ToList();
        foreach (var report in approved)
        {
            var values = report.ValueMap;
            foreach (var (code, value) in values)
            {
                if (totals.ContainsKey(code) && Report.Number(value) is { } n)
                    totals[code] += n;
            }

            if (report.ReporterKind == ReporterKinds.Agency)
                continue;
            var version = (report.TemplateCode, report.TemplateVersion);
            var definition = versions[version];
            Dictionary<string, decimal?>? computed = null;
            if (report.ReporterKind == ReporterKinds.Commune && report.CommuneCode is { } commune)
            {
                if (!computedByTemplate.TryGetValue(version, out var byCommune))
                    computedByTemplate[version] = byCommune = await figures.ComputeForCommunesAsync(definition, p, report.ProvinceCode, communes, ct);
                computed = byCommune.GetValueOrDefault(commune);
            }

            computed ??= await figures.ComputeAsync(definition, p, report.ProvinceCode, report.CommuneCode, ct);
            var notes = report.NoteMap;
            foreach (var (code, figure) in computed)
            {
                var reported = values.TryGetValue(code, out var v) ? Report.Number(v) : null;
                if (reported != figure && figure is not null)
                    differences.Add(new Difference(report.ReporterCode, names.GetValueOrDefault(report.ReporterCode, report.ReporterCode), code, definition.Field(code)?.Label ?? code, reported, figure, notes.GetValueOrDefault(code)));
            }
        }

        return new Consolidation(t.Code, p.Code, prov, approved.Count, t.Fields.Where(f => totals.ContainsKey(f.Code)).Select(f => (f, totals[f.Code])).ToList(), differences);
    }

    /// <summary>Reporters' values of the approved reports as rows, for the workbook.</summary>
    public static Dictionary<string, object?> Row(Report report, string reporterName, ReportTemplate template)
    {
        var values = report.ValueMap;
        var row = new Dictionary<string, object?> { ["Mã đơn vị"] = report.ReporterCode, ["Đơn vị báo cáo"] = reporterName, ["Trạng thái"] = ReviewStatuses.DisplayName(report.Status) };
        foreach (var field in template.Fields)
            row[$"{field.Code} {field.Label}"] = values.TryGetValue(field.Code, out var v) ? v.ValueKind switch
            {
                JsonValueKind.Number => Report.Number(v),
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Array => string.Join("; ", v.EnumerateArray().Select(r => string.Join(" | ", r.EnumerateArray().Select(c => c.GetString())))),
                _ => null,
            } : null;
        return row;
    }
}
