using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.LawfulActivities;

/// <summary>Ghi nhận hoặc sửa một cơ sở (?id= to edit, with the version read: a concurrent change is refused, not overwritten).</summary>
[Authorize(Permissions.ManageLawfulActivities)]
public sealed class EditModel(LawfulActivityRegister register, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public LawfulActivityRegister.Input Input { get; set; } = new();

    public IReadOnlyDictionary<string, string> Agencies { get; private set; } = new Dictionary<string, string>();

    public string? Province => user.ProvinceCode;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await register.FindAsync(id, cancellationToken) is not { } detail)
                return NotFound();
            var a = detail.Activity;
            Input = new LawfulActivityRegister.Input
            {
                CommuneCode = a.CommuneCode,
                Name = a.Name,
                Kind = a.Kind,
                Sector = a.Sector,
                ResponsibleAgency = a.ResponsibleAgency,
                LicenceNumber = a.LicenceNumber,
                LicenceDate = a.LicenceDate is { } d ? Format.Date(d) : null,
                LicenceIssuer = a.LicenceIssuer,
                Substances = a.Substances,
                Address = a.Address,
                Version = a.Version,
            };
        }
        else
        {
            Input.ResponsibleAgency = user.AgencyCode;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = Id is { } id ? await register.UpdateAsync(id, Input, cancellationToken) : await register.CreateAsync(Input, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = Id is null ? "Đã ghi nhận cơ sở." : "Đã lưu thay đổi.";
            return RedirectToPage("Details", new { id = Id ?? result.Value });
        }

        if (result.Failure is Failure.NotFound)
            return NotFound();
        ModelState.AddFailure(result.Failure);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Agencies = user.ProvinceCode is { } province ? await register.AgencyNamesAsync(province, cancellationToken) : new Dictionary<string, string>();
}
