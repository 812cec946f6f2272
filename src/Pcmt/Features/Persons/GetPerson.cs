using Microsoft.EntityFrameworkCore;
using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Features.Persons;

/// <summary>Xem hồ sơ đối tượng: the whole record with decrypted identifiers; every view is audited. Outside the caller's area: not found.</summary>
public sealed class GetPerson(AppDbContext db, PersonRules rules, AuditLog audit, CurrentUser user, TimeProvider clock, Lifecycle.PersonCaseFiles files)
{
    public sealed record ResidenceView(string? CommuneCode, string? Address);

    public sealed record Details(
        Guid Id, string FileCode, string FullName, IReadOnlyList<string> Aliases, string DateOfBirth, string Sex,
        string? CitizenId, string? CitizenIdOverrideReason, string? LegacyId, string? Phone,
        string? Ethnicity, string? Occupation, string? Education, string? MaritalStatus,
        string ResidenceCommuneCode, string? Address, ResidenceView Permanent, ResidenceView Temporary,
        string? GuardianName, string? GuardianRelation, string? GuardianPhone,
        IReadOnlyList<string> Substances, IReadOnlyList<string> Flags, string Status, IReadOnlyList<object> Cases,
        Guid? MergedIntoId, IReadOnlyList<Guid> MergedRecords, DateTime CreatedAt, DateTime UpdatedAt, Guid Version);

    public async Task<Details?> HandleAsync(Guid id, string? purpose, CancellationToken cancellationToken) =>
        (await HandleWithFileAsync(id, purpose, cancellationToken))?.Person;

    /// <summary>The person and their legal file as read for it (the person page shows both without reading the file twice).</summary>
    public async Task<(Details Person, Lifecycle.CaseFileResult File, IReadOnlyList<Lifecycle.CaseRecord> Records)?> HandleWithFileAsync(Guid id, string? purpose, CancellationToken cancellationToken)
    {
        var person = await db.Persons.AsNoTracking().Include(p => p.Aliases).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        var part = "identity";
        if (person is null)
        {
            // Outside the area: readable only by the commune receiving a pending handover, or through break-the-glass.
            part = await TransferPerson.IsIncomingAsync(db, user, id, cancellationToken) ? "identity (tiếp nhận chuyển địa bàn)"
                : await BreakGlass.HoldsGrantAsync(db, user, id, clock.GetUtcNow().UtcDateTime, cancellationToken) ? "identity (truy cập khẩn cấp)"
                : null;
            if (part is not null)
                person = await db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AsNoTracking().Include(p => p.Aliases).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        }

        if (person is null)
            return null;

        await audit.RecordReadAsync(nameof(Person), person.Id.ToString(), person.Id, part, purpose, cancellationToken);
        // Status and cases are derived from the legal file at the moment of reading (a term may have run out since the last write).
        var (file, records) = await files.ReadAsync(person, cancellationToken);
        return (new Details(
            person.Id, person.FileCode, person.FullName, person.Aliases.Select(a => a.Name).Order(StringComparer.Ordinal).ToList(),
            new BirthDate(person.BirthYear, person.DateOfBirth).ToApi(), person.Sex == Sex.Female ? "female" : "male",
            rules.Reveal(person.CitizenIdProtected), person.CitizenIdOverrideReason, rules.Reveal(person.LegacyIdProtected), rules.Reveal(person.PhoneProtected),
            person.Ethnicity, person.Occupation, person.Education, person.MaritalStatus,
            person.CommuneCode, person.Current.Address,
            new ResidenceView(person.Permanent.CommuneCode, person.Permanent.Address), new ResidenceView(person.Temporary.CommuneCode, person.Temporary.Address),
            person.GuardianName, person.GuardianRelation, rules.Reveal(person.GuardianPhoneProtected),
            person.Substances.Split(',', StringSplitOptions.RemoveEmptyEntries),
            PersonInput.FlagCodes.Where(f => person.Flags.HasFlag(f.Value)).Select(f => f.Key).ToList(),
            file.Status, file.Cases.Cast<object>().ToList(), person.MergedIntoId,
            await db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).Where(p => p.MergedIntoId == person.Id).Select(p => p.Id).ToListAsync(cancellationToken),
            person.CreatedAt, person.UpdatedAt, person.Version), file, records);
    }
}
