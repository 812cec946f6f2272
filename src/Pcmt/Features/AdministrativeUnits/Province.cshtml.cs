using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.AdministrativeUnits;

[Authorize(Permissions.ViewAdministrativeUnits)]
public sealed class ProvinceModel(AppDbContext db, ListAdministrativeUnits list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public int Xa { get; private set; }

    public int Phuong { get; private set; }

    public int DacKhu { get; private set; }

    public PagedList<ListAdministrativeUnits.Row> Units { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var province = await db.AdministrativeUnits.AsNoTracking().Current().FirstOrDefaultAsync(u => u.Code == code && u.Level == UnitLevel.Province, cancellationToken);
        if (province is null)
            return NotFound();

        Code = province.Code;
        Name = province.Name;
        var types = await db.AdministrativeUnits.Current().Where(u => u.ProvinceCode == code && u.Level == UnitLevel.Commune)
            .GroupBy(u => u.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Xa = types.FirstOrDefault(t => t.Key == UnitType.Xa)?.Count ?? 0;
        Phuong = types.FirstOrDefault(t => t.Key == UnitType.Phuong)?.Count ?? 0;
        DacKhu = types.FirstOrDefault(t => t.Key == UnitType.DacKhu)?.Count ?? 0;

        var result = await list.HandleAsync(new ListAdministrativeUnits.Filter("commune", code, Q, Type), Paging.Clamped(PageNumber, 200), cancellationToken);
        if (!result.Succeeded)
        {
            Type = null;
            result = await list.HandleAsync(new ListAdministrativeUnits.Filter("commune", code, Q), Paging.Clamped(PageNumber, 200), cancellationToken);
        }

        Units = result.Value!;
        return Page();
    }
}
