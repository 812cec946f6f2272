using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Pcmt.Features.Persons;

namespace Pcmt.Features.SupplySide;

/// <summary>Tuyến trọng điểm phức tạp về ma túy (QĐ 28/2025/QĐ-TTg Art 3): the province's routes and the form to declare one.</summary>
[Authorize(Permissions.ClassifyCommunes)]
public sealed class RoutesModel(SupplyFollowUp follow, PersonForm form, CurrentUser user) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Scope { get; set; } = "intra-provincial";

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public List<string> Communes { get; set; } = [];

    public IReadOnlyList<SupplyFollowUp.RouteRow> Routes { get; private set; } = [];

    public IReadOnlyList<SelectListItem> CommuneChoices { get; private set; } = [];

    public IReadOnlyDictionary<string, string> CommuneNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await follow.CreateRouteAsync(new SupplySideApi.RouteInput(user.ProvinceCode, Name, Scope, Communes, Year), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã khai báo tuyến.";
            return RedirectToPage();
        }

        ModelState.AddFailure(result.Failure, prefix: "");
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Routes = await follow.RoutesAsync(user, cancellationToken);
        CommuneChoices = await form.CommunesAsync(cancellationToken);
        CommuneNames = CommuneChoices.ToDictionary(c => c.Value, c => c.Text);
    }
}
