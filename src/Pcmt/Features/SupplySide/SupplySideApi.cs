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
        api.MapPost("/hotspots", async (SupplyFollowUp follow, HotspotInput input, CancellationToken ct) =>
                (await follow.CreateHotspotAsync(input, ct)).ToHttpResult(id => TypedResults.Created($"/api/v1/hotspots/{id}", new { id })))
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

        api.MapPost("/cultivation-finds", async (SupplyFollowUp follow, CultivationInput input, CancellationToken ct) =>
                (await follow.CreateCultivationAsync(input, ct)).ToHttpResult(id => TypedResults.Created($"/api/v1/cultivation-finds/{id}", new { id })))
            .WithTags("Supply side").RequireAuthorization(Permissions.RecordSupplySide)
            .WithSummary("Phát hiện trồng trái phép cây có chứa chất ma túy: số cây, diện tích m², ngày triệt phá.");

        api.MapPost("/hotspot-routes", async (SupplyFollowUp follow, RouteInput input, CancellationToken ct) =>
                (await follow.CreateRouteAsync(input, ct)).ToHttpResult(id => TypedResults.Created($"/api/v1/hotspot-routes/{id}", new { id })))
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
