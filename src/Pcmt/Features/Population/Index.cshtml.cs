using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Pcmt.Features.Persons;

namespace Pcmt.Features.Population;

/// <summary>Đối chiếu hàng loạt với CSDL quốc gia về dân cư: start a check of a commune and follow its progress.</summary>
[Authorize(Permissions.CheckPopulation)]
public sealed class IndexModel(PopulationBulkChecks queue, PersonForm form, CurrentUser user) : PageModel
{
    public IReadOnlyList<SelectListItem> Communes { get; private set; } = [];

    public IReadOnlyList<PopulationBulkChecks.Status> Jobs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Communes = await form.CommunesAsync(cancellationToken);
        Jobs = await queue.ListAsync(user, null, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string? commune, string? purpose, CancellationToken cancellationToken)
    {
        var result = await queue.EnqueueCommuneAsync(user, commune, purpose, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã đưa vào hàng đợi; tiến độ hiển thị dưới đây.";
            return RedirectToPage();
        }

        ModelState.AddFailure(result.Failure, prefix: "");
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
