using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.SupplySide;

/// <summary>Ghi nhận hoặc sửa một điểm, tụ điểm (?id= to edit, with the version read: a concurrent change is refused, not overwritten).</summary>
[Authorize(Permissions.RecordSupplySide)]
public sealed class HotspotModel(SupplyFollowUp follow, CurrentUser user) : PageModel
{
    public sealed class Form
    {
        public string? CommuneCode { get; set; }

        public string? Kind { get; set; }

        public string? DetectedOn { get; set; }

        public string? ClearedOn { get; set; }

        public string? Description { get; set; }

        public Guid? Version { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public Form Input { get; set; } = new();

    public string? CommuneName { get; private set; }

    public string? Province => user.ProvinceCode;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await follow.FindHotspotAsync(id, cancellationToken) is not { } h)
                return NotFound();
            CommuneName = h.CommuneName;
            Input = new Form { CommuneCode = h.CommuneCode, Kind = h.Kind, DetectedOn = Format.Date(h.DetectedOn), ClearedOn = h.ClearedOn is { } c ? Format.Date(c) : null, Description = h.Description, Version = h.Version };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = Id is { } id
            ? await follow.PatchHotspotAsync(id, new SupplyFollowUp.HotspotPatch(Blank(Input.ClearedOn), Input.Kind, Input.DetectedOn, Input.Description ?? "", Input.Version ?? Guid.Empty), cancellationToken)
            : await follow.CreateHotspotAsync(new SupplySideApi.HotspotInput(Input.CommuneCode, Input.Kind, Input.DetectedOn, Blank(Input.ClearedOn), Input.Description), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = Id is null ? "Đã ghi nhận điểm." : "Đã lưu thay đổi.";
            return RedirectToPage("Index");
        }

        if (result.Failure is Failure.NotFound)
            return NotFound();
        ModelState.AddFailure(result.Failure);
        if (Id is { } again)
            CommuneName = (await follow.FindHotspotAsync(again, cancellationToken))?.CommuneName;
        return Page();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
