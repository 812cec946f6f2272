using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Tips;

/// <summary>Tra cứu tin tố giác: the sender, with the receipt code and the secret, sees the status (nothing else).</summary>
public sealed class CheckTipStatus(AppDbContext db)
{
    private static readonly byte[] NoSuchTip = RandomNumberGenerator.GetBytes(32);

    public sealed record Answer(string Status, DateOnly UpdatedOn);

    public async Task<Answer?> HandleAsync(string? code, string? secret, CancellationToken cancellationToken)
    {
        var receipt = TipSecrets.NormalizeCode(code);
        // The sender has no area: the lookup is by code and secret across every tip (one indexed row).
        var row = receipt.Length == 0
            ? null
            : await db.Tips.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AsNoTracking()
                .Where(t => t.ReceiptCode == receipt)
                .Select(t => new { t.SecretHash, t.Status, t.UpdatedOn })
                .FirstOrDefaultAsync(cancellationToken);

        // Constant-time comparison, and a comparison even when the code is unknown, so timing reveals neither the secret nor the code.
        var expected = row is null ? NoSuchTip : Convert.FromHexString(row.SecretHash);
        var matches = CryptographicOperations.FixedTimeEquals(TipSecrets.Hash(secret), expected);
        return row is not null && matches ? new Answer(row.Status, row.UpdatedOn) : null;
    }
}
