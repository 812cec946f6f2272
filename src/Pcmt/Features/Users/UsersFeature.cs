namespace Pcmt.Features.Users;

public static class UsersFeature
{
    public static IServiceCollection AddUsers(this IServiceCollection services) => services
        .AddScoped<CreateUser>()
        .AddScoped<SearchUsers>()
        .AddScoped<UpdateUser>()
        .AddScoped<ResetCredentials>()
        .AddScoped<EnsureAdministrator>();
}
