using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;

namespace Pcmt.Features.Persons;

/// <summary>Chuyển địa bàn / tiếp nhận: hand a person's file to another commune, and take it over there.</summary>
public sealed class TransferPerson(AppDbContext db, CurrentUser user, TimeProvider clock, Lifecycle.PersonCaseFiles files)
{
    public sealed record Input
    {
        [Display(Name = "Xã/phường nơi chuyển đến")]
        [Required(ErrorMessage = Messages.Required), StringLength(5, ErrorMessage = Messages.MaxLength)]
        public string? ToCommuneCode { get; init; }

        [Display(Name = "Lý do"), StringLength(500, ErrorMessage = Messages.MaxLength)]
        public string? Reason { get; init; }
    }

    public sealed record Row(long Id, Guid PersonId, string FullName, string FromCommuneCode, string ToCommuneCode, DateTime RequestedAt, DateTime DueAt, DateTime? AcceptedAt, bool Overdue);

    public async Task<Result<long>> RequestAsync(Guid personId, Input input, CancellationToken cancellationToken)
    {
        if (Validation.Errors(input) is { } errors)
            return new Failure.Invalid(errors);
        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
            return new Failure.NotFound();
        var target = await db.AdministrativeUnits.FindCurrentAsync(input.ToCommuneCode, cancellationToken);
        if (target is not { Level: UnitLevel.Commune })
            return new Failure.Invalid(nameof(Input.ToCommuneCode), "Không tìm thấy xã/phường/đặc khu có mã này.");
        if (target.Code == person.CommuneCode)
            return new Failure.Invalid(nameof(Input.ToCommuneCode), "Xã/phường nơi chuyển đến trùng với địa bàn đang quản lý.");
        if (await db.Transfers.AnyAsync(t => t.PersonId == personId && t.AcceptedAt == null, cancellationToken))
            return new Failure.Conflict("Hồ sơ này đang chờ địa bàn khác tiếp nhận.");

        var now = clock.GetUtcNow().UtcDateTime;
        var transfer = new Transfer
        {
            PersonId = personId,
            FromProvinceCode = person.ProvinceCode,
            FromCommuneCode = person.CommuneCode,
            ToProvinceCode = target.ProvinceCode,
            ToCommuneCode = target.Code,
            Reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim(),
            RequestedAt = now,
            RequestedBy = user.UserName,
            DueAt = now + Transfer.TakeOverLimit,
        };
        db.Transfers.Add(transfer);
        await db.SaveChangesAsync(cancellationToken);
        return transfer.Id;
    }

    public async Task<Result<bool>> AcceptAsync(long transferId, CancellationToken cancellationToken)
    {
        var transfer = await db.Transfers.FirstOrDefaultAsync(t => t.Id == transferId, cancellationToken);
        if (transfer is null || !user.Covers(transfer.ToProvinceCode, transfer.ToCommuneCode) && !user.Covers(transfer.FromProvinceCode, transfer.FromCommuneCode))
            return new Failure.NotFound();
        if (!user.Covers(transfer.ToProvinceCode, transfer.ToCommuneCode))
            return new Failure.Forbidden();
        if (!transfer.IsPending)
            return new Failure.Conflict("Hồ sơ đã được tiếp nhận.");

        var person = await db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).FirstAsync(p => p.Id == transfer.PersonId, cancellationToken);
        person.ProvinceCode = transfer.ToProvinceCode;
        person.CommuneCode = transfer.ToCommuneCode;
        person.Current = new Residence { CommuneCode = transfer.ToCommuneCode, Address = null };
        person.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        transfer.AcceptedAt = person.UpdatedAt;
        transfer.AcceptedBy = user.UserName;
        await db.SaveChangesAsync(cancellationToken);
        // Work items and list rows follow the file to the receiving commune.
        await files.RefreshAsync(person.Id, cancellationToken);
        return true;
    }

    /// <summary>Handovers that concern the user's area, sent or received; pending first.</summary>
    public async Task<IReadOnlyList<Row>> ListAsync(bool pendingOnly, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Transfers.AsNoTracking();
        if (!user.SeesWholeInstallation)
        {
            var province = user.ProvinceCode;
            var commune = user.CommuneCode;
            query = query.Where(t => (t.FromProvinceCode == province && (commune == null || t.FromCommuneCode == commune))
                                     || (t.ToProvinceCode == province && (commune == null || t.ToCommuneCode == commune)));
        }

        if (pendingOnly)
            query = query.Where(t => t.AcceptedAt == null);
        var rows = await query.OrderBy(t => t.AcceptedAt != null).ThenBy(t => t.DueAt).Take(500)
            .Join(db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]), t => t.PersonId, p => p.Id, (t, p) => new { t, p.FullName })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new Row(r.t.Id, r.t.PersonId, r.FullName, r.t.FromCommuneCode, r.t.ToCommuneCode, r.t.RequestedAt, r.t.DueAt, r.t.AcceptedAt, r.t.AcceptedAt is null && r.t.DueAt < now)).ToList();
    }

    /// <summary>The receiving commune may read the person while the handover is pending.</summary>
    public static Task<bool> IsIncomingAsync(AppDbContext db, CurrentUser user, Guid personId, CancellationToken cancellationToken)
    {
        var province = user.ProvinceCode;
        var commune = user.CommuneCode;
        return province is null
            ? Task.FromResult(false)
            : db.Transfers.AnyAsync(t => t.PersonId == personId && t.AcceptedAt == null && t.ToProvinceCode == province && (commune == null || t.ToCommuneCode == commune), cancellationToken);
    }
}
