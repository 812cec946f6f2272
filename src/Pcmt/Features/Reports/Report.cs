using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmt.Features.Reports;

/// <summary>
/// Báo cáo định kỳ: one reporter's (a commune, an agency, the province) report on one template and period. It keeps the
/// template version it was created with; values and notes are JSON objects keyed by field code.
/// </summary>
public sealed class Report : IReviewable
{
    public const string SubjectType = "report";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string TemplateCode { get; set; } = "";

    public int TemplateVersion { get; set; }

    /// <summary>JSON of the <see cref="ReportTemplate"/> version this report was created with.</summary>
    public string Template { get; set; } = "";

    public string Period { get; set; } = "";

    public string ReporterKind { get; set; } = "";

    public string ReporterCode { get; set; } = "";

    public string ProvinceCode { get; set; } = "";

    /// <summary>The commune of a commune's report; null for agencies and the province.</summary>
    public string? CommuneCode { get; set; }

    public string Status { get; set; } = ReviewStatuses.Draft;

    public DateOnly DueOn { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The first submission (lateness is judged on it).</summary>
    public DateTime? SubmittedAt { get; set; }

    public DateTime? ApprovedAt { get; set; }

    public string Values { get; set; } = "{}";

    public string Notes { get; set; } = "{}";

    public Guid Version { get; set; }

    public string ReviewedData => Values;

    public ReportTemplate Definition => ParsedTemplates.Of(Template);

    public Dictionary<string, JsonElement> ValueMap => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Values, ReportJson.Options) ?? [];

    public Dictionary<string, string> NoteMap => JsonSerializer.Deserialize<Dictionary<string, string>>(Notes, ReportJson.Options) ?? [];

    public static decimal? Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) ? d : null;
}

/// <summary>
/// Parsed template versions by their JSON: every report carries a copy of its template (≈ 15 KB), and the consolidation, the
/// ADX export and the reported indicators read hundreds or thousands of reports of a handful of versions (issue 19). The parsed
/// definitions are immutable records, so one instance per version is shared; the cache is bounded.
/// </summary>
internal static class ParsedTemplates
{
    private const int MaxEntries = 256;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ReportTemplate> Parsed = new(StringComparer.Ordinal);

    public static ReportTemplate Of(string json)
    {
        if (Parsed.TryGetValue(json, out var template))
            return template;
        template = ReportTemplate.FromJson(json);
        if (Parsed.Count < MaxEntries)
            Parsed.TryAdd(json, template);
        return template;
    }
}

/// <summary>
/// The template versions of the reports a query selects, each parsed once from one of its reports. A version is immutable (a change
/// to a template is a new version), so (code, version) names the definition; reading the ≈ 15 KB compressed copy of every report
/// took PostgreSQL about a millisecond a report, the bulk of a national ADX export (issue 19).
/// </summary>
internal static class TemplateVersions
{
    public static async Task<Dictionary<(string Code, int Version), ReportTemplate>> OfAsync(IQueryable<Report> reports, CancellationToken ct)
    {
        var versions = await reports.Select(r => new { r.TemplateCode, r.TemplateVersion }).Distinct().ToListAsync(ct);
        var result = new Dictionary<(string, int), ReportTemplate>();
        foreach (var v in versions)
        {
            var json = await reports.Where(r => r.TemplateCode == v.TemplateCode && r.TemplateVersion == v.TemplateVersion).OrderBy(r => r.Id).Select(r => r.Template).FirstAsync(ct);
            result[(v.TemplateCode, v.TemplateVersion)] = ParsedTemplates.Of(json);
        }

        return result;
    }

    public static Dictionary<string, JsonElement> Values(string json) => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json, ReportJson.Options) ?? [];
}

public sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.ToTable("reports");
        builder.Property(r => r.TemplateCode).HasMaxLength(64);
        builder.Property(r => r.Period).HasMaxLength(10);
        builder.Property(r => r.ReporterKind).HasMaxLength(20);
        builder.Property(r => r.ReporterCode).HasMaxLength(64);
        builder.Property(r => r.ProvinceCode).HasMaxLength(2);
        builder.Property(r => r.CommuneCode).HasMaxLength(5);
        builder.Property(r => r.Status).HasMaxLength(20);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.ReviewedData);
        builder.Ignore(r => r.Definition);
        builder.Ignore(r => r.ValueMap);
        builder.Ignore(r => r.NoteMap);
        builder.HasIndex(r => new { r.TemplateCode, r.Period, r.ReporterCode }).IsUnique();
        builder.HasIndex(r => new { r.ProvinceCode, r.Period, r.Status });
    }
}
