using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Reports;

/// <summary>Saves a draft (or returned) report's values and notes; a locked report or a stale version is a conflict.</summary>
public sealed class SaveReport(AppDbContext db, ReportAccess access, TimeProvider clock)
{
    public const decimal MaxNumber = 1_000_000_000_000m;

    public sealed record Input(Dictionary<string, JsonElement>? Values, Dictionary<string, string?>? Notes, Guid? Version);

    public async Task<Result<Guid>> HandleAsync(Guid id, Input input, CancellationToken ct)
    {
        if (!access.User.Can(Permissions.FillReports))
            return new Failure.Forbidden();
        var report = await access.Visible().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
            return new Failure.NotFound();
        if (!access.CanFill(report.ReporterKind, report.ReporterCode, report.ProvinceCode))
            return new Failure.Forbidden();
        if (ReviewFlow.CheckEdit(report, input.Version) is { } conflict)
            return conflict;
        var template = report.Definition;
        var errors = Validate(template, input.Values ?? [], input.Notes ?? []);
        if (errors.Count > 0)
            return new Failure.Invalid(errors);

        report.Values = JsonSerializer.Serialize((input.Values ?? []).Where(v => v.Value.ValueKind != JsonValueKind.Null).ToDictionary(), ReportJson.Options);
        if (input.Notes is not null)
            report.Notes = JsonSerializer.Serialize(input.Notes.Where(n => !string.IsNullOrWhiteSpace(n.Value)).ToDictionary(n => n.Key, n => n.Value!.Trim()), ReportJson.Options);
        ReviewFlow.Record(db, Report.SubjectType, report.Id.ToString(), ReviewFlow.Saved, null, access.User, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Failure.Conflict("Báo cáo đã được người khác thay đổi. Vui lòng tải lại trước khi lưu.");
        }

        return report.Version;
    }

    /// <summary>Each value must belong to the template and fit its type: numbers 0..10^12, texts up to 4,000 characters, tables of rows of the template's columns.</summary>
    public static Dictionary<string, string[]> Validate(ReportTemplate template, Dictionary<string, JsonElement> values, Dictionary<string, string?> notes)
    {
        var errors = new Dictionary<string, string[]>();
        if (values.Count > 2000)
            errors["values"] = ["Quá nhiều chỉ tiêu."];
        foreach (var (code, value) in values)
        {
            var field = template.Field(code);
            var key = $"values[{code}]";
            if (field is null)
            {
                errors[key] = [$"Mẫu báo cáo không có chỉ tiêu \"{code}\"."];
                continue;
            }

            if (value.ValueKind == JsonValueKind.Null)
                continue;
            switch (field.Type)
            {
                case FieldTypes.Number:
                    if (Report.Number(value) is not { } n || n < 0 || n > MaxNumber || decimal.Round(n, 4) != n)
                        errors[key] = [$"\"{field.Label}\": phải là số không âm, tối đa 1.000.000.000.000, tối đa 4 chữ số thập phân."];
                    break;
                case FieldTypes.Text:
                    if (value.ValueKind != JsonValueKind.String || value.GetString()!.Length > 4000)
                        errors[key] = [$"\"{field.Label}\": phải là văn bản, tối đa 4.000 ký tự."];
                    break;
                default:
                    var columns = field.Columns?.Count ?? 0;
                    var ok = value.ValueKind == JsonValueKind.Array && value.GetArrayLength() <= 500
                        && value.EnumerateArray().All(row => row.ValueKind == JsonValueKind.Array && row.GetArrayLength() == columns
                            && row.EnumerateArray().All(cell => cell.ValueKind == JsonValueKind.String && cell.GetString()!.Length <= 2000));
                    if (!ok)
                        errors[key] = [$"\"{field.Label}\": bảng gồm tối đa 500 dòng, mỗi dòng {columns} ô văn bản (tối đa 2.000 ký tự)."];
                    break;
            }
        }

        foreach (var (code, note) in notes)
        {
            if (template.Field(code) is null)
                errors[$"notes[{code}]"] = [$"Mẫu báo cáo không có chỉ tiêu \"{code}\"."];
            else if (note is { Length: > 1000 })
                errors[$"notes[{code}]"] = ["Ghi chú tối đa 1.000 ký tự."];
        }

        return errors;
    }
}
