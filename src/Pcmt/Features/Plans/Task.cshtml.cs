using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Plans;

/// <summary>Một nhiệm vụ: its history and evidence, and the progress form for the lead agency or the standing agency.</summary>
[Authorize(Permissions.ViewPlans)]
[RequestSizeLimit(60 * 1024 * 1024)]
public sealed class TaskModel(GetTask get, RecordProgress record, ConfirmTasks confirm, PlanScope scope) : PageModel
{
    public GetTask.Details Item { get; private set; } = null!;

    public Dictionary<string, string> Agencies { get; private set; } = [];

    public bool CanReport => scope.User.Can(Permissions.RecordTaskProgress) && (scope.ManagesPlans || scope.User.AgencyCode == Item.LeadAgency);

    public bool CanConfirm => scope.ManagesPlans;

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public DateOnly? ReportedOn { get; set; }

    [BindProperty]
    public decimal? Percent { get; set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        ReportedOn ??= scope.Today;
        Percent ??= Item.Percent;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, List<IFormFile>? files, CancellationToken cancellationToken)
    {
        if (!scope.User.Can(Permissions.RecordTaskProgress))
            return Forbid();
        var evidence = new List<RecordProgress.Evidence>();
        foreach (var file in files ?? [])
        {
            if (file.Length > RecordProgress.MaxFileBytes)
            {
                ModelState.AddModelError("", $"Tệp '{file.FileName}' lớn hơn 10 MB.");
                continue;
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            evidence.Add(new RecordProgress.Evidence(file.FileName, file.ContentType, buffer.ToArray()));
        }

        if (ModelState.ErrorCount == 0)
        {
            var result = await record.HandleAsync(id, new RecordProgress.Input(ReportedOn, Percent, Status, Note), evidence, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = "Đã ghi nhận báo cáo tiến độ.";
                return RedirectToPage(new { id });
            }

            if (result.Failure is Failure.NotFound)
                return NotFound();
            ModelState.AddFailure(result.Failure, prefix: "");
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken) =>
        ReviewAsync(id, async () => (await confirm.ApproveAsync(new ConfirmTasks.ApproveInput([id]), cancellationToken)).Failure, "Đã xác nhận hoàn thành nhiệm vụ.", cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken cancellationToken) =>
        ReviewAsync(id, async () => (await confirm.ReturnAsync(id, new ConfirmTasks.ReasonInput(Reason), cancellationToken)).Failure, "Đã trả lại kết quả; nhiệm vụ trở về đang thực hiện.", cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken cancellationToken) =>
        ReviewAsync(id, async () => (await confirm.ReopenAsync(id, new ConfirmTasks.ReasonInput(Reason), cancellationToken)).Failure, "Đã mở lại nhiệm vụ.", cancellationToken);

    private async Task<IActionResult> ReviewAsync(Guid id, Func<Task<Failure?>> step, string notice, CancellationToken cancellationToken)
    {
        if (!scope.ManagesPlans)
            return Forbid();
        var failure = await step();
        if (failure is null)
        {
            TempData["Notice"] = notice;
            return RedirectToPage(new { id });
        }

        if (failure is Failure.NotFound)
            return NotFound();
        ModelState.AddFailure(failure, prefix: "");
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetEvidenceAsync(Guid id, Guid file, CancellationToken cancellationToken) =>
        await get.EvidenceAsync(id, file, cancellationToken) is { } evidence ? File(evidence.Content, evidence.ContentType, evidence.FileName) : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await get.HandleAsync(id, cancellationToken) is not { } task)
            return false;
        Item = task;
        Agencies = await scope.AgencyNamesAsync(task.ProvinceCode, cancellationToken);
        return true;
    }
}
