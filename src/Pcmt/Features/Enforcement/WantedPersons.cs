using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Lifecycle;
using Pcmt.Infrastructure.Auditing;
using Pcmt.Infrastructure.Protection;

namespace Pcmt.Features.Enforcement;

/// <summary>Đối tượng truy nã về ma túy lẩn trốn trên địa bàn (QĐ 28/2025/QĐ-TTg Art 6.2): record, list, end (arrested, surrendered, left).</summary>
public sealed class WantedPersons(AppDbContext db, CurrentUser user, PersonalDataProtector protector, AuditLog audit, TimeProvider clock)
{
    public sealed class Input
    {
        public string? CommuneCode { get; set; }

        public string? FullName { get; set; }

        public int? BirthYear { get; set; }

        public string? WarrantNumber { get; set; }

        public string? Offence { get; set; }

        public string? HidingFrom { get; set; }
    }

    public sealed record EndInput(string? EndedOn, Guid? Version);

    public sealed record Row(Guid Id, string ProvinceCode, string CommuneCode, string CommuneName, string? FullName, int? BirthYear, string? WarrantNumber, string? Offence,
        DateOnly HidingFrom, DateOnly? EndedOn, Guid Version);

    public async Task<Result<Guid>> RecordAsync(Input input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var commune = await EnforcementInput.CommuneAsync(db, user, input.CommuneCode, "communeCode", errors, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.FullName) || input.FullName.Trim().Length > 100)
            errors["fullName"] = ["Bắt buộc nhập họ và tên (tối đa 100 ký tự)."];
        if (input.BirthYear is { } year && (year < 1900 || year > clock.GetUtcNow().Year))
            errors["birthYear"] = ["Năm sinh không hợp lệ."];
        if (input.WarrantNumber?.Trim().Length > 100)
            errors["warrantNumber"] = ["Số quyết định truy nã tối đa 100 ký tự."];
        if (input.Offence is { Length: > 0 } offence && !Offences.All.ContainsKey(offence))
            errors["offence"] = [$"Điều \"{offence}\" không phải tội phạm về ma túy của Bộ luật Hình sự 2015 (Điều 247–259, 256a)."];
        var from = LegalInput.Date(input.HidingFrom, "hidingFrom", errors);
        EnforcementInput.NotFuture(clock, errors, ("hidingFrom", from));
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        var wanted = new WantedPerson
        {
            ProvinceCode = commune!.ProvinceCode,
            CommuneCode = commune.Code,
            FullNameProtected = protector.Encrypt(input.FullName!.Trim()),
            BirthYear = input.BirthYear,
            WarrantNumber = string.IsNullOrWhiteSpace(input.WarrantNumber) ? null : input.WarrantNumber.Trim(),
            Offence = string.IsNullOrWhiteSpace(input.Offence) ? null : input.Offence,
            HidingFrom = from!.Value,
        };
        db.Add(wanted);
        await db.SaveChangesAsync(cancellationToken);
        return wanted.Id;
    }

    /// <summary>No longer hiding in the commune from <c>endedOn</c>; a stale <c>version</c> is a conflict.</summary>
    public async Task<Result<Guid>> EndAsync(Guid id, EndInput input, CancellationToken cancellationToken)
    {
        var wanted = await db.Set<WantedPerson>().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (wanted is null)
            return new Failure.NotFound();
        var errors = new Dictionary<string, string[]>();
        var ended = LegalInput.Date(input.EndedOn, "endedOn", errors);
        EnforcementInput.NotFuture(clock, errors, ("endedOn", ended));
        if (ended < wanted.HidingFrom && !errors.ContainsKey("endedOn"))
            errors["endedOn"] = ["Ngày kết thúc không được trước ngày bắt đầu lẩn trốn trên địa bàn."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        if (input.Version is { } version)
        {
            if (version != wanted.Version)
                return new Failure.Conflict("Bản ghi đã được người khác sửa; hãy tải lại.");
            db.Entry(wanted).Property(w => w.Version).OriginalValue = version;
        }

        wanted.EndedOn = ended;
        await db.SaveChangesAsync(cancellationToken);
        return wanted.Version;
    }

    public async Task<PagedList<Row>> ListAsync(string? commune, bool? current, Paging paging, CancellationToken cancellationToken)
    {
        var query = db.Set<WantedPerson>().AsNoTracking().Where(w => (commune == null || w.CommuneCode == commune) && (current != true || w.EndedOn == null));
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(w => w.HidingFrom).ThenBy(w => w.Id).Skip((paging.Page - 1) * paging.PageSize).Take(paging.PageSize).ToListAsync(cancellationToken);
        var codes = rows.Select(r => r.CommuneCode).Distinct().ToList();
        var names = await db.AdministrativeUnits.AsNoTracking().Where(u => codes.Contains(u.Code) && u.Level == UnitLevel.Commune)
            .GroupBy(u => u.Code).Select(g => new { g.Key, Name = g.First().Name }).ToDictionaryAsync(u => u.Key, u => u.Name, cancellationToken);
        var readsNames = user.Can(Permissions.ViewPersons);
        if (readsNames && rows.Count > 0)
            await audit.RecordListAsync(nameof(WantedPerson), rows.Select(r => r.Id), $"commune={commune};current={current}", cancellationToken);
        return new PagedList<Row>(rows.Select(w => new Row(w.Id, w.ProvinceCode, w.CommuneCode, names.GetValueOrDefault(w.CommuneCode, w.CommuneCode),
            readsNames ? protector.Decrypt(w.FullNameProtected) : null, w.BirthYear, w.WarrantNumber, w.Offence, w.HidingFrom, w.EndedOn, w.Version)).ToList(), total, paging.Page, paging.PageSize);
    }
}
