using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pcmt.Features.Lifecycle;

namespace Pcmt.Features.Facilities;

/// <summary>
/// Giấy chứng nhận đã cấp (issue 16): the completion certificates (Form 50) this facility issued, newest first, with a re-print
/// of that certificate only (a written reason, audited). After "Hoàn thành và cấp giấy chứng nhận" on a resident's page the
/// browser lands here with the confirmation and downloads the new certificate.
/// </summary>
[Authorize(Permissions.IssueFacilityCertificates)]
public sealed class CertificatesModel(FacilityCertificates certificates) : PageModel
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    /// <summary>The certificate just issued (from the resident's page): confirmed and downloaded automatically.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Issued { get; set; }

    public PagedList<FacilityCertificates.Row>? Rows { get; private set; }

    public FacilityCertificates.Row? JustIssued => Issued is { } id ? Rows?.Items.FirstOrDefault(r => r.Id == id && !r.Voided) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await certificates.ListAsync(Paging.Clamped(PageNumber), cancellationToken);
        return Page();
    }

    /// <summary>The issuer's own download of the certificate just issued (within minutes of issuing; otherwise 404).</summary>
    public async Task<IActionResult> OnGetIssuedAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await certificates.ReprintAsync(id, null, fresh: true, cancellationToken);
        return document.Succeeded ? File(document.Value.Content, DocxType, document.Value.FileName) : NotFound();
    }

    public async Task<IActionResult> OnPostReprintAsync(Guid id, string? purpose, CancellationToken cancellationToken)
    {
        var document = await certificates.ReprintAsync(id, purpose, fresh: false, cancellationToken);
        if (document.Succeeded)
            return File(document.Value.Content, DocxType, document.Value.FileName);
        if (document.Failure is Failure.NotFound)
            return NotFound();
        ModelState.AddFailure(document.Failure, prefix: "");
        return await OnGetAsync(cancellationToken);
    }
}
