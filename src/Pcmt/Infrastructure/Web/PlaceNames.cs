using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Facilities;
using Pcmt.Infrastructure.Text;

namespace Pcmt.Infrastructure.Web;

/// <summary>
/// Code → name for administrative units, facilities and agencies, held in memory (one read of both registers, refreshed every few
/// minutes), so pages show "Phường Phan Đình Phùng" instead of "05443" and the pickers search names without the database.
/// </summary>
public sealed class PlaceNames(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private const string CacheKey = "place-names";

    public sealed record Place(string Code, string Name, string Kind, string ProvinceCode, string Folded, string Detail);

    public sealed class Snapshot(IReadOnlyDictionary<string, Place> units, IReadOnlyDictionary<string, Place> facilities, IReadOnlyDictionary<string, Place> agencies, IReadOnlyList<Place> current)
    {
        /// <summary>Current units first, then units that ceased to exist (their last name), then facilities.</summary>
        public IReadOnlyList<Place> Current { get; } = current;

        public Place? FindUnit(string? code) => code is not null && units.TryGetValue(code.Trim(), out var unit) ? unit : null;

        public Place? FindFacility(string? id) => id is not null && facilities.TryGetValue(id.Trim(), out var f) ? f : null;

        public Place? FindAgency(string? code) => code is not null && agencies.TryGetValue(code.Trim(), out var a) ? a : null;

        /// <summary>The agency's name (sở, ban, ngành), or the code itself when it is unknown.</summary>
        public string Agency(string? code) => string.IsNullOrWhiteSpace(code) ? "—" : FindAgency(code)?.Name ?? code;

        /// <summary>The unit's name, or the code itself when it is unknown ("—" when there is none).</summary>
        public string Unit(string? code) => string.IsNullOrWhiteSpace(code) ? "—" : FindUnit(code)?.Name ?? code;

        /// <summary>"Phường Phan Đình Phùng, Tỉnh Thái Nguyên" for a commune; the name for a province.</summary>
        public string UnitWithProvince(string? code) =>
            FindUnit(code) is { } unit ? unit.Detail.Length > 0 ? $"{unit.Name}, {unit.Detail}" : unit.Name : Unit(code);

        public string Facility(string? id) => string.IsNullOrWhiteSpace(id) ? "—" : FindFacility(id)?.Name ?? id;

        /// <summary>A unit's, a facility's or an agency's name, whichever the code is.</summary>
        public string Any(string? code) => FindUnit(code)?.Name ?? FindFacility(code)?.Name ?? FindAgency(code)?.Name ?? (string.IsNullOrWhiteSpace(code) ? "—" : code);

        /// <summary>Up to <paramref name="take"/> current places whose folded name contains the folded query, or whose code starts with it.</summary>
        public IReadOnlyList<Place> Search(string? query, IReadOnlyCollection<string> kinds, string? province, int take = 20)
        {
            var q = VietnameseText.Fold(query);
            var shortQ = VietnameseText.Fold(UnitTypes.ShortName(query?.Trim() ?? ""));
            var matches = Current.Where(p => kinds.Contains(p.Kind) && (string.IsNullOrEmpty(province) || p.ProvinceCode == province));
            if (q.Length > 0)
            {
                matches = matches
                    .Select(p => (Place: p, Rank: p.Code.StartsWith(q, StringComparison.Ordinal) ? 0
                        : p.Folded.StartsWith(q, StringComparison.Ordinal) || p.Folded.StartsWith(shortQ, StringComparison.Ordinal) ? 1
                        : p.Folded.Contains(" " + shortQ, StringComparison.Ordinal) ? 2
                        : p.Folded.Contains(shortQ, StringComparison.Ordinal) ? 3 : 9))
                    .Where(m => m.Rank < 9)
                    .OrderBy(m => m.Rank).ThenBy(m => m.Place.Name.Length)
                    .Select(m => m.Place);
            }

            return matches.Take(take).ToList();
        }
    }

    public static class Kinds
    {
        public const string Province = "province";
        public const string Commune = "commune";
        public const string Facility = "facility";
        public const string Agency = "agency";
    }

    public async ValueTask<Snapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(CacheKey, out Snapshot? snapshot) && snapshot is not null)
            return snapshot;
        snapshot = await LoadAsync(cancellationToken);
        cache.Set(CacheKey, snapshot, TimeSpan.FromMinutes(2));
        return snapshot;
    }

    /// <summary>Drop the snapshot (after a facility is added or renamed) so the next page reads the registers again.</summary>
    public void Invalidate() => cache.Remove(CacheKey);

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var units = await db.AdministrativeUnits.AsNoTracking()
            .Where(u => u.Level != UnitLevel.District)
            .Select(u => new { u.Code, u.Name, u.Level, u.ProvinceCode, u.ValidTo, u.SearchName })
            .ToListAsync(cancellationToken);
        var facilities = await db.Facilities.AsNoTracking()
            .Select(f => new { f.Id, f.Name, f.ProvinceCode, f.Kind, f.Active })
            .ToListAsync(cancellationToken);

        var provinceNames = units.Where(u => u.Level == UnitLevel.Province)
            .OrderBy(u => u.ValidTo is null ? 0 : 1).ThenByDescending(u => u.ValidTo)
            .GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.First().Name);
        var byCode = new Dictionary<string, Place>(StringComparer.Ordinal);
        var current = new List<Place>();
        // Current units win a code shared with a unit that ceased to exist; among the old ones the latest name wins.
        foreach (var u in units.OrderBy(u => u.ValidTo is null ? 0 : 1).ThenByDescending(u => u.ValidTo))
        {
            if (byCode.ContainsKey(u.Code))
                continue;
            var kind = u.Level == UnitLevel.Province ? Kinds.Province : Kinds.Commune;
            var detail = kind == Kinds.Commune && provinceNames.TryGetValue(u.ProvinceCode, out var provinceName) ? provinceName : "";
            var place = new Place(u.Code, u.Name, kind, u.ProvinceCode, VietnameseText.Fold(u.Name), detail);
            byCode[u.Code] = place;
            if (u.ValidTo is null)
                current.Add(place);
        }

        var facilityById = new Dictionary<string, Place>(StringComparer.Ordinal);
        foreach (var f in facilities)
        {
            var place = new Place(f.Id.ToString(), f.Name, Kinds.Facility, f.ProvinceCode, VietnameseText.Fold(f.Name),
                FacilityKinds.Names.TryGetValue(f.Kind, out var kindName) ? kindName : "");
            facilityById[place.Code] = place;
            if (f.Active)
                current.Add(place);
        }

        var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Code, a.Name, a.ProvinceCode, a.Kind }).ToListAsync(cancellationToken);
        var agencyByCode = new Dictionary<string, Place>(StringComparer.Ordinal);
        foreach (var a in agencies)
        {
            var place = new Place(a.Code, a.Name, Kinds.Agency, a.ProvinceCode, VietnameseText.Fold(a.Name),
                provinceNames.TryGetValue(a.ProvinceCode, out var provinceName) ? provinceName : "");
            agencyByCode[place.Code] = place;
            current.Add(place);
        }

        return new Snapshot(byCode, facilityById, agencyByCode, current.OrderBy(p => p.Kind == Kinds.Province ? 0 : 1).ThenBy(p => p.Code, StringComparer.Ordinal).ToList());
    }
}
