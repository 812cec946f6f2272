using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;

namespace Pcmt.Features.Persons;

/// <summary>Đăng ký đối tượng: adds a person after the citizen-ID rules and the duplicate checks; likely duplicates go to the review queue.</summary>
public sealed class RegisterPerson(AppDbContext db, PersonRules rules, FindDuplicates duplicates, TimeProvider clock, CurrentUser user,
    Population.PopulationBulkChecks populationChecks, Microsoft.Extensions.Options.IOptions<Population.PopulationOptions> populationOptions)
{
    public sealed record Input : PersonInput
    {
        /// <summary>The registering officer has seen the likely matches and states this is a different person.</summary>
        public bool ConfirmedNotDuplicate { get; init; }
    }

    public sealed record Registered(Guid Id, string FileCode, IReadOnlyList<string> Warnings, IReadOnlyList<FindDuplicates.Candidate> PossibleDuplicates, int PossibleDuplicatesElsewhere);

    public async Task<Result<Registered>> HandleAsync(Input input, CancellationToken cancellationToken)
    {
        var checkedInput = await CheckAsync(input, cancellationToken);
        if (!checkedInput.Succeeded)
            return checkedInput.Failure;
        var valid = checkedInput.Value;

        var subject = PersonMatching.From(input.FullName!, input.Aliases ?? [], valid.BirthDate.Year, valid.BirthDate.Date, valid.Sex, valid.Commune.Code);
        var matches = await duplicates.HandleAsync(subject, null, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var person = new Person { CreatedAt = now };
        rules.Apply(person, input, valid);
        db.Persons.Add(person);
        foreach (var candidate in matches.Visible)
        {
            db.DuplicateReviews.Add(new DuplicateReview
            {
                PersonId = person.Id,
                CandidateId = candidate.Id,
                Score = candidate.Score,
                Reasons = string.Join("; ", candidate.Reasons),
                ProvinceCode = person.ProvinceCode,
                CommuneCode = person.CommuneCode,
                CreatedAt = now,
                Outcome = input.ConfirmedNotDuplicate ? "confirmed-different-at-registration" : null,
            });
        }

        // The file number and the record are stored in one transaction: the commune's counter row stays locked until the
        // commit, so no two registrations take one number and a refused registration gives its number back.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                var prefix = FileNumbers.PrefixOf(valid.Commune.Code, now);
                person.FileCode = FileNumbers.Format(prefix, await FileNumbers.AllocateAsync(db, prefix, 1, cancellationToken));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (UniqueViolation.IndexOf(exception) is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                // The same citizen ID registered by someone else a moment ago: the unique index refused it (409 with the record).
                if (valid.CitizenId is not null && await ExistingAsync(rules.Index(valid.CitizenId), cancellationToken) is { } raced)
                    return raced;
                return new Failure.Conflict("Hồ sơ vừa được ghi đồng thời bởi người khác; vui lòng tải lại và thử lại.");
            }
        }

        // National population database link (issue 16): optionally checked in the background; the form does not wait.
        if (populationOptions.Value.CheckOnRegistration && person.CitizenIdProtected is not null)
            await populationChecks.EnqueuePersonAsync(user, person.Id, cancellationToken);
        return new Registered(person.Id, person.FileCode, valid.Warnings, matches.Visible, matches.Elsewhere);
    }

    /// <summary>Before saving, on the form: the likely matches the officer must look at (nothing is written).</summary>
    public async Task<Result<FindDuplicates.Outcome>> PreviewAsync(Input input, CancellationToken cancellationToken)
    {
        var checkedInput = await CheckAsync(input, cancellationToken);
        if (!checkedInput.Succeeded)
            return checkedInput.Failure;
        var valid = checkedInput.Value;
        return await duplicates.HandleAsync(
            PersonMatching.From(input.FullName!, input.Aliases ?? [], valid.BirthDate.Year, valid.BirthDate.Date, valid.Sex, valid.Commune.Code), null, cancellationToken);
    }

    /// <summary>The form's rules, then the national uniqueness of the citizen ID.</summary>
    private async Task<Result<PersonRules.Checked>> CheckAsync(Input input, CancellationToken cancellationToken)
    {
        var checkedInput = await rules.CheckAsync(input, cancellationToken);
        if (checkedInput.Succeeded && checkedInput.Value.CitizenId is { } citizenId && await ExistingAsync(rules.Index(citizenId), cancellationToken) is { } conflict)
            return conflict;
        return checkedInput;
    }

    /// <summary>409 when the citizen ID is already registered: the record's id if the caller may see it, else whom to contact.</summary>
    private async Task<Failure?> ExistingAsync(string citizenIdIndex, CancellationToken cancellationToken)
    {
        var existing = await db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AsNoTracking()
            .Where(p => p.CitizenIdIndex == citizenIdIndex)
            .Select(p => new { p.Id, p.ProvinceCode, p.CommuneCode })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is null)
            return null;

        var visible = await db.Persons.AnyAsync(p => p.Id == existing.Id, cancellationToken);
        if (visible)
        {
            return new Failure.Conflict("Số định danh cá nhân này đã có trong sổ đăng ký.", new Dictionary<string, object?> { ["existingId"] = existing.Id });
        }

        var commune = await db.AdministrativeUnits.FindCurrentAsync(existing.CommuneCode, cancellationToken);
        return new Failure.Conflict($"Số định danh cá nhân này đã được đăng ký tại {commune?.Name ?? "địa bàn khác"}. Vui lòng liên hệ Công an địa bàn đó để tiếp nhận hồ sơ (chuyển địa bàn).");
    }

}
