using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Plans;

namespace Pcmt.Features.Reports;

/// <summary>
/// Pre-fills an agency's report from the plan: its tasks with their progress at the period's cut-off (table D02) and its budget lines
/// of the period's year (table D04). The agency then edits the rows like any other value; nothing is recomputed after that unless
/// the agency asks for it again while the report is a draft.
/// </summary>
public sealed class PlanPrefill(AppDbContext db)
{
    public const string TasksField = "D02";
    public const string BudgetField = "D04";

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The pre-filled tables the template has room for (a custom template without D02/D04 of the same shape gets none).</summary>
    public async Task<Dictionary<string, JsonElement>> ForAgencyAsync(ReportTemplate template, ReportingPeriod period, string agency, string province, CancellationToken ct)
    {
        var result = new Dictionary<string, JsonElement>();
        if (Fits(template, TasksField, 7))
            result[TasksField] = JsonSerializer.SerializeToElement(await TaskRowsAsync(period, agency, province, ct), ReportJson.Options);
        if (Fits(template, BudgetField, 7))
            result[BudgetField] = JsonSerializer.SerializeToElement(await BudgetRowsAsync(period, agency, province, ct), ReportJson.Options);
        return result;
    }

    private static bool Fits(ReportTemplate template, string code, int columns) =>
        template.Field(code) is { Type: FieldTypes.Table } field && field.Columns?.Count == columns;

    /// <summary>
    /// The tasks the agency leads or supports that belong to the period: an occurrence of a recurring task when it falls due inside the
    /// period; a one-off task unless it was already done before the period began (a task due in 2030
    /// is reported every period until it is done). Progress is the last update dated on or before the cut-off.
    /// </summary>
    public async Task<List<string[]>> TaskRowsAsync(ReportingPeriod period, string agency, string province, CancellationToken ct)
    {
        var candidates = await db.PlanTasks.AsNoTracking()
            .Where(t => t.ProvinceCode == province && (t.LeadAgencyCode == agency || t.PartnerAgencyCodes.Contains(agency)))
            .Where(t => t.Recurrence == Recurrences.None || (t.DueOn >= period.From && t.DueOn <= period.To))
            .OrderBy(t => t.DueOn).ThenBy(t => t.CreatedAt)
            .Take(2000)
            .ToListAsync(ct);
        var tasks = candidates.Where(t => t.LeadAgencyCode == agency || t.Partners.Contains(agency)).ToList();
        var ids = tasks.Select(t => t.Id).ToList();
        var updates = await db.TaskProgress.AsNoTracking()
            .Where(p => ids.Contains(p.TaskId) && p.ReportedOn <= period.To)
            .Select(p => new { p.TaskId, p.ReportedOn, p.At, p.Percent, p.Status, p.Note })
            .ToListAsync(ct);
        var lastByTask = updates.GroupBy(p => p.TaskId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.ReportedOn).ThenBy(p => p.At).ToList());

        var rows = new List<string[]>();
        foreach (var task in tasks)
        {
            var history = lastByTask.GetValueOrDefault(task.Id) ?? [];
            var beforePeriod = history.LastOrDefault(p => p.ReportedOn < period.From);
            if (task.Recurrence == Recurrences.None && beforePeriod is { Status: TaskStatuses.Done })
                continue;
            var last = history.LastOrDefault();
            var status = last?.Status ?? TaskStatuses.NotStarted;
            var percent = last?.Percent ?? 0;
            var note = last is null ? "" : $"{last.Note} (cập nhật {last.ReportedOn.ToString("dd/MM/yyyy", Vi)})".TrimStart();
            rows.Add(
            [
                $"NV-{rows.Count + 1:00}",
                Cut(task.Title),
                task.LeadAgencyCode == agency ? "Chủ trì" : "Phối hợp",
                task.DueOn.ToString("dd/MM/yyyy", Vi),
                TaskStatuses.Names.GetValueOrDefault(status, status),
                percent.ToString(Vi),
                Cut(note),
            ]);
            if (rows.Count == 500)
                break;
        }

        return rows;
    }

    /// <summary>
    /// The agency's budget lines of the period's year: project, source, "Dự toán" and "Phân bổ" (the allocation of the year),
    /// "Giải ngân trong kỳ" (the dated disbursements inside the period; empty when the line has no dated disbursement),
    /// "Giải ngân lũy kế" (the running total) and the rate. Figures confirmed by the standing agency are preferred: a line being
    /// corrected after a confirmation reports its last confirmed figures; a line never confirmed reports its current figures and
    /// says so in the project column, so the reviewer sees which figures are unconfirmed.
    /// </summary>
    public async Task<List<string[]>> BudgetRowsAsync(ReportingPeriod period, string agency, string province, CancellationToken ct)
    {
        var lines = await db.BudgetLines.AsNoTracking()
            .Where(b => b.ProvinceCode == province && b.AgencyCode == agency && b.Year == period.Year)
            .OrderBy(b => b.ProjectCode).ThenBy(b => b.Source)
            .Take(500)
            .ToListAsync(ct);
        var planIds = lines.Select(b => b.PlanId).Distinct().ToList();
        var dated = await db.Set<BudgetDisbursement>().AsNoTracking()
            .Where(d => planIds.Contains(d.PlanId) && d.Year == period.Year)
            .Select(d => new { d.PlanId, d.ProjectCode, d.Source, d.On, d.AmountVnd })
            .ToListAsync(ct);
        var rows = new List<string[]>();
        foreach (var b in lines)
        {
            var figures = new ConfirmBudget.Figures(b.AllocatedVnd, b.DisbursedVnd,
                dated.Where(d => d.PlanId == b.PlanId && d.ProjectCode == b.ProjectCode && d.Source == b.Source).Select(d => new ConfirmBudget.Dated(d.On, d.AmountVnd)).ToList());
            var mark = "";
            if (b.Confirmation != ReviewStatuses.Approved)
            {
                var approved = await ReviewFlow.LastApprovedAsync(db, ConfirmBudget.SubjectType, ConfirmBudget.SubjectId(b), ct);
                if (approved is not null && JsonSerializer.Deserialize<ConfirmBudget.Figures>(approved, ReportJson.Options) is { } confirmed)
                {
                    figures = confirmed;
                    mark = " (số liệu đã xác nhận trước đây; đang được sửa lại)";
                }
                else
                {
                    mark = " (số liệu chưa được xác nhận)";
                }
            }

            var within = figures.Disbursements.Count == 0 ? ""
                : figures.Disbursements.Where(d => d.On >= period.From && d.On <= period.To).Sum(d => d.AmountVnd).ToString("N0", Vi);
            rows.Add(
            [
                (Projects.All.FirstOrDefault(p => p.Code == b.ProjectCode)?.Name ?? b.ProjectCode) + mark,
                BudgetSources.Names.GetValueOrDefault(b.Source, b.Source),
                figures.AllocatedVnd.ToString("N0", Vi),
                figures.AllocatedVnd.ToString("N0", Vi),
                within,
                figures.DisbursedVnd.ToString("N0", Vi),
                figures.AllocatedVnd > 0 ? (100m * figures.DisbursedVnd / figures.AllocatedVnd).ToString("0.#", Vi) : "",
            ]);
        }

        return rows;
    }

    private static string Cut(string text) => text.Length <= 2000 ? text : text[..1999] + "…";
}
