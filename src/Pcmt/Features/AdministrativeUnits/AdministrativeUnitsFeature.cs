namespace Pcmt.Features.AdministrativeUnits;

public static class AdministrativeUnitsFeature
{
    public static IServiceCollection AddAdministrativeUnits(this IServiceCollection services) => services
        .AddScoped<LoadUnitCatalog>()
        .AddScoped<ListAdministrativeUnits>()
        .AddScoped<GetAdministrativeUnit>()
        .AddScoped<ListPopulation>()
        .AddScoped<SetPopulation>()
        .AddScoped<ImportPopulation>();
}
