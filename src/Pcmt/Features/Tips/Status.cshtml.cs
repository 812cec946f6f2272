using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Pcmt.Features.Tips;

/// <summary>Tra cứu kết quả xử lý tin tố giác: the code and secret are posted (never in the address, where logs and history keep it).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[EnableRateLimiting(TipsFeature.RateLimitPolicy)]
public sealed class StatusModel(CheckTipStatus check) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? Secret { get; set; }

    public CheckTipStatus.Answer? Answer { get; private set; }

    public bool Unknown { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Answer = await check.HandleAsync(Code, Secret, cancellationToken);
        Unknown = Answer is null;
        Secret = null;
        return Page();
    }
}
