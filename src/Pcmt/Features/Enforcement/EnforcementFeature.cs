namespace Pcmt.Features.Enforcement;

public static class EnforcementFeature
{
    public static IServiceCollection AddEnforcement(this IServiceCollection services) =>
        services.AddScoped<SupplySide.SupplyFollowUp>().AddScoped<RecordDrugCase>().AddScoped<SearchDrugCases>().AddScoped<RecordProsecutionStage>().AddScoped<WantedPersons>().AddScoped<SeizureSummary>().AddScoped<EditDrugCase>();
}
