using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Enforcement;
using Pcmt.Features.Lifecycle;
using Pcmt.Infrastructure.Auditing;
using Pcmt.Infrastructure.Protection;

namespace Pcmt.Features.Community;

/// <summary>
/// Tổ quản lý, Tổ quản lý hỗ trợ xã hội và người hỗ trợ của xã: the rosters, the assignment of a supporter to a person, and the
/// supporter's sheet. Every row is scoped to its commune (UnitScope); phones are encrypted and their reads audited.
/// </summary>
public sealed partial class TeamRosters(AppDbContext db, CurrentUser user, PersonalDataProtector protector, AuditLog audit, TimeProvider clock, DecisionDocuments documents)
{
    public sealed class MemberInput
    {
        public string? CommuneCode { get; set; }

        public string? Team { get; set; }

        public string? Role { get; set; }

        public string? FullName { get; set; }

        public string? Unit { get; set; }

        public string? Phone { get; set; }

        public string? JoinedOn { get; set; }
    }

    public sealed record EndInput(string? On, Guid? Version);

    public sealed class AssignInput
    {
        public Guid? MemberId { get; set; }

        public string? FromOn { get; set; }

        public string? ToOn { get; set; }

        public string? DecisionNumber { get; set; }
    }

    public sealed record MemberRow(Guid Id, string CommuneCode, string CommuneName, string Team, string Role, string FullName, string? Unit, string? Phone, DateOnly JoinedOn, DateOnly? LeftOn, int Assigned, Guid Version);

    public sealed record AssignmentRow(Guid Id, Guid PersonId, Guid MemberId, string SupporterName, string? SupporterUnit, string Measure, string? DecisionNumber, DateOnly FromOn, DateOnly? ToOn, Guid Version)
    {
        /// <summary>The decision form of legal-rules §12 for this assignment: 59 (home rehab), 60 (post-rehab), none for user management (Form 04 names the team).</summary>
        public string? Form => Measure switch { SupportMeasures.HomeRehab => "59", SupportMeasures.PostRehab => "60", _ => null };
    }

    /// <summary>What a supporter is told about a person (NĐ 163 Art 3.5: confidentiality; legal-rules §10: supporters see only the people assigned to them).</summary>
    public sealed record SheetRow(string FullName, int BirthYear, string Residence, string Measure, DateOnly FromOn, DateOnly? ToOn);

    public sealed record Sheet(string FullName, string? Unit, string CommuneName, IReadOnlyList<SheetRow> Persons);

    [GeneratedRegex(@"^\+?[0-9][0-9 .]{7,18}$")]
    private static partial Regex PhonePattern();

    public async Task<Result<Guid>> AddMemberAsync(MemberInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var commune = await EnforcementInput.CommuneAsync(db, user, input.CommuneCode, "communeCode", errors, cancellationToken);
        var team = LegalInput.OneOf(input.Team, "team", Teams.Names.Keys, errors, "tổ (management, social-support, supporters)");
        var role = LegalInput.OneOf(input.Role, "role", TeamRoles.Names.Keys, errors, "vai trò trong tổ");
        if (string.IsNullOrWhiteSpace(input.FullName) || input.FullName.Trim().Length > 100)
            errors["fullName"] = ["Bắt buộc nhập họ và tên (tối đa 100 ký tự)."];
        if (input.Unit?.Trim().Length > 200)
            errors["unit"] = ["Đơn vị tối đa 200 ký tự."];
        var phone = input.Phone?.Trim();
        if (!string.IsNullOrEmpty(phone) && !PhonePattern().IsMatch(phone))
            errors["phone"] = ["Số điện thoại không hợp lệ (8–15 chữ số)."];
        var joined = LegalInput.Date(input.JoinedOn, "joinedOn", errors);
        EnforcementInput.NotFuture(clock, errors, ("joinedOn", joined));
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        var member = new TeamMember
        {
            ProvinceCode = commune!.ProvinceCode,
            CommuneCode = commune.Code,
            Team = team!,
            Role = role!,
            FullName = input.FullName!.Trim(),
            Unit = string.IsNullOrWhiteSpace(input.Unit) ? null : input.Unit.Trim(),
            PhoneProtected = string.IsNullOrEmpty(phone) ? null : protector.Encrypt(phone),
            JoinedOn = joined!.Value,
        };
        db.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        return member.Id;
    }

