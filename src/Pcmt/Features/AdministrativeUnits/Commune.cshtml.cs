using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.AdministrativeUnits;

[Authorize(Permissions.ViewAdministrativeUnits)]
public sealed class CommuneModel(GetAdministrativeUnit get, ListPopulation population, SetPopulation set, CurrentUser user, TimeProvider clock) : PageModel
{
    public GetAdministrativeUnit.Details? Unit { get; private set; }

    /// <summary>Null when the commune is outside the user's area.</summary>
    public IReadOnlyList<ListPopulation.Row>? Population { get; private set; }

    public bool CanEdit { get; private set; }

    [BindProperty]
    [Display(Name = "Năm")]
    [Required(ErrorMessage = Messages.Required), Range(SetPopulation.MinYear, SetPopulation.MaxYear, ErrorMessage = Messages.Range)]
    public int? Year { get; set; }

    [BindProperty]
    public SetPopulation.Input Input { get; set; } = new();

    /// <summary>The version of the year shown when the form was opened; it guards only an edit of that same year.</summary>
    [BindProperty]
    public Guid? Version { get; set; }

    [BindProperty]
    public int? VersionYear { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
            return NotFound();
        Year = clock.GetUtcNow().Year;
        var existing = Population?.FirstOrDefault(p => p.Year == Year);
        Input = new SetPopulation.Input { Residents = existing?.Residents };
        Version = existing?.Version;
        VersionYear = Year;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await set.HandleAsync(code, Year!.Value, Input with { Version = VersionYear == Year ? Version : null }, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = $"Đã lưu dân số năm {Year}.";
                return RedirectToPage(new { code });
            }

            ModelState.AddFailure(result.Failure);
        }

        return await LoadAsync(code, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        Unit = await get.HandleAsync(code, cancellationToken);
        if (Unit is not { Level: "commune" })
            return false;
        Population = await population.HandleAsync(code, cancellationToken);
        CanEdit = Population is not null && user.Can(Permissions.EditPopulation);
        return true;
    }
}
