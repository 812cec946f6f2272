using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Plans;

/// <summary>Nhập bảng nhiệm vụ: upload a plan's task table (.xlsx); any refused row refuses the file, with row-by-row reasons.</summary>
[Authorize(Permissions.ManagePlans)]
[RequestSizeLimit(10 * 1024 * 1024)]
public sealed class ImportModel(ImportTasks import, PlanScope scope) : PageModel
{
    public PlanOverview.Row Plan { get; private set; } = null!;

    public IReadOnlyList<ImportTasks.RowError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError("", "Vui lòng chọn tệp Excel (.xlsx) cần nhập.");
            return Page();
        }

        if (!upload.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || upload.Length > ImportTasks.MaxBytes)
        {
            ModelState.AddModelError("", "Chỉ nhận tệp Excel (.xlsx) không quá 5 MB.");
            return Page();
        }

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var result = await import.HandleAsync(id, buffer, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddFailure(result.Failure, prefix: "");
            return Page();
        }

        if (result.Value.Errors.Count > 0)
        {
            Errors = result.Value.Errors;
            return Page();
        }

        TempData["Notice"] = $"Đã nhập {result.Value.Imported} nhiệm vụ.";
        return RedirectToPage("Details", new { id });
    }

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken cancellationToken) =>
        File(await ImportTasks.TemplateAsync(cancellationToken), ExportTasks.ContentType, "mau-bang-nhiem-vu.xlsx");

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var plan = await scope.Plans().Where(p => p.Id == id)
            .Select(p => new PlanOverview.Row(p.Id, p.ProvinceCode, p.Title, p.DocumentNumber, p.IssuedOn, p.FromYear, p.ToYear, p.TotalBudgetVnd)).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
            return false;
        Plan = plan;
        return true;
    }
}
