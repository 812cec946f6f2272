using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Audit;

[Authorize(Permissions.ViewAuditLog)]
public sealed class IndexModel(SearchAuditEntries search, VerifyAuditChain verify) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<SearchAuditEntries.Row> Entries { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);

    public VerifyAuditChain.Outcome? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await search.HandleAsync(new SearchAuditEntries.Filter(From, To, UserFilter, ActionFilter, EntityType), Paging.Clamped(PageNumber), cancellationToken);

    public async Task OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Verification = await verify.HandleAsync(cancellationToken);
        await OnGetAsync(cancellationToken);
    }
}
