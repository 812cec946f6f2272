using System.Security.Cryptography;
using System.Text;

namespace Pcmt.Features.Tips;

/// <summary>Receipt codes and secrets: random, from an alphabet without look-alike characters (no 0/O, 1/I/L), easy to copy on a phone.</summary>
public static class TipSecrets
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>"TG-7K3M-Q9XD": 31⁸ ≈ 8.5 × 10¹¹ values.</summary>
    public static string NewReceiptCode() => $"TG-{Random(4)}-{Random(4)}";

    /// <summary>Four groups of five: 31²⁰ ≈ 6 × 10²⁹ (99 bits), so guessing is hopeless even without the rate limit.</summary>
    public static string NewSecret() => $"{Random(5)}-{Random(5)}-{Random(5)}-{Random(5)}";

    public static string NormalizeCode(string? code)
    {
        var letters = Letters(code);
        if (letters.StartsWith("TG", StringComparison.Ordinal))
            letters = letters[2..];
        return letters.Length == 8 ? $"TG-{letters[..4]}-{letters[4..]}" : "";
    }

    /// <summary>SHA-256 of the normalised secret (a high-entropy random value needs no slow password hash).</summary>
    public static byte[] Hash(string? secret) => SHA256.HashData(Encoding.UTF8.GetBytes(Letters(secret)));

    public static string HashHex(string secret) => Convert.ToHexStringLower(Hash(secret));

    private static string Letters(string? value) =>
        value is null ? "" : new string([.. value.Where(char.IsAsciiLetterOrDigit).Take(64).Select(char.ToUpperInvariant)]);

    private static string Random(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
