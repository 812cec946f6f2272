using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.LawfulActivities;

/// <summary>Một cơ sở: its licence, the inspections (team, findings, violations, penalties, follow-up) and the form to record one.</summary>
[Authorize(Permissions.ViewLawfulActivities)]
public sealed class DetailsModel(LawfulActivityRegister register, CurrentUser user) : PageModel
{
    public LawfulActivityRegister.Detail? Activity { get; private set; }

    public IReadOnlyDictionary<string, string> Agencies { get; private set; } = new Dictionary<string, string>();

    [BindProperty]
    public LawfulActivityRegister.InspectionInput Inspection { get; set; } = new();

    /// <summary>Typed as text: "1.500.000" (Vietnamese thousands) or "1500000".</summary>
    [BindProperty]
    public string? Penalty { get; set; }

    public bool CanRecord => user.Can(Permissions.ManageLawfulActivities);

    /// <summary>The "đã khắc phục" form of one inspection's follow-up (kept in this register, not a plan task).</summary>
    [BindProperty]
    public LawfulActivityRegister.FollowUpDoneInput FollowUpDone { get; set; } = new();

    /// <summary>The inspection whose follow-up form came back with errors (shown beside it, not in the inspection form).</summary>
    public Guid? FollowUpInspection { get; private set; }

    public IReadOnlyList<string> FollowUpErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInspectionAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanRecord)
            return Forbid();
        var penalty = (Penalty ?? "").Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim();
        if (penalty.Length > 0)
        {
            if (decimal.TryParse(penalty, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
                Inspection.PenaltyVnd = amount;
            else
                ModelState.AddModelError("Penalty", "Tiền phạt phải là số đồng (ví dụ 1.500.000).");
        }

        if (ModelState.IsValid)
        {
            var result = await register.AddInspectionAsync(id, Inspection, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = result.Value.TaskId is null ? "Đã ghi nhận kết quả kiểm tra." : "Đã ghi nhận kết quả kiểm tra và giao nhiệm vụ khắc phục cho cơ quan quản lý.";
                return RedirectToPage(new { id });
            }

            if (result.Failure is Failure.NotFound)
                return NotFound();
            ModelState.AddFailure(result.Failure, prefix: "Inspection");
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostFollowUpDoneAsync(Guid id, Guid inspectionId, CancellationToken cancellationToken)
    {
        if (!CanRecord)
            return Forbid();
        var result = await register.CompleteFollowUpAsync(id, inspectionId, FollowUpDone, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã ghi nhận yêu cầu khắc phục đã hoàn thành.";
            return RedirectToPage(new { id });
        }

        if (result.Failure is Failure.NotFound)
            return NotFound();
        var errors = new ModelStateDictionary();
        errors.AddFailure(result.Failure!, prefix: "FollowUpDone");
        FollowUpInspection = inspectionId;
        FollowUpErrors = errors.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList();
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Activity = await register.FindAsync(id, cancellationToken);
        if (Activity is null)
            return false;
        Agencies = await register.AgencyNamesAsync(Activity.Activity.ProvinceCode, cancellationToken);
        return true;
    }
}