    /// <summary>The member leaves the team on <c>on</c>; a stale version is a conflict.</summary>
    public async Task<Result<Guid>> EndMemberAsync(Guid id, EndInput input, CancellationToken cancellationToken)
    {
        var member = await db.Set<TeamMember>().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
            return new Failure.NotFound();
        var errors = new Dictionary<string, string[]>();
        var on = LegalInput.Date(input.On, "on", errors);
        EnforcementInput.NotFuture(clock, errors, ("on", on));
        if (on < member.JoinedOn && !errors.ContainsKey("on"))
            errors["on"] = ["Ngày rời tổ không được trước ngày tham gia."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        if (Stale(member, input.Version) is { } conflict)
            return conflict;
        member.LeftOn = on;
        await db.SaveChangesAsync(cancellationToken);
        return member.Version;
    }

    public async Task<IReadOnlyList<MemberRow>> ListMembersAsync(string? commune, string? team, bool current, bool withPhones, CancellationToken cancellationToken)
    {
        var today = DatePlausibility.TodayInVietnam(clock);
        var members = await db.Set<TeamMember>().AsNoTracking()
            .Where(m => (commune == null || m.CommuneCode == commune) && (team == null || m.Team == team) && (!current || m.LeftOn == null || m.LeftOn >= today))
            .OrderBy(m => m.CommuneCode).ThenBy(m => m.Team).ThenBy(m => m.FullName).Take(2000).ToListAsync(cancellationToken);
        var ids = members.Select(m => m.Id).ToList();
        var assigned = await db.Set<SupporterAssignment>().AsNoTracking().Where(a => ids.Contains(a.MemberId) && (a.ToOn == null || a.ToOn >= today))
            .GroupBy(a => a.MemberId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var names = await CommuneNamesAsync(members.Select(m => m.CommuneCode), cancellationToken);
        if (withPhones && members.Any(m => m.PhoneProtected is not null))
            await audit.RecordListAsync(nameof(TeamMember), members.Where(m => m.PhoneProtected is not null).Select(m => m.Id), $"commune={commune};team={team}", cancellationToken);
        return members.Select(m => new MemberRow(m.Id, m.CommuneCode, names.GetValueOrDefault(m.CommuneCode, m.CommuneCode), m.Team, m.Role, m.FullName, m.Unit,
            !withPhones || m.PhoneProtected is null ? null : protector.Decrypt(m.PhoneProtected), m.JoinedOn, m.LeftOn, assigned.GetValueOrDefault(m.Id), m.Version)).ToList();
    }

    /// <summary>
    /// Phân công người hỗ trợ. The person must, on <c>fromOn</c>, be under user management (Law 120/2025 Art 24; NĐ 163/2026 Art 59,
    /// 65), in voluntary rehab at home / in the community (Law 120 Art 32; NĐ 163 Art 130) or under post-rehab management (Law 120
    /// Art 42; NĐ 163 Art 136): only these measures have a supporter. The supporter is on the same commune's supporters' roster.
    /// </summary>
    public async Task<Result<Guid>> AssignAsync(Guid personId, AssignInput input, CancellationToken cancellationToken)
    {
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Id, p.ProvinceCode, p.CommuneCode }).FirstOrDefaultAsync(cancellationToken);
        if (person is null)
            return new Failure.NotFound();
        var errors = new Dictionary<string, string[]>();
        var from = LegalInput.Date(input.FromOn, "fromOn", errors);
        var to = LegalInput.Date(input.ToOn, "toOn", errors, required: false);
        EnforcementInput.NotFuture(clock, errors, ("fromOn", from));
        if (to < from && !errors.ContainsKey("toOn"))
            errors["toOn"] = ["Ngày kết thúc không được trước ngày bắt đầu."];
        if (input.DecisionNumber?.Trim().Length > 50)
            errors["decisionNumber"] = ["Số quyết định tối đa 50 ký tự."];
        var member = input.MemberId is { } memberId ? await db.Set<TeamMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken) : null;
        if (member is null)
            errors["memberId"] = ["Bắt buộc chọn người hỗ trợ trong danh sách người hỗ trợ của xã."];
        else if (member.Team != Teams.Supporters)
            errors["memberId"] = ["Người được chọn không có trong danh sách người hỗ trợ của xã."];
        else if (member.CommuneCode != person.CommuneCode)
            errors["memberId"] = ["Người hỗ trợ phải thuộc danh sách người hỗ trợ của xã nơi người được hỗ trợ cư trú."];
        else if (from is { } f && (member.JoinedOn > f || member.LeftOn < f))
            errors["memberId"] = ["Người hỗ trợ không còn trong danh sách vào ngày bắt đầu phân công."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);

