namespace Pcmt.Features.Population;

/// <summary>Liên thông CSDL quốc gia về dân cư: configuration section <c>Population</c> (docs/population-gateway.md).</summary>
public sealed class PopulationOptions
{
    public const string Section = "Population";

    public const string HttpProvider = "Http";
    public const string SimulatorProvider = "Simulator";

    /// <summary><c>Http</c> (the agency's gateway) or <c>Simulator</c> (test citizens from a file; the default).</summary>
    public string Provider { get; set; } = SimulatorProvider;

    public string? BaseAddress { get; set; }

    /// <summary>The whole check, retries included, gives up after this many seconds and answers <c>unavailable</c>.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Retries after a failed attempt (exponential backoff with jitter).</summary>
    public int Retries { get; set; } = 2;

    /// <summary>How long the circuit stays open after repeated failures (no calls reach the gateway meanwhile).</summary>
    public int BreakSeconds { get; set; } = 30;

    /// <summary>Bearer token issued by the gateway operator, when it uses tokens.</summary>
    public string? Token { get; set; }

    /// <summary>Client certificate (PKCS#12 file) for mutual TLS, when the gateway uses it.</summary>
    public string? ClientCertificatePath { get; set; }

    public string? ClientCertificatePassword { get; set; }

    /// <summary>The simulator's citizens (JSON); the file shipped with the application when not set.</summary>
    public string? SimulatorFile { get; set; }

    /// <summary>Bulk checks send at most this many requests per second (the rate the gateway operator allows).</summary>
    public double RequestsPerSecond { get; set; } = 5;

    /// <summary>Check each newly registered person in the background (the registration form never waits).</summary>
    public bool CheckOnRegistration { get; set; }

    /// <summary>
    /// Queue a bulk check of the persons an import created (API, import page, <c>pcmt people import</c>). Unset: on with the
    /// simulator (the demo and the tests), off with the real gateway until its operator agrees the volume.
    /// </summary>
    public bool? CheckOnImport { get; set; }

    public bool ChecksImports => CheckOnImport ?? string.Equals(Provider, SimulatorProvider, StringComparison.OrdinalIgnoreCase);
}
