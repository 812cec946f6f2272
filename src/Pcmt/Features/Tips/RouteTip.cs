using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Deadlines;

namespace Pcmt.Features.Tips;

/// <summary>Chuyển tin tố giác về xã: the provincial police send a tip to the commune police to verify; it becomes "in progress".</summary>
public sealed class RouteTip(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    public sealed record Input(string? CommuneCode);

    public async Task<Result<bool>> HandleAsync(Guid id, Input input, CancellationToken cancellationToken)
    {
        var tip = await db.Tips.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tip is null)
            return new Failure.NotFound();
        if (tip.Status == TipStatuses.Closed)
            return new Failure.Conflict("Tin tố giác đã được xử lý xong, không chuyển được nữa.");
        var commune = await db.AdministrativeUnits.AsNoTracking().FindCurrentAsync(input.CommuneCode, cancellationToken);
        if (commune is not { Level: UnitLevel.Commune })
            return new Failure.Invalid("communeCode", "Xã/phường/đặc khu không đúng hoặc không còn hiệu lực.");
        if (commune.ProvinceCode != tip.ProvinceCode || !user.Covers(commune.ProvinceCode, commune.Code))
            return new Failure.Invalid("communeCode", "Chỉ chuyển được về xã/phường thuộc tỉnh của tin tố giác và trong địa bàn của bạn.");

        tip.CommuneCode = commune.Code;
        tip.Status = TipStatuses.InProgress;
        tip.UpdatedOn = LegalTime.DayOf(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
