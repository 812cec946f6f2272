using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.AdministrativeUnits;

/// <summary>Dân số theo năm của một xã, limited to the caller's area by the UnitScope filter.</summary>
public sealed class ListPopulation(AppDbContext db, CurrentUser user)
{
    public sealed record Row(int Year, int Residents, DateTime UpdatedAt, Guid Version);

    public async Task<IReadOnlyList<Row>?> HandleAsync(string code, CancellationToken cancellationToken)
    {
        var unit = await db.AdministrativeUnits.FindCurrentAsync(code, cancellationToken);
        if (unit is not { Level: UnitLevel.Commune } || !user.Covers(unit.ProvinceCode, unit.Code))
            return null;

        var rows = await db.CommunePopulations.AsNoTracking()
            .Where(p => p.UnitId == unit.Id)
            .OrderByDescending(p => p.Year)
            .Select(p => new Row(p.Year, p.Residents, p.UpdatedAt, p.Version))
            .ToListAsync(cancellationToken);
        return rows;
    }
}
