using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.AdministrativeUnits;

[Authorize(Permissions.ViewAdministrativeUnits)]
public sealed class IndexModel(AppDbContext db, ListAdministrativeUnits list) : PageModel
{
    public sealed record ProvinceRow(string Code, string Name, int Communes);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public IReadOnlyList<ProvinceRow> Provinces { get; private set; } = [];

    public PagedList<ListAdministrativeUnits.Row>? Matches { get; private set; }

    public string ProvinceName(string code) => Provinces.FirstOrDefault(p => p.Code == code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = db.AdministrativeUnits.AsNoTracking().Current();
        var counts = await current.Where(u => u.Level == UnitLevel.Commune)
            .GroupBy(u => u.ProvinceCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Provinces = (await current.Where(u => u.Level == UnitLevel.Province).OrderBy(u => u.Code).Select(u => new { u.Code, u.Name }).ToListAsync(cancellationToken))
            .Select(p => new ProvinceRow(p.Code, p.Name, counts.GetValueOrDefault(p.Code)))
            .ToList();

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var result = await list.HandleAsync(new ListAdministrativeUnits.Filter("commune", Q: Q), Paging.Clamped(PageNumber), cancellationToken);
            Matches = result.Value;
        }
    }
}
