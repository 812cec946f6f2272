using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Reports;

/// <summary>Mẫu báo cáo: the built-in templates and those a province added (latest version of each code).</summary>
public sealed partial class TemplateCatalog(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    public sealed record FieldInput(string? Code, string? Label, string? Type, bool Required, string? Binding, string? Unit, List<string>? Columns);

    public sealed record SectionInput(string? Title, List<FieldInput>? Fields);

    public sealed record Input(string? Code, string? Name, string? Frequency, string? ReporterKind, List<SectionInput>? Sections);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    private static partial Regex TemplateCode();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex FieldCode();

    public async Task<IReadOnlyList<ReportTemplate>> ListAsync(CancellationToken ct)
    {
        var custom = await Custom().ToListAsync(ct);
        var latest = custom.GroupBy(t => t.Code).Select(g => ReportTemplate.FromJson(g.OrderByDescending(t => t.Version).First().Definition));
        return [.. BuiltInTemplates.All, .. latest.OrderBy(t => t.Code)];
    }

    /// <summary>The latest version of a template the user may use.</summary>
    public async Task<ReportTemplate?> FindAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
            return null;
        if (BuiltInTemplates.Find(code) is { } builtIn)
            return builtIn;
        var definition = await Custom().Where(t => t.Code == code).OrderByDescending(t => t.Version).Select(t => t.Definition).FirstOrDefaultAsync(ct);
        return definition is null ? null : ReportTemplate.FromJson(definition);
    }

    /// <summary>Adds a province's template, or a new version of one: reports already created keep the version they were made with.</summary>
    public async Task<Result<ReportTemplate>> AddAsync(Input input, CancellationToken ct)
    {
        if (!user.Can(Permissions.ManageReportTemplates))
            return new Failure.Forbidden();
        if (user.ProvinceCode is null)
            return new Failure.Invalid("code", "Chỉ tài khoản cấp tỉnh thêm được mẫu báo cáo của tỉnh.");
        var errors = new Dictionary<string, string[]>();
        var code = input.Code?.Trim() ?? "";
        if (!TemplateCode().IsMatch(code))
            errors["code"] = ["Mã mẫu gồm 2–64 chữ thường không dấu, chữ số và dấu gạch ngang."];
        else if (BuiltInTemplates.Find(code) is not null)
            errors["code"] = ["Mã này là mẫu có sẵn của hệ thống; hãy chọn mã khác."];
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 300)
            errors["name"] = ["Vui lòng nhập tên mẫu (tối đa 300 ký tự)."];
        if (input.Frequency is null || !Frequencies.All.Contains(input.Frequency))
            errors["frequency"] = ["Kỳ báo cáo phải là month, quarter, half-year hoặc year."];
        if (input.ReporterKind is null || !ReporterKinds.All.Contains(input.ReporterKind))
            errors["reporterKind"] = ["Đơn vị báo cáo phải là commune, agency hoặc province."];
        var sections = new List<TemplateSection>();
        var codes = new HashSet<string>();
        if (input.Sections is not { Count: > 0 and <= 50 })
            errors["sections"] = ["Mẫu cần ít nhất một phần có chỉ tiêu (tối đa 50 phần)."];
        else
        {
            foreach (var (section, i) in input.Sections.Select((s, i) => (s, i)))
            {
                var fields = new List<TemplateField>();
                if (string.IsNullOrWhiteSpace(section.Title) || section.Title.Length > 300)
                    errors[$"sections[{i}].title"] = ["Vui lòng nhập tên phần (tối đa 300 ký tự)."];
                if (section.Fields is not { Count: > 0 and <= 500 })
                {
                    errors[$"sections[{i}].fields"] = ["Mỗi phần cần ít nhất một chỉ tiêu."];
                    continue;
                }

                foreach (var (f, j) in section.Fields.Select((f, j) => (f, j)))
                {
                    var key = $"sections[{i}].fields[{j}]";
                    var fieldCode = f.Code?.Trim() ?? "";
                    if (!FieldCode().IsMatch(fieldCode) || !codes.Add(fieldCode))
                        errors[key + ".code"] = ["Mã chỉ tiêu không hợp lệ hoặc bị trùng (chữ, số, dấu chấm, gạch)."];
                    if (string.IsNullOrWhiteSpace(f.Label) || f.Label.Length > 500)
                        errors[key + ".label"] = ["Vui lòng nhập tên chỉ tiêu (tối đa 500 ký tự)."];
                    var type = f.Type ?? FieldTypes.Number;
                    if (type is not (FieldTypes.Number or FieldTypes.Text or FieldTypes.Table))
                        errors[key + ".type"] = ["Kiểu chỉ tiêu phải là number, text hoặc table."];
                    var binding = string.IsNullOrWhiteSpace(f.Binding) ? null : f.Binding.Trim();
                    if (binding is not null && (type != FieldTypes.Number || !ReportFigures.IsKnown(binding)))
                        errors[key + ".binding"] = ["Số liệu hệ thống tính không tồn tại hoặc chỉ gắn được với chỉ tiêu kiểu số."];
                    var columns = f.Columns?.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
                    if (type == FieldTypes.Table && columns is not { Count: > 0 and <= 20 })
                        errors[key + ".columns"] = ["Bảng cần từ 1 đến 20 cột."];
                    fields.Add(new TemplateField(fieldCode, f.Label?.Trim() ?? "", type, f.Required, binding, f.Unit?.Trim() is { Length: > 0 and <= 30 } u ? u : null, null,
                        type == FieldTypes.Table ? columns : null));
                }

                sections.Add(new TemplateSection(section.Title?.Trim() ?? "", fields));
            }
        }

        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        var existing = await db.Set<CustomReportTemplate>().Where(t => t.Code == code).Select(t => new { t.ProvinceCode, t.Version }).ToListAsync(ct);
        if (existing.Any(t => t.ProvinceCode != user.ProvinceCode))
            return new Failure.Conflict("Mã mẫu này đã được tỉnh khác sử dụng.");
        var version = existing.Count == 0 ? 1 : existing.Max(t => t.Version) + 1;
        var template = new ReportTemplate(code, version, name, input.Frequency!, input.ReporterKind!, sections, user.ProvinceCode);
        db.Set<CustomReportTemplate>().Add(new CustomReportTemplate
        {
            Code = code,
            Version = version,
            ProvinceCode = user.ProvinceCode,
            Definition = template.ToJson(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.UserName,
        });
        await db.SaveChangesAsync(ct);
        return template;
    }

    private IQueryable<CustomReportTemplate> Custom() =>
        user.SeesWholeInstallation ? db.Set<CustomReportTemplate>().AsNoTracking()
        : db.Set<CustomReportTemplate>().AsNoTracking().Where(t => t.ProvinceCode == user.ProvinceCode);
}
