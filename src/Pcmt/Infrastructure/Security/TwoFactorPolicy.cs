using Pcmt.Features.Users;

namespace Pcmt.Infrastructure.Security;

/// <summary>Whether a user must sign in with a second factor: roles that read person files and the administrator, when Security:RequireTwoFactor is on.</summary>
public sealed class TwoFactorPolicy(SecurityOptions options, IHostEnvironment environment)
{
    public bool Enabled => options.RequireTwoFactor ?? !environment.IsDevelopment();

    public bool IsRequiredFor(User user) => Enabled && Roles.RequiresTwoFactor(user.Role);
}
