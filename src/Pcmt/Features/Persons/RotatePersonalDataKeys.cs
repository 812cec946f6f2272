using Microsoft.EntityFrameworkCore;
using Pcmt.Infrastructure.Protection;

namespace Pcmt.Features.Persons;

/// <summary>
/// Đổi khóa mã hóa (<c>pcmt keys rotate</c>): re-encrypts every protected identifier that is not under the active key version,
/// in batches, so an old key can be retired. Blind indexes do not change (they use the separate index key).
/// </summary>
public sealed class RotatePersonalDataKeys(AppDbContext db, PersonalDataProtector protector, ILogger<RotatePersonalDataKeys> logger)
{
    public sealed record Outcome(int Persons, int Values);

    public async Task<Outcome> HandleAsync(int batchSize, CancellationToken cancellationToken)
    {
        var prefix = $"v{protector.ActiveVersion}.";
        var persons = 0;
        var values = 0;
        while (true)
        {
            var batch = await db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter])
                .Where(p => (p.CitizenIdProtected != null && !p.CitizenIdProtected.StartsWith(prefix))
                            || (p.LegacyIdProtected != null && !p.LegacyIdProtected.StartsWith(prefix))
                            || (p.PhoneProtected != null && !p.PhoneProtected.StartsWith(prefix))
                            || (p.GuardianPhoneProtected != null && !p.GuardianPhoneProtected.StartsWith(prefix)))
                .OrderBy(p => p.Id)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
                break;

            foreach (var person in batch)
            {
                person.CitizenIdProtected = Rewrap(person.CitizenIdProtected, ref values);
                person.LegacyIdProtected = Rewrap(person.LegacyIdProtected, ref values);
                person.PhoneProtected = Rewrap(person.PhoneProtected, ref values);
                person.GuardianPhoneProtected = Rewrap(person.GuardianPhoneProtected, ref values);
            }

            persons += batch.Count;
            await db.SaveBulkAsync(nameof(Person), $"key rotation to v{protector.ActiveVersion}: {batch.Count} persons", cancellationToken);
            db.ChangeTracker.Clear();
        }

        logger.LogInformation("Key rotation to version {Version}: {Persons} persons, {Values} values", protector.ActiveVersion, persons, values);
        return new Outcome(persons, values);
    }

    private string? Rewrap(string? stored, ref int count)
    {
        if (stored is null || PersonalDataProtector.VersionOf(stored) == protector.ActiveVersion)
            return stored;
        count++;
        return protector.Encrypt(protector.Decrypt(stored));
    }
}
