using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Infrastructure.Protection;

namespace Pcmt.Features.Persons;

/// <summary>The checks and the mapping shared by registration, edits and imports, so every entry path applies the same rules.</summary>
public sealed class PersonRules(AppDbContext db, CurrentUser user, PersonalDataProtector protector, TimeProvider clock)
{
    public sealed record Checked(BirthDate BirthDate, Sex Sex, string? CitizenId, AdministrativeUnit Commune, PersonFlags Flags, IReadOnlyList<string> Warnings);

    public async Task<Result<Checked>> CheckAsync(PersonInput input, CancellationToken cancellationToken)
    {
        var units = new Dictionary<string, AdministrativeUnit>();
        foreach (var code in new[] { input.ResidenceCommuneCode, input.PermanentCommuneCode, input.TemporaryCommuneCode }.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()).Distinct())
        {
            if (await db.AdministrativeUnits.FindCurrentAsync(code, cancellationToken) is { } unit)
                units[code] = unit;
        }

        return Check(input, code => string.IsNullOrWhiteSpace(code) ? null : units.GetValueOrDefault(code.Trim()));
    }

    /// <summary>Every unit in force, for checking many rows without a query per row (imports).</summary>
    public async Task<Func<string?, AdministrativeUnit?>> CurrentUnitsAsync(CancellationToken cancellationToken)
    {
        var units = await db.AdministrativeUnits.AsNoTracking().Current().ToListAsync(cancellationToken);
        var byCode = units.GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.First());
        return code => string.IsNullOrWhiteSpace(code) ? null : byCode.GetValueOrDefault(code.Trim());
    }

    /// <summary>The same checks with units looked up by <paramref name="findCurrentUnit"/> (no I/O).</summary>
    public Result<Checked> Check(PersonInput input, Func<string?, AdministrativeUnit?> findCurrentUnit)
    {
        if (Validation.Errors(input) is { } shapeErrors)
            return new Failure.Invalid(shapeErrors);

        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);
        var warnings = new List<string>();

        var today = DatePlausibility.TodayInVietnam(clock);
        if (!BirthDate.TryParse(input.DateOfBirth, out var birth))
            Add(nameof(PersonInput.DateOfBirth), "Ngày sinh phải có dạng dd/MM/yyyy, yyyy-MM-dd, hoặc chỉ năm sinh (yyyy) khi không rõ ngày, và không trước năm 1900.");
        else if (!DatePlausibility.IsPlausibleBirth(birth.Date ?? new DateOnly(birth.Year, 1, 1), today))
            Add(nameof(PersonInput.DateOfBirth), "Ngày sinh không được sau ngày hôm nay.");

        var sex = input.Sex == "female" ? Sex.Female : Sex.Male;
        var flags = PersonFlags.None;
        foreach (var code in input.Flags ?? [])
        {
            if (PersonInput.FlagCodes.TryGetValue(code, out var flag))
                flags |= flag;
            else
                Add(nameof(PersonInput.Flags), $"Tình trạng '{code}' không hợp lệ. Các giá trị: {string.Join(", ", PersonInput.FlagCodes.Keys)}.");
        }

        if (flags.HasFlag(PersonFlags.Pregnant) && sex != Sex.Female)
            Add(nameof(PersonInput.Flags), "Chỉ người có giới tính nữ mới có thể ghi nhận đang mang thai.");
        foreach (var code in (input.Substances ?? []).Where(s => !Substances.All.ContainsKey(s)))
            Add(nameof(PersonInput.Substances), $"Chất ma túy '{code}' không hợp lệ. Các giá trị: {string.Join(", ", Substances.All.Keys)}.");
        if (!string.IsNullOrWhiteSpace(input.LegacyId) && !CitizenId.IsLegacyId(input.LegacyId.Trim()))
            Add(nameof(PersonInput.LegacyId), "Số CMND cũ gồm đúng 9 chữ số.");
        if ((input.Aliases ?? []).Any(a => a.Length > 100))
            Add(nameof(PersonInput.Aliases), "Mỗi tên gọi khác không được dài quá 100 ký tự.");

        string? citizenId = null;
        if (!string.IsNullOrWhiteSpace(input.CitizenId))
        {
            citizenId = new string(input.CitizenId.Where(c => !char.IsWhiteSpace(c)).ToArray());
            var check = CitizenId.Validate(citizenId, birth.Year, sex);
            warnings.AddRange(check.Warnings);
            if (!CitizenId.HasValidFormat(citizenId))
            {
                Add(nameof(PersonInput.CitizenId), check.Errors[0]);
            }
            else if (!check.IsValid && birth.Year > 0)
            {
                // legal-rules §9.4: a mismatch blocks, unless an officer with the right permission accepts it with a written reason.
                if (string.IsNullOrWhiteSpace(input.CitizenIdOverrideReason) || input.CitizenIdOverrideReason.Trim().Length < 10)
                {
                    foreach (var message in check.Errors)
                        Add(nameof(PersonInput.CitizenId), message);
                    if (user.Can(Permissions.OverrideCitizenIdCheck))
                        Add(nameof(PersonInput.CitizenIdOverrideReason), "Nếu dữ liệu gốc đúng là như vậy, hãy ghi lý do (ít nhất 10 ký tự) để chấp nhận.");
                }
                else if (!user.Can(Permissions.OverrideCitizenIdCheck))
                {
                    Add(nameof(PersonInput.CitizenIdOverrideReason), "Bạn không có quyền chấp nhận số định danh không khớp năm sinh hoặc giới tính.");
                }
                else
                {
                    warnings.Add("Đã chấp nhận số định danh không khớp với lý do: " + input.CitizenIdOverrideReason.Trim());
                }
            }
        }

        var commune = findCurrentUnit(input.ResidenceCommuneCode);
        if (commune is not { Level: UnitLevel.Commune })
            Add(nameof(PersonInput.ResidenceCommuneCode), "Không tìm thấy xã/phường/đặc khu có mã này.");
        else if (!user.Covers(commune.ProvinceCode, commune.Code))
            Add(nameof(PersonInput.ResidenceCommuneCode), "Xã/phường không thuộc địa bàn được phân công.");
        foreach (var (field, code) in new[] { (nameof(PersonInput.PermanentCommuneCode), input.PermanentCommuneCode), (nameof(PersonInput.TemporaryCommuneCode), input.TemporaryCommuneCode) })
        {
            if (!string.IsNullOrWhiteSpace(code) && findCurrentUnit(code) is not { Level: UnitLevel.Commune })
                Add(field, "Không tìm thấy xã/phường/đặc khu có mã này.");
        }

        if (errors.Count > 0)
            return new Failure.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        if (birth.Year > 0 && today.Year - birth.Year < 18 && string.IsNullOrWhiteSpace(input.GuardianName))
            warnings.Add("Người dưới 18 tuổi: nên ghi thông tin người giám hộ (Luật Phòng, chống ma túy 2025).");
        return new Checked(birth, sex, citizenId, commune!, flags, warnings);
    }

    /// <summary>Copies checked input onto the entity; identifiers are encrypted and indexed here, and only here.</summary>
    public void Apply(Person person, PersonInput input, Checked valid)
    {
        person.SetNames(input.FullName!, input.Aliases ?? []);
        person.DateOfBirth = valid.BirthDate.Date;
        person.BirthYear = valid.BirthDate.Year;
        person.Sex = valid.Sex;
        person.CitizenIdProtected = valid.CitizenId is null ? null : protector.Encrypt(valid.CitizenId);
        person.CitizenIdIndex = valid.CitizenId is null ? null : protector.BlindIndex(valid.CitizenId);
        person.CitizenIdOverrideReason = valid.CitizenId is not null && valid.Warnings.Any(w => w.StartsWith("Đã chấp nhận", StringComparison.Ordinal)) ? input.CitizenIdOverrideReason!.Trim() : null;
        var legacy = string.IsNullOrWhiteSpace(input.LegacyId) ? null : input.LegacyId.Trim();
        person.LegacyIdProtected = legacy is null ? null : protector.Encrypt(legacy);
        person.LegacyIdIndex = legacy is null ? null : protector.BlindIndex(legacy);
        person.PhoneProtected = Protect(input.Phone);
        person.GuardianPhoneProtected = Protect(input.GuardianPhone);
        person.Ethnicity = Trim(input.Ethnicity);
        person.Occupation = Trim(input.Occupation);
        person.Education = Trim(input.Education);
        person.MaritalStatus = Trim(input.MaritalStatus);
        person.Current = new Residence { CommuneCode = valid.Commune.Code, Address = Trim(input.Address) };
        person.Permanent = new Residence { CommuneCode = Trim(input.PermanentCommuneCode), Address = Trim(input.PermanentAddress) };
        person.Temporary = new Residence { CommuneCode = Trim(input.TemporaryCommuneCode), Address = Trim(input.TemporaryAddress) };
        person.GuardianName = Trim(input.GuardianName);
        person.GuardianRelation = Trim(input.GuardianRelation);
        person.Substances = string.Join(",", (input.Substances ?? []).Distinct().Order(StringComparer.Ordinal));
        person.Flags = valid.Flags;
        person.ProvinceCode = valid.Commune.ProvinceCode;
        person.CommuneCode = valid.Commune.Code;
        person.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    public string? Reveal(string? protectedValue) => protectedValue is null ? null : protector.Decrypt(protectedValue);

    public string Index(string value) => protector.BlindIndex(value);

    private string? Protect(string? value) => string.IsNullOrWhiteSpace(value) ? null : protector.Encrypt(value.Trim());

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
