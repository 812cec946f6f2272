using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Lifecycle;
using Pcmt.Infrastructure.Protection;

namespace Pcmt.Features.Enforcement;

/// <summary>
/// Sửa vụ án (the case's own facts, with the version read: a concurrent change is a 409, never overwritten), and the suspects
/// added afterwards or linked to a registry person the officer may read (the persons scope filter decides; nobody links a
/// person they cannot see).
/// </summary>
public sealed class EditDrugCase(AppDbContext db, CurrentUser user, PersonalDataProtector protector, TimeProvider clock)
{
    public sealed class Input
    {
        public string? CommuneCode { get; set; }

        public string? DetectingUnit { get; set; }

        public string? DetectedOn { get; set; }

        public string? Route { get; set; }

        public bool Organised { get; set; }

        public bool Transnational { get; set; }

        public List<string>? Offences { get; set; }

        public string? Summary { get; set; }

        public Guid? Version { get; set; }
    }

    public sealed record LinkInput(Guid? PersonId);

    private static Failure.Conflict Stale => new("Vụ án đã được người khác sửa; hãy tải lại trước khi lưu.");

    public async Task<Result<Guid>> UpdateAsync(Guid id, Input input, CancellationToken cancellationToken)
    {
        var drugCase = await db.Set<DrugCase>().Include(c => c.Stages).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (drugCase is null)
            return new Failure.NotFound();
        var errors = new Dictionary<string, string[]>();
        if (input.Version is null)
            errors["version"] = ["Thiếu phiên bản (version) của vụ án đã đọc."];
        var commune = await EnforcementInput.CommuneAsync(db, user, input.CommuneCode?.Trim(), "communeCode", errors, cancellationToken);
        var detected = LegalInput.Date(input.DetectedOn, "detectedOn", errors);
        EnforcementInput.NotFuture(clock, errors, ("detectedOn", detected));
        // A prosecution stage cannot precede the detection of the case (the same rule RecordProsecutionStage applies).
        if (detected is { } day && drugCase.Stages.Count > 0 && drugCase.Stages.Min(s => s.On) < day && !errors.ContainsKey("detectedOn"))
            errors["detectedOn"] = ["Ngày phát hiện không được sau ngày của giai đoạn tố tụng đã ghi nhận."];
        var route = LegalInput.OneOf(input.Route, "route", CaseRoutes.All.Keys, errors, "tuyến phát hiện");
        if (input.DetectingUnit?.Trim().Length > 200)
            errors["detectingUnit"] = ["Đơn vị phát hiện tối đa 200 ký tự."];
        if (input.Summary?.Trim().Length > 2000)
            errors["summary"] = ["Tóm tắt tối đa 2.000 ký tự."];
        var offences = (input.Offences ?? []).Select(o => o?.Trim() ?? "").Distinct().ToList();
        if (offences.Count == 0)
            errors["offences"] = ["Chọn ít nhất một tội danh (Bộ luật Hình sự 2015, Điều 247–259)."];
        else if (offences.FirstOrDefault(o => !Offences.All.ContainsKey(o)) is { } unknown)
            errors["offences"] = [$"Điều \"{unknown}\" không phải tội phạm về ma túy của Bộ luật Hình sự 2015 (Điều 247–259, 256a)."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        if (input.Version != drugCase.Version)
            return Stale;

        db.Entry(drugCase).Property(c => c.Version).OriginalValue = input.Version!.Value;
        drugCase.ProvinceCode = commune!.ProvinceCode;
        drugCase.CommuneCode = commune.Code;
        drugCase.DetectingUnit = Clean(input.DetectingUnit);
        drugCase.DetectedOn = detected!.Value;
        drugCase.Route = route!;
        drugCase.Organised = input.Organised;
        drugCase.Transnational = input.Transnational;
        drugCase.Offences = string.Join(',', offences);
        drugCase.Summary = Clean(input.Summary);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Stale;
        }

        return drugCase.Version;
    }

