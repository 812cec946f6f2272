using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pcmt.Infrastructure.Uploads;

namespace Pcmt.Features.Persons;

/// <summary>Nhập danh sách: the upload is queued and runs in the background as this user; the page shows its progress until the result.</summary>
[Authorize(Permissions.RegisterPersons)]
[RequestSizeLimit(50 * 1024 * 1024 + 64 * 1024)] // UploadLimits.Table plus the form's other fields
public sealed class ImportModel(BackgroundImports imports, ImportRejectFiles rejects, Population.PopulationBulkChecks populationChecks, CurrentUser user) : PageModel
{
    public sealed record ErrorRow(int Row, string Message);

    [BindProperty(SupportsGet = true)]
    public Guid? Job { get; set; }

    public BackgroundImports.Status? Status { get; private set; }

    public bool InProgress => Status?.State is ImportJob.QueuedStatus or ImportJob.RunningStatus;

    public int Percent => Status is { Total: > 0 } s ? Math.Min(100, s.Done * 100 / s.Total) : 0;

    public string? DefaultCommune => user.CommuneCode;

    /// <summary>The template to fill in: the column headings the importer recognises, on row 1.</summary>
    public IActionResult OnGetTemplate() => File(ExcelForm.Template("Danh sách đối tượng",
        [
            new("Họ và tên", 28), new("Tên gọi khác", 18), new("Ngày sinh", 13), new("Giới tính", 10), new("Số định danh", 16), new("Số CMND", 13),
            new("Số điện thoại", 14), new("Dân tộc", 10), new("Nghề nghiệp", 16), new("Mã xã", 9), new("Địa chỉ", 30), new("Chất sử dụng", 20),
        ]), ExcelForm.ContentType, "mau-nhap-danh-sach-doi-tuong.xlsx");

    /// <summary>The picker offers the communes of the officer's province only.</summary>
    public string? ProvinceFilter => user.ProvinceCode;

    public int Rows => Number("rows");

    public int Imported => Number("imported");

    public int Refused => Number("refused");

    public int PossibleDuplicates => Number("possibleDuplicates");

    public string? Error => Status?.Result is { } r && r.TryGetProperty("error", out var e) ? e.GetString() : null;

    public IReadOnlyList<string> UnmappedColumns => Status?.Result is { } r && r.TryGetProperty("unmappedColumns", out var c) ? c.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];

    public IReadOnlyList<ErrorRow> Errors => Status?.Result is { } r && r.TryGetProperty("errors", out var e)
        ? e.EnumerateArray().Select(x => new ErrorRow(x.GetProperty("row").GetInt32(), x.GetProperty("message").GetString() ?? "")).ToList()
        : [];

    /// <summary>The bulk population check of the persons this import created, when one was queued (issue 16).</summary>
    public Guid? PopulationCheckId => Status?.Result is { } r && r.TryGetProperty("populationCheckId", out var v) && v.ValueKind == JsonValueKind.String ? v.GetGuid() : null;

    public IReadOnlyList<Guid> PersonIds => Status?.Result is { } r && r.TryGetProperty("personIds", out var v) && v.ValueKind == JsonValueKind.Array
        ? v.EnumerateArray().Select(x => x.GetGuid()).ToList()
        : [];

    public bool CanCheckPopulation => user.Can(Permissions.CheckPopulation);

    /// <summary>Starts the bulk population check of exactly the persons this import created, when it was not queued automatically.</summary>
    public async Task<IActionResult> OnPostCheckPopulationAsync(CancellationToken cancellationToken)
    {
        if (!CanCheckPopulation)
            return Forbid();
        Status = Job is { } id ? await imports.StatusAsync(id, user, cancellationToken) : null;
        if (Status is null)
            return NotFound();
        var result = await populationChecks.EnqueuePersonsAsync(user, PersonIds, Status.FileName, null, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã đưa các hồ sơ vừa nhập vào hàng đợi đối chiếu; tiến độ hiển thị dưới đây.";
            return RedirectToPage("/Population/Index", new { job = result.Value });
        }

        ModelState.AddFailure(result.Failure, prefix: "");
        return Page();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Job is { } id)
        {
            Status = await imports.StatusAsync(id, user, cancellationToken);
            if (Status is null)
                return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, string? commune, bool importValid, CancellationToken cancellationToken)
    {
        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError("", "Vui lòng chọn tệp cần nhập.");
            return Page();
        }

        using var buffer = new MemoryStream();
        try
        {
            // The same limits as the API, checked now so the user hears at once; the background import checks again.
            var format = UploadEndpoints.Accept(upload, UploadLimits.Table);
            await upload.CopyToAsync(buffer, cancellationToken);
            UploadGuard.Check(buffer, format, UploadLimits.Table);
        }
        catch (UploadRejectedException rejected)
        {
            foreach (var message in rejected.Errors.OrderBy(e => e.Key == "file" ? 0 : 1).SelectMany(e => e.Value))
                ModelState.AddModelError("", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var job = await imports.EnqueueAsync(user, upload.FileName, buffer.ToArray(), importValid, string.IsNullOrWhiteSpace(commune) ? null : commune.Trim(), cancellationToken);
        return RedirectToPage(new { job });
    }

    public async Task<IActionResult> OnGetRejectAsync(Guid id, CancellationToken cancellationToken) =>
        await rejects.FindAsync(id, user.Id, cancellationToken) is { } reject
            ? File(reject.Content, ImportRejectFiles.ContentType, reject.FileName)
            : NotFound();

    private int Number(string name) => Status?.Result is { } r && r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
}
