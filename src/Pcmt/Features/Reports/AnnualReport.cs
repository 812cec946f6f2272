using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pcmt.Features.Classification;

namespace Pcmt.Features.Reports;

/// <summary>
/// Báo cáo năm của tỉnh: the province's yearly report (template province-year) with each figure beside "cùng kỳ" (the previous
/// year, ± %), the classification summary, the communes' reporting and the agencies' task and budget execution; rendered
/// as PDF (<see cref="AnnualReportPdf"/>) and .docx (<see cref="AnnualReportDocx"/>).
/// </summary>
public sealed class AnnualReport(AppDbContext db, ReportAccess access, ReportFigures figures, IOptions<ReportingOptions> options)
{
    public sealed record Figure(string Code, string Label, string Unit, decimal? Value, decimal? LastYear)
    {
        public decimal? ChangePercent => Value is { } v && LastYear is { } l && l != 0 ? Math.Round(100m * (v - l) / l, 1) : null;
    }

    public sealed record Section(string Title, IReadOnlyList<Figure> Figures, IReadOnlyList<string> Texts);

    public sealed record Content(
        string ProvinceCode,
        string ProvinceName,
        int Year,
        string Status,
        IReadOnlyList<Section> Sections,
        IReadOnlyList<(string Class, int Communes)> Classification,
        (int Expected, int Submitted, int Approved) CommuneReports,
        IReadOnlyList<IReadOnlyList<string>> Tasks,
        IReadOnlyList<IReadOnlyList<string>> Budget);

    public async Task<Result<Content>> HandleAsync(string? province, int? year, CancellationToken ct)
    {
        province = string.IsNullOrWhiteSpace(province) ? access.User.ProvinceCode : province.Trim();
        if (year is not (>= 2000 and <= 2100))
            return new Failure.Invalid("year", "Năm không hợp lệ.");
        if (!access.CoversProvince(province))
            return new Failure.NotFound();
        var reporter = await access.ResolveAsync(ReporterKinds.Province, province, ct);
        if (reporter is null)
            return new Failure.NotFound();

        var period = ReportingPeriod.Parse(year.Value.ToString(CultureInfo.InvariantCulture), options.Value.CutOffDay)!;
        var previous = ReportingPeriod.Parse((year.Value - 1).ToString(CultureInfo.InvariantCulture), options.Value.CutOffDay)!;
        var report = await db.Set<Report>().AsNoTracking().FirstOrDefaultAsync(r => r.TemplateCode == BuiltInTemplates.ProvinceYear && r.Period == period.Code && r.ReporterCode == province, ct);
        var lastReport = await db.Set<Report>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.TemplateCode == BuiltInTemplates.ProvinceYear && r.Period == previous.Code && r.ReporterCode == province && r.Status == ReviewStatuses.Approved, ct);
        var template = report?.Definition ?? BuiltInTemplates.Province;
        var computed = await figures.ComputeAsync(template, period, province!, null, ct);
        var computedLast = await figures.ComputeAsync(template, previous, province!, null, ct);
        var values = report?.ValueMap ?? [];
        var lastValues = lastReport?.ValueMap ?? [];

        decimal? Pick(Dictionary<string, JsonElement> reported, Dictionary<string, decimal?> registry, string code) =>
            reported.TryGetValue(code, out var v) && Report.Number(v) is { } n ? n : registry.GetValueOrDefault(code);

        var sections = template.Sections.Select(s => new Section(
            s.Title,
            s.Fields.Where(f => f.Type == FieldTypes.Number && (f.Code.Split('.').Length < 3 || f.Code.Contains(".SEX.", StringComparison.Ordinal) || f.Code.Contains(".AGE13.", StringComparison.Ordinal)))
                .Select(f => new Figure(f.Code, f.Label, f.Unit ?? "", Pick(values, computed, f.Code), Pick(lastValues, computedLast, f.Code))).ToList(),
            s.Fields.Where(f => f.Type == FieldTypes.Text && values.TryGetValue(f.Code, out var t) && t.ValueKind == JsonValueKind.String)
                .Select(f => $"{f.Label}: {values[f.Code].GetString()}").ToList())).ToList();

        var classes = await db.CommuneClassifications.AsNoTracking().Where(c => c.ProvinceCode == province && c.Year == year)
            .GroupBy(c => c.Class).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var classification = CommuneClasses.All.Select(c => (c, classes.FirstOrDefault(x => x.Key == c)?.Count ?? 0)).ToList();

        var communes = (await access.ExpectedAsync(ReporterKinds.Commune, province!, ct)).Count;
        var halves = new[] { $"{year}H1", $"{year}H2" };
        var communeReports = await db.Set<Report>().AsNoTracking().Where(r => r.TemplateCode == BuiltInTemplates.CommuneHalfYear && halves.Contains(r.Period) && r.ProvinceCode == province)
            .Select(r => r.Status).ToListAsync(ct);

        var agencyReports = await db.Set<Report>().AsNoTracking()
            .Where(r => r.TemplateCode == BuiltInTemplates.AgencyYear && r.Period == period.Code && r.ProvinceCode == province && r.Status == ReviewStatuses.Approved)
            .OrderBy(r => r.ReporterCode).ToListAsync(ct);
        var names = await access.NamesAsync(agencyReports.Select(r => (r.ReporterKind, r.ReporterCode)), ct);
        List<IReadOnlyList<string>> Rows(string field) => agencyReports.SelectMany(r => r.ValueMap.TryGetValue(field, out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Select(row => (IReadOnlyList<string>)[names.GetValueOrDefault(r.ReporterCode, r.ReporterCode), .. row.EnumerateArray().Select(c => c.GetString() ?? "")])
            : []).ToList();

        return new Content(province!, reporter.Name, year.Value, report?.Status ?? "none", sections, classification,
            (communes * 2, communeReports.Count(s => s is ReviewStatuses.Submitted or ReviewStatuses.Approved), communeReports.Count(s => s == ReviewStatuses.Approved)),
            Rows("D02"), Rows("D04"));
    }

    public static string Number(decimal? value) => value is { } v ? v.ToString(v == decimal.Truncate(v) ? "N0" : "N2", Format.Vietnamese) : "–";

    public static string Change(decimal? percent) => percent is { } p ? (p > 0 ? "+" : "") + p.ToString("N1", Format.Vietnamese) + "%" : "–";

    public static string StatusText(string status) => status == "none" ? "chưa lập báo cáo; số liệu do hệ thống tính" : ReviewStatuses.DisplayName(status).ToLowerInvariant();
}