    /// <summary>Adds a suspect to a recorded case: a registry person the caller may read, or a name kept encrypted.</summary>
    public async Task<Result<Guid>> AddSuspectAsync(Guid caseId, RecordDrugCase.SuspectInput input, CancellationToken cancellationToken)
    {
        var drugCase = await db.Set<DrugCase>().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (drugCase is null)
            return new Failure.NotFound();
        var errors = new Dictionary<string, string[]>();
        if (input.PersonId is { } personId && !await VisibleAsync(personId, cancellationToken))
            errors["personId"] = ["Không tìm thấy đối tượng này trong sổ đăng ký thuộc địa bàn của bạn."];
        if (input.PersonId is null && string.IsNullOrWhiteSpace(input.FullName))
            errors["fullName"] = ["Nhập họ và tên đối tượng hoặc chọn người trong sổ đăng ký."];
        if (input.FullName?.Trim().Length > 100)
            errors["fullName"] = ["Họ và tên tối đa 100 ký tự."];
        if (input.BirthYear is { } year && (year < 1900 || year > clock.GetUtcNow().Year))
            errors["birthYear"] = ["Năm sinh không hợp lệ."];
        if (input.Residence?.Trim().Length > 300)
            errors["residence"] = ["Nơi cư trú tối đa 300 ký tự."];
        if (input.PersonId is { } p && await db.Set<CaseSuspect>().AnyAsync(s => s.CaseId == caseId && s.PersonId == p, cancellationToken))
            errors["personId"] = ["Người này đã là đối tượng của vụ án."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        var suspect = new CaseSuspect
        {
            CaseId = caseId,
            PersonId = input.PersonId,
            FullNameProtected = Clean(input.FullName) is { } name ? protector.Encrypt(name) : null,
            BirthYear = input.BirthYear,
            ResidenceProtected = Clean(input.Residence) is { } residence ? protector.Encrypt(residence) : null,
            Resident = input.Resident,
        };
        db.Add(suspect);
        await db.SaveChangesAsync(cancellationToken);
        return suspect.Id;
    }

    /// <summary>Links a suspect recorded by name to a registry person the caller may read (or unlinks it with a null personId).</summary>
    public async Task<Result<Guid>> LinkSuspectAsync(Guid caseId, Guid suspectId, LinkInput input, CancellationToken cancellationToken)
    {
        // The case is read through its scope filter first: a suspect of a case outside the caller's area is not found.
        if (!await db.Set<DrugCase>().AnyAsync(c => c.Id == caseId, cancellationToken))
            return new Failure.NotFound();
        var suspect = await db.Set<CaseSuspect>().FirstOrDefaultAsync(s => s.Id == suspectId && s.CaseId == caseId, cancellationToken);
        if (suspect is null)
            return new Failure.NotFound();
        // A link the caller cannot see is not theirs to change either.
        if (suspect.PersonId is { } current && !await VisibleAsync(current, cancellationToken))
            return new Failure.NotFound();
        if (input.PersonId is { } personId)
        {
            if (!await VisibleAsync(personId, cancellationToken))
                return new Failure.Invalid("personId", "Không tìm thấy đối tượng này trong sổ đăng ký thuộc địa bàn của bạn.");
            if (await db.Set<CaseSuspect>().AnyAsync(s => s.CaseId == caseId && s.PersonId == personId && s.Id != suspectId, cancellationToken))
                return new Failure.Invalid("personId", "Người này đã là đối tượng của vụ án.");
        }

        suspect.PersonId = input.PersonId;
        await db.SaveChangesAsync(cancellationToken);
        return suspect.Id;
    }

    private Task<bool> VisibleAsync(Guid personId, CancellationToken cancellationToken) =>
        db.Persons.AsNoTracking().AnyAsync(p => p.Id == personId, cancellationToken);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
