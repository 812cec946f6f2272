using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Community;

/// <summary>Trường học, khu công nghiệp và cơ quan báo chí: the denominators of SCHOOL-EDUCATION, WORKER-EDUCATION, MEDIA-COVERAGE.</summary>
[Authorize(Permissions.ViewCommunication)]
public sealed class SitesModel(CommunicationRegister register, CurrentUser user) : PageModel
{
    [BindProperty]
    public CommunicationRegister.SiteInput Site { get; set; } = new();

    [BindProperty]
    public CommunicationRegister.OutletInput Outlet { get; set; } = new();

    public IReadOnlyList<CommunicationRegister.SiteRow> Sites { get; private set; } = [];

    public IReadOnlyList<CommunicationRegister.OutletRow> Outlets { get; private set; } = [];

    public bool CanRecord => user.Can(Permissions.RecordCommunication);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSiteAsync(CancellationToken cancellationToken)
    {
        if (!CanRecord)
            return Forbid();
        var result = await register.AddSiteAsync(Site, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã thêm vào sổ.";
            return RedirectToPage();
        }

        ModelState.AddFailure(result.Failure, prefix: "Site");
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostOutletAsync(CancellationToken cancellationToken)
    {
        if (!CanRecord)
            return Forbid();
        var result = await register.AddOutletAsync(Outlet, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã thêm cơ quan báo chí.";
            return RedirectToPage();
        }

        ModelState.AddFailure(result.Failure, prefix: "Outlet");
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Sites = await register.ListSitesAsync(null, null, cancellationToken);
        Outlets = await register.ListOutletsAsync(null, cancellationToken);
    }
}
