using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Indicators;

public static class IndicatorsApi
{
    public sealed record TargetInput(decimal? Value, string? Source);

    public static void MapIndicatorsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/indicators").WithTags("Classification and indicators");

        group.MapGet("/", () => Results.Ok(new
        {
            items = IndicatorCatalog.All.Select(i => new { i.Code, i.Name, i.Unit, i.Source, i.Numerator, i.Denominator, available = i.Computable }),
            total = IndicatorCatalog.All.Count,
        }))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Danh mục chỉ tiêu của Chương trình (tính từ dữ liệu hoặc do cơ quan báo cáo).");

        group.MapGet("/{code}/values", async (ComputeIndicator compute, string code, string? area, string? period, CancellationToken ct) =>
                (await compute.HandleAsync(code, area, period, ct)).ToHttpResult(v => TypedResults.Ok(new
                {
                    code = v.Code,
                    area = v.Area,
                    period = v.Period,
                    value = v.Amount,
                    numerator = v.Numerator,
                    denominator = v.Denominator,
                    target = v.Target,
                    unit = v.Unit,
                    note = v.Note,
                    source = v.Source,
                    reports = v.Reports,
                    previous = v.Previous,
                    change = v.ChangePercent,
                })))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Giá trị chỉ tiêu tính mới từ dữ liệu cho một địa bàn (VN, tỉnh, xã) và kỳ (2026, 2026H1, 2026Q3, 202608), kèm chỉ tiêu kế hoạch.");

        group.MapGet("/{code}/records", async (IndicatorRecords records, string code, string? area, string? period, CancellationToken ct) =>
                (await records.HandleAsync(code, area, period, ct)).ToHttpResult(rows => TypedResults.Ok(new { items = rows, total = rows.Count })))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Các hồ sơ đứng sau tử số của chỉ tiêu (người: chỉ trong địa bàn và với vai trò được xem hồ sơ; được ghi nhật ký).");

        group.MapPut("/{code}/targets/{area}/{year:int}", async (AppDbContext db, CurrentUser user, string code, string area, int year, TargetInput input, CancellationToken ct) =>
            {
                if (IndicatorCatalog.Find(code) is null)
                    return Problems.NotFound();
                var errors = new Dictionary<string, string[]>();
                if (input.Value is not (>= 0 and <= 1_000_000_000))
                    errors["value"] = ["Giá trị chỉ tiêu không hợp lệ."];
                if (year is < 2020 or > 2100)
                    errors["year"] = ["Năm không hợp lệ."];
                if (area != "VN" && !await db.AdministrativeUnits.AnyAsync(u => u.Code == area && u.ValidTo == null, ct))
                    errors["area"] = ["Địa bàn phải là VN hoặc mã đơn vị hành chính hiện hành."];
                if (errors.Count > 0)
                    return new Failure.Invalid(errors).ToHttpResult();
                if (!user.SeesWholeInstallation && (area == "VN" || !await db.AdministrativeUnits.AnyAsync(u => u.Code == area && u.ValidTo == null && u.ProvinceCode == user.ProvinceCode, ct)))
                    return Problems.NotFound();
                var target = await db.IndicatorTargets.FirstOrDefaultAsync(t => t.Code == code && t.AreaCode == area && t.Year == year, ct);
                if (target is null)
                    db.IndicatorTargets.Add(target = new IndicatorTarget { Code = code, AreaCode = area, Year = year });
                target.Value = input.Value!.Value;
                target.Source = input.Source?.Trim() is { Length: > 0 and <= 300 } s ? s : null;
                await db.SaveChangesAsync(ct);
                return Results.NoContent();
            })
            .RequireAuthorization(Permissions.ManageTargets)
            .WithSummary("Đặt chỉ tiêu kế hoạch của một năm cho địa bàn (lộ trình của tỉnh).");
    }
}
