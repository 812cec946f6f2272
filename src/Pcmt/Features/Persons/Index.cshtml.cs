using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Persons;

[Authorize(Permissions.ViewPersons)]
public sealed class IndexModel(SearchPersons search, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? CitizenId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? DateOfBirth { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Population { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<SearchPersons.Row> Persons { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);

    public string? Error { get; private set; }

    public bool CanRegister => user.Can(Permissions.RegisterPersons);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await search.HandleAsync(new SearchPersons.Filter(Q, CitizenId, null, Status, DateOfBirth, Population), Paging.Clamped(PageNumber), cancellationToken);
        if (result.Succeeded)
            Persons = result.Value;
        else if (result.Failure is Failure.Invalid invalid)
            Error = string.Join(" ", invalid.Errors.Values.SelectMany(v => v));
    }
}
