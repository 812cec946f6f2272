using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Persons;

[Authorize(Permissions.ReviewDuplicates)]
public sealed class DuplicatesModel(ReviewDuplicates reviews, CurrentUser user) : PageModel
{
    public IReadOnlyList<ReviewDuplicates.Row> Rows { get; private set; } = [];

    public bool CanMerge => user.Can(Permissions.MergePersons);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await reviews.OpenAsync(cancellationToken);

    public async Task<IActionResult> OnPostDismissAsync(long reviewId, CancellationToken cancellationToken) =>
        Done(await reviews.DismissAsync(reviewId, cancellationToken), "Đã ghi nhận: hai hồ sơ là hai người khác nhau.") ?? await ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostMergeAsync(Guid keepId, Guid duplicateId, CancellationToken cancellationToken)
    {
        if (!CanMerge)
            return Forbid();
        return Done(await reviews.MergeAsync(keepId, duplicateId, cancellationToken), "Đã gộp hồ sơ.") ?? await ReloadAsync(cancellationToken);
    }

    private RedirectToPageResult? Done(Result<bool> result, string notice)
    {
        if (!result.Succeeded)
        {
            ModelState.AddFailure(result.Failure, prefix: "");
            return null;
        }

        TempData["Notice"] = notice;
        return RedirectToPage();
    }

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
