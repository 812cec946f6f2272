namespace Pcmt.Features.Audit;

public static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit-entries").WithTags("Audit").RequireAuthorization(Permissions.ViewAuditLog);

        audit.MapGet("/", (SearchAuditEntries search, [AsParameters] SearchAuditEntries.Filter filter, int? page, int? pageSize, CancellationToken cancellationToken) =>
                PagedResults.ListAsync(page, pageSize, paging => search.HandleAsync(filter, paging, cancellationToken)))
            .WithSummary("Nhật ký ghi, đọc và xuất dữ liệu, mới nhất trước.");

        audit.MapGet("/verify", async (VerifyAuditChain verify, CancellationToken cancellationToken) => TypedResults.Ok(await verify.HandleAsync(cancellationToken)))
            .WithSummary("Kiểm tra chuỗi băm của nhật ký: phát hiện bản ghi bị sửa hoặc xóa.");
    }
}