        var measure = await MeasureOnAsync(person.Id, from!.Value, cancellationToken);
        if (measure is null)
            return new Failure.Invalid("fromOn",
                "Chỉ phân công người hỗ trợ cho người, vào ngày bắt đầu phân công, đang bị quản lý do sử dụng trái phép chất ma túy (Luật Phòng, chống ma túy 120/2025 Điều 24; Nghị định 163/2026 Điều 59, 65), "
                + "đang cai nghiện tự nguyện tại gia đình, cộng đồng (Luật 120/2025 Điều 32; Nghị định 163/2026 Điều 130) hoặc đang bị quản lý sau cai nghiện (Luật 120/2025 Điều 42; Nghị định 163/2026 Điều 136). "
                + "Người này không thuộc các trường hợp đó vào ngày " + Format.Date(from.Value) + ".");
        var assignment = new SupporterAssignment
        {
            PersonId = person.Id,
            MemberId = member!.Id,
            ProvinceCode = person.ProvinceCode,
            CommuneCode = person.CommuneCode,
            Measure = measure,
            DecisionNumber = string.IsNullOrWhiteSpace(input.DecisionNumber) ? null : input.DecisionNumber.Trim(),
            FromOn = from.Value,
            ToOn = to,
        };
        db.Add(assignment);
        await db.SaveChangesAsync(cancellationToken);
        return assignment.Id;
    }

    /// <summary>The measure with a supporter the person is under on <paramref name="day"/>, from the legal lists (Features/Lifecycle).</summary>
    private async Task<string?> MeasureOnAsync(Guid personId, DateOnly day, CancellationToken ct)
    {
        var lists = await db.ListEntries.AsNoTracking()
            .Where(l => l.PersonId == personId && l.FromOn <= day && (l.ToOn == null || l.ToOn >= day)
                        && (l.List == LegalLists.Users || l.List == LegalLists.InRehab || l.List == LegalLists.PostRehab))
            .Select(l => new { l.List, l.SourceId }).ToListAsync(ct);
        foreach (var rehab in lists.Where(l => l.List == LegalLists.InRehab))
        {
            var record = await db.CaseRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rehab.SourceId && r.PersonId == personId && r.VoidedAt == null, ct);
            if (record?.Event is RehabDecided { Form: RehabForms.HomeCommunity })
                return SupportMeasures.HomeRehab;
        }

        return lists.Any(l => l.List == LegalLists.PostRehab) ? SupportMeasures.PostRehab
            : lists.Any(l => l.List == LegalLists.Users) ? SupportMeasures.Management
            : null;
    }

    public async Task<Result<Guid>> EndAssignmentAsync(Guid id, EndInput input, CancellationToken cancellationToken)
    {
        var assignment = await db.Set<SupporterAssignment>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assignment is null)
            return new Failure.NotFound();
        var errors = new Dictionary<string, string[]>();
        var on = LegalInput.Date(input.On, "on", errors);
        EnforcementInput.NotFuture(clock, errors, ("on", on));
        if (on < assignment.FromOn && !errors.ContainsKey("on"))
            errors["on"] = ["Ngày kết thúc không được trước ngày bắt đầu phân công."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        if (Stale(assignment, input.Version) is { } conflict)
            return conflict;
        assignment.ToOn = on;
        await db.SaveChangesAsync(cancellationToken);
        return assignment.Version;
    }

    /// <summary>The supporters of a person (person page); 404 when the person is outside the caller's area.</summary>
    public async Task<IReadOnlyList<AssignmentRow>?> ForPersonAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (!await db.Persons.AsNoTracking().AnyAsync(p => p.Id == personId, cancellationToken))
            return null;
        var rows = await (from a in db.Set<SupporterAssignment>().AsNoTracking()
                          join m in db.Set<TeamMember>().AsNoTracking() on a.MemberId equals m.Id
                          where a.PersonId == personId
                          orderby a.FromOn descending
                          select new AssignmentRow(a.Id, a.PersonId, a.MemberId, m.FullName, m.Unit, a.Measure, a.DecisionNumber, a.FromOn, a.ToOn, a.Version)).ToListAsync(cancellationToken);
        return rows;
    }

    /// <summary>Mẫu 59/60 with the supporter named (DecisionDocuments).</summary>
    public async Task<Result<(byte[] Content, string FileName)>> DecisionAsync(Guid assignmentId, CancellationToken cancellationToken)
    {
        var row = await (from a in db.Set<SupporterAssignment>().AsNoTracking()
                         join m in db.Set<TeamMember>().AsNoTracking() on a.MemberId equals m.Id
                         where a.Id == assignmentId
                         select new AssignmentRow(a.Id, a.PersonId, a.MemberId, m.FullName, m.Unit, a.Measure, a.DecisionNumber, a.FromOn, a.ToOn, a.Version)).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
            return new Failure.NotFound();
        if (row.Form is not { } form)
            return new Failure.Invalid("form", "Nghị định 163/2026 không có mẫu quyết định phân công người hỗ trợ riêng cho biện pháp quản lý người sử dụng trái phép chất ma túy: Quyết định quản lý (Mẫu 04) ghi Tổ quản lý.");
        return await documents.CreateSupporterAssignmentAsync(row.PersonId, form, row.SupporterName, row.SupporterUnit, row.DecisionNumber, row.FromOn, row.Id, cancellationToken);
    }

    /// <summary>
    /// Phiếu của người hỗ trợ: the people currently assigned to one supporter, with only their name, birth year, residence, the
    /// measure and its dates — no citizen ID, test results, health or case history (NĐ 163/2026 Art 3.5: information on people in
    /// rehab and post-rehab is given only to competent bodies; legal-rules §10: supporters see only the people assigned to them).
    /// Supporters have no account (the roles are fixed by the API contract); the officer prints this sheet for them. Each person shown is audited.
    /// </summary>
    public async Task<Sheet?> SheetAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var member = await db.Set<TeamMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
            return null;
        var today = DatePlausibility.TodayInVietnam(clock);
        var rows = await (from a in db.Set<SupporterAssignment>().AsNoTracking()
                          join p in db.Persons.AsNoTracking() on a.PersonId equals p.Id
                          where a.MemberId == memberId && (a.ToOn == null || a.ToOn >= today)
                          orderby p.FullName
                          select new { a.PersonId, p.FullName, p.BirthYear, p.Current.Address, p.CommuneCode, a.Measure, a.FromOn, a.ToOn }).ToListAsync(cancellationToken);
        var names = await CommuneNamesAsync([member.CommuneCode, .. rows.Select(r => r.CommuneCode)], cancellationToken);
        foreach (var row in rows)
            await audit.RecordReadAsync(nameof(Persons.Person), row.PersonId.ToString(), row.PersonId, "phiếu người hỗ trợ", "hỗ trợ", cancellationToken);
        return new Sheet(member.FullName, member.Unit, names.GetValueOrDefault(member.CommuneCode, member.CommuneCode),
            rows.Select(r => new SheetRow(r.FullName, r.BirthYear, string.Join(", ", new[] { r.Address, names.GetValueOrDefault(r.CommuneCode, r.CommuneCode) }.Where(t => !string.IsNullOrWhiteSpace(t))),
                r.Measure, r.FromOn, r.ToOn)).ToList());
    }

    /// <summary>
    /// Mẫu 55: the chairperson's decision establishing the commune's Tổ quản lý hỗ trợ xã hội (NĐ 163/2026 Art 136), listing the
    /// members of its roster on <paramref name="on"/> (default today). The team is led by a commune police officer (NĐ 163 Art 136;
    /// legal-rules §3, §4.8): without a Tổ trưởng on the roster the decision is refused (400). Another commune's team: 403.
    /// </summary>
    public async Task<Result<(byte[] Content, string FileName)>> SocialSupportDecisionAsync(string? commune, string? on, string? number, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var code = string.IsNullOrWhiteSpace(commune) ? user.CommuneCode : commune.Trim();
        var unit = code is null ? null : await db.AdministrativeUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code && u.Level == UnitLevel.Commune && u.ValidTo == null, cancellationToken);
        if (unit is null)
            errors["commune"] = ["Chọn xã/phường/đặc khu (mã không đúng hoặc không còn hiệu lực)."];
        else if (!user.Covers(unit.ProvinceCode, unit.Code))
            return new Failure.Forbidden();
        var day = LegalInput.Date(on, "on", errors, required: false) ?? DatePlausibility.TodayInVietnam(clock);
        EnforcementInput.NotFuture(clock, errors, ("on", day));
        var decision = string.IsNullOrWhiteSpace(number) ? null : number.Trim();
        if (decision?.Length > 50)
            errors["number"] = ["Số quyết định tối đa 50 ký tự."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);

        var members = await db.Set<TeamMember>().AsNoTracking()
            .Where(m => m.CommuneCode == unit!.Code && m.Team == Teams.SocialSupport && m.JoinedOn <= day && (m.LeftOn == null || m.LeftOn >= day))
            .ToListAsync(cancellationToken);
        var name = unit!.Name;
        if (members.Count == 0)
            return new Failure.Invalid("commune", "Tổ quản lý hỗ trợ xã hội của " + DocumentLayout.MidSentence(name) + " chưa có thành viên vào ngày " + Format.Date(day) + ": thêm thành viên vào danh sách trước khi in Mẫu 55.");
        if (!members.Any(m => m.Role == "leader"))
            return new Failure.Invalid("commune", "Tổ quản lý hỗ trợ xã hội do cán bộ Công an xã làm Tổ trưởng (Nghị định 163/2026/NĐ-CP Điều 136): danh sách của " + DocumentLayout.MidSentence(name) + " chưa có Tổ trưởng vào ngày " + Format.Date(day) + ".");
        var rank = new Dictionary<string, int> { ["leader"] = 0, ["deputy"] = 1 };
        var lines = members.OrderBy(m => rank.GetValueOrDefault(m.Role, 2)).ThenBy(m => m.FullName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .Select(m => new DecisionDocuments.TeamMemberLine(m.FullName, m.Unit ?? TeamRoles.Names[m.Role], m.Role switch { "leader" => "Tổ trưởng", "deputy" => "Tổ phó", _ => "Thành viên" }))
            .ToList();
        var province = await db.AdministrativeUnits.AsNoTracking().Where(u => u.Code == unit.ProvinceCode && u.ValidTo == null).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken) ?? unit.ProvinceCode;
        var content = DecisionDocuments.SocialSupportTeamDecision(name, province, decision, day, lines);
        await audit.RecordReadAsync(nameof(TeamMember), unit.Code, null, "Mẫu 55 (docx)", "tải quyết định thành lập Tổ quản lý hỗ trợ xã hội", cancellationToken);
        return (content, $"mau-55-{unit.Code}.docx");
    }

    private async Task<Dictionary<string, string>> CommuneNamesAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        return await db.AdministrativeUnits.AsNoTracking().Where(u => wanted.Contains(u.Code) && u.Level == UnitLevel.Commune && u.ValidTo == null)
            .ToDictionaryAsync(u => u.Code, u => u.Name, ct);
    }

    private Failure.Conflict? Stale(IVersioned entity, Guid? version)
    {
        if (version is not { } v)
            return null;
        if (v != entity.Version)
            return new Failure.Conflict("Bản ghi đã được người khác sửa; hãy tải lại.");
        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = v;
        return null;
    }
}
