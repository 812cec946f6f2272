using Pcmt.Infrastructure.Protection;

namespace Pcmt.Features.Persons;

public static class PersonsFeature
{
    public static IServiceCollection AddPersons(this IServiceCollection services, IConfiguration configuration) => services
        .AddSingleton(provider => PersonalDataProtector.FromConfiguration(
            configuration.GetSection(ProtectionOptions.Section).Get<ProtectionOptions>() ?? new ProtectionOptions(),
            Path.Combine(Directory.GetCurrentDirectory(), "data", "pcmt-keys.json"),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<PersonalDataProtector>()))
        .AddScoped<PersonRules>()
        .AddScoped<PersonForm>()
        .AddScoped<FindDuplicates>()
        .AddScoped<RegisterPerson>()
        .AddScoped<SearchPersons>()
        .AddScoped<GetPerson>()
        .AddScoped<UpdatePerson>()
        .AddScoped<PersonAccessLog>()
        .AddScoped<RotatePersonalDataKeys>()
        .AddScoped<BreakGlass>()
        .AddScoped<TransferPerson>();
}
