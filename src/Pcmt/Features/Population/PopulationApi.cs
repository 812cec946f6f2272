namespace Pcmt.Features.Population;

public static class PopulationApi
{
    public sealed record CheckInput(string? Purpose);

    public sealed record BulkInput(string? Commune, string? Purpose, IReadOnlyList<Guid>? Persons = null);

    private static object Body(CheckPopulation.Outcome o) => new { status = o.Status, checkedAt = o.CheckedAt.ToOffset(TimeSpan.FromHours(7)), differences = o.Differences };

    public static void MapPopulationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("National population database");

        group.MapPost("/persons/{id:guid}/population-check", async (CheckPopulation check, Guid id, CheckInput input, CancellationToken ct) =>
                (await check.HandleAsync(id, input.Purpose, ct)).ToHttpResult(o => Results.Ok(Body(o))))
            .RequireAuthorization(Permissions.CheckPopulation)
            .WithSummary("Đối chiếu số định danh, họ tên, ngày sinh, giới tính với CSDL quốc gia về dân cư: matched, mismatch (kèm trường khác), not-found, unavailable (không phản hồi trong thời hạn). Mỗi lần đối chiếu được ghi nhật ký kèm mục đích.");

        group.MapPost("/persons/{id:guid}/population-check/accept", async (AcceptNationalValues accept, Guid id, AcceptNationalValues.Input input, CancellationToken ct) =>
                (await accept.HandleAsync(id, input, ct)).ToHttpResult(o => Results.Ok(Body(o))))
            .RequireAuthorization(Permissions.RegisterPersons)
            .WithSummary("Cập nhật hồ sơ theo giá trị của CSDL quốc gia (fields: fullName, dateOfBirth, sex); mỗi trường được ghi nhật ký riêng.");

        group.MapPost("/population-checks", async (PopulationBulkChecks queue, CurrentUser user, BulkInput input, CancellationToken ct) =>
                (input.Persons is null
                    ? await queue.EnqueueCommuneAsync(user, input.Commune, input.Purpose, ct)
                    : await queue.EnqueuePersonsAsync(user, input.Persons, null, input.Purpose, ct)).ToHttpResult(id => Results.Accepted($"/api/v1/population-checks/{id}", new { id })))
            .RequireAuthorization(Permissions.CheckPopulation)
            .WithSummary("Đối chiếu hàng loạt mọi người có số định danh của một xã, hoặc đúng các hồ sơ đã chọn (persons, ví dụ các hồ sơ vừa nhập) (chạy nền, giới hạn tốc độ theo cổng kết nối, tiếp tục được sau khi khởi động lại).");

        group.MapGet("/population-checks", async (PopulationBulkChecks queue, CurrentUser user, CancellationToken ct) =>
                Results.Ok(new { items = await queue.ListAsync(user, null, ct) }))
            .RequireAuthorization(Permissions.CheckPopulation)
            .WithSummary("Các lượt đối chiếu hàng loạt của tài khoản, kèm tiến độ.");

        group.MapGet("/population-checks/{id:guid}", async (PopulationBulkChecks queue, CurrentUser user, Guid id, CancellationToken ct) =>
                (await queue.ListAsync(user, id, ct)) is [var job] ? Results.Ok(job) : (IResult)Problems.NotFound())
            .RequireAuthorization(Permissions.CheckPopulation)
            .WithSummary("Tiến độ một lượt đối chiếu hàng loạt.");
    }
}
