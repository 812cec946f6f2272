using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Pcmt.Features.Users;

namespace Pcmt.Infrastructure.Security;

/// <summary>Puts role, scope and the two-factor state into the cookie and bearer token, so authorization needs no database lookup.</summary>
public sealed class PcmtClaimsFactory(UserManager<User> users, IOptions<IdentityOptions> options, TwoFactorPolicy twoFactor)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim(PcmtClaims.FullName, user.FullName));
        identity.AddClaim(new Claim(PcmtClaims.ScopeKind, user.ScopeKind.ToString()));
        if (user.ScopeCode is not null)
            identity.AddClaim(new Claim(PcmtClaims.ScopeCode, user.ScopeCode));
        if (user.ProvinceCode is not null)
            identity.AddClaim(new Claim(PcmtClaims.Province, user.ProvinceCode));
        if (user.CommuneCode is not null)
            identity.AddClaim(new Claim(PcmtClaims.Commune, user.CommuneCode));
        if (twoFactor.IsRequiredFor(user) && !user.TwoFactorEnabled)
            identity.AddClaim(new Claim(PcmtClaims.TwoFactorPending, "true"));
        return identity;
    }
}
