using System.Text.Json;

namespace Pcmt.Features.Reports;

public static class ReportsApi
{
    public sealed record ReasonInput(string? Reason);

    public sealed record BulkInput(List<Guid>? Ids);

    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/report-templates").WithTags("Periodic reports");
        templates.MapGet("/", async (TemplateCatalog catalog, CancellationToken ct) =>
            {
                var items = await catalog.ListAsync(ct);
                return Results.Ok(new { items = items.Select(TemplateItem), total = items.Count });
            })
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Mẫu báo cáo định kỳ (có sẵn và do tỉnh thêm), với các chỉ tiêu và chỉ tiêu hệ thống tự tính.");
        templates.MapPost("/", async (TemplateCatalog catalog, TemplateCatalog.Input input, CancellationToken ct) =>
                (await catalog.AddAsync(input, ct)).ToHttpResult(t => TypedResults.Created($"/api/v1/report-templates/{t.Code}", new { code = t.Code, version = t.Version })))
            .RequireAuthorization(Permissions.ManageReportTemplates)
            .WithSummary("Thêm mẫu báo cáo của tỉnh, hoặc phiên bản mới của mẫu (báo cáo đã lập giữ phiên bản cũ).");

        var reports = api.MapGroup("/reports").WithTags("Periodic reports");
        reports.MapPost("/", async (CreateReport create, CreateReport.Input input, CancellationToken ct) =>
                (await create.HandleAsync(input, ct)).ToHttpResult(r => TypedResults.Created($"/api/v1/reports/{r.Id}", new { id = r.Id, dueOn = r.DueOn })))
            .RequireAuthorization(Permissions.FillReports)
            .WithSummary("Lập báo cáo của một đơn vị (mã xã, mã cơ quan hoặc mã tỉnh) cho một kỳ; 409 nếu đã có.");
        reports.MapGet("/", async (ListReports list, string? template, string? period, string? status, string? reporter, string? province, CancellationToken ct) =>
                (await list.HandleAsync(new ListReports.Filter(template, period, status, reporter, province), ct)).ToHttpResult(rows => TypedResults.Ok(new
                {
                    items = rows.Select(r => new { id = r.Id, template = r.Template, period = r.Period, reporter = r.Reporter, reporterName = r.ReporterName, status = r.Status, dueOn = r.DueOn, submittedAt = r.SubmittedAt, late = r.Late }),
                    total = rows.Count,
                })))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Báo cáo trong phạm vi của người dùng (xã: của xã mình; sở, ngành: của mình; tỉnh: cả tỉnh).");
        reports.MapGet("/completeness", async (ReportCompleteness completeness, string? template, string? period, string? province, CancellationToken ct) =>
                (await completeness.HandleAsync(template, period, province, ct)).ToHttpResult(s => TypedResults.Ok(new
                {
                    template = s.Template,
                    period = s.Period,
                    province = s.Province,
                    dueOn = s.DueOn,
                    expected = s.Expected,
                    submitted = s.Submitted,
                    approved = s.Approved,
                    late = s.Late,
                    missing = s.Missing,
                })))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Tình hình nộp báo cáo theo mẫu, kỳ và tỉnh: số đơn vị phải báo cáo, đã gửi, đã duyệt, trễ hạn, còn thiếu.");
        reports.MapGet("/consolidation", async (ReportCompleteness completeness, string? template, string? period, string? province, CancellationToken ct) =>
                (await completeness.ConsolidateAsync(template, period, province, ct)).ToHttpResult(c => TypedResults.Ok(new
                {
                    template = c.Template,
                    period = c.Period,
                    province = c.Province,
                    approvedReports = c.ApprovedReports,
                    totals = c.Totals.ToDictionary(t => t.Field.Code, t => t.Total),
                    differences = c.Differences.Select(d => new { reporter = d.Reporter, reporterName = d.ReporterName, field = d.Field, label = d.Label, reported = d.Reported, computed = d.Computed, note = d.Note }),
                })))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Tổng hợp các báo cáo đã duyệt của tỉnh, và từng đơn vị có số báo cáo khác số hệ thống.");
        reports.MapPost("/approve", async (ReviewReport review, BulkInput input, CancellationToken ct) =>
                (await review.ApproveManyAsync(input.Ids, ct)).ToHttpResult(r => TypedResults.Ok(new { approved = r.Approved, failed = r.Failed.Select(f => new { id = f.Id, reason = f.Reason }) })))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Phê duyệt nhiều báo cáo một lần.");
        reports.MapGet("/{id:guid}", async (GetReport get, Guid id, CancellationToken ct) =>
                await get.HandleAsync(id, ct) is { } view ? Results.Ok(ReportBody(view)) : Problems.NotFound())
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Một báo cáo: giá trị báo cáo, số hệ thống tính, cùng kỳ năm trước, lịch sử xử lý.");
        reports.MapPut("/{id:guid}", async (SaveReport save, Guid id, SaveReport.Input input, CancellationToken ct) =>
                (await save.HandleAsync(id, input, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Permissions.FillReports)
            .WithSummary("Lưu giá trị và ghi chú; 409 khi báo cáo đã gửi, đã duyệt hoặc version đã cũ.");
        reports.MapPost("/{id:guid}/submit", async (ReviewReport review, Guid id, CancellationToken ct) =>
                (await review.SubmitAsync(id, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Permissions.FillReports)
            .WithSummary("Gửi báo cáo; 400 khi thiếu chỉ tiêu bắt buộc hoặc số báo cáo khác số hệ thống mà không có ghi chú.");
        reports.MapPost("/{id:guid}/return", async (ReviewReport review, Guid id, ReasonInput input, CancellationToken ct) =>
                (await review.ReturnAsync(id, input.Reason, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Trả lại báo cáo kèm lý do (Công an tỉnh với báo cáo của xã, sở, ngành; lãnh đạo tỉnh với báo cáo của tỉnh).");
        reports.MapPost("/{id:guid}/approve", async (ReviewReport review, Guid id, CancellationToken ct) =>
                (await review.ApproveAsync(id, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Phê duyệt; báo cáo đã duyệt bị khóa.");
        reports.MapPost("/{id:guid}/reopen", async (ReviewReport review, Guid id, ReasonInput input, CancellationToken ct) =>
                (await review.ReopenAsync(id, input.Reason, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Mở lại báo cáo đã duyệt để sửa (người phê duyệt, kèm lý do); bản đã duyệt được giữ trong lịch sử.");
        reports.MapGet("/{id:guid}/xlsx", async (GetReport get, Guid id, CancellationToken ct) =>
                await get.HandleAsync(id, ct) is { } view
                    ? Results.File(ReportWorkbook.Build(view), ReportWorkbook.ContentType, $"bao-cao-{view.Report.TemplateCode}-{view.Report.Period}-{view.Report.ReporterCode}.xlsx")
                    : Problems.NotFound())
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Số liệu của một báo cáo (.xlsx): chỉ tiêu, giá trị báo cáo, số hệ thống, cùng kỳ, ghi chú.");
        reports.MapAnnualReportApi();
    }

    /// <summary>Báo cáo năm của tỉnh as PDF or .docx.</summary>
    public static void MapAnnualReportApi(this RouteGroupBuilder reports) =>
        reports.MapGet("/annual", async (AnnualReport annual, string? province, int? year, string? format, CancellationToken ct) =>
            {
                if (format is not (null or "pdf" or "docx"))
                    return Problems.Validation("format", "Định dạng phải là pdf hoặc docx.");
                var content = await annual.HandleAsync(province, year, ct);
                if (!content.Succeeded)
                    return content.Failure.ToHttpResult();
                var name = $"bao-cao-nam-{content.Value.Year}-{content.Value.ProvinceCode}";
                return format == "docx"
                    ? Results.File(AnnualReportDocx.Build(content.Value), AnnualReportDocx.ContentType, name + ".docx")
                    : Results.File(AnnualReportPdf.Build(content.Value), "application/pdf", name + ".pdf");
            })
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Báo cáo năm của tỉnh (PDF hoặc .docx): số liệu so với cùng kỳ, biểu đồ, phân loại xã, tình hình báo cáo, nhiệm vụ và kinh phí.");

    private static object TemplateItem(ReportTemplate t) => new
    {
        code = t.Code,
        version = t.Version,
        name = t.Name,
        frequency = t.Frequency,
        reporterKind = t.ReporterKind,
        builtIn = t.BuiltIn,
        fields = t.Sections.SelectMany(s => s.Fields.Select(f => new
        {
            code = f.Code,
            label = f.Label,
            type = f.Type,
            computed = f.Binding is not null,
            required = f.Required,
            unit = f.Unit,
            section = s.Title,
            binding = f.Binding,
            columns = f.Columns,
        })),
    };

    public static object ReportBody(GetReport.View v) => new
    {
        id = v.Report.Id,
        template = v.Report.TemplateCode,
        templateVersion = v.Report.TemplateVersion,
        templateName = v.Template.Name,
        period = v.Report.Period,
        periodFrom = v.Period.From,
        periodTo = v.Period.To,
        reporter = v.Report.ReporterCode,
        reporterKind = v.Report.ReporterKind,
        reporterName = v.ReporterName,
        status = v.Report.Status,
        dueOn = v.Report.DueOn,
        submittedAt = v.Report.SubmittedAt,
        approvedAt = v.Report.ApprovedAt,
        late = v.Late,
        values = v.Values,
        notes = v.Notes,
        computed = v.Computed,
        differences = v.Differences,
        samePeriodLastYear = v.SamePeriodLastYear,
        changedSinceApproval = v.ChangedSinceApproval,
        history = v.History.Select(h => new { at = h.At, userName = h.UserName, action = h.Action, reason = h.Reason }),
        version = v.Report.Version,
    };

    internal static JsonElement? Value(GetReport.View v, string code) => v.Values.TryGetValue(code, out var value) ? value : null;
}

public static class ExchangeApi
{
    public static void MapExchangeApi(this RouteGroupBuilder api)
    {
        var exchange = api.MapGroup("/exchange").WithTags("Periodic reports");
        // Streamed as it is written (issue 19); the checks answer 400/404 before the first byte.
        exchange.MapGet("/adx", (AdxExchange adx, string? period, string? area, CancellationToken ct) =>
                adx.CheckExport(period, area).ToHttpResult(export => Results.Stream(output => adx.WriteAsync(export, output, ct), AdxExchange.ContentType + "; charset=utf-8")))
            .RequireAuthorization(Permissions.ExchangeReports)
            .WithSummary("Tài liệu ADX 1.0 (application/adx+xml) gồm số liệu các báo cáo đã duyệt và các chỉ tiêu hệ thống tính của địa bàn và kỳ.");
        exchange.MapPost("/adx", async (AdxExchange adx, HttpRequest request, CancellationToken ct) =>
                (await adx.ImportAsync(request.Body, ct)).ToHttpResult(s => TypedResults.Ok(new
                {
                    created = s.Created,
                    updated = s.Updated,
                    skipped = s.Skipped.Select(i => new { orgUnit = i.OrgUnit, dataSet = i.DataSet, period = i.Period, reason = i.Reason }),
                })))
            .RequireAuthorization(Permissions.ExchangeReports)
            .WithSummary("Nhập tài liệu ADX 1.0 cùng cấu trúc vào báo cáo nháp (báo cáo đã gửi hoặc đã duyệt không bị ghi đè).");
    }
}
