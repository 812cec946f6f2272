using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Persons;
using Pcmt.Features.SupplySide;

namespace Pcmt.Features.Tips;

/// <summary>Xem và xử lý một tin tố giác: content (escaped), photos, routing to a commune, closing with an outcome.</summary>
[Authorize(Permissions.ViewTips)]
public sealed class DetailsModel(GetTip get, RouteTip route, CloseTip close, PersonForm form, AppDbContext db, CurrentUser user) : PageModel
{
    public GetTip.Details Tip { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Communes { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Hotspots { get; private set; } = [];

    public IReadOnlyDictionary<string, string> CommuneNames { get; private set; } = new Dictionary<string, string>();

    public bool CanRoute => user.Can(Permissions.RouteTips) && Tip.Status != TipStatuses.Closed;

    public bool CanClose => user.Can(Permissions.CloseTips) && Tip.Status != TipStatuses.Closed;

    [BindProperty]
    public string? CommuneCode { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public Guid? HotspotId { get; set; }

    [BindProperty]
    public string? CaseId { get; set; }

    [BindProperty]
    public string? DuplicateOf { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPhotoAsync(Guid id, Guid photoId, CancellationToken cancellationToken) =>
        await get.PhotoAsync(id, photoId, cancellationToken) is { } photo ? File(photo.Content, photo.ContentType) : NotFound();

    public async Task<IActionResult> OnPostRouteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!user.Can(Permissions.RouteTips))
            return Forbid();
        var result = await route.HandleAsync(id, new RouteTip.Input(CommuneCode), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã chuyển tin về xã/phường để xác minh.";
            return RedirectToPage(new { id });
        }

        ModelState.AddFailure(result.Failure, prefix: "");
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!user.Can(Permissions.CloseTips))
            return Forbid();
        Guid? caseId = null;
        if (!string.IsNullOrWhiteSpace(CaseId))
        {
            if (!Guid.TryParse(CaseId, out var parsed))
            {
                ModelState.AddModelError("CaseId", "Mã vụ án không đúng định dạng.");
                return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
            }

            caseId = parsed;
        }

        var result = await close.HandleAsync(id, new CloseTip.Input(Outcome, Note, HotspotId, caseId, null, DuplicateOf), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã ghi kết quả xác minh; người gửi tra cứu sẽ thấy tin đã xử lý.";
            return RedirectToPage(new { id });
        }

        ModelState.AddFailure(result.Failure, prefix: "");
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public string CommuneName(string? code) =>
        string.IsNullOrEmpty(code) ? "(chưa rõ)" : CommuneNames.TryGetValue(code, out var name) ? name : code;

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await get.HandleAsync(id, cancellationToken) is not { } tip)
            return false;
        Tip = tip;
        CommuneNames = await IndexModel.NamesAsync(db, [tip.RoutedCommuneCode, tip.ReportedCommuneCode, tip.ProvinceCode], cancellationToken);
        Communes = [.. (await form.CommunesAsync(cancellationToken)).Where(c => c.Value.Length == 5)];
        var commune = tip.RoutedCommuneCode ?? tip.ReportedCommuneCode;
        var hotspots = await db.Set<Hotspot>().AsNoTracking()
            .Where(h => h.ProvinceCode == tip.ProvinceCode && (commune == null || h.CommuneCode == commune))
            .OrderByDescending(h => h.DetectedOn).Take(100)
            .Select(h => new { h.Id, h.Kind, h.DetectedOn, h.ClearedOn, h.Description, h.CommuneCode })
            .ToListAsync(cancellationToken);
        Hotspots = [.. hotspots.Select(h => new SelectListItem(
            $"{(h.Kind == "harbouring-point" ? "Điểm chứa chấp" : "Đối tượng bán lẻ")} – phát hiện {Format.Date(h.DetectedOn)}{(h.ClearedOn is { } c ? ", triệt xóa " + Format.Date(c) : "")}{(h.Description is { } d ? " – " + d : "")}",
            h.Id.ToString()))];
        return true;
    }
}
