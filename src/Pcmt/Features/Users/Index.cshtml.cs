using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Users;

[Authorize(Permissions.ManageUsers)]
public sealed class IndexModel(SearchUsers search) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<SearchUsers.Row> Users { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Users = await search.HandleAsync(new SearchUsers.Filter(Q, Role), Paging.Clamped(PageNumber), cancellationToken);
}
