namespace Pcmt.Features.DataBreaches;

public static class DataBreachesApi
{
    public static void MapDataBreachesApi(this RouteGroupBuilder api)
    {
        var breaches = api.MapGroup("/data-breaches").WithTags("Data breaches").RequireAuthorization(Permissions.ManageDataBreaches);

        breaches.MapGet("/", async (DataBreachRegister register, CancellationToken cancellationToken) =>
                TypedResults.Ok(new { items = await register.ListAsync(cancellationToken) }))
            .WithSummary("Sổ sự cố dữ liệu cá nhân, mới nhất trước, kèm hạn thông báo A05 (72 giờ) và thời gian còn lại.");

        breaches.MapPost("/", async (DataBreachRegister register, DataBreachRegister.Input input, CancellationToken cancellationToken) =>
                (await register.RecordAsync(input, cancellationToken)).ToHttpResult(id => TypedResults.Created($"/api/v1/data-breaches/{id}", new { id })))
            .WithSummary("Ghi nhận sự cố dữ liệu cá nhân: bắt đầu tính hạn 72 giờ thông báo cho A05 (Luật 91/2025/QH15).");

        breaches.MapGet("/{id:guid}", async (DataBreachRegister register, Guid id, CancellationToken cancellationToken) =>
                await register.GetAsync(id, cancellationToken) is { } row ? Results.Ok(row) : Problems.NotFound())
            .WithSummary("Chi tiết một sự cố dữ liệu cá nhân.");

        breaches.MapPost("/{id:guid}/notifications", async (DataBreachRegister register, Guid id, DataBreachRegister.NotificationInput input, CancellationToken cancellationToken) =>
                (await register.RecordNotificationAsync(id, input, cancellationToken)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Ghi nhận đã thông báo sự cố cho A05 (authority) hoặc cho chủ thể dữ liệu (subjects).");

        breaches.MapGet("/{id:guid}/documents/{kind}", async (DataBreachRegister register, IConfiguration configuration, TimeProvider clock, Guid id, string kind, CancellationToken cancellationToken) =>
            {
                if (!BreachDocuments.Kinds.Contains(kind))
                    return Problems.Validation("kind", "Loại văn bản phải là \"authority\" (thông báo A05) hoặc \"subjects\" (thông báo chủ thể dữ liệu).");
                if (await register.GetAsync(id, cancellationToken) is not { } row)
                    return Problems.NotFound();
                var (content, fileName) = BreachDocuments.Create(row, kind, DataBreachesFeature.Controller(configuration), DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime));
                return Results.File(content, BreachDocuments.ContentType, fileName);
            })
            .WithSummary("Dự thảo văn bản (.docx): thông báo sự cố gửi A05 (authority) hoặc thông báo cho chủ thể dữ liệu (subjects).");
    }
}
