using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;

namespace Pcmt.Features.Persons;

/// <summary>What the register and edit pages share: the commune choices of the user's area and the text fields that map to lists.</summary>
public sealed class PersonForm(AppDbContext db, CurrentUser user)
{
    public async Task<IReadOnlyList<SelectListItem>> CommunesAsync(CancellationToken cancellationToken)
    {
        var units = db.AdministrativeUnits.AsNoTracking().Current().Where(u => u.Level == UnitLevel.Commune);
        if (!user.SeesWholeInstallation)
            units = units.Where(u => u.ProvinceCode == user.ProvinceCode && (user.CommuneCode == null || u.Code == user.CommuneCode));
        return await units.OrderBy(u => u.SearchName).Take(500)
            .Select(u => new SelectListItem(u.Name + " (" + u.Code + ")", u.Code))
            .ToListAsync(cancellationToken);
    }

    public static IReadOnlyList<SelectListItem> Sexes { get; } = [new("Nam", "male"), new("Nữ", "female")];

    public static List<string> SplitAliases(string? text) =>
        (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
