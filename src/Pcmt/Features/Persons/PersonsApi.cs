using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pcmt.Infrastructure.Uploads;

namespace Pcmt.Features.Persons;

public static class PersonsApi
{
    public sealed record MergeInput(Guid? DuplicateId);

    public static void MapPersonsApi(this RouteGroupBuilder api)
    {
        var persons = api.MapGroup("/persons").WithTags("Persons");

        persons.MapPost("/", async (RegisterPerson register, RegisterPerson.Input input, CancellationToken cancellationToken) =>
                (await register.HandleAsync(input, cancellationToken)).ToHttpResult(r => TypedResults.Created($"/api/v1/persons/{r.Id}", new
                {
                    id = r.Id,
                    fileCode = r.FileCode,
                    warnings = r.Warnings,
                    possibleDuplicates = r.PossibleDuplicates,
                    possibleDuplicatesElsewhere = r.PossibleDuplicatesElsewhere,
                })))
            .RequireAuthorization(Permissions.RegisterPersons)
            .WithSummary("Đăng ký đối tượng. 409 kèm existingId khi số định danh đã có; hồ sơ có thể trùng được trả về và đưa vào hàng đợi rà soát.");

        persons.MapGet("/", (SearchPersons search, string? q, string? citizenId, string? commune, string? status, string? dateOfBirth, string? population, int? page, int? pageSize, CancellationToken cancellationToken) =>
                PagedResults.ListAsync(page, pageSize, paging => search.HandleAsync(new SearchPersons.Filter(q, citizenId, commune, status, dateOfBirth, population), paging, cancellationToken)))
            .RequireAuthorization(Permissions.ViewPersons)
            .WithSummary("Tra cứu đối tượng trong phạm vi của người dùng (tên không dấu, số định danh, xã, tình trạng, ngày sinh).");

        persons.MapGet("/{id:guid}", async (GetPerson get, Guid id, [FromQuery] string? purpose, CancellationToken cancellationToken) =>
                await get.HandleAsync(id, purpose, cancellationToken) is { } person ? Results.Ok(person) : Problems.NotFound())
            .RequireAuthorization(Permissions.ViewPersons)
            .WithSummary("Hồ sơ một đối tượng (mỗi lượt xem được ghi nhật ký). 404 nếu ngoài phạm vi.");

        persons.MapPut("/{id:guid}", async (UpdatePerson update, Guid id, UpdatePerson.Input input, CancellationToken cancellationToken) =>
                (await update.HandleAsync(id, input, cancellationToken)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .RequireAuthorization(Permissions.RegisterPersons)
            .WithSummary("Sửa hồ sơ (cần version hiện tại; 409 nếu người khác đã sửa trước).");

        persons.MapPost("/{id:guid}/break-glass", async (BreakGlass breakGlass, Guid id, BreakGlass.Input input, CancellationToken cancellationToken) =>
                (await breakGlass.HandleAsync(id, input, cancellationToken)).ToHttpResult(g => TypedResults.Created($"/api/v1/access-grants/{g.Id}", new { id = g.Id, expiresAt = g.ExpiresAt })))
            .RequireAuthorization(Permissions.BreakGlass)
            .WithSummary("Truy cập khẩn cấp một hồ sơ ngoài địa bàn trong thời gian giới hạn (mặc định 3 giờ), bắt buộc ghi lý do; được ghi nhật ký và đưa vào danh sách rà soát.");

        api.MapGet("/access-grants", async (AppDbContext db, bool? reviewed, int? page, int? pageSize, CancellationToken cancellationToken) =>
                await PagedResults.ListAsync(page, pageSize, paging => db.AccessGrants.AsNoTracking()
                    .Where(g => reviewed == null || (g.ReviewedAt != null) == reviewed)
                    .OrderByDescending(g => g.Id)
                    .Select(g => new { g.Id, g.UserName, g.PersonId, g.Reason, g.GrantedAt, g.ExpiresAt, g.ReviewedAt, g.ReviewedBy })
                    .ToPagedListAsync(paging, cancellationToken)))
            .WithTags("Persons")
            .RequireAuthorization(Permissions.ReviewAccessGrants)
            .WithSummary("Các lần truy cập khẩn cấp, để rà soát.");

        api.MapPost("/access-grants/{id:long}/review", async (AppDbContext db, CurrentUser user, TimeProvider clock, long id, CancellationToken cancellationToken) =>
            {
                var grant = await db.AccessGrants.FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
                if (grant is null)
                    return Problems.NotFound();
                grant.ReviewedAt ??= clock.GetUtcNow().UtcDateTime;
                grant.ReviewedBy ??= user.UserName;
                await db.SaveChangesAsync(cancellationToken);
                return Results.NoContent();
            })
            .WithTags("Persons")
            .RequireAuthorization(Permissions.ReviewAccessGrants)
            .WithSummary("Đánh dấu đã rà soát một lần truy cập khẩn cấp.");

        persons.MapPost("/{id:guid}/transfers", async (TransferPerson transfer, Guid id, TransferPerson.Input input, CancellationToken cancellationToken) =>
                (await transfer.RequestAsync(id, input, cancellationToken)).ToHttpResult(transferId => TypedResults.Created($"/api/v1/transfers/{transferId}", new { id = transferId })))
            .RequireAuthorization(Permissions.RegisterPersons)
            .WithSummary("Chuyển hồ sơ sang xã/phường khác; nơi nhận phải tiếp nhận trong 24 giờ.");

        api.MapGet("/transfers", async (TransferPerson transfer, bool? pending, CancellationToken cancellationToken) =>
                Results.Ok(new { items = await transfer.ListAsync(pending ?? false, cancellationToken) }))
            .WithTags("Persons")
            .RequireAuthorization(Permissions.ViewPersons)
            .WithSummary("Hồ sơ chuyển đi và chuyển đến của địa bàn, kèm hạn tiếp nhận và tình trạng quá hạn.");

        api.MapPost("/transfers/{id:long}/accept", async (TransferPerson transfer, long id, CancellationToken cancellationToken) =>
                (await transfer.AcceptAsync(id, cancellationToken)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithTags("Persons")
            .RequireAuthorization(Permissions.RegisterPersons)
            .WithSummary("Tiếp nhận hồ sơ chuyển đến: địa bàn nhận trở thành địa bàn quản lý.");

        persons.MapPost("/import", async (ImportPersons import, ImportRejectFiles rejects, Population.PopulationBulkChecks populationChecks, Microsoft.Extensions.Options.IOptions<Population.PopulationOptions> population, CurrentUser user, IFormFile file, [FromForm] bool? importValidRows, [FromForm] string? commune, CancellationToken cancellationToken) =>
            {
                UploadEndpoints.Accept(file, UploadLimits.Table);
                await using var stream = file.OpenReadStream();
                var outcome = await import.HandleAsync(stream, file.FileName, new ImportPersons.Options(importValidRows ?? false, null, commune), null, cancellationToken);
                Guid? rejectId = outcome.RejectFile is null ? null : await rejects.SaveAsync(user.Id, file.FileName, outcome.RejectFile, cancellationToken);
                // The persons just created are checked against the national population database in the background (issue 16).
                Guid? checkId = population.Value.ChecksImports && outcome.PersonIds is { Count: > 0 } ids
                    ? (await populationChecks.EnqueuePersonsAsync(user, ids, file.FileName, null, cancellationToken)).Value
                    : null;

                return Results.Ok(new
                {
                    outcome.Rows,
                    outcome.Imported,
                    outcome.Refused,
                    outcome.PossibleDuplicates,
                    outcome.Errors,
                    outcome.UnmappedColumns,
                    rejectFile = rejectId is null ? null : $"/api/v1/persons/import/rejects/{rejectId}",
                    personIds = outcome.PersonIds,
                    populationCheck = checkId is null ? null : $"/api/v1/population-checks/{checkId}",
                });
            })
            .DisableAntiforgery() // bearer-token API: no cookies, so no cross-site request forgery
            .AcceptsUpload(UploadLimits.Table)
            .RequireAuthorization(Permissions.RegisterPersons)
            .WithSummary("Nhập danh sách từ Excel/CSV: kiểm tra từng dòng như biểu mẫu; cả tệp hoặc không gì cả, trừ khi chọn nhập các dòng hợp lệ; trả về lỗi từng dòng và tệp lỗi.");

        persons.MapGet("/import/rejects/{id:guid}", async (ImportRejectFiles rejects, CurrentUser user, Guid id, CancellationToken cancellationToken) =>
                await rejects.FindAsync(id, user.Id, cancellationToken) is { } reject
                    ? Results.File(reject.Content, ImportRejectFiles.ContentType, reject.FileName)
                    : Problems.NotFound())
            .RequireAuthorization(Permissions.RegisterPersons)
            .WithSummary("Tải tệp lỗi của một lần nhập (chỉ người đã nhập).");

        api.MapGet("/duplicate-reviews", async (ReviewDuplicates reviews, CancellationToken cancellationToken) =>
                Results.Ok(new { items = await reviews.OpenAsync(cancellationToken) }))
            .WithTags("Persons")
            .RequireAuthorization(Permissions.ReviewDuplicates)
            .WithSummary("Hàng đợi rà soát hồ sơ có thể trùng trong địa bàn.");

        api.MapPost("/duplicate-reviews/{id:long}/dismiss", async (ReviewDuplicates reviews, long id, CancellationToken cancellationToken) =>
                (await reviews.DismissAsync(id, cancellationToken)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithTags("Persons")
            .RequireAuthorization(Permissions.ReviewDuplicates)
            .WithSummary("Xác nhận hai hồ sơ là hai người khác nhau.");

        persons.MapPost("/{id:guid}/merge", async (ReviewDuplicates reviews, Guid id, MergeInput input, CancellationToken cancellationToken) =>
                input.DuplicateId is { } duplicateId
                    ? (await reviews.MergeAsync(id, duplicateId, cancellationToken)).ToHttpResult(_ => TypedResults.NoContent())
                    : Problems.Validation("duplicateId", "Vui lòng chọn hồ sơ trùng cần gộp."))
            .RequireAuthorization(Permissions.MergePersons)
            .WithSummary("Gộp hồ sơ trùng (duplicateId) vào hồ sơ này; hồ sơ trùng được giữ lại kèm lịch sử và có thể tách lại.");

        persons.MapPost("/{id:guid}/unmerge", async (ReviewDuplicates reviews, Guid id, CancellationToken cancellationToken) =>
                (await reviews.UnmergeAsync(id, cancellationToken)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Permissions.MergePersons)
            .WithSummary("Tách một hồ sơ đã gộp.");

        persons.MapGet("/{id:guid}/access-log", (PersonAccessLog log, Guid id, int? page, int? pageSize, CancellationToken cancellationToken) =>
                PagedResults.ListAsync(page, pageSize, async paging =>
                    await log.HandleAsync(id, paging, cancellationToken) is { } rows ? rows : (Result<PagedList<PersonAccessLog.Row>>)new Failure.NotFound()))
            .RequireAuthorization(Permissions.ViewPersonAccessLog)
            .WithSummary("Lịch sử truy cập hồ sơ: ai đã xem hoặc sửa, khi nào, với mục đích gì.");
    }
}
