using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Deadlines;
using Pcmt.Features.Lifecycle;
using Pcmt.Features.SupplySide;

namespace Pcmt.Features.Tips;

/// <summary>Kết thúc xác minh tin tố giác: the outcome, a note, and what it led to (a point, a drug case, a person) or the tip it repeats.</summary>
public sealed class CloseTip(AppDbContext db, TimeProvider clock)
{
    public sealed record Input(string? Outcome, string? Note, Guid? HotspotId, Guid? CaseId, Guid? PersonId, string? DuplicateOf);

    public async Task<Result<bool>> HandleAsync(Guid id, Input input, CancellationToken cancellationToken)
    {
        var tip = await db.Tips.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tip is null)
            return new Failure.NotFound();

        var errors = new Dictionary<string, string[]>();
        var outcome = LegalInput.OneOf(input.Outcome, "outcome", TipOutcomes.Names.Keys, errors, "kết quả xác minh");
        var note = SubmitTip.Clean(input.Note);
        if (note.Length == 0)
            errors["note"] = ["Vui lòng ghi kết quả xác minh."];
        else if (note.Length > 2000)
            errors["note"] = ["Ghi chú không được dài quá 2.000 ký tự."];
        if (input.HotspotId is { } hotspotId && !await db.Set<Hotspot>().AnyAsync(h => h.Id == hotspotId && h.ProvinceCode == tip.ProvinceCode, cancellationToken))
            errors["hotspotId"] = ["Không tìm thấy điểm này trong địa bàn của bạn."];
        if (input.PersonId is { } personId && !await db.Persons.AnyAsync(p => p.Id == personId, cancellationToken))
            errors["personId"] = ["Không tìm thấy đối tượng này trong địa bàn của bạn."];
        Guid? duplicateOf = null;
        if (!string.IsNullOrWhiteSpace(input.DuplicateOf))
        {
            var code = TipSecrets.NormalizeCode(input.DuplicateOf);
            duplicateOf = await db.Tips.Where(t => t.ReceiptCode == code && t.Id != tip.Id).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
            if (duplicateOf is null)
                errors["duplicateOf"] = ["Không tìm thấy tin tố giác có mã này trong địa bàn của bạn."];
            else if (outcome != TipOutcomes.Duplicate)
                errors["duplicateOf"] = ["Chỉ ghi mã tin trùng khi kết quả là \"trùng tin đã có\"."];
        }

        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        if (tip.Status == TipStatuses.Closed)
            return new Failure.Conflict("Tin tố giác đã được xử lý xong.");

        var today = LegalTime.DayOf(clock.GetUtcNow());
        tip.Status = TipStatuses.Closed;
        tip.Outcome = outcome;
        tip.OutcomeNote = note;
        tip.HotspotId = input.HotspotId;
        tip.CaseId = input.CaseId;
        tip.PersonId = input.PersonId;
        tip.DuplicateOfId = duplicateOf;
        tip.ClosedOn = today;
        tip.UpdatedOn = today;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
