namespace Pcmt.Infrastructure.Security;

/// <summary>Settings under "Security" (environment: Security__RequireTwoFactor …).</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Two-factor sign-in for roles that read person files. Default: true outside Development (API contract).</summary>
    public bool? RequireTwoFactor { get; set; }

    /// <summary>Lifetime of API bearer tokens. Short: a token is also checked against the security stamp on every request, but a stolen one is useful until it expires.</summary>
    public int TokenLifetimeMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts allowed per client address per minute and app node (login page and token endpoint); account lockout is the per-account limit.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 30;
}
