using Pcmt.Features.Facilities;

namespace Pcmt.Features.Lifecycle;

public static class LifecycleFeature
{
    public static IServiceCollection AddLifecycle(this IServiceCollection services) => services
        .AddScoped<LegalSettings>()
        .AddScoped<PersonCaseFiles>()
        .AddScoped<RecordCaseFacts>()
        .AddScoped<WorkItems>()
        .AddScoped<LegalListQuery>()
        .AddScoped<DailyLegalReview>()
        .AddScoped<DecisionDocuments>()
        .AddScoped<FacilityRegister>()
        .AddScoped<Demo.GenerateDemoData>()
        .AddScoped<FacilityCertificates>() // issue 16: Form 50 issued by the facility, and its register
        .AddHostedService<DailyLegalReviewJob>();
}
