namespace Pcmt.Infrastructure.Security;

/// <summary>Settings under "Security" (environment: Security__RequireTwoFactor …).</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Two-factor sign-in for roles that read person files. Default: true outside Development (API contract).</summary>
    public bool? RequireTwoFactor { get; set; }

    /// <summary>Lifetime of API bearer tokens.</summary>
    public int TokenLifetimeMinutes { get; set; } = 60;

    /// <summary>Sign-in attempts allowed per client address per minute and app node (login page and token endpoint); account lockout is the per-account limit.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 30;
}
