using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Enforcement;
using Pcmt.Features.Lifecycle;

namespace Pcmt.Features.SupplySide;

/// <summary>
/// Theo dõi triệt xóa: a point cleared or a cultivation destroyed after it was recorded, other corrections to the record (each
/// with the version read, so concurrent edits never overwrite silently), and the lists of points, finds and routes in the area.
/// </summary>
public sealed class SupplyFollowUp(AppDbContext db, TimeProvider clock, CurrentUser user)
{
    public sealed record HotspotPatch(string? ClearedOn, string? Kind, string? DetectedOn, string? Description, Guid? Version);

    public sealed record CultivationPatch(string? DestroyedOn, string? FoundOn, int? Plants, decimal? AreaM2, Guid? Version);

    public sealed record HotspotRow(Guid Id, string ProvinceCode, string CommuneCode, string CommuneName, string Kind, string KindName, DateOnly DetectedOn, DateOnly? ClearedOn,
        string? Description, Guid Version);

    public sealed record CultivationRow(Guid Id, string ProvinceCode, string CommuneCode, string CommuneName, DateOnly FoundOn, int Plants, decimal AreaM2, DateOnly? DestroyedOn, Guid Version);

    public sealed record RouteRow(Guid Id, string ProvinceCode, string Name, string Scope, IReadOnlyList<string> Communes, int? Year);

    public static readonly IReadOnlyDictionary<string, string> HotspotKinds = new Dictionary<string, string>
    {
        ["harbouring-point"] = "Điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy",
        ["retail-selling"] = "Đối tượng, tụ điểm bán lẻ",
    };

