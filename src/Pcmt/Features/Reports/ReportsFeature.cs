namespace Pcmt.Features.Reports;

public static class ReportsFeature
{
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReportingOptions>(configuration.GetSection(ReportingOptions.Section));
        return services.AddScoped<ReportAccess>().AddScoped<TemplateCatalog>().AddScoped<ReportFigures>().AddScoped<PlanPrefill>().AddScoped<CreateReport>().AddScoped<GetReport>()
            .AddScoped<SaveReport>().AddScoped<ReviewReport>().AddScoped<ListReports>().AddScoped<ReportCompleteness>().AddScoped<AdxExchange>().AddScoped<ReportedIndicators>().AddScoped<AnnualReport>().AddScoped<LateReports>();
    }
}
