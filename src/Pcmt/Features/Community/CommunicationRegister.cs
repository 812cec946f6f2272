using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Enforcement;
using Pcmt.Features.Lifecycle;

namespace Pcmt.Features.Community;

/// <summary>
/// Sổ tuyên truyền, giáo dục: activities (date, agency, commune, kind, audience, participants, materials), the schools and
/// industrial zones they reach (learners / workers) and the media outlets with or without a drug-prevention column
/// (000 §II, §III.3; 001 §IV.4–8). No personal data: names of institutions and counts only.
/// </summary>
public sealed class CommunicationRegister(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    public sealed class ActivityInput
    {
        public string? CommuneCode { get; set; }

        public string? HeldOn { get; set; }

        public string? Agency { get; set; }

        public string? Kind { get; set; }

        public string? Audience { get; set; }

        public int? Participants { get; set; }

        public int? Materials { get; set; }

        public Guid? SiteId { get; set; }

        public Guid? OutletId { get; set; }
    }

    public sealed class SiteInput
    {
        public string? CommuneCode { get; set; }

        public string? Kind { get; set; }

        public string? Name { get; set; }

        public int? People { get; set; }
    }

    public sealed class OutletInput
    {
        public string? CommuneCode { get; set; }

        public string? Name { get; set; }

        public bool? Main { get; set; }

        public string? ColumnSince { get; set; }
    }

    public sealed record ActivityRow(Guid Id, string CommuneCode, string CommuneName, DateOnly HeldOn, string Agency, string Kind, string? Audience, int Participants, int Materials, string? Place);

    public sealed record SiteRow(Guid Id, string CommuneCode, string CommuneName, string Kind, string Name, int People, bool Active);

    public sealed record OutletRow(Guid Id, string CommuneCode, string CommuneName, string Name, bool Main, DateOnly? ColumnSince, bool Active);

    public const int MaxCount = 10_000_000;

    public async Task<Result<Guid>> AddActivityAsync(ActivityInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var commune = await EnforcementInput.CommuneAsync(db, user, input.CommuneCode, "communeCode", errors, cancellationToken);
        var held = LegalInput.Date(input.HeldOn, "heldOn", errors);
        EnforcementInput.NotFuture(clock, errors, ("heldOn", held));
        var kind = LegalInput.OneOf(input.Kind, "kind", ActivityKinds.Names.Keys, errors, "hình thức hoạt động");
        if (string.IsNullOrWhiteSpace(input.Agency) || input.Agency.Trim().Length > 200)
            errors["agency"] = ["Bắt buộc nhập cơ quan tổ chức (tối đa 200 ký tự)."];
        if (input.Audience?.Trim().Length > 200)
            errors["audience"] = ["Đối tượng tuyên truyền tối đa 200 ký tự."];
        if (input.Participants is not { } participants || participants is < 0 or > MaxCount)
            errors["participants"] = ["Bắt buộc nhập số người tham dự (0 đến 10.000.000)."];
        if (input.Materials is < 0 or > MaxCount)
            errors["materials"] = ["Số tài liệu phát hành phải từ 0 đến 10.000.000."];
        EducationSite? site = null;
        if (input.SiteId is { } siteId)
        {
            site = await db.Set<EducationSite>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == siteId, cancellationToken);
            var wantedKind = kind == ActivityKinds.SchoolSession ? SiteKinds.School : kind == ActivityKinds.WorkplaceSession ? SiteKinds.IndustrialZone : null;
            if (site is null || (commune is not null && site.ProvinceCode != commune.ProvinceCode))
                errors["siteId"] = ["Không tìm thấy trường học / khu công nghiệp trong sổ của tỉnh."];
            else if (wantedKind is null || site.Kind != wantedKind)
                errors["siteId"] = ["Trường học chỉ gắn với buổi tuyên truyền tại trường học; khu công nghiệp chỉ gắn với buổi tuyên truyền tại khu công nghiệp, doanh nghiệp."];
        }
        else if (kind is ActivityKinds.SchoolSession or ActivityKinds.WorkplaceSession)
            errors["siteId"] = ["Bắt buộc chọn trường học hoặc khu công nghiệp nơi tổ chức."];
        if (input.OutletId is { } outletId)
        {
            var outlet = await db.Set<MediaOutlet>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == outletId, cancellationToken);
            if (outlet is null || kind != ActivityKinds.MediaPiece)
                errors["outletId"] = ["Cơ quan báo chí chỉ gắn với tin, bài, phóng sự và phải có trong sổ của địa bàn."];
        }

        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        var activity = new CommunicationActivity
        {
            ProvinceCode = commune!.ProvinceCode,
            CommuneCode = commune.Code,
            HeldOn = held!.Value,
            Agency = input.Agency!.Trim(),
            Kind = kind!,
            Audience = string.IsNullOrWhiteSpace(input.Audience) ? null : input.Audience.Trim(),
            Participants = input.Participants!.Value,
            Materials = input.Materials ?? 0,
            SiteId = site?.Id,
            OutletId = input.OutletId,
        };
        db.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return activity.Id;
    }

    public async Task<Result<Guid>> AddSiteAsync(SiteInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var commune = await EnforcementInput.CommuneAsync(db, user, input.CommuneCode, "communeCode", errors, cancellationToken);
        var kind = LegalInput.OneOf(input.Kind, "kind", SiteKinds.Names.Keys, errors, "loại (school, industrial-zone)");
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
            errors["name"] = ["Bắt buộc nhập tên (tối đa 200 ký tự)."];
        if (input.People is not { } people || people is < 1 or > MaxCount)
            errors["people"] = ["Bắt buộc nhập số người học / người lao động (1 đến 10.000.000)."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        var site = new EducationSite { ProvinceCode = commune!.ProvinceCode, CommuneCode = commune.Code, Kind = kind!, Name = input.Name!.Trim(), People = input.People!.Value };
        db.Add(site);
        await db.SaveChangesAsync(cancellationToken);
        return site.Id;
    }

    public async Task<Result<Guid>> AddOutletAsync(OutletInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var commune = await EnforcementInput.CommuneAsync(db, user, input.CommuneCode, "communeCode", errors, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
            errors["name"] = ["Bắt buộc nhập tên cơ quan báo chí, truyền thông (tối đa 200 ký tự)."];
        var since = LegalInput.Date(input.ColumnSince, "columnSince", errors, required: false);
        EnforcementInput.NotFuture(clock, errors, ("columnSince", since));
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        var outlet = new MediaOutlet { ProvinceCode = commune!.ProvinceCode, CommuneCode = commune.Code, Name = input.Name!.Trim(), Main = input.Main ?? true, ColumnSince = since };
        db.Add(outlet);
        await db.SaveChangesAsync(cancellationToken);
        return outlet.Id;
    }

    public async Task<PagedList<ActivityRow>> ListActivitiesAsync(string? commune, string? kind, DateOnly? from, DateOnly? to, Paging paging, CancellationToken cancellationToken)
    {
        var query = db.Set<CommunicationActivity>().AsNoTracking()
            .Where(a => (commune == null || a.CommuneCode == commune) && (kind == null || a.Kind == kind) && (from == null || a.HeldOn >= from) && (to == null || a.HeldOn <= to));
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(a => a.HeldOn).ThenBy(a => a.Id).Skip((paging.Page - 1) * paging.PageSize).Take(paging.PageSize).ToListAsync(cancellationToken);
        var names = await NamesAsync(rows.Select(r => r.CommuneCode), cancellationToken);
        var siteIds = rows.Where(r => r.SiteId != null).Select(r => r.SiteId!.Value).ToList();
        var outletIds = rows.Where(r => r.OutletId != null).Select(r => r.OutletId!.Value).ToList();
        var places = await db.Set<EducationSite>().AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        foreach (var (id, name) in await db.Set<MediaOutlet>().AsNoTracking().Where(o => outletIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken))
            places[id] = name;
        return new PagedList<ActivityRow>(rows.Select(a => new ActivityRow(a.Id, a.CommuneCode, names.GetValueOrDefault(a.CommuneCode, a.CommuneCode), a.HeldOn, a.Agency, a.Kind, a.Audience,
            a.Participants, a.Materials, places.GetValueOrDefault(a.SiteId ?? a.OutletId ?? Guid.Empty))).ToList(), total, paging.Page, paging.PageSize);
    }

    public async Task<IReadOnlyList<SiteRow>> ListSitesAsync(string? commune, string? kind, CancellationToken cancellationToken)
    {
        var rows = await db.Set<EducationSite>().AsNoTracking().Where(s => (commune == null || s.CommuneCode == commune) && (kind == null || s.Kind == kind))
            .OrderBy(s => s.Kind).ThenBy(s => s.Name).Take(5000).ToListAsync(cancellationToken);
        var names = await NamesAsync(rows.Select(r => r.CommuneCode), cancellationToken);
        return rows.Select(s => new SiteRow(s.Id, s.CommuneCode, names.GetValueOrDefault(s.CommuneCode, s.CommuneCode), s.Kind, s.Name, s.People, s.Active)).ToList();
    }

    public async Task<IReadOnlyList<OutletRow>> ListOutletsAsync(string? commune, CancellationToken cancellationToken)
    {
        var rows = await db.Set<MediaOutlet>().AsNoTracking().Where(o => commune == null || o.CommuneCode == commune).OrderBy(o => o.Name).Take(5000).ToListAsync(cancellationToken);
        var names = await NamesAsync(rows.Select(r => r.CommuneCode), cancellationToken);
        return rows.Select(o => new OutletRow(o.Id, o.CommuneCode, names.GetValueOrDefault(o.CommuneCode, o.CommuneCode), o.Name, o.Main, o.ColumnSince, o.Active)).ToList();
    }

    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        return await db.AdministrativeUnits.AsNoTracking().Where(u => wanted.Contains(u.Code) && u.Level == UnitLevel.Commune && u.ValidTo == null)
            .ToDictionaryAsync(u => u.Code, u => u.Name, ct);
    }
}