    public async Task<Result<Guid>> CreateHotspotAsync(SupplySideApi.HotspotInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var commune = await EnforcementInput.CommuneAsync(db, user, input.CommuneCode?.Trim(), "communeCode", errors, cancellationToken);
        var kind = LegalInput.OneOf(input.Kind, "kind", HotspotKinds.Keys, errors, "loại điểm");
        var detected = LegalInput.Date(input.DetectedOn, "detectedOn", errors);
        var cleared = LegalInput.Date(input.ClearedOn, "clearedOn", errors, required: false);
        EnforcementInput.NotFuture(clock, errors, ("detectedOn", detected), ("clearedOn", cleared));
        // QĐ 28/2025 Art 2.1: a point is cleared (triệt xóa) only after it was detected.
        if (cleared < detected)
            errors["clearedOn"] = ["Ngày triệt xóa không được trước ngày phát hiện."];
        if (input.Description?.Trim().Length > 1000)
            errors["description"] = ["Mô tả tối đa 1.000 ký tự."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        var hotspot = new Hotspot
        {
            ProvinceCode = commune!.ProvinceCode,
            CommuneCode = commune.Code,
            Kind = kind!,
            DetectedOn = detected!.Value,
            ClearedOn = cleared,
            Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
        };
        db.Add(hotspot);
        await db.SaveChangesAsync(cancellationToken);
        return hotspot.Id;
    }

    public async Task<Result<Guid>> CreateCultivationAsync(SupplySideApi.CultivationInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var commune = await EnforcementInput.CommuneAsync(db, user, input.CommuneCode?.Trim(), "communeCode", errors, cancellationToken);
        var found = LegalInput.Date(input.FoundOn, "foundOn", errors);
        var destroyed = LegalInput.Date(input.DestroyedOn, "destroyedOn", errors, required: false);
        EnforcementInput.NotFuture(clock, errors, ("foundOn", found), ("destroyedOn", destroyed));
        if (input.Plants is < 0 or > 100_000_000)
            errors["plants"] = ["Số cây không hợp lệ."];
        if (input.AreaM2 is < 0 or > 100_000_000)
            errors["areaM2"] = ["Diện tích không hợp lệ."];
        if ((input.Plants ?? 0) == 0 && (input.AreaM2 ?? 0) == 0 && !errors.ContainsKey("plants"))
            errors["plants"] = ["Nhập số cây hoặc diện tích (m²)."];
        if (destroyed < found)
            errors["destroyedOn"] = ["Ngày triệt phá không được trước ngày phát hiện."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        var find = new CultivationFind { ProvinceCode = commune!.ProvinceCode, CommuneCode = commune.Code, FoundOn = found!.Value, Plants = input.Plants ?? 0, AreaM2 = input.AreaM2 ?? 0, DestroyedOn = destroyed };
        db.Add(find);
        await db.SaveChangesAsync(cancellationToken);
        return find.Id;
    }

    /// <summary>Tuyến trọng điểm (QĐ 28/2025 Art 3): a route of the caller's province through current communes of that province.</summary>
    public async Task<Result<Guid>> CreateRouteAsync(SupplySideApi.RouteInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 300)
            errors["name"] = ["Bắt buộc nhập tên tuyến (tối đa 300 ký tự)."];
        var scope = LegalInput.OneOf(input.Scope, "scope", ["intra-provincial", "inter-provincial"], errors, "phạm vi tuyến");
        if (input.ProvinceCode is null || (!user.SeesWholeInstallation && user.ProvinceCode != input.ProvinceCode))
            errors["provinceCode"] = ["Chỉ khai báo được tuyến của tỉnh mình."];
        if (input.Year is { } year && (year < 2000 || year > 2100))
            errors["year"] = ["Năm phải từ 2000 đến 2100."];
        var codes = (input.Communes ?? []).Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).Distinct().ToList();
        var known = codes.Count == 0 ? 0 : await db.AdministrativeUnits.AsNoTracking().Current().Where(u => codes.Contains(u.Code) && u.Level == UnitLevel.Commune && u.ProvinceCode == input.ProvinceCode).CountAsync(cancellationToken);
        if (codes.Count == 0 || known != codes.Count)
            errors["communes"] = ["Danh sách xã trên tuyến phải gồm các mã xã hiện hành của tỉnh."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        var route = new HotspotRoute { ProvinceCode = input.ProvinceCode!, Name = input.Name!.Trim(), Scope = scope!, Communes = string.Join(',', codes), Year = input.Year };
        db.Add(route);
        await db.SaveChangesAsync(cancellationToken);
        return route.Id;
    }

    public async Task<HotspotRow?> FindHotspotAsync(Guid id, CancellationToken cancellationToken)
    {
        var h = await db.Set<Hotspot>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (h is null)
            return null;
        var names = await NamesAsync([h.CommuneCode], cancellationToken);
        return new HotspotRow(h.Id, h.ProvinceCode, h.CommuneCode, names.GetValueOrDefault(h.CommuneCode, h.CommuneCode), h.Kind, HotspotKinds.GetValueOrDefault(h.Kind, h.Kind),
            h.DetectedOn, h.ClearedOn, h.Description, h.Version);
    }

    public async Task<CultivationRow?> FindCultivationAsync(Guid id, CancellationToken cancellationToken)
    {
        var c = await db.Set<CultivationFind>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (c is null)
            return null;
        var names = await NamesAsync([c.CommuneCode], cancellationToken);
        return new CultivationRow(c.Id, c.ProvinceCode, c.CommuneCode, names.GetValueOrDefault(c.CommuneCode, c.CommuneCode), c.FoundOn, c.Plants, c.AreaM2, c.DestroyedOn, c.Version);
    }

    public async Task<Result<Guid>> PatchHotspotAsync(Guid id, HotspotPatch input, CancellationToken cancellationToken)
    {
        var hotspot = await db.Set<Hotspot>().FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (hotspot is null)
            return new Failure.NotFound();
        var errors = new Dictionary<string, string[]>();
        var cleared = LegalInput.Date(input.ClearedOn, "clearedOn", errors, required: false);
        var detected = LegalInput.Date(input.DetectedOn, "detectedOn", errors, required: false);
        var kind = input.Kind is null ? null : LegalInput.OneOf(input.Kind, "kind", HotspotKinds.Keys, errors, "loại điểm");
        EnforcementInput.NotFuture(clock, errors, ("clearedOn", cleared), ("detectedOn", detected));
        if (input.Description?.Trim().Length > 1000)
            errors["description"] = ["Mô tả tối đa 1.000 ký tự."];
        if (input.ClearedOn is null && input.DetectedOn is null && input.Kind is null && input.Description is null && errors.Count == 0)
            errors["clearedOn"] = ["Nhập ngày triệt xóa (hoặc thông tin cần sửa)."];
        // QĐ 28/2025 Art 2.1: a point is cleared (triệt xóa) only after it was detected.
        if ((cleared ?? hotspot.ClearedOn) < (detected ?? hotspot.DetectedOn) && !errors.ContainsKey("clearedOn"))
            errors["clearedOn"] = ["Ngày triệt xóa không được trước ngày phát hiện."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        if (Stale(hotspot, input.Version) is { } conflict)
            return conflict;
        hotspot.ClearedOn = cleared ?? hotspot.ClearedOn;
        hotspot.DetectedOn = detected ?? hotspot.DetectedOn;
        hotspot.Kind = kind ?? hotspot.Kind;
        if (input.Description is not null)
            hotspot.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return hotspot.Version;
    }

    public async Task<Result<Guid>> PatchCultivationAsync(Guid id, CultivationPatch input, CancellationToken cancellationToken)
    {
        var find = await db.Set<CultivationFind>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (find is null)
            return new Failure.NotFound();
        var errors = new Dictionary<string, string[]>();
        var destroyed = LegalInput.Date(input.DestroyedOn, "destroyedOn", errors, required: false);
        var found = LegalInput.Date(input.FoundOn, "foundOn", errors, required: false);
        EnforcementInput.NotFuture(clock, errors, ("destroyedOn", destroyed), ("foundOn", found));
        if (input.Plants is < 0 or > 100_000_000)
            errors["plants"] = ["Số cây không hợp lệ."];
        if (input.AreaM2 is < 0 or > 100_000_000)
            errors["areaM2"] = ["Diện tích không hợp lệ."];
        if (input.DestroyedOn is null && input.FoundOn is null && input.Plants is null && input.AreaM2 is null && errors.Count == 0)
            errors["destroyedOn"] = ["Nhập ngày triệt phá (hoặc thông tin cần sửa)."];
        if ((destroyed ?? find.DestroyedOn) < (found ?? find.FoundOn) && !errors.ContainsKey("destroyedOn"))
            errors["destroyedOn"] = ["Ngày triệt phá không được trước ngày phát hiện."];
        if ((input.Plants ?? find.Plants) == 0 && (input.AreaM2 ?? find.AreaM2) == 0 && !errors.ContainsKey("plants"))
            errors["plants"] = ["Nhập số cây hoặc diện tích (m²)."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        if (Stale(find, input.Version) is { } conflict)
            return conflict;
        find.DestroyedOn = destroyed ?? find.DestroyedOn;
        find.FoundOn = found ?? find.FoundOn;
        find.Plants = input.Plants ?? find.Plants;
        find.AreaM2 = input.AreaM2 ?? find.AreaM2;
        await db.SaveChangesAsync(cancellationToken);
        return find.Version;
    }

    /// <summary>A version sent and different from the stored one is a conflict; the one sent is what the database checks on save.</summary>
    private Failure.Conflict? Stale<T>(T entity, Guid? version) where T : class, IVersioned
    {
        if (version is not { } sent)
            return null;
        if (sent != entity.Version)
            return new Failure.Conflict("Bản ghi đã được người khác sửa; hãy tải lại trước khi lưu.");
        db.Entry(entity).Property(e => e.Version).OriginalValue = sent;
        return null;
    }

    public async Task<Result<PagedList<HotspotRow>>> HotspotsAsync(string? commune, string? status, Paging paging, CancellationToken cancellationToken)
    {
        if (status is { Length: > 0 } && status is not ("open" or "cleared"))
            return new Failure.Invalid("status", "Trạng thái phải là open (chưa triệt xóa) hoặc cleared (đã triệt xóa).");
        var query = db.Set<Hotspot>().AsNoTracking()
            .Where(h => (commune == null || h.CommuneCode == commune) && (status != "open" || h.ClearedOn == null) && (status != "cleared" || h.ClearedOn != null));
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(h => h.DetectedOn).ThenBy(h => h.Id).Skip((paging.Page - 1) * paging.PageSize).Take(paging.PageSize).ToListAsync(cancellationToken);
        var names = await NamesAsync(rows.Select(r => r.CommuneCode), cancellationToken);
        return new PagedList<HotspotRow>(rows.Select(h => new HotspotRow(h.Id, h.ProvinceCode, h.CommuneCode, names.GetValueOrDefault(h.CommuneCode, h.CommuneCode), h.Kind,
            HotspotKinds.GetValueOrDefault(h.Kind, h.Kind), h.DetectedOn, h.ClearedOn, h.Description, h.Version)).ToList(), total, paging.Page, paging.PageSize);
    }

    public async Task<Result<PagedList<CultivationRow>>> CultivationAsync(string? commune, string? status, Paging paging, CancellationToken cancellationToken)
    {
        if (status is { Length: > 0 } && status is not ("open" or "destroyed"))
            return new Failure.Invalid("status", "Trạng thái phải là open (chưa triệt phá) hoặc destroyed (đã triệt phá).");
        var query = db.Set<CultivationFind>().AsNoTracking()
            .Where(c => (commune == null || c.CommuneCode == commune) && (status != "open" || c.DestroyedOn == null) && (status != "destroyed" || c.DestroyedOn != null));
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(c => c.FoundOn).ThenBy(c => c.Id).Skip((paging.Page - 1) * paging.PageSize).Take(paging.PageSize).ToListAsync(cancellationToken);
        var names = await NamesAsync(rows.Select(r => r.CommuneCode), cancellationToken);
        return new PagedList<CultivationRow>(rows.Select(c => new CultivationRow(c.Id, c.ProvinceCode, c.CommuneCode, names.GetValueOrDefault(c.CommuneCode, c.CommuneCode), c.FoundOn,
            c.Plants, c.AreaM2, c.DestroyedOn, c.Version)).ToList(), total, paging.Page, paging.PageSize);
    }

    /// <summary>Routes are provincial records (not commune-scoped): a user sees the routes of their province.</summary>
    public async Task<IReadOnlyList<RouteRow>> RoutesAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        var rows = await db.Set<HotspotRoute>().AsNoTracking().Where(r => user.SeesWholeInstallation || r.ProvinceCode == user.ProvinceCode)
            .OrderBy(r => r.ProvinceCode).ThenBy(r => r.Name).Take(500).ToListAsync(cancellationToken);
        return rows.Select(r => new RouteRow(r.Id, r.ProvinceCode, r.Name, r.Scope, r.Communes.Split(',', StringSplitOptions.RemoveEmptyEntries), r.Year)).ToList();
    }

    private Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var list = codes.Distinct().ToList();
        return db.AdministrativeUnits.AsNoTracking().Where(u => list.Contains(u.Code) && u.Level == UnitLevel.Commune)
            .GroupBy(u => u.Code).Select(g => new { g.Key, Name = g.First().Name }).ToDictionaryAsync(u => u.Key, u => u.Name, cancellationToken);
    }
}
