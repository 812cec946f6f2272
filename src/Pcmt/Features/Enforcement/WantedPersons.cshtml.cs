using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Pcmt.Features.Persons;

namespace Pcmt.Features.Enforcement;

/// <summary>Đối tượng truy nã lẩn trốn trên địa bàn (QĐ 28/2025 Art 6.2): list, record, end.</summary>
[Authorize(Permissions.ViewSupplySide)]
public sealed class WantedPersonsModel(WantedPersons register, PersonForm form, CurrentUser user) : PageModel
{
    [BindProperty]
    public WantedPersons.Input Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    public PagedList<WantedPersons.Row>? Rows { get; private set; }

    public IReadOnlyList<SelectListItem> Communes { get; private set; } = [];

    public bool CanRecord => user.Can(Permissions.RecordSupplySide);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanRecord)
            return Forbid();
        var result = await register.RecordAsync(Input, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã ghi nhận đối tượng truy nã lẩn trốn trên địa bàn.";
            return RedirectToPage();
        }

        ModelState.AddFailure(result.Failure);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, string? endedOn, Guid? version, CancellationToken cancellationToken)
    {
        if (!CanRecord)
            return Forbid();
        var result = await register.EndAsync(id, new WantedPersons.EndInput(endedOn, version), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã cập nhật.";
            return RedirectToPage();
        }

        ModelState.AddFailure(result.Failure, prefix: "");
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Communes = await form.CommunesAsync(cancellationToken);
        Rows = await register.ListAsync(string.IsNullOrEmpty(Commune) ? null : Commune, null, Paging.Clamped(1, 200), cancellationToken);
    }
}
