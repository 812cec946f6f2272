using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Persons;

/// <summary>Sửa hồ sơ: the form carries the version it was opened with; a stale save is refused with the reason, and the typed values stay on screen.</summary>
[Authorize(Permissions.RegisterPersons)]
public sealed class EditModel(GetPerson get, UpdatePerson update, PersonForm form, CurrentUser user) : PageModel
{
    [BindProperty]
    public UpdatePerson.Input Input { get; set; } = new();

    [BindProperty]
    public string? AliasesText { get; set; }

    public Guid Id { get; private set; }

    public PersonFieldsModel Fields { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await get.HandleAsync(id, "sửa hồ sơ", cancellationToken);
        if (person is null)
            return NotFound();

        Id = id;
        AliasesText = string.Join(", ", person.Aliases);
        Input = new UpdatePerson.Input
        {
            FullName = person.FullName,
            Aliases = [.. person.Aliases],
            DateOfBirth = BirthDate.TryParse(person.DateOfBirth, out var birth) ? birth.ToDisplay() : person.DateOfBirth,
            Sex = person.Sex,
            CitizenId = person.CitizenId,
            CitizenIdOverrideReason = person.CitizenIdOverrideReason,
            LegacyId = person.LegacyId,
            Phone = person.Phone,
            Ethnicity = person.Ethnicity,
            Occupation = person.Occupation,
            Education = person.Education,
            MaritalStatus = person.MaritalStatus,
            ResidenceCommuneCode = person.ResidenceCommuneCode,
            Address = person.Address,
            PermanentCommuneCode = person.Permanent.CommuneCode,
            PermanentAddress = person.Permanent.Address,
            TemporaryCommuneCode = person.Temporary.CommuneCode,
            TemporaryAddress = person.Temporary.Address,
            GuardianName = person.GuardianName,
            GuardianRelation = person.GuardianRelation,
            GuardianPhone = person.GuardianPhone,
            Substances = [.. person.Substances],
            Flags = [.. person.Flags],
            Version = person.Version,
        };
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        Input = Input with { Aliases = PersonForm.SplitAliases(AliasesText) };
        if (ModelState.IsValid)
        {
            var result = await update.HandleAsync(id, Input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = "Đã lưu hồ sơ.";
                return RedirectToPage("Details", new { id });
            }

            if (result.Failure is Failure.NotFound)
                return NotFound();
            ModelState.AddFailure(result.Failure);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Fields = new PersonFieldsModel(Input, AliasesText, await form.CommunesAsync(cancellationToken), user.Can(Permissions.OverrideCitizenIdCheck));
}
