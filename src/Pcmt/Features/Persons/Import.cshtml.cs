using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Persons;

[Authorize(Permissions.RegisterPersons)]
[RequestSizeLimit(50 * 1024 * 1024)]
public sealed class ImportModel(ImportPersons import, AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    public ImportPersons.Outcome? Outcome { get; private set; }

    public Guid? RejectId { get; private set; }

    public string? DefaultCommune => user.CommuneCode;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, string? commune, bool importValid, CancellationToken cancellationToken)
    {
        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError("", "Vui lòng chọn tệp cần nhập.");
            return Page();
        }

        if (!upload.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) && !upload.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("", "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).");
            return Page();
        }

        await using var stream = upload.OpenReadStream();
        Outcome = await import.HandleAsync(stream, upload.FileName, new ImportPersons.Options(importValid, null, string.IsNullOrWhiteSpace(commune) ? null : commune.Trim()), null, cancellationToken);
        if (Outcome.RejectFile is not null)
        {
            var reject = new ImportReject { UserId = user.Id, FileName = Path.GetFileNameWithoutExtension(upload.FileName) + "-loi.xlsx", Content = Outcome.RejectFile, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.ImportRejects.Add(reject);
            await db.SaveChangesAsync(cancellationToken);
            RejectId = reject.Id;
        }

        return Page();
    }

    public async Task<IActionResult> OnGetRejectAsync(Guid id, CancellationToken cancellationToken) =>
        await db.ImportRejects.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.UserId == user.Id, cancellationToken) is { } reject
            ? File(reject.Content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", reject.FileName)
            : NotFound();
}
