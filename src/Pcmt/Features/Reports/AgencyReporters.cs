using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Reports;

/// <summary>Agencies as reporters, read from the agency register (Features/Agencies).</summary>
internal static class AgencyReporters
{
    public static async Task<(string Name, string ProvinceCode)?> FindAsync(AppDbContext db, string code, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Code == code).Select(a => new { a.Name, a.ProvinceCode }).FirstOrDefaultAsync(ct);
        return agency is null ? null : (agency.Name, agency.ProvinceCode);
    }

    public static async Task<List<(string Code, string Name)>> InProvinceAsync(AppDbContext db, string province, CancellationToken ct) =>
        (await db.Agencies.AsNoTracking().Where(a => a.ProvinceCode == province).OrderBy(a => a.Code).Select(a => new { a.Code, a.Name }).ToListAsync(ct))
            .Select(a => (a.Code, a.Name)).ToList();
}
