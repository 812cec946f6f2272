using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Lifecycle;
using Pcmt.Infrastructure.Protection;

namespace Pcmt.Features.Enforcement;

/// <summary>Ghi nhận vụ án, vụ việc về ma túy with its suspects and seizures; everything is checked before anything is stored.</summary>
public sealed class RecordDrugCase(AppDbContext db, CurrentUser user, PersonalDataProtector protector, TimeProvider clock)
{
    public sealed class SuspectInput
    {
        public Guid? PersonId { get; set; }

        public string? FullName { get; set; }

        public int? BirthYear { get; set; }

        public string? Residence { get; set; }

        public bool Resident { get; set; }
    }

    public sealed class SeizureInput
    {
        public string? Substance { get; set; }

        public decimal? Quantity { get; set; }

        public string? Unit { get; set; }
    }

    public sealed class Input
    {
        public string? CommuneCode { get; set; }

        public string? DetectingUnit { get; set; }

        public string? DetectedOn { get; set; }

        public string? Route { get; set; }

        public bool Organised { get; set; }

        public bool Transnational { get; set; }

        public List<string>? Offences { get; set; }

        public List<SuspectInput>? Suspects { get; set; }

        public List<SeizureInput>? Seizures { get; set; }

        public string? Summary { get; set; }
    }

    public async Task<Result<Guid>> HandleAsync(Input input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var commune = await EnforcementInput.CommuneAsync(db, user, input.CommuneCode, "communeCode", errors, cancellationToken);
        var detected = LegalInput.Date(input.DetectedOn, "detectedOn", errors);
        EnforcementInput.NotFuture(clock, errors, ("detectedOn", detected));
        if (detected is { Year: < 2000 })
            errors["detectedOn"] = ["Ngày phát hiện không hợp lệ."];
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

        var suspects = (input.Suspects ?? []).Where(s => s.PersonId is not null || !string.IsNullOrWhiteSpace(s.FullName) || s.BirthYear is not null).ToList();
        if (suspects.Count > 500)
            errors["suspects"] = ["Tối đa 500 đối tượng trong một vụ."];
        var linked = suspects.Where(s => s.PersonId is not null).Select(s => s.PersonId!.Value).Distinct().ToList();
        // The person must be one the recorder may read (the scope filter applies): nobody links a person they cannot see.
        var visible = linked.Count == 0 ? [] : await db.Persons.AsNoTracking().Where(p => linked.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        var thisYear = clock.GetUtcNow().Year;
        for (var i = 0; i < suspects.Count && i < 500; i++)
        {
            var s = suspects[i];
            if (s.PersonId is { } id && !visible.Contains(id))
                errors[$"suspects[{i}].personId"] = ["Không tìm thấy đối tượng này trong sổ đăng ký thuộc địa bàn của bạn."];
            if (s.PersonId is null && string.IsNullOrWhiteSpace(s.FullName))
                errors[$"suspects[{i}].fullName"] = ["Nhập họ và tên đối tượng hoặc chọn người trong sổ đăng ký."];
            if (s.FullName?.Trim().Length > 100)
                errors[$"suspects[{i}].fullName"] = ["Họ và tên tối đa 100 ký tự."];
            if (s.BirthYear is { } year && (year < 1900 || year > thisYear))
                errors[$"suspects[{i}].birthYear"] = ["Năm sinh không hợp lệ."];
            if (s.Residence?.Trim().Length > 300)
                errors[$"suspects[{i}].residence"] = ["Nơi cư trú tối đa 300 ký tự."];
        }

        var seizures = (input.Seizures ?? []).Where(s => s.Substance is not null || s.Quantity is not null || s.Unit is not null).ToList();
        if (seizures.Count > 100)
            errors["seizures"] = ["Tối đa 100 loại tang vật trong một vụ."];
        for (var i = 0; i < seizures.Count && i < 100; i++)
        {
            var s = seizures[i];
            LegalInput.OneOf(s.Substance, $"seizures[{i}].substance", SeizedSubstances.All.Keys, errors, "chất ma túy");
            LegalInput.OneOf(s.Unit, $"seizures[{i}].unit", SeizureUnits.All.Keys, errors, "đơn vị tính (g, kg, tablet, ml, plant)");
            if (s.Quantity is not (> 0 and <= 1_000_000_000))
                errors[$"seizures[{i}].quantity"] = ["Số lượng thu giữ phải lớn hơn 0 và không quá 1.000.000.000."];
            else if (decimal.Round(s.Quantity.Value, 3) != s.Quantity.Value)
                errors[$"seizures[{i}].quantity"] = ["Số lượng có tối đa 3 chữ số thập phân."];
        }

        if (errors.Count > 0)
            return new Failure.Invalid(errors);

        var drugCase = new DrugCase
        {
            ProvinceCode = commune!.ProvinceCode,
            CommuneCode = commune.Code,
            DetectingUnit = Clean(input.DetectingUnit),
            DetectedOn = detected!.Value,
            Route = route!,
            Organised = input.Organised,
            Transnational = input.Transnational,
            Offences = string.Join(',', offences),
            Summary = Clean(input.Summary),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            Suspects = suspects.Select(s => new CaseSuspect
            {
                PersonId = s.PersonId,
                FullNameProtected = Clean(s.FullName) is { } name ? protector.Encrypt(name) : null,
                BirthYear = s.BirthYear,
                ResidenceProtected = Clean(s.Residence) is { } residence ? protector.Encrypt(residence) : null,
                Resident = s.Resident,
            }).ToList(),
            Seizures = seizures.Select(s => new Seizure { Substance = s.Substance!, Quantity = s.Quantity!.Value, Unit = s.Unit! }).ToList(),
        };
        db.Add(drugCase);
        await db.SaveChangesAsync(cancellationToken);
        return drugCase.Id;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Input checks the enforcement registers share.</summary>
public static class EnforcementInput
{
    public static async Task<AdministrativeUnit?> CommuneAsync(AppDbContext db, CurrentUser user, string? code, string field, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var unit = string.IsNullOrWhiteSpace(code) ? null : await db.AdministrativeUnits.AsNoTracking().Current().FirstOrDefaultAsync(u => u.Code == code && u.Level == UnitLevel.Commune, ct);
        if (unit is null)
            errors[field] = ["Mã xã/phường/đặc khu không đúng hoặc không còn hiệu lực."];
        else if (!user.Covers(unit.ProvinceCode, unit.Code))
            errors[field] = ["Xã/phường này ngoài địa bàn của bạn."];
        return unit;
    }

    public static void NotFuture(TimeProvider clock, Dictionary<string, string[]> errors, params (string Field, DateOnly? Day)[] days)
    {
        var today = Deadlines.LegalTime.DayOf(clock.GetUtcNow());
        foreach (var (field, day) in days)
        {
            if (day > today && !errors.ContainsKey(field))
                errors[field] = ["Ngày không được ở tương lai."];
        }
    }
}
