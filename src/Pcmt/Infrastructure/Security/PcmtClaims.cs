namespace Pcmt.Infrastructure.Security;

/// <summary>Claim types PCMT puts in cookies and bearer tokens.</summary>
public static class PcmtClaims
{
    public const string ScopeKind = "pcmt:scope-kind";
    public const string ScopeCode = "pcmt:scope";
    public const string Province = "pcmt:province";
    public const string Commune = "pcmt:commune";
    public const string FullName = "pcmt:full-name";

    /// <summary>Present while a user who must use two-factor sign-in has not enrolled an authenticator yet.</summary>
    public const string TwoFactorPending = "pcmt:2fa-pending";
}
