namespace Pcmt.Features.Agencies;

public static class AgenciesApi
{
    public static void MapAgenciesApi(this RouteGroupBuilder api)
    {
        var agencies = api.MapGroup("/agencies").WithTags("Agencies");

        agencies.MapGet("/", (AgencyRegister register, string? province, int? page, int? pageSize, CancellationToken ct) =>
                PagedResults.ListAsync(page, pageSize, paging => register.ListAsync(province, paging, ct)))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Cơ quan, đơn vị (sở, ban, ngành, đoàn thể, lực lượng vũ trang, ủy ban) của tỉnh.");

        agencies.MapPost("/", async (AgencyRegister register, AgencyRegister.Input input, CancellationToken ct) =>
                (await register.CreateAsync(input, ct)).ToHttpResult(id => TypedResults.Created($"/api/v1/agencies/{id}", new { id })))
            .RequireAuthorization(Permissions.ManageAgencies)
            .WithSummary("Đăng ký một cơ quan, đơn vị; 409 nếu mã đã có.");
    }
}

public static class AgenciesFeature
{
    public static IServiceCollection AddAgencies(this IServiceCollection services) => services.AddScoped<AgencyRegister>();
}
