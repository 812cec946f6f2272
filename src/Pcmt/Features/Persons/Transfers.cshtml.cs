using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Persons;

[Authorize(Permissions.ViewPersons)]
public sealed class TransfersModel(TransferPerson transfers, CurrentUser user) : PageModel
{
    public IReadOnlyList<TransferPerson.Row> Rows { get; private set; } = [];

    public bool CanAccept(TransferPerson.Row row) =>
        user.Can(Permissions.RegisterPersons) && (user.SeesWholeInstallation || user.CommuneCode is null ? user.ProvinceCode is not null : user.CommuneCode == row.ToCommuneCode);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await transfers.ListAsync(false, cancellationToken);

    public async Task<IActionResult> OnPostAcceptAsync(long transferId, CancellationToken cancellationToken)
    {
        if (!user.Can(Permissions.RegisterPersons))
            return Forbid();
        var result = await transfers.AcceptAsync(transferId, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã tiếp nhận hồ sơ.";
            return RedirectToPage();
        }

        ModelState.AddFailure(result.Failure);
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
