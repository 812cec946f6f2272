using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Pcmt.Features.Reports;

/// <summary>Opens a reporter's report on a template for a period (draft), with its due date.</summary>
public sealed class CreateReport(AppDbContext db, ReportAccess access, TemplateCatalog templates, PlanPrefill prefill, IOptions<ReportingOptions> options, TimeProvider clock)
{
    public sealed record Input(string? Template, string? Period, string? Reporter);

    public sealed record Created(Guid Id, DateOnly DueOn);

    public async Task<Result<Created>> HandleAsync(Input input, CancellationToken ct)
    {
        if (!access.User.Can(Permissions.FillReports))
            return new Failure.Forbidden();
        var errors = new Dictionary<string, string[]>();
        var template = await templates.FindAsync(input.Template, ct);
        if (template is null)
            errors["template"] = ["Không có mẫu báo cáo này."];
        var period = ReportingPeriod.Parse(input.Period, options.Value.CutOffDay);
        if (period is null)
            errors["period"] = ["Kỳ phải có dạng 2026 (năm), 2026H1 (6 tháng), 2026Q3 (quý) hoặc 202608 (tháng)."];
        else if (template is not null && period.Frequency != template.Frequency)
            errors["period"] = [$"Mẫu này báo cáo theo kỳ \"{Frequencies.DisplayName(template.Frequency).ToLowerInvariant()}\"."];
        var reporter = template is null ? null : await access.ResolveAsync(template.ReporterKind, input.Reporter, ct);
        if (template is not null && reporter is null)
            errors["reporter"] = [$"Không tìm thấy đơn vị báo cáo ({ReporterKinds.DisplayName(template.ReporterKind).ToLowerInvariant()}) có mã này."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        if (!access.CanFill(reporter!.Kind, reporter.Code, reporter.ProvinceCode))
            return new Failure.Forbidden();

        var existing = await db.Set<Report>().Where(r => r.TemplateCode == template!.Code && r.Period == period!.Code && r.ReporterCode == reporter.Code).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (existing is not null)
            return Duplicate(existing.Value);

        var now = clock.GetUtcNow().UtcDateTime;
        var report = new Report
        {
            TemplateCode = template!.Code,
            TemplateVersion = template.Version,
            Template = template.ToJson(),
            Period = period!.Code,
            ReporterKind = reporter.Kind,
            ReporterCode = reporter.Code,
            ProvinceCode = reporter.ProvinceCode,
            CommuneCode = reporter.CommuneCode,
            DueOn = period.DueOn(options.Value, reporter.Kind),
            CreatedAt = now,
        };
        if (reporter.Kind == ReporterKinds.Agency)
        {
            // An agency reports on the tasks and budget the plan gave it: start from what the plan already knows.
            var rows = await prefill.ForAgencyAsync(template, period, reporter.Code, reporter.ProvinceCode, ct);
            if (rows.Count > 0)
                report.Values = JsonSerializer.Serialize(rows, ReportJson.Options);
        }

        db.Set<Report>().Add(report);
        ReviewFlow.Record(db, Report.SubjectType, report.Id.ToString(), ReviewFlow.Created, null, access.User, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var id = await db.Set<Report>().Where(r => r.TemplateCode == template.Code && r.Period == period.Code && r.ReporterCode == reporter.Code).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
            if (id is null)
                throw;
            return Duplicate(id.Value);
        }

        return new Created(report.Id, report.DueOn);
    }

    private static Failure.Conflict Duplicate(Guid id) =>
        new("Đơn vị đã có báo cáo theo mẫu này cho kỳ này.", new Dictionary<string, object?> { ["id"] = id });
}
