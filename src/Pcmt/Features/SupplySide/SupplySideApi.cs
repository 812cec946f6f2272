using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Lifecycle;

namespace Pcmt.Features.SupplySide;

/// <summary>Các sổ phía cung tối thiểu mà tiêu chí phân loại cần: points, arrests, cultivation finds, hotspot routes.</summary>
public static class SupplySideApi
{
    public sealed record HotspotInput(string? CommuneCode, string? Kind, string? DetectedOn, string? ClearedOn, string? Description);

    public sealed record ArrestInput(string? CommuneCode, string? ArrestedOn, int? Offenders, int? ResidentOffenders);

    public sealed record CultivationInput(string? CommuneCode, string? FoundOn, int? Plants, decimal? AreaM2, string? DestroyedOn);

    public sealed record RouteInput(string? ProvinceCode, string? Name, string? Scope, List<string>? Communes, int? Year);

    public static void MapSupplySideApi(this RouteGroupBuilder api)
    {
        api.MapPost("/hotspots", async (AppDbContext db, CurrentUser user, TimeProvider clock, HotspotInput input, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                var commune = await CommuneAsync(db, user, input.CommuneCode, errors, ct);
                var kind = LegalInput.OneOf(input.Kind, "kind", ["harbouring-point", "retail-selling"], errors, "loại điểm");
                var detected = LegalInput.Date(input.DetectedOn, "detectedOn", errors);
                var cleared = LegalInput.Date(input.ClearedOn, "clearedOn", errors, required: false);
                NotFuture(clock, errors, ("detectedOn", detected), ("clearedOn", cleared));
                if (cleared < detected)
                    errors["clearedOn"] = ["Ngày triệt xóa không được trước ngày phát hiện."];
                if (errors.Count > 0)
                    return new Failure.Invalid(errors).ToHttpResult();
                var hotspot = new Hotspot { ProvinceCode = commune!.ProvinceCode, CommuneCode = commune.Code, Kind = kind!, DetectedOn = detected!.Value, ClearedOn = cleared, Description = input.Description?.Trim() is { Length: > 0 and <= 1000 } d ? d : null };
                db.Add(hotspot);
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/v1/hotspots/{hotspot.Id}", new { id = hotspot.Id });
            })
            .WithTags("Supply side").RequireAuthorization(Permissions.RecordSupplySide)
            .WithSummary("Điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy hoặc đối tượng bán lẻ (QĐ 28/2025 Điều 2.1), ngày phát hiện, ngày triệt xóa.");

        api.MapPost("/arrests", async (AppDbContext db, CurrentUser user, TimeProvider clock, ArrestInput input, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                var commune = await CommuneAsync(db, user, input.CommuneCode, errors, ct);
                var on = LegalInput.Date(input.ArrestedOn, "arrestedOn", errors);
                NotFuture(clock, errors, ("arrestedOn", on));
                if (input.Offenders is not (> 0 and <= 10000))
                    errors["offenders"] = ["Số đối tượng bị bắt giữ phải từ 1 đến 10.000."];
                if (input.ResidentOffenders is < 0 || input.ResidentOffenders > input.Offenders)
                    errors["residentOffenders"] = ["Số đối tượng cư trú tại xã phải từ 0 đến số đối tượng bị bắt giữ."];
                if (errors.Count > 0)
                    return new Failure.Invalid(errors).ToHttpResult();
                var arrest = new Arrest { ProvinceCode = commune!.ProvinceCode, CommuneCode = commune.Code, ArrestedOn = on!.Value, Offenders = input.Offenders!.Value, ResidentOffenders = input.ResidentOffenders };
                db.Add(arrest);
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/v1/arrests/{arrest.Id}", new { id = arrest.Id });
            })
            .WithTags("Supply side").RequireAuthorization(Permissions.RecordSupplySide)
            .WithSummary("Số đối tượng phạm tội về ma túy bị bắt giữ trên địa bàn xã (và số người cư trú tại xã trong đó).");

        api.MapPost("/cultivation-finds", async (AppDbContext db, CurrentUser user, TimeProvider clock, CultivationInput input, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                var commune = await CommuneAsync(db, user, input.CommuneCode, errors, ct);
                var found = LegalInput.Date(input.FoundOn, "foundOn", errors);
                var destroyed = LegalInput.Date(input.DestroyedOn, "destroyedOn", errors, required: false);
                NotFuture(clock, errors, ("foundOn", found), ("destroyedOn", destroyed));
                if (input.Plants is < 0 or > 100_000_000)
                    errors["plants"] = ["Số cây không hợp lệ."];
                if (input.AreaM2 is < 0 or > 100_000_000)
                    errors["areaM2"] = ["Diện tích không hợp lệ."];
                if ((input.Plants ?? 0) == 0 && (input.AreaM2 ?? 0) == 0)
                    errors["plants"] = ["Nhập số cây hoặc diện tích (m²)."];
                if (destroyed < found)
                    errors["destroyedOn"] = ["Ngày triệt phá không được trước ngày phát hiện."];
                if (errors.Count > 0)
                    return new Failure.Invalid(errors).ToHttpResult();
                var find = new CultivationFind { ProvinceCode = commune!.ProvinceCode, CommuneCode = commune.Code, FoundOn = found!.Value, Plants = input.Plants ?? 0, AreaM2 = input.AreaM2 ?? 0, DestroyedOn = destroyed };
                db.Add(find);
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/v1/cultivation-finds/{find.Id}", new { id = find.Id });
            })
            .WithTags("Supply side").RequireAuthorization(Permissions.RecordSupplySide)
            .WithSummary("Phát hiện trồng trái phép cây có chứa chất ma túy: số cây, diện tích m², ngày triệt phá.");

        api.MapPost("/hotspot-routes", async (AppDbContext db, CurrentUser user, RouteInput input, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 300)
                    errors["name"] = ["Bắt buộc nhập tên tuyến (tối đa 300 ký tự)."];
                var scope = LegalInput.OneOf(input.Scope, "scope", ["intra-provincial", "inter-provincial"], errors, "phạm vi tuyến");
                if (input.ProvinceCode is null || (!user.SeesWholeInstallation && user.ProvinceCode != input.ProvinceCode))
                    errors["provinceCode"] = ["Chỉ khai báo được tuyến của tỉnh mình."];
                var codes = (input.Communes ?? []).Distinct().ToList();
                var known = await db.AdministrativeUnits.AsNoTracking().Current().Where(u => codes.Contains(u.Code) && u.Level == UnitLevel.Commune && u.ProvinceCode == input.ProvinceCode).CountAsync(ct);
                if (codes.Count == 0 || known != codes.Count)
                    errors["communes"] = ["Danh sách xã trên tuyến phải gồm các mã xã hiện hành của tỉnh."];
                if (errors.Count > 0)
                    return new Failure.Invalid(errors).ToHttpResult();
                var route = new HotspotRoute { ProvinceCode = input.ProvinceCode!, Name = input.Name!.Trim(), Scope = scope!, Communes = string.Join(',', codes), Year = input.Year };
                db.Add(route);
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/v1/hotspot-routes/{route.Id}", new { id = route.Id });
            })
            .WithTags("Supply side").RequireAuthorization(Permissions.ClassifyCommunes)
            .WithSummary("Tuyến trọng điểm phức tạp về ma túy (QĐ 28/2025 Điều 3) và các xã nằm trên tuyến.");

