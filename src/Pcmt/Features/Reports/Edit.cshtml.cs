using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Reports;

/// <summary>
/// One report: the reporter fills it (save draft, submit) beside PCMT's figures and "cùng kỳ"; the reviewer compares it with
/// the registry, returns it with a reason, approves it or reopens it; the history shows every step.
/// </summary>
[Authorize(Permissions.ViewAdministrativeUnits)]
public sealed class EditModel(GetReport get, SaveReport save, ReviewReport review) : PageModel
{
    public GetReport.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var view = await get.HandleAsync(id, ct);
        if (view is null)
            return NotFound();
        View = view;
        return Page();
    }

    public string Display(TemplateField field)
    {
        if (!View.Values.TryGetValue(field.Code, out var value))
            return "";
        return value.ValueKind switch
        {
            JsonValueKind.Number => Report.Number(value)!.Value.ToString("#,##0.####", Format.Vietnamese),
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Array => string.Join("\n", value.EnumerateArray().Select(r => string.Join(" | ", r.EnumerateArray().Select(c => c.GetString())))),
            _ => "",
        };
    }

    public static string Number(decimal? value) => value is { } v ? v.ToString("#,##0.####", Format.Vietnamese) : "";

    public async Task<IActionResult> OnPostSaveAsync(Guid id, Guid version, CancellationToken ct) => await SaveAsync(id, version, submit: false, ct);

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, Guid version, CancellationToken ct) => await SaveAsync(id, version, submit: true, ct);

    public async Task<IActionResult> OnPostReturnAsync(Guid id, string? reason, CancellationToken ct) =>
        await AfterAsync(id, await review.ReturnAsync(id, reason, ct), "Đã trả lại báo cáo.", ct);

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await review.ApproveAsync(id, ct), "Đã phê duyệt báo cáo.", ct);

    public async Task<IActionResult> OnPostReopenAsync(Guid id, string? reason, CancellationToken ct) =>
        await AfterAsync(id, await review.ReopenAsync(id, reason, ct), "Đã mở lại báo cáo để sửa.", ct);

    public async Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken ct)
    {
        var view = await get.HandleAsync(id, ct);
        return view is null ? NotFound() : File(ReportWorkbook.Build(view), ReportWorkbook.ContentType, $"bao-cao-{view.Report.TemplateCode}-{view.Report.Period}-{view.Report.ReporterCode}.xlsx");
    }

    private async Task<IActionResult> SaveAsync(Guid id, Guid version, bool submit, CancellationToken ct)
    {
        var view = await get.HandleAsync(id, ct);
        if (view is null)
            return NotFound();
        View = view;
        var values = new Dictionary<string, JsonElement>();
        var notes = new Dictionary<string, string?>();
        foreach (var field in view.Template.Fields)
        {
            var raw = Request.Form[$"v[{field.Code}]"].ToString().Trim();
            var note = Request.Form[$"n[{field.Code}]"].ToString();
            if (!string.IsNullOrWhiteSpace(note))
                notes[field.Code] = note;
            if (raw.Length == 0)
                continue;
            switch (field.Type)
            {
                case FieldTypes.Number:
                    if (decimal.TryParse(raw, NumberStyles.Number, Format.Vietnamese, out var number))
                        values[field.Code] = JsonSerializer.SerializeToElement(number);
                    else
                        ModelState.AddModelError("", $"\"{field.Label}\": \"{raw}\" không phải là số.");
                    break;
                case FieldTypes.Text:
                    values[field.Code] = JsonSerializer.SerializeToElement(raw);
                    break;
                default:
                    var columns = field.Columns?.Count ?? 1;
                    var rows = raw.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(line => line.Split('|', StringSplitOptions.TrimEntries).Concat(Enumerable.Repeat("", columns)).Take(Math.Max(columns, line.Split('|').Length)).ToArray()).ToList();
                    values[field.Code] = JsonSerializer.SerializeToElement(rows);
                    break;
            }
        }

        if (!ModelState.IsValid)
            return Page();
        var saved = await save.HandleAsync(id, new SaveReport.Input(values, notes, version), ct);
        if (!saved.Succeeded)
        {
            ModelState.AddFailure(saved.Failure, prefix: "");
            return Page();
        }

        if (!submit)
        {
            TempData["Notice"] = "Đã lưu nháp.";
            return RedirectToPage(new { id });
        }

        return await AfterAsync(id, await review.SubmitAsync(id, ct), "Đã gửi báo cáo.", ct);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Result<bool> result, string notice, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            TempData["Notice"] = notice;
            return RedirectToPage(new { id });
        }

        var view = await get.HandleAsync(id, ct);
        if (view is null)
            return NotFound();
        View = view;
        ModelState.AddFailure(result.Failure, prefix: "");
        return Page();
    }
}
