using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Deadlines;
using Pcmt.Features.Lifecycle;
using Pcmt.Infrastructure.Protection;

namespace Pcmt.Features.Tips;

/// <summary>
/// Gửi tin tố giác: stores an anonymous tip (content and photos encrypted) and returns the receipt code and the secret that lets
/// the sender follow it. Takes nothing from the request but what the sender typed: no address, user agent, cookie or time of day.
/// </summary>
public sealed class SubmitTip(AppDbContext db, PersonalDataProtector protector, TimeProvider clock, IConfiguration configuration)
{
    public const int MaxTextLength = 5000;

    public sealed record Photo(byte[] Content);

    public sealed record Input
    {
        public string? CommuneCode { get; init; }

        /// <summary>When the sender does not know the commune: the province (else the installation's Tips:DefaultProvinceCode).</summary>
        public string? ProvinceCode { get; init; }

        public string? Category { get; init; }

        public string? Text { get; init; }

        public string? OccurredOn { get; init; }

        public string? Contact { get; init; }

        public string? SchoolName { get; init; }

        public bool KeepPhotoMetadata { get; init; }

        public IReadOnlyList<Photo> Photos { get; init; } = [];
    }

    public sealed record Receipt(string ReceiptCode, string Secret);

    public async Task<Result<Receipt>> HandleAsync(Input input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var category = LegalInput.OneOf(input.Category, "category", TipCategories.All, errors, "loại tin");
        var text = Clean(input.Text);
        if (text.Length == 0)
            errors["text"] = ["Vui lòng nhập nội dung tố giác."];
        else if (text.Length > MaxTextLength)
            errors["text"] = [$"Nội dung không được dài quá {Format.Number(MaxTextLength)} ký tự."];
        var contact = Clean(input.Contact);
        if (contact.Length > 200)
            errors["contact"] = ["Thông tin liên hệ không được dài quá 200 ký tự."];
        var school = Clean(input.SchoolName);
        if (school.Length > 200)
            errors["schoolName"] = ["Tên trường không được dài quá 200 ký tự."];
        var today = LegalTime.DayOf(clock.GetUtcNow());
        var occurred = LegalInput.Date(input.OccurredOn, "occurredOn", errors, required: false);
        if (occurred > today)
            errors["occurredOn"] = ["Ngày xảy ra không được ở tương lai."];
        else if (occurred < new DateOnly(2000, 1, 1))
            errors["occurredOn"] = ["Ngày xảy ra không hợp lệ."];
        if (input.Photos.Count > TipImages.MaxPhotos)
            errors["photos"] = [$"Chỉ gửi được tối đa {TipImages.MaxPhotos} ảnh."];

        var (provinceCode, communeCode) = await PlaceAsync(input, errors, cancellationToken);
        if (errors.Count > 0)
            return new Failure.Invalid(errors);

        var photos = new List<TipPhoto>();
        foreach (var photo in input.Photos)
        {
            var cleaned = TipImages.Clean(photo.Content, input.KeepPhotoMetadata);
            if (!cleaned.Succeeded)
                return cleaned.Failure;
            photos.Add(new TipPhoto
            {
                ContentType = cleaned.Value.ContentType,
                Width = cleaned.Value.Width,
                Height = cleaned.Value.Height,
                MetadataKept = input.KeepPhotoMetadata,
                ContentProtected = protector.EncryptBytes(cleaned.Value.Content),
            });
        }

        var secret = TipSecrets.NewSecret();
        var tip = new Tip
        {
            ReceiptCode = await UnusedReceiptCodeAsync(cancellationToken),
            SecretHash = TipSecrets.HashHex(secret),
            ProvinceCode = provinceCode!,
            ReportedCommuneCode = communeCode,
            Category = category!,
            TextProtected = protector.Encrypt(text),
            ContactProtected = contact.Length > 0 ? protector.Encrypt(contact) : null,
            SchoolNameProtected = school.Length > 0 ? protector.Encrypt(school) : null,
            OccurredOn = occurred,
            ReceivedOn = today,
            UpdatedOn = today,
            Photos = photos,
        };
        db.Tips.Add(tip);
        // No row-level audit entry: its exact time and its place in the audit sequence would date the sender's request to the
        // second. The tip itself records the day; every later read and change by officers is audited as usual (docs/security.md).
        await db.SaveBulkAsync(nameof(Tip), summary: null, cancellationToken);
        return new Receipt(tip.ReceiptCode, secret);
    }

    private async Task<(string? Province, string? Commune)> PlaceAsync(Input input, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(input.CommuneCode))
        {
            var commune = await db.AdministrativeUnits.AsNoTracking().FindCurrentAsync(input.CommuneCode, cancellationToken);
            if (commune is not { Level: UnitLevel.Commune })
            {
                errors["communeCode"] = ["Xã/phường/đặc khu không đúng hoặc không còn hiệu lực."];
                return (null, null);
            }

            return (commune.ProvinceCode, commune.Code);
        }

        var provinceCode = string.IsNullOrWhiteSpace(input.ProvinceCode) ? configuration["Tips:DefaultProvinceCode"] : input.ProvinceCode;
        var province = await db.AdministrativeUnits.AsNoTracking().FindCurrentAsync(provinceCode, cancellationToken);
        if (province is not { Level: UnitLevel.Province })
        {
            errors["communeCode"] = ["Vui lòng chọn xã/phường (hoặc tỉnh/thành phố) nơi xảy ra vụ việc."];
            return (null, null);
        }

        return (province.Code, null);
    }

    private async Task<string> UnusedReceiptCodeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var code = TipSecrets.NewReceiptCode();
            // The sender has no area; the uniqueness check must look at every tip (one indexed row, nothing returned).
            if (!await db.Tips.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AnyAsync(t => t.ReceiptCode == code, cancellationToken))
                return code;
        }
    }

    /// <summary>Trims and removes control characters (other than line breaks and tabs) that no sender types on purpose.</summary>
    public static string Clean(string? value) =>
        value is null ? "" : new string([.. value.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t')]).Trim();
}
