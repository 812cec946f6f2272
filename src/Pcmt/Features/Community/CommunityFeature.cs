namespace Pcmt.Features.Community;

public static class CommunityFeature
{
    public static IServiceCollection AddCommunity(this IServiceCollection services) =>
        services.AddScoped<TeamRosters>().AddScoped<CommunicationRegister>();
}
