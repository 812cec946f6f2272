using Microsoft.EntityFrameworkCore;
using Pcmt.Infrastructure.Auditing;
using Pcmt.Infrastructure.Protection;

namespace Pcmt.Features.Tips;

/// <summary>Xem tin tố giác: the decrypted content for an officer whose area covers it; every view is audited.</summary>
public sealed class GetTip(AppDbContext db, PersonalDataProtector protector, AuditLog audit)
{
    public sealed record PhotoInfo(Guid Id, int Width, int Height, bool MetadataKept);

    public sealed record Details(
        Guid Id, string ReceiptCode, string ProvinceCode, string? RoutedCommuneCode, string? ReportedCommuneCode, string Category,
        string Text, string? Contact, string? SchoolName, DateOnly? OccurredOn, DateOnly ReceivedOn, string Status, DateOnly UpdatedOn,
        string? Outcome, string? OutcomeNote, Guid? DuplicateOfId, string? DuplicateOfReceiptCode, Guid? HotspotId, Guid? CaseId, Guid? PersonId,
        DateOnly? ClosedOn, IReadOnlyList<PhotoInfo> Photos);

    public async Task<Details?> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var tip = await db.Tips.AsNoTracking().Include(t => t.Photos).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tip is null)
            return null;
        var duplicateOf = tip.DuplicateOfId is { } original
            ? await db.Tips.AsNoTracking().Where(t => t.Id == original).Select(t => t.ReceiptCode).FirstOrDefaultAsync(cancellationToken)
            : null;
        await audit.RecordReadAsync(nameof(Tip), id.ToString(), null, "content", null, cancellationToken);
        return new Details(
            tip.Id, tip.ReceiptCode, tip.ProvinceCode, tip.CommuneCode.Length > 0 ? tip.CommuneCode : null, tip.ReportedCommuneCode, tip.Category,
            protector.Decrypt(tip.TextProtected), tip.ContactProtected is { } c ? protector.Decrypt(c) : null,
            tip.SchoolNameProtected is { } s ? protector.Decrypt(s) : null, tip.OccurredOn, tip.ReceivedOn, tip.Status, tip.UpdatedOn,
            tip.Outcome, tip.OutcomeNote, tip.DuplicateOfId, duplicateOf, tip.HotspotId, tip.CaseId, tip.PersonId, tip.ClosedOn,
            [.. tip.Photos.OrderBy(p => p.Id).Select(p => new PhotoInfo(p.Id, p.Width, p.Height, p.MetadataKept))]);
    }

    /// <summary>One photo, decrypted, when the tip is in the caller's area.</summary>
    public async Task<(byte[] Content, string ContentType)?> PhotoAsync(Guid id, Guid photoId, CancellationToken cancellationToken)
    {
        if (!await db.Tips.AnyAsync(t => t.Id == id, cancellationToken))
            return null;
        var photo = await db.Set<TipPhoto>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.TipId == id, cancellationToken);
        if (photo is null)
            return null;
        await audit.RecordReadAsync(nameof(Tip), id.ToString(), null, "photo:" + photoId, null, cancellationToken);
        return (protector.DecryptBytes(photo.ContentProtected), photo.ContentType);
    }
}
