using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Reports;

/// <summary>
/// Mẫu báo cáo: the templates and their fields; the provincial police add a template (or a new version) by writing its fields,
/// one per line: "mã | tên chỉ tiêu | number/text/table | bắt buộc (x) | số hệ thống tính | cột bảng;cột bảng", sections start with "#".
/// </summary>
[Authorize(Permissions.ViewAdministrativeUnits)]
public sealed class TemplatesModel(TemplateCatalog catalog, CurrentUser user) : PageModel
{
    public IReadOnlyList<ReportTemplate> Templates { get; private set; } = [];

    public bool CanManage => user.Can(Permissions.ManageReportTemplates);

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Frequency { get; set; }

    [BindProperty]
    public string? ReporterKind { get; set; }

    [BindProperty]
    public string? Definition { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Templates = await catalog.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanManage)
            return Forbid();
        var sections = new List<TemplateCatalog.SectionInput>();
        foreach (var line in (Definition ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                sections.Add(new TemplateCatalog.SectionInput(line.TrimStart('#').Trim(), []));
                continue;
            }

            if (sections.Count == 0)
                sections.Add(new TemplateCatalog.SectionInput("Nội dung", []));
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            string? Part(int i) => parts.Length > i && parts[i].Length > 0 ? parts[i] : null;
            sections[^1].Fields!.Add(new TemplateCatalog.FieldInput(Part(0), Part(1), Part(2) ?? FieldTypes.Number, Part(3) is "x" or "X", Part(4), null,
                Part(5)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()));
        }

        var result = await catalog.AddAsync(new TemplateCatalog.Input(Code, Name, Frequency, ReporterKind, sections), ct);
        if (!result.Succeeded)
        {
            ModelState.AddFailure(result.Failure, prefix: "");
            Templates = await catalog.ListAsync(ct);
            return Page();
        }

        TempData["Notice"] = $"Đã lưu mẫu {result.Value.Code}, phiên bản {result.Value.Version}.";
        return RedirectToPage();
    }
}
