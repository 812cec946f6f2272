using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.AdministrativeUnits;

public static class AdministrativeUnitQueries
{
    /// <summary>Units in force today (after the 2025 reform), the default view everywhere.</summary>
    public static IQueryable<AdministrativeUnit> Current(this IQueryable<AdministrativeUnit> units) => units.Where(u => u.ValidTo == null);

    public static Task<AdministrativeUnit?> FindCurrentAsync(this IQueryable<AdministrativeUnit> units, string? code, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(code)
            ? Task.FromResult<AdministrativeUnit?>(null)
            : units.Current().FirstOrDefaultAsync(u => u.Code == code.Trim(), cancellationToken);
}
