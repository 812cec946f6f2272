using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.SupplySide;

/// <summary>Ghi nhận hoặc sửa một vụ phát hiện trồng cây có chứa chất ma túy (?id= to edit, with the version read).</summary>
[Authorize(Permissions.RecordSupplySide)]
public sealed class CultivationModel(SupplyFollowUp follow, CurrentUser user) : PageModel
{
    public sealed class Form
    {
        public string? CommuneCode { get; set; }

        public string? FoundOn { get; set; }

        public int? Plants { get; set; }

        /// <summary>Typed as text: "1,5" and "1.5" both mean one and a half.</summary>
        public string? AreaM2 { get; set; }

        public string? DestroyedOn { get; set; }

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
            if (await follow.FindCultivationAsync(id, cancellationToken) is not { } c)
                return NotFound();
            CommuneName = c.CommuneName;
            Input = new Form
            {
                CommuneCode = c.CommuneCode,
                FoundOn = Format.Date(c.FoundOn),
                Plants = c.Plants,
                AreaM2 = c.AreaM2.ToString("0.##", Format.Vietnamese),
                DestroyedOn = c.DestroyedOn is { } d ? Format.Date(d) : null,
                Version = c.Version,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        decimal? area = null;
        if (!string.IsNullOrWhiteSpace(Input.AreaM2))
        {
            if (decimal.TryParse(Input.AreaM2.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var a))
                area = a;
            else
                ModelState.AddModelError("Input.AreaM2", "Diện tích phải là một số (ví dụ 150 hoặc 12,5).");
        }

        if (ModelState.IsValid)
        {
            var result = Id is { } id
                ? await follow.PatchCultivationAsync(id, new SupplyFollowUp.CultivationPatch(string.IsNullOrWhiteSpace(Input.DestroyedOn) ? null : Input.DestroyedOn, Input.FoundOn, Input.Plants ?? 0, area ?? 0,
                    Input.Version ?? Guid.Empty), cancellationToken)
                : await follow.CreateCultivationAsync(new SupplySideApi.CultivationInput(Input.CommuneCode, Input.FoundOn, Input.Plants, area, string.IsNullOrWhiteSpace(Input.DestroyedOn) ? null : Input.DestroyedOn), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = Id is null ? "Đã ghi nhận phát hiện trồng cây." : "Đã lưu thay đổi.";
                return RedirectToPage("Index");
            }

            if (result.Failure is Failure.NotFound)
                return NotFound();
            ModelState.AddFailure(result.Failure);
        }

        if (Id is { } again)
            CommuneName = (await follow.FindCultivationAsync(again, cancellationToken))?.CommuneName;
        return Page();
    }
}
