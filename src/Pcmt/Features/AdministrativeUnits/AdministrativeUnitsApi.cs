using Pcmt.Infrastructure.Uploads;

namespace Pcmt.Features.AdministrativeUnits;

public static class AdministrativeUnitsApi
{
    public static void MapAdministrativeUnitsApi(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/admin-units").WithTags("Administrative units");

        units.MapGet("/", (ListAdministrativeUnits list, string? level, string? province, string? q, string? type, DateOnly? at, int? page, int? pageSize, CancellationToken cancellationToken) =>
                PagedResults.ListAsync(page, pageSize, paging => list.HandleAsync(new ListAdministrativeUnits.Filter(level, province, q, type, at), paging, cancellationToken)))
            .RequireAuthorization(Permissions.ViewAdministrativeUnits)
            .WithSummary("Danh sách đơn vị hành chính đang có hiệu lực (hoặc tại ngày 'at'), lọc theo cấp, tỉnh, loại và tên không dấu.");

        units.MapGet("/{code}", async (GetAdministrativeUnit get, string code, CancellationToken cancellationToken) =>
                await get.HandleAsync(code, cancellationToken) is { } unit ? Results.Ok(unit) : Problems.NotFound())
            .RequireAuthorization(Permissions.ViewAdministrativeUnits)
            .WithSummary("Chi tiết một đơn vị hành chính, kèm các đơn vị trước sáp nhập.");

        units.MapGet("/legacy/{code}", async (GetAdministrativeUnit get, string code, CancellationToken cancellationToken) =>
                await get.SuccessorsOfLegacyAsync(code, cancellationToken) is { } links ? Results.Ok(new { items = links }) : Problems.NotFound())
            .RequireAuthorization(Permissions.ViewAdministrativeUnits)
            .WithSummary("Đơn vị trước 01/07/2025 (xã, huyện, tỉnh cũ) nay thuộc đơn vị nào.");

        units.MapGet("/{code}/population", async (ListPopulation list, string code, CancellationToken cancellationToken) =>
                await list.HandleAsync(code, cancellationToken) is { } rows ? Results.Ok(new { items = rows }) : Problems.NotFound())
            .RequireAuthorization(Permissions.ViewAdministrativeUnits)
            .WithSummary("Dân số theo năm của một xã (trong phạm vi của người dùng).");

        units.MapPut("/{code}/population/{year:int}", async (SetPopulation set, string code, int year, SetPopulation.Input input, CancellationToken cancellationToken) =>
                (await set.HandleAsync(code, year, input, cancellationToken)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Permissions.EditPopulation)
            .WithSummary("Nhập dân số thường trú của một xã trong một năm (dùng cho tỷ lệ phân loại địa bàn).");

        units.MapPost("/population/import", async (ImportPopulation import, IFormFile file, CancellationToken cancellationToken) =>
            {
                var csv = UploadEndpoints.Accept(file, UploadLimits.Population) == UploadFormat.Csv;
                await using var stream = file.OpenReadStream();
                var outcome = await import.HandleAsync(stream, csv, cancellationToken);
                return outcome.Errors.Count > 0
                    ? new Failure.Invalid(outcome.Errors.ToDictionary(e => e.Key, e => e.Value)).ToHttpResult()
                    : Results.Ok(new { outcome.Rows, outcome.Imported });
            })
            .RequireAuthorization(Permissions.EditPopulation)
            .AcceptsUpload(UploadLimits.Population)
            .DisableAntiforgery() // bearer-token API: no cookies, so no cross-site request forgery
            .WithSummary("Nhập dân số nhiều xã từ Excel/CSV (cột Mã xã, Năm, Nhân khẩu); có dòng lỗi thì không lưu gì và báo lỗi từng dòng.");
    }
}
