namespace Pcmt.Features.DataBreaches;

public static class DataBreachesFeature
{
    public static IServiceCollection AddDataBreaches(this IServiceCollection services) => services.AddScoped<DataBreachRegister>();

    /// <summary>The data controller named in the letters (Privacy:ControllerName), e.g. "Công an tỉnh Thái Nguyên".</summary>
    public static string Controller(IConfiguration configuration) => configuration["Privacy:ControllerName"] is { Length: > 0 } name ? name : "Công an tỉnh ………";
}
