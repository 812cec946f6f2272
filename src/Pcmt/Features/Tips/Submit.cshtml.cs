using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Pcmt.Features.Tips;

/// <summary>
/// Trang tố giác công khai: no sign-in, no cookie (no antiforgery token: there is no session to ride, and a forged tip is no worse
/// than a typed one; abuse is limited by the per-address limiter and the honeypot), no script.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[EnableRateLimiting(TipsFeature.RateLimitPolicy)]
[RequestSizeLimit(TipsApi.MaxFormBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = TipsApi.MaxFormBytes, ValueLengthLimit = TipsApi.MaxJsonBytes)]
public sealed class SubmitModel(SubmitTip submit, PublicTipForm form) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "tinh")]
    public string? ProvinceCode { get; set; }

    /// <summary>"truong-hoc": the school variant (category school, the school's name).</summary>
    [BindProperty(SupportsGet = true, Name = "kenh")]
    public string? Channel { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public string? Commune { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? OccurredOn { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    [BindProperty]
    public string? SchoolName { get; set; }

    [BindProperty]
    public bool KeepPhotoMetadata { get; set; }

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    /// <summary>Honeypot: hidden from people by the stylesheet; only robots fill it.</summary>
    [BindProperty(Name = "website")]
    public string? Website { get; set; }

    public bool IsSchool => Channel == "truong-hoc";

    public IReadOnlyList<PublicTipForm.Unit> Provinces { get; private set; } = [];

    public IReadOnlyList<PublicTipForm.Unit> Communes { get; private set; } = [];

    public string? ProvinceName => Provinces.FirstOrDefault(p => p.Code == ProvinceCode)?.Name;

    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public SubmitTip.Receipt? Receipt { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!string.IsNullOrEmpty(Website))
        {
            // A robot: it gets a receipt that looks real, and nothing is stored.
            Receipt = new SubmitTip.Receipt(TipSecrets.NewReceiptCode(), TipSecrets.NewSecret());
            return Page();
        }

        if (!ModelState.IsValid)
        {
            Errors = new Dictionary<string, string[]> { [""] = ["Dữ liệu gửi lên không hợp lệ. Vui lòng kiểm tra lại."] };
            return Page();
        }

        var communeCode = PublicTipForm.Resolve(Commune, Communes);
        if (communeCode == "")
        {
            Errors = new Dictionary<string, string[]> { ["communeCode"] = ["Không tìm thấy xã/phường này trong tỉnh đã chọn. Vui lòng chọn trong danh sách."] };
            return Page();
        }

        var photos = new List<SubmitTip.Photo>();
        foreach (var file in Photos.Where(f => f.Length > 0))
        {
            if (file.Length > TipImages.MaxBytes)
            {
                Errors = new Dictionary<string, string[]> { ["photos"] = ["Mỗi ảnh không được lớn hơn 5 MB."] };
                return Page();
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            photos.Add(new SubmitTip.Photo(buffer.ToArray()));
        }

        var result = await submit.HandleAsync(new SubmitTip.Input
        {
            CommuneCode = communeCode,
            ProvinceCode = ProvinceCode,
            Category = IsSchool ? TipCategories.School : Category,
            Text = Text,
            OccurredOn = OccurredOn,
            Contact = Contact,
            SchoolName = SchoolName,
            KeepPhotoMetadata = KeepPhotoMetadata,
            Photos = photos,
        }, cancellationToken);
        if (!result.Succeeded)
        {
            Errors = result.Failure is Failure.Invalid invalid ? invalid.Errors : new Dictionary<string, string[]> { [""] = ["Không gửi được tin. Vui lòng thử lại."] };
            return Page();
        }

        Receipt = result.Value;
        return Page();
    }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Provinces = await form.ProvincesAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(ProvinceCode) || Provinces.All(p => p.Code != ProvinceCode))
            ProvinceCode = form.DefaultProvinceCode;
        Communes = await form.CommunesAsync(ProvinceCode, cancellationToken);
    }
}
