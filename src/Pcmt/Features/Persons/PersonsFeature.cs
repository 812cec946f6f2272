using Pcmt.Infrastructure.Protection;

namespace Pcmt.Features.Persons;

public static class PersonsFeature
{
    public static IServiceCollection AddPersons(this IServiceCollection services, IConfiguration configuration) => services
        .AddSingleton(provider =>
        {
            var options = configuration.GetSection(ProtectionOptions.Section).Get<ProtectionOptions>() ?? new ProtectionOptions();
            // Several app nodes must share one set of keys: only the embedded SQLite default may generate its own key file.
            if (options.Keys.Count == 0 && options.KeyFile is null && provider.GetRequiredService<DatabaseOptions>().Provider != DatabaseProvider.Sqlite)
                throw new InvalidOperationException("Protection:Keys (or Protection:KeyFile) must be configured on PostgreSQL deployments; see docs/operations.md.");
            return PersonalDataProtector.FromConfiguration(
                options,
                Path.Combine(Directory.GetCurrentDirectory(), "data", "pcmt-keys.json"),
                provider.GetRequiredService<ILoggerFactory>().CreateLogger<PersonalDataProtector>());
        })
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
        .AddScoped<TransferPerson>()
        .AddScoped<ImportPersons>()
        .AddScoped<ImportRejectFiles>()
        .AddScoped<ReviewDuplicates>()
        .AddSingleton<PersonNameIndex>()
        .AddHostedService<PersonNameIndexListener>()
        .AddSingleton<BackgroundImports>()
        .AddHostedService<BackgroundImportsJob>();
}
