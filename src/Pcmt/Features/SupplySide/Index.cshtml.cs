using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Pcmt.Features.Persons;

namespace Pcmt.Features.SupplySide;

/// <summary>Điểm, tụ điểm và diện tích trồng: lists of the area with the dates cleared/destroyed entered later; routes of the province.</summary>
[Authorize(Permissions.ViewSupplySide)]
public sealed class IndexModel(SupplyFollowUp follow, PersonForm form, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    public PagedList<SupplyFollowUp.HotspotRow>? Hotspots { get; private set; }

    public PagedList<SupplyFollowUp.CultivationRow>? Finds { get; private set; }

    public IReadOnlyList<SupplyFollowUp.RouteRow> Routes { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Communes { get; private set; } = [];

    public bool CanRecord => user.Can(Permissions.RecordSupplySide);

    public bool CanManageRoutes => user.Can(Permissions.ClassifyCommunes);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostClearAsync(Guid id, string? clearedOn, Guid? version, CancellationToken cancellationToken) =>
        await DoneAsync(await follow.PatchHotspotAsync(id, new SupplyFollowUp.HotspotPatch(clearedOn, null, null, null, version), cancellationToken), "Đã ghi nhận ngày triệt xóa.", cancellationToken);

    public async Task<IActionResult> OnPostDestroyAsync(Guid id, string? destroyedOn, Guid? version, CancellationToken cancellationToken) =>
        await DoneAsync(await follow.PatchCultivationAsync(id, new SupplyFollowUp.CultivationPatch(destroyedOn, null, null, null, version), cancellationToken), "Đã ghi nhận ngày triệt phá.", cancellationToken);

    private async Task<IActionResult> DoneAsync(Result<Guid> result, string notice, CancellationToken cancellationToken)
    {
        if (!CanRecord)
            return Forbid();
        if (result.Succeeded)
        {
            TempData["Notice"] = notice;
            return RedirectToPage(new { Commune });
        }

        ModelState.AddFailure(result.Failure, prefix: "");
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var commune = string.IsNullOrEmpty(Commune) ? null : Commune;
        Communes = await form.CommunesAsync(cancellationToken);
        Hotspots = (await follow.HotspotsAsync(commune, null, Paging.Clamped(1, 200), cancellationToken)).Value;
        Finds = (await follow.CultivationAsync(commune, null, Paging.Clamped(1, 200), cancellationToken)).Value;
        Routes = await follow.RoutesAsync(user, cancellationToken);
    }
}
