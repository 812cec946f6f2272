using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Enforcement;
using Pcmt.Features.Lifecycle;
using Pcmt.Features.Plans;

namespace Pcmt.Features.LawfulActivities;

/// <summary>
/// Sổ hoạt động hợp pháp liên quan đến ma túy and its inspections. The police see the activities of their area (scope filter);
/// a department user (Sở Công Thương, Sở Y tế, Sở Nông nghiệp và Môi trường) sees and records only those its agency is
/// responsible for (000 §III.6.2–6.4: each sector manages its own). A follow-up deadline becomes a task of the province's plan
/// for the responsible agency when a plan covers that year; otherwise it stays on the inspection, listed as pending.
/// </summary>
public sealed class LawfulActivityRegister(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    public sealed class Input
    {
        public string? CommuneCode { get; set; }

        public string? Name { get; set; }

        public string? Kind { get; set; }

        public string? Sector { get; set; }

        public string? ResponsibleAgency { get; set; }

        public string? LicenceNumber { get; set; }

        public string? LicenceDate { get; set; }

        public string? LicenceIssuer { get; set; }

        public string? Substances { get; set; }

        public string? Address { get; set; }

        public Guid? Version { get; set; }
    }

    public sealed class InspectionInput
    {
        public string? InspectedOn { get; set; }

        public List<string>? Team { get; set; }

        public string? Findings { get; set; }

        public string? Violations { get; set; }

        public decimal? PenaltyVnd { get; set; }

        public string? FollowUp { get; set; }

        public string? FollowUpDueOn { get; set; }
    }

    public sealed record Filter(string? Province = null, string? Commune = null, string? Kind = null, string? Sector = null, string? Q = null, bool? FollowUpOverdue = null);

    public sealed record InspectionRow(Guid Id, DateOnly InspectedOn, IReadOnlyList<string> Team, IReadOnlyList<string> TeamNames, string Findings, string? Violations,
        long? PenaltyVnd, string? FollowUp, DateOnly? FollowUpDueOn, Guid? FollowUpTaskId, DateOnly? FollowUpDoneOn, string? FollowUpResult);

    /// <summary>Marks a register-tracked follow-up as remedied: the day it was found remedied and how (required).</summary>
    public sealed class FollowUpDoneInput
    {
        public string? DoneOn { get; set; }

        public string? Result { get; set; }

        /// <summary>The establishment's version as read: a stale one is a 409 (two officers closing the same follow-up).</summary>
        public Guid? Version { get; set; }
    }

    public sealed record Row(Guid Id, string ProvinceCode, string CommuneCode, string CommuneName, string Name, string Kind, string KindName, string Sector, string SectorName,
        string ResponsibleAgency, string ResponsibleAgencyName, string? LicenceNumber, DateOnly? LicenceDate, string? LicenceIssuer, string Substances, string? Address,
        int Inspections, DateOnly? LastInspectedOn, int Violations, long PenaltyVnd, DateOnly? PendingFollowUpOn, Guid Version);

    public sealed record Detail(Row Activity, IReadOnlyList<InspectionRow> Inspections);

    public sealed record Recorded(Guid Id, Guid? TaskId);

    public DateOnly Today => Deadlines.LegalTime.DayOf(clock.GetUtcNow());

    /// <summary>The activities the caller may see: the area's (scope filter), and for an agency only those it is responsible for.</summary>
    private IQueryable<LawfulActivity> Visible(bool tracking = false)
    {
        var query = tracking ? db.Set<LawfulActivity>() : db.Set<LawfulActivity>().AsNoTracking();
        if (user.AgencyCode is { } agency)
            query = query.Where(a => a.ResponsibleAgencyCode == agency);
        return query;
    }

    public async Task<Result<PagedList<Row>>> ListAsync(Filter filter, Paging paging, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (filter.Kind is { Length: > 0 })
            LegalInput.OneOf(filter.Kind, "kind", LawfulActivityKinds.All.Keys, errors, "loại hoạt động");
        if (filter.Sector is { Length: > 0 })
            LegalInput.OneOf(filter.Sector, "sector", LawfulSectors.All.Keys, errors, "ngành quản lý");
        if (filter.Q?.Length > 200)
            errors["q"] = ["Từ khóa tối đa 200 ký tự."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);

        var province = Blank(filter.Province);
        var commune = Blank(filter.Commune);
        var kind = Blank(filter.Kind);
        var sector = Blank(filter.Sector);
        var q = Blank(filter.Q)?.ToLowerInvariant();
        var today = Today;
        var query = Visible().Where(a => (province == null || a.ProvinceCode == province) && (commune == null || a.CommuneCode == commune)
            && (kind == null || a.Kind == kind) && (sector == null || a.Sector == sector)
            && (q == null || a.Name.ToLower().Contains(q) || (a.LicenceNumber != null && a.LicenceNumber.ToLower().Contains(q))));
        if (filter.FollowUpOverdue == true)
            query = query.Where(a => a.Inspections.Any(i => i.FollowUpDueOn != null && i.FollowUpDueOn < today && i.FollowUpTaskId == null && i.FollowUpDoneOn == null));
        var total = await query.CountAsync(cancellationToken);
        var activities = await query.OrderBy(a => a.Name).ThenBy(a => a.Id).Skip((paging.Page - 1) * paging.PageSize).Take(paging.PageSize)
            .Include(a => a.Inspections).AsSplitQuery().ToListAsync(cancellationToken);
        var rows = await RowsAsync(activities, cancellationToken);
        return new PagedList<Row>(rows, total, paging.Page, paging.PageSize);
    }

    public async Task<Detail?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var activity = await Visible().Include(a => a.Inspections).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null)
            return null;
        var row = (await RowsAsync([activity], cancellationToken))[0];
        var names = await AgencyNamesAsync(activity.ProvinceCode, cancellationToken);
        var inspections = activity.Inspections.OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.Id).Select(i =>
        {
            var team = i.TeamAgencyCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);
            return new InspectionRow(i.Id, i.InspectedOn, team, team.Select(t => names.GetValueOrDefault(t, t)).ToList(), i.Findings, i.Violations, i.PenaltyVnd, i.FollowUp,
                i.FollowUpDueOn, i.FollowUpTaskId, i.FollowUpDoneOn, i.FollowUpResult);
        }).ToList();
        return new Detail(row, inspections);
    }

    public async Task<Result<Guid>> CreateAsync(Input input, CancellationToken cancellationToken)
    {
        var activity = new LawfulActivity { RecordedAt = clock.GetUtcNow().UtcDateTime };
        var errors = await ApplyAsync(activity, input, cancellationToken);
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        db.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return activity.Id;
    }

    /// <summary>Edits the record with the version read; a stale version is a 409 and nothing changes.</summary>
    public async Task<Result<Guid>> UpdateAsync(Guid id, Input input, CancellationToken cancellationToken)
    {
        var activity = await Visible(tracking: true).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null)
            return new Failure.NotFound();
        if (input.Version is null)
            return new Failure.Invalid("version", "Thiếu phiên bản (version) của bản ghi đã đọc.");
        var errors = await ApplyAsync(activity, input, cancellationToken);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new Failure.Invalid(errors);
        }

        return await SaveAsReadAsync(activity, input.Version.Value, cancellationToken);
    }

    /// <summary>Saves the tracked changes only if the establishment is still at the version the caller read; otherwise 409, nothing saved.</summary>
    private async Task<Result<Guid>> SaveAsReadAsync(LawfulActivity activity, Guid version, CancellationToken cancellationToken)
    {
        if (version != activity.Version)
        {
            db.ChangeTracker.Clear();
            return Stale;
        }

        db.Entry(activity).Property(a => a.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Stale;
        }

        return activity.Version;
    }

    private static Failure.Conflict Stale => new("Bản ghi đã được người khác sửa; hãy tải lại trước khi lưu.");

    public async Task<Result<Recorded>> AddInspectionAsync(Guid activityId, InspectionInput input, CancellationToken cancellationToken)
    {
        var activity = await Visible().FirstOrDefaultAsync(a => a.Id == activityId, cancellationToken);
        if (activity is null)
            return new Failure.NotFound();

        var errors = new Dictionary<string, string[]>();
        var inspected = LegalInput.Date(input.InspectedOn, "inspectedOn", errors);
        EnforcementInput.NotFuture(clock, errors, ("inspectedOn", inspected));
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.ProvinceCode == activity.ProvinceCode).Select(a => a.Code).ToListAsync(cancellationToken);
        var team = (input.Team ?? []).Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct().ToList();
        if (team.Count == 0)
            errors["team"] = ["Chọn ít nhất một cơ quan tham gia đoàn kiểm tra."];
        else if (team.Count > 30)
            errors["team"] = ["Tối đa 30 cơ quan trong đoàn kiểm tra."];
        else if (team.FirstOrDefault(t => !agencies.Contains(t)) is { } unknown)
            errors["team"] = [$"Không tìm thấy cơ quan '{unknown}' trong các cơ quan của tỉnh."];
        if (string.IsNullOrWhiteSpace(input.Findings) || input.Findings.Trim().Length > 4000)
            errors["findings"] = ["Bắt buộc nhập kết quả kiểm tra (tối đa 4.000 ký tự)."];
        if (input.Violations?.Trim().Length > 2000)
            errors["violations"] = ["Nội dung vi phạm tối đa 2.000 ký tự."];
        var penalty = Amounts.Check(input.PenaltyVnd, "penaltyVnd", "Tiền phạt", errors, required: false);
        // A fine is imposed for a violation (Law on Handling Administrative Violations 2012 Art 3: no penalty without a violation).
        if (penalty > 0 && string.IsNullOrWhiteSpace(input.Violations) && !errors.ContainsKey("penaltyVnd"))
            errors["penaltyVnd"] = ["Có tiền phạt thì phải ghi nội dung vi phạm."];
        if (input.FollowUp?.Trim().Length > 1000)
            errors["followUp"] = ["Yêu cầu khắc phục tối đa 1.000 ký tự."];
        var due = LegalInput.Date(input.FollowUpDueOn, "followUpDueOn", errors, required: false);
        if (due is not null && inspected is not null && due <= inspected)
            errors["followUpDueOn"] = ["Hạn khắc phục phải sau ngày kiểm tra."];
        if (due is not null && string.IsNullOrWhiteSpace(input.FollowUp) && !errors.ContainsKey("followUp"))
            errors["followUp"] = ["Có hạn khắc phục thì phải ghi yêu cầu khắc phục."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);

        var inspection = new LawfulInspection
        {
            ActivityId = activity.Id,
            InspectedOn = inspected!.Value,
            TeamAgencyCodes = string.Join(',', team),
            Findings = input.Findings!.Trim(),
            Violations = Clean(input.Violations),
            PenaltyVnd = penalty,
            FollowUp = Clean(input.FollowUp),
            FollowUpDueOn = due,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(inspection);

        if (due is { } dueOn)
        {
            // The province's plan that covers the deadline's year (the latest issued): the follow-up becomes its task, led by the
            // responsible agency with the other team members as partners, so it shows in the agency's tasks and overdue alerts.
            var plan = await db.Plans.AsNoTracking().Where(p => p.ProvinceCode == activity.ProvinceCode && p.FromYear <= dueOn.Year && p.ToYear >= dueOn.Year)
                .OrderByDescending(p => p.IssuedOn).FirstOrDefaultAsync(cancellationToken);
            if (plan is not null && agencies.Contains(activity.ResponsibleAgencyCode))
            {
                var task = new PlanTask
                {
                    PlanId = plan.Id,
                    ProvinceCode = plan.ProvinceCode,
                    Title = Truncate($"Khắc phục sau kiểm tra ngày {Format.Date(inspection.InspectedOn)} tại {activity.Name}: {inspection.FollowUp}", 2000),
                    Section = "III.6. Kiểm soát các hoạt động hợp pháp liên quan đến ma túy",
                    LeadAgencyCode = activity.ResponsibleAgencyCode,
                    PartnerAgencyCodes = string.Join(',', team.Where(t => t != activity.ResponsibleAgencyCode)),
                    DueText = dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DueOn = dueOn,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                };
                db.PlanTasks.Add(task);
                inspection.FollowUpTaskId = task.Id;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Recorded(inspection.Id, inspection.FollowUpTaskId);
    }

    /// <summary>
    /// Closes a follow-up kept in this register (no plan task): the day the remedy was found done, on or after the inspection
    /// and not in the future, and the result. A follow-up that is a plan task is reported through the task instead, so there
    /// is one place that says whether it is done.
    /// </summary>
    public async Task<Result<Guid>> CompleteFollowUpAsync(Guid activityId, Guid inspectionId, FollowUpDoneInput input, CancellationToken cancellationToken)
    {
        var activity = await Visible(tracking: true).Include(a => a.Inspections).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == activityId, cancellationToken);
        var inspection = activity?.Inspections.FirstOrDefault(i => i.Id == inspectionId);
        if (activity is null || inspection is null)
            return new Failure.NotFound();
        if (inspection.FollowUp is null)
            return new Failure.Invalid("inspection", "Lần kiểm tra này không có yêu cầu khắc phục.");
        if (inspection.FollowUpTaskId is not null)
            return new Failure.Invalid("inspection", "Yêu cầu khắc phục này là nhiệm vụ của kế hoạch tỉnh: cơ quan chủ trì báo cáo kết quả tại nhiệm vụ.");
        if (inspection.FollowUpDoneOn is { } done)
            return new Failure.Conflict($"Yêu cầu khắc phục này đã được ghi nhận hoàn thành ngày {Format.Date(done)}.");

        var errors = new Dictionary<string, string[]>();
        var doneOn = LegalInput.Date(input.DoneOn, "doneOn", errors);
        if (doneOn is not null && doneOn < inspection.InspectedOn)
            errors["doneOn"] = [$"Ngày khắc phục xong không được trước ngày kiểm tra ({Format.Date(inspection.InspectedOn)})."];
        else if (doneOn is not null && doneOn > Today)
            errors["doneOn"] = ["Ngày khắc phục xong không được ở tương lai."];
        if (string.IsNullOrWhiteSpace(input.Result) || input.Result.Trim().Length > 1000)
            errors["result"] = ["Bắt buộc ghi kết quả khắc phục (tối đa 1.000 ký tự), ví dụ kết quả kiểm tra lại."];
        if (input.Version is null)
            errors["version"] = ["Thiếu phiên bản (version) của bản ghi đã đọc."];
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new Failure.Invalid(errors);
        }

        inspection.FollowUpDoneOn = doneOn;
        inspection.FollowUpResult = input.Result!.Trim();
        // The establishment's version moves too, so a second officer closing the same follow-up from a stale page gets 409.
        db.Entry(activity).State = EntityState.Modified;
        return await SaveAsReadAsync(activity, input.Version!.Value, cancellationToken);
    }

    /// <summary>The printable register (.xlsx) of the activities the caller sees, with the filter applied.</summary>
    public async Task<Result<byte[]>> ExportAsync(Filter filter, string unitName, CancellationToken cancellationToken)
    {
        var list = await ListAsync(filter, new Paging(1, 5000), cancellationToken);
        if (!list.Succeeded)
            return list.Failure;
        return new ExcelForm
        {
            Title = "SỔ THEO DÕI CÁC HOẠT ĐỘNG HỢP PHÁP LIÊN QUAN ĐẾN MA TÚY",
            Unit = unitName,
            SheetName = "Hoạt động hợp pháp",
            Columns =
            [
                new("STT", 6, ExcelForm.Kind.Count),
                new("Tên cơ sở", 32),
                new("Loại hoạt động", 30),
                new("Ngành quản lý", 16),
                new("Cơ quan quản lý", 26),
                new("Số giấy phép", 16),
                new("Ngày cấp", 12, ExcelForm.Kind.Date),
                new("Nơi cấp", 22),
                new("Chất, thuốc", 28),
                new("Địa chỉ", 30),
                new("Xã/phường", 20),
                new("Số lần kiểm tra", 10, ExcelForm.Kind.Count),
                new("Kiểm tra gần nhất", 12, ExcelForm.Kind.Date),
                new("Số lần vi phạm", 10, ExcelForm.Kind.Count),
                new("Tiền phạt (đồng)", 16, ExcelForm.Kind.Amount),
            ],
            Rows = list.Value.Items.Select((r, i) => (IReadOnlyList<object?>)
            [
                i + 1, r.Name, r.KindName, r.SectorName, r.ResponsibleAgencyName, r.LicenceNumber, r.LicenceDate, r.LicenceIssuer, r.Substances, r.Address, r.CommuneName,
                r.Inspections, r.LastInspectedOn, r.Violations, r.PenaltyVnd,
            ]),
            ExportedAt = clock.GetUtcNow().UtcDateTime,
        }.Build();
    }

    /// <summary>Checks the input and copies it onto the activity; the errors by field (empty when valid).</summary>
    private async Task<Dictionary<string, string[]>> ApplyAsync(LawfulActivity activity, Input input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var commune = await EnforcementInput.CommuneAsync(db, user, input.CommuneCode?.Trim(), "communeCode", errors, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 300)
            errors["name"] = ["Bắt buộc nhập tên cơ sở (tối đa 300 ký tự)."];
        var kind = LegalInput.OneOf(input.Kind, "kind", LawfulActivityKinds.All.Keys, errors, "loại hoạt động");
        var sector = string.IsNullOrWhiteSpace(input.Sector) && kind is not null
            ? LawfulActivityKinds.DefaultSector[kind]
            : LegalInput.OneOf(input.Sector, "sector", LawfulSectors.All.Keys, errors, "ngành quản lý");
        var agency = input.ResponsibleAgency?.Trim();
        if (string.IsNullOrEmpty(agency))
            errors["responsibleAgency"] = ["Bắt buộc chọn cơ quan quản lý."];
        else if (!await db.Agencies.AsNoTracking().AnyAsync(a => a.Code == agency && (commune == null || a.ProvinceCode == commune.ProvinceCode), cancellationToken))
            errors["responsibleAgency"] = [$"Không tìm thấy cơ quan '{agency}' trong các cơ quan của tỉnh."];
        else if (user.AgencyCode is { } own && own != agency)
            errors["responsibleAgency"] = ["Cơ quan của bạn chỉ ghi nhận các cơ sở thuộc ngành mình quản lý."];
        if (input.LicenceNumber?.Trim().Length > 100)
            errors["licenceNumber"] = ["Số giấy phép tối đa 100 ký tự."];
        var licenceDate = LegalInput.Date(input.LicenceDate, "licenceDate", errors, required: false);
        EnforcementInput.NotFuture(clock, errors, ("licenceDate", licenceDate));
        if (input.LicenceIssuer?.Trim().Length > 300)
            errors["licenceIssuer"] = ["Nơi cấp tối đa 300 ký tự."];
        if (string.IsNullOrWhiteSpace(input.Substances) || input.Substances.Trim().Length > 1000)
            errors["substances"] = ["Bắt buộc nhập chất, thuốc được phép (tối đa 1.000 ký tự)."];
        if (input.Address?.Trim().Length > 500)
            errors["address"] = ["Địa chỉ tối đa 500 ký tự."];
        if (errors.Count > 0)
            return errors;

        activity.ProvinceCode = commune!.ProvinceCode;
        activity.CommuneCode = commune.Code;
        activity.Name = input.Name!.Trim();
        activity.Kind = kind!;
        activity.Sector = sector!;
        activity.ResponsibleAgencyCode = agency!;
        activity.LicenceNumber = Clean(input.LicenceNumber);
        activity.LicenceDate = licenceDate;
        activity.LicenceIssuer = Clean(input.LicenceIssuer);
        activity.Substances = input.Substances!.Trim();
        activity.Address = Clean(input.Address);
        return errors;
    }

    private async Task<List<Row>> RowsAsync(List<LawfulActivity> activities, CancellationToken cancellationToken)
    {
        var codes = activities.Select(a => a.CommuneCode).Distinct().ToList();
        var communes = await db.AdministrativeUnits.AsNoTracking().Where(u => codes.Contains(u.Code) && u.Level == UnitLevel.Commune)
            .GroupBy(u => u.Code).Select(g => new { g.Key, Name = g.First().Name }).ToDictionaryAsync(u => u.Key, u => u.Name, cancellationToken);
        var agencyCodes = activities.Select(a => a.ResponsibleAgencyCode).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyCodes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        return activities.Select(a => new Row(a.Id, a.ProvinceCode, a.CommuneCode, communes.GetValueOrDefault(a.CommuneCode, a.CommuneCode), a.Name, a.Kind,
            LawfulActivityKinds.Name(a.Kind), a.Sector, LawfulSectors.Name(a.Sector), a.ResponsibleAgencyCode, agencies.GetValueOrDefault(a.ResponsibleAgencyCode, a.ResponsibleAgencyCode),
            a.LicenceNumber, a.LicenceDate, a.LicenceIssuer, a.Substances, a.Address, a.Inspections.Count,
            a.Inspections.Count == 0 ? null : a.Inspections.Max(i => i.InspectedOn), a.Inspections.Count(i => i.Violations != null), a.Inspections.Sum(i => i.PenaltyVnd ?? 0),
            a.Inspections.Where(i => i.FollowUpDueOn != null && i.FollowUpTaskId == null && i.FollowUpDoneOn == null).Select(i => i.FollowUpDueOn).Max(), a.Version)).ToList();
    }

    /// <summary>Agency names by code for a province (pages show names, never bare codes).</summary>
    public Task<Dictionary<string, string>> AgencyNamesAsync(string provinceCode, CancellationToken cancellationToken) =>
        db.Agencies.AsNoTracking().Where(a => a.ProvinceCode == provinceCode).ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
