using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Infrastructure.Text;

namespace Pcmt.Features.Tips;

/// <summary>The lists the public tip form needs (provinces, the chosen province's communes), and reading a typed commune name.</summary>
public sealed class PublicTipForm(AppDbContext db, IConfiguration configuration)
{
    public sealed record Unit(string Code, string Name);

    public string? DefaultProvinceCode => configuration["Tips:DefaultProvinceCode"];

    public Task<List<Unit>> ProvincesAsync(CancellationToken cancellationToken) =>
        db.AdministrativeUnits.AsNoTracking().Current().Where(u => u.Level == UnitLevel.Province)
            .OrderBy(u => u.Code).Select(u => new Unit(u.Code, u.Name)).ToListAsync(cancellationToken);

    public async Task<List<Unit>> CommunesAsync(string? provinceCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(provinceCode))
            return [];
        var communes = await db.AdministrativeUnits.AsNoTracking().Current()
            .Where(u => u.Level == UnitLevel.Commune && u.ProvinceCode == provinceCode)
            .Select(u => new Unit(u.Code, u.Name)).ToListAsync(cancellationToken);
        return [.. communes.OrderBy(u => u.Name, StringComparer.Create(Format.Vietnamese, ignoreCase: true))];
    }

    /// <summary>The commune code for what the sender typed or picked: a name of the province's commune (diacritics optional) or a 5-digit code.</summary>
    public static string? Resolve(string? typed, IReadOnlyList<Unit> communes)
    {
        if (string.IsNullOrWhiteSpace(typed))
            return null;
        var text = typed.Trim();
        if (communes.FirstOrDefault(c => c.Code == text) is { } byCode)
            return byCode.Code;
        var folded = VietnameseText.Fold(text);
        var matches = communes.Where(c => VietnameseText.Fold(c.Name) == folded).ToList();
        if (matches.Count == 1)
            return matches[0].Code;
        // "Phan Đình Phùng" without the type word is enough when only one unit has that name.
        var bare = communes.Where(c => VietnameseText.Fold(c.Name).EndsWith(" " + folded, StringComparison.Ordinal)).ToList();
        return bare.Count == 1 ? bare[0].Code : "";
    }
}
