namespace Pcmt.Infrastructure.Protection;

/// <summary>
/// Keys for personal identifiers ("Protection" section, e.g. Protection__Keys__1, Protection__ActiveKey, Protection__IndexKey, or
/// Protection__KeyFile). Keys live in configuration, the environment or a key file, never in the repository or the database.
/// </summary>
public sealed class ProtectionOptions
{
    public const string Section = "Protection";

    /// <summary>Key-encryption keys by version: base64 of 32 random bytes each.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>The version new values are encrypted with; default the highest.</summary>
    public string? ActiveKey { get; set; }

    /// <summary>HMAC key of the blind index (base64, 32 bytes). Changing it requires re-indexing every value.</summary>
    public string? IndexKey { get; set; }

    /// <summary>A JSON file holding { "keys": {…}, "activeKey": "…", "indexKey": "…" }; the embedded default creates one under data/.</summary>
    public string? KeyFile { get; set; }
}
