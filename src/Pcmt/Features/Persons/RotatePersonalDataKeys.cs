using Microsoft.EntityFrameworkCore;
using Pcmt.Infrastructure.Protection;

namespace Pcmt.Features.Persons;

/// <summary>
/// Đổi khóa mã hóa (<c>pcmt keys rotate</c>): re-encrypts every protected identifier that is not under the active key version,
/// in batches, so an old key can be retired. Blind indexes do not change (they use the separate index key).
/// </summary>
public sealed class RotatePersonalDataKeys(AppDbContext db, PersonalDataProtector protector, ILogger<RotatePersonalDataKeys> logger)
{
    /// <summary>Persons and values rewrapped; <c>Others</c> counts the rows of the other modules (tips, team rosters) that had a value rewrapped.</summary>
    public sealed record Outcome(int Persons, int Values, int Others = 0);

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

        // The other protected values (issue 15): tips' text, contact, school name and photos, and the team rosters' phones.
        // Run as the system (CLI), which the UnitScope filter lets see every row.
        var others = 0;
        others += await RotateTipsAsync(batchSize, () => values++, cancellationToken);
        others += await RotateRosterPhonesAsync(batchSize, prefix, () => values++, cancellationToken);
        others += await RotateCertificatesAsync(batchSize, () => values++, cancellationToken);

        logger.LogInformation("Key rotation to version {Version}: {Persons} persons, {Others} other rows, {Values} values", protector.ActiveVersion, persons, others, values);
        return new Outcome(persons, values, others);
    }

    private async Task<int> RotateTipsAsync(int batchSize, Action counted, CancellationToken cancellationToken)
    {
        // Photos are bytes (the key version is their first 4 bytes), so every tip is visited once, in key order, by pages.
        var rows = 0;
        for (var skip = 0; ; skip += batchSize)
        {
            var batch = await db.Tips.Include(t => t.Photos).OrderBy(t => t.Id).Skip(skip).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                break;
            var changed = 0;
            foreach (var tip in batch)
            {
                var count = 0;
                tip.TextProtected = Rewrap(tip.TextProtected, ref count)!;
                tip.ContactProtected = Rewrap(tip.ContactProtected, ref count);
                tip.SchoolNameProtected = Rewrap(tip.SchoolNameProtected, ref count);
                foreach (var photo in tip.Photos.Where(p => p.ContentProtected.Length >= 4 && BitConverter.ToInt32(p.ContentProtected, 0) != protector.ActiveVersion))
                {
                    photo.ContentProtected = protector.EncryptBytes(protector.DecryptBytes(photo.ContentProtected));
                    count++;
                }

                for (var i = 0; i < count; i++)
                    counted();
                if (count > 0)
                    changed++;
            }

            if (changed > 0)
                await db.SaveBulkAsync(nameof(Features.Tips.Tip), $"key rotation to v{protector.ActiveVersion}: {changed} tips", cancellationToken);
            rows += changed;
            db.ChangeTracker.Clear();
        }

        return rows;
    }

    private async Task<int> RotateRosterPhonesAsync(int batchSize, string prefix, Action counted, CancellationToken cancellationToken)
    {
        var rows = 0;
        while (true)
        {
            var batch = await db.Set<Features.Community.TeamMember>().Where(m => m.PhoneProtected != null && !m.PhoneProtected.StartsWith(prefix))
                .OrderBy(m => m.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                break;
            foreach (var member in batch)
            {
                var count = 0;
                member.PhoneProtected = Rewrap(member.PhoneProtected, ref count);
                counted();
            }

            rows += batch.Count;
            await db.SaveBulkAsync(nameof(Features.Community.TeamMember), $"key rotation to v{protector.ActiveVersion}: {batch.Count} team members", cancellationToken);
            db.ChangeTracker.Clear();
        }

        return rows;
    }

    /// <summary>The certificates facilities issued (issue 16, Form 50 as .docx bytes; the key version is their first 4 bytes), visited by pages in key order.</summary>
    private async Task<int> RotateCertificatesAsync(int batchSize, Action counted, CancellationToken cancellationToken)
    {
        var rows = 0;
        for (var skip = 0; ; skip += batchSize)
        {
            var batch = await db.Set<Features.Lifecycle.FacilityCertificate>().OrderBy(c => c.Id).Skip(skip).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                break;
            var changed = 0;
            foreach (var certificate in batch.Where(c => c.DocumentProtected.Length >= 4 && BitConverter.ToInt32(c.DocumentProtected, 0) != protector.ActiveVersion))
            {
                certificate.DocumentProtected = protector.EncryptBytes(protector.DecryptBytes(certificate.DocumentProtected));
                counted();
                changed++;
            }

            if (changed > 0)
                await db.SaveBulkAsync(nameof(Features.Lifecycle.FacilityCertificate), $"key rotation to v{protector.ActiveVersion}: {changed} certificates", cancellationToken);
            rows += changed;
            db.ChangeTracker.Clear();
        }

        return rows;
    }

    private string? Rewrap(string? stored, ref int count)
    {
        if (stored is null || PersonalDataProtector.VersionOf(stored) == protector.ActiveVersion)
            return stored;
        count++;
        return protector.Encrypt(protector.Decrypt(stored));
    }
}
