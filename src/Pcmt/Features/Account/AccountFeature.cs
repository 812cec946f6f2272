namespace Pcmt.Features.Account;

public static class AccountFeature
{
    public static IServiceCollection AddAccount(this IServiceCollection services) =>
        services.AddScoped<IssueToken>();
}
