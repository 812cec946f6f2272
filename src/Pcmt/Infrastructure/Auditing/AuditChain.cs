using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pcmt.Infrastructure.Auditing;

/// <summary>The hash chain: each entry's hash covers its own fields and the previous entry's hash, so an edit or removal breaks every later link.</summary>
public static class AuditChain
{
    /// <summary>Key of the PostgreSQL advisory lock that serialises appends across app nodes.</summary>
    public const long PostgresLockKey = 7_270_120_2025;

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string ComputeHash(AuditEntry entry)
    {
        var canonical = string.Join('\u001f',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            entry.UserId?.ToString() ?? "",
            entry.UserName,
            entry.Action,
            entry.EntityType,
            entry.EntityKey,
            entry.PersonId?.ToString() ?? "",
            entry.Detail ?? "",
            entry.Purpose ?? "",
            entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>PostgreSQL keeps microseconds; truncate first so the hash computed before insert survives the round trip.</summary>
    public static DateTime Truncate(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    public sealed record Break(long Sequence, string Reason);

    /// <summary>Checks entries given in sequence order; returns the first break, or null when the chain is intact.</summary>
    public static Break? Verify(IEnumerable<AuditEntry> entriesInOrder)
    {
        var verifier = new Verifier();
        return entriesInOrder.Select(verifier.Check).FirstOrDefault(b => b is not null);
    }

    /// <summary>Checks one entry at a time, so millions of entries can be streamed.</summary>
    public sealed class Verifier
    {
        private string _previousHash = GenesisHash;

        public long Count { get; private set; }

        public string? Head { get; private set; }

        public Break? Check(AuditEntry entry)
        {
            var expected = Count + 1;
            if (entry.Sequence != expected)
                return new Break(expected, $"entry {expected} is missing (next present is {entry.Sequence})");
            if (entry.PreviousHash != _previousHash)
                return new Break(entry.Sequence, "previous-hash link does not match the preceding entry");
            if (ComputeHash(entry) != entry.Hash)
                return new Break(entry.Sequence, "content does not match its hash (the row was altered)");

            _previousHash = entry.Hash;
            Head = entry.Hash;
            Count = expected;
            return null;
        }
    }
}
