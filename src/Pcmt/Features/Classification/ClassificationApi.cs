namespace Pcmt.Features.Classification;

public static class ClassificationApi
{
    public sealed record RunInput(string? Province, int? Year);

    public sealed record ApproveInput(string? DecisionNumber, string? DecidedOn, List<string>? Communes);

    public sealed record ClassInput(string? Class, string? Reason);

    public static void MapClassificationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/classifications").WithTags("Classification and indicators");

        // The permission is checked by the use case: classification.run for a province, classification.run-national for the country.
        group.MapPost("/run", async (ClassifyCommunes classify, RunInput input, CancellationToken ct) =>
                input.Province is null or ClassifyCommunes.Country
                    ? (await classify.RunCountryAsync(input.Province, input.Year, ct)).ToHttpResult(summary => TypedResults.Ok(summary))
                    : (await classify.RunAsync(input.Province, input.Year, ct)).ToHttpResult(rows => TypedResults.Ok(new { items = rows.Select(Item), total = rows.Count })))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Tính đề xuất phân loại mọi xã của tỉnh (hoặc cả nước, không có province hoặc \"VN\": trả về số liệu tổng hợp) cho kỳ đánh giá 15/12 năm trước → 14/12 (QĐ 28/2025/QĐ-TTg); kết quả đã phê duyệt giữ nguyên.");

        group.MapGet("/", async (ClassifyCommunes classify, string? province, int? year, CancellationToken ct) =>
            {
                var rows = await classify.ListAsync(province, year, ct);
                if (!rows.Succeeded)
                    return rows.Failure.ToHttpResult();
                var provinceResult = await classify.ProvinceAsync(province!, year!.Value, rows.Value, ct);
                return Results.Ok(new { items = rows.Value.Select(Item), total = rows.Value.Count, province = provinceResult });
            })
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Kết quả phân loại xã của tỉnh trong năm, với tiêu chí và trạng thái (proposed/approved).");

        group.MapPut("/{province}/{year:int}/{commune}", async (ClassifyCommunes classify, string province, int year, string commune, ClassInput input, CancellationToken ct) =>
                (await classify.SetClassAsync(province, year, commune, input.Class, input.Reason, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Permissions.ClassifyCommunes)
            .WithSummary("Xem xét một xã \"review\" (hoặc điều chỉnh) trước khi phê duyệt, kèm lý do; kết quả tính từ số liệu được giữ lại.");

        group.MapPost("/{province}/{year:int}/approve", async (ClassifyCommunes classify, string province, int year, ApproveInput input, CancellationToken ct) =>
                (await classify.ApproveAsync(province, year, input.DecisionNumber, input.DecidedOn, input.Communes, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Permissions.ClassifyCommunes)
            .WithSummary("Ghi nhận quyết định phê duyệt của UBND tỉnh (số, ngày) cho mọi đề xuất hoặc các xã được liệt kê.");
    }

    private static object Item(ClassifyCommunes.Row r) => new
    {
        communeCode = r.CommuneCode,
        communeName = r.CommuneName,
        @class = r.Class,
        computedClass = r.ComputedClass,
        criteria = r.Criteria,
        status = r.Status,
        previousClass = r.PreviousClass,
        decisionNumber = r.DecisionNumber,
        decidedOn = r.DecidedOn,
        manualReason = r.ManualReason,
    };
}
