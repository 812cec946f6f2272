using Microsoft.AspNetCore.Mvc.Rendering;

namespace Pcmt.Features.Persons;

/// <summary>The model of the shared person fields partial.</summary>
public sealed record PersonFieldsModel(PersonInput Input, string? AliasesText, IReadOnlyList<SelectListItem> Communes, bool CanOverride)
{
    public IReadOnlyList<SelectListItem> Sexes => PersonForm.Sexes;
}
