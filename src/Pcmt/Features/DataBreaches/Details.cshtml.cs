using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.DataBreaches;

/// <summary>Một sự cố: the 72-hour clock, the drafts for A05 and for the data subjects, and when each was notified.</summary>
[Authorize(Permissions.ManageDataBreaches)]
public sealed class DetailsModel(DataBreachRegister register, IConfiguration configuration, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public DataBreachRegister.NotificationInput Notification { get; set; } = new();

    public DataBreachRegister.Row? Breach { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Breach = await register.GetAsync(Id, cancellationToken);
        return Breach is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await register.RecordNotificationAsync(Id, Notification, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = Notification.Recipient == "authority" ? "Đã ghi nhận thông báo cho A05." : "Đã ghi nhận thông báo cho chủ thể dữ liệu.";
                return RedirectToPage(new { id = Id });
            }

            ModelState.AddFailure(result.Failure, nameof(Notification));
        }

        Breach = await register.GetAsync(Id, cancellationToken);
        return Breach is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetDocumentAsync(string kind, CancellationToken cancellationToken)
    {
        if (!BreachDocuments.Kinds.Contains(kind) || await register.GetAsync(Id, cancellationToken) is not { } row)
            return NotFound();
        var (content, fileName) = BreachDocuments.Create(row, kind, DataBreachesFeature.Controller(configuration), DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime));
        return File(content, BreachDocuments.ContentType, fileName);
    }

    /// <summary>"Còn 12,5 giờ", "QUÁ HẠN", "Đã thông báo A05 lúc …", in Vietnamese.</summary>
    public static string State(DataBreachRegister.Row breach) =>
        breach.AuthorityNotifiedAt is { } notified ? "Đã thông báo A05 lúc " + Format.Instant(notified.UtcDateTime)
        : breach.Overdue ? "QUÁ HẠN thông báo A05"
        : "Còn " + (breach.HoursLeft ?? 0).ToString("N1", Format.Vietnamese) + " giờ để thông báo A05";
}
