using Microsoft.AspNetCore.Authorization;

namespace Pcmt.Infrastructure.Security;

/// <summary>A permission policy: granted when the user's role grants the permission and no second factor is pending.</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

public sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var user = CurrentUser.From(context.User);
        if (user.IsAuthenticated && !context.User.HasClaim(c => c.Type == PcmtClaims.TwoFactorPending) && user.Can(requirement.Permission))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>Any signed-in user who has completed sign-in (used for pages every role may open).</summary>
public sealed record SignedInRequirement : IAuthorizationRequirement;

public sealed class SignedInHandler : AuthorizationHandler<SignedInRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SignedInRequirement requirement)
    {
        if (CurrentUser.From(context.User).IsAuthenticated && !context.User.HasClaim(c => c.Type == PcmtClaims.TwoFactorPending))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

public static class Policies
{
    /// <summary>Signed in, second factor included: the fallback for every endpoint without its own policy.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Signed in with the password only; used by the two-factor enrolment pages.</summary>
    public const string PasswordOnly = "password-only";
}
