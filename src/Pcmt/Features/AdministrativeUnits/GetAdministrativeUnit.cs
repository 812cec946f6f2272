using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.AdministrativeUnits;

/// <summary>Chi tiết đơn vị hành chính: a unit in force with its province, its pre-2025 predecessors, or, for a legacy code, what it became.</summary>
public sealed class GetAdministrativeUnit(AppDbContext db)
{
    public sealed record Link(string Code, string Name, string Level, bool Whole, string ProvinceCode, string? ParentName);

    public sealed record Details(
        string Code, string Name, string Level, string Type, string ProvinceCode, string? ProvinceName,
        DateOnly? ValidFrom, DateOnly? ValidTo, int Communes, IReadOnlyList<Link> Predecessors);

    public async Task<Details?> HandleAsync(string code, CancellationToken cancellationToken)
    {
        var unit = await db.AdministrativeUnits.AsNoTracking().Current().Include(u => u.Parent)
            .FirstOrDefaultAsync(u => u.Code == code, cancellationToken);
        if (unit is null)
            return null;

        var predecessors = await db.UnitSuccessions.AsNoTracking()
            .Where(s => s.SuccessorId == unit.Id)
            .OrderBy(s => s.Predecessor.Code)
            .Select(s => new { s.Predecessor.Code, s.Predecessor.Name, s.Predecessor.Level, s.IsWhole, s.Predecessor.ProvinceCode, ParentName = s.Predecessor.Parent!.Name })
            .ToListAsync(cancellationToken);
        var communes = unit.Level == UnitLevel.Province
            ? await db.AdministrativeUnits.Current().CountAsync(u => u.ProvinceCode == unit.Code && u.Level == UnitLevel.Commune, cancellationToken)
            : 0;

        return new Details(unit.Code, unit.Name, Level(unit.Level), UnitTypes.ToCode(unit.Type), unit.ProvinceCode, unit.Parent?.Name ?? (unit.Level == UnitLevel.Province ? unit.Name : null),
            unit.ValidFrom, unit.ValidTo, communes,
            predecessors.Select(p => new Link(p.Code, p.Name, Level(p.Level), p.IsWhole, p.ProvinceCode, p.ParentName)).ToList());
    }

    /// <summary>Placing a pre-2025 address: the units in force that a legacy commune, district or province became.</summary>
    public async Task<IReadOnlyList<Link>?> SuccessorsOfLegacyAsync(string code, CancellationToken cancellationToken)
    {
        var legacy = await db.AdministrativeUnits.AsNoTracking()
            .Where(u => u.Code == code && u.ValidTo != null)
            .Select(u => new { u.Id, u.Level })
            .ToListAsync(cancellationToken);
        if (legacy.Count == 0)
            return null;

        var ids = legacy.Select(u => u.Id).ToList();
        // A district had no successor of its own (the level was abolished): its communes' successors are the answer.
        var districtIds = legacy.Where(u => u.Level == UnitLevel.District).Select(u => u.Id).ToList();
        var predecessorIds = await db.AdministrativeUnits.AsNoTracking()
            .Where(u => ids.Contains(u.Id) || (u.ParentId != null && districtIds.Contains(u.ParentId.Value)))
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);

        var links = await db.UnitSuccessions.AsNoTracking()
            .Where(s => predecessorIds.Contains(s.PredecessorId))
            .Select(s => new { s.Successor.Code, s.Successor.Name, s.Successor.Level, s.IsWhole, s.Successor.ProvinceCode, ParentName = s.Successor.Parent!.Name })
            .ToListAsync(cancellationToken);
        return links
            .GroupBy(l => l.Code)
            .Select(g => new Link(g.Key, g.First().Name, Level(g.First().Level), g.All(l => l.IsWhole), g.First().ProvinceCode, g.First().ParentName))
            .OrderBy(l => l.Code)
            .ToList();
    }

    private static string Level(UnitLevel level) => level.ToString().ToLowerInvariant();
}
