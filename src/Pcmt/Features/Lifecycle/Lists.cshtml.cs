using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Lifecycle;

/// <summary>Danh sách: the four lists of Law 120 Art 27, 48, current or with the people removed and why; Excel export.</summary>
[Authorize(Permissions.ViewPersons)]
public sealed class ListsModel(LegalListQuery lists) : PageModel
{
    public string List { get; private set; } = LegalLists.Users;

    public string State { get; private set; } = "current";

    public PagedList<LegalListQuery.Row> Rows { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);

    public async Task<IActionResult> OnGetAsync(string? list, string? state, int? page, CancellationToken cancellationToken)
    {
        List = list is not null && LegalLists.All.Contains(list) ? list : LegalLists.Users;
        State = state is "removed" or "all" ? state : "current";
        var result = await lists.ListAsync(List, null, State, Paging.Clamped(page), cancellationToken);
        if (result.Succeeded)
            Rows = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? list, string? state, CancellationToken cancellationToken)
    {
        var result = await lists.ExportAsync(list ?? LegalLists.Users, null, state ?? "current", cancellationToken);
        return result.Succeeded
            ? File(result.Value, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ExcelForm.FileName(LegalLists.DisplayName(list ?? LegalLists.Users)))
            : NotFound();
    }
}
