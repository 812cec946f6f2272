using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Pcmt.Features.Persons;

/// <summary>Đăng ký đối tượng: likely duplicates are shown before anything is created; the officer confirms to go on.</summary>
[Authorize(Permissions.RegisterPersons)]
public sealed class RegisterModel(RegisterPerson register, PersonForm form, CurrentUser user) : PageModel
{
    [BindProperty]
    public RegisterPerson.Input Input { get; set; } = new();

    [BindProperty]
    public string? AliasesText { get; set; }

    public FindDuplicates.Outcome? Duplicates { get; private set; }

    public PersonFieldsModel Fields { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input = Input with { Aliases = PersonForm.SplitAliases(AliasesText) };
        if (ModelState.IsValid)
        {
            if (!Input.ConfirmedNotDuplicate)
            {
                var preview = await register.PreviewAsync(Input, cancellationToken);
                if (!preview.Succeeded)
                {
                    ModelState.AddFailure(preview.Failure);
                    await LoadAsync(cancellationToken);
                    return Page();
                }

                if (preview.Value.Visible.Count > 0 || preview.Value.Elsewhere > 0)
                {
                    Duplicates = preview.Value;
                    await LoadAsync(cancellationToken);
                    return Page();
                }
            }

            var result = await register.HandleAsync(Input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = $"Đã đăng ký đối tượng, mã hồ sơ {result.Value.FileCode}." + string.Concat(result.Value.Warnings.Select(w => " " + w));
                return RedirectToPage("Details", new { id = result.Value.Id });
            }

            ModelState.AddFailure(result.Failure);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<SelectListItem> communes = await form.CommunesAsync(cancellationToken);
        Fields = new PersonFieldsModel(Input, AliasesText, communes, user.Can(Permissions.OverrideCitizenIdCheck));
    }
}
