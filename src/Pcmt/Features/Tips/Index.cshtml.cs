using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Persons;

namespace Pcmt.Features.Tips;

/// <summary>Tin tố giác: the tips of the officer's area with filters, and the figures.</summary>
[Authorize(Permissions.ViewTips)]
public sealed class IndexModel(SearchTips search, TipFigures figures, PersonForm form, AppDbContext db) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<SearchTips.Row> Tips { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);

    public TipFigures.Figures Figures { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Communes { get; private set; } = [];

    public IReadOnlyDictionary<string, string> CommuneNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Status is { Length: > 0 } && !TipStatuses.All.Contains(Status))
            Status = null;
        if (Category is { Length: > 0 } && !TipCategories.All.Contains(Category))
            Category = null;
        var result = await search.HandleAsync(new SearchTips.Filter(Status, Commune, Category), Paging.Clamped(PageNumber), cancellationToken);
        if (result.Succeeded)
            Tips = result.Value;
        Figures = await figures.HandleAsync(null, cancellationToken);
        Communes = await form.CommunesAsync(cancellationToken);
        CommuneNames = await NamesAsync(db, Tips.Items.Select(t => t.CommuneCode).Concat(Figures.ByCommune.Select(c => c.Key)), cancellationToken);
    }

    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(AppDbContext db, IEnumerable<string?> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).Distinct().ToList();
        return wanted.Count == 0
            ? new Dictionary<string, string>()
            : await db.AdministrativeUnits.AsNoTracking().Current().Where(u => wanted.Contains(u.Code) && u.Level != UnitLevel.District)
                .ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
    }

    public string CommuneName(string? code) =>
        string.IsNullOrEmpty(code) ? "(chưa rõ xã)" : CommuneNames.TryGetValue(code, out var name) ? name : code;
}