        api.MapGet("/hotspots", (SupplyFollowUp follow, string? commune, string? status, int? page, int? pageSize, CancellationToken ct) =>
                PagedResults.ListAsync(page, pageSize, paging => follow.HotspotsAsync(commune, status, paging, ct)))
            .WithTags("Supply side").RequireAuthorization(Permissions.ViewSupplySide)
            .WithSummary("Các điểm trong địa bàn, mới phát hiện trước; status = open (chưa triệt xóa) hoặc cleared.");

        api.MapPatch("/hotspots/{id:guid}", async (SupplyFollowUp follow, Guid id, SupplyFollowUp.HotspotPatch input, CancellationToken ct) =>
                (await follow.PatchHotspotAsync(id, input, ct)).ToHttpResult(_ => Results.NoContent()))
            .WithTags("Supply side").RequireAuthorization(Permissions.RecordSupplySide)
            .WithSummary("Điểm được triệt xóa sau khi ghi nhận ({ clearedOn }), hoặc sửa thông tin; version cũ → 409.");

        api.MapGet("/cultivation-finds", (SupplyFollowUp follow, string? commune, string? status, int? page, int? pageSize, CancellationToken ct) =>
                PagedResults.ListAsync(page, pageSize, paging => follow.CultivationAsync(commune, status, paging, ct)))
            .WithTags("Supply side").RequireAuthorization(Permissions.ViewSupplySide)
            .WithSummary("Các vụ phát hiện trồng cây có chứa chất ma túy trong địa bàn; status = open hoặc destroyed.");

        api.MapPatch("/cultivation-finds/{id:guid}", async (SupplyFollowUp follow, Guid id, SupplyFollowUp.CultivationPatch input, CancellationToken ct) =>
                (await follow.PatchCultivationAsync(id, input, ct)).ToHttpResult(_ => Results.NoContent()))
            .WithTags("Supply side").RequireAuthorization(Permissions.RecordSupplySide)
            .WithSummary("Diện tích, số cây được triệt phá sau khi ghi nhận ({ destroyedOn }), hoặc sửa thông tin; version cũ → 409.");

        api.MapGet("/hotspot-routes", async (SupplyFollowUp follow, CurrentUser user, CancellationToken ct) =>
                Results.Ok(new { items = await follow.RoutesAsync(user, ct) }))
            .WithTags("Supply side").RequireAuthorization(Permissions.ViewSupplySide)
            .WithSummary("Các tuyến trọng điểm của tỉnh.");
    }

    private static async Task<AdministrativeUnit?> CommuneAsync(AppDbContext db, CurrentUser user, string? code, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var unit = code is null ? null : await db.AdministrativeUnits.AsNoTracking().Current().FirstOrDefaultAsync(u => u.Code == code && u.Level == UnitLevel.Commune, ct);
        if (unit is null)
            errors["communeCode"] = ["Mã xã/phường/đặc khu không đúng hoặc không còn hiệu lực."];
        else if (!user.Covers(unit.ProvinceCode, unit.Code))
            errors["communeCode"] = ["Xã/phường này ngoài địa bàn của bạn."];
        return unit;
    }

    private static void NotFuture(TimeProvider clock, Dictionary<string, string[]> errors, params (string Field, DateOnly? Day)[] days)
    {
        var today = Deadlines.LegalTime.DayOf(clock.GetUtcNow());
        foreach (var (field, day) in days)
        {
            if (day > today && !errors.ContainsKey(field))
                errors[field] = ["Ngày không được ở tương lai."];
        }
    }
}
