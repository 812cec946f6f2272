using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Lifecycle;
using Pcmt.Features.Persons;
using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Features.Population;

/// <summary>
/// Cập nhật theo CSDL quốc gia: the officer takes chosen fields (name, date of birth, sex) over from the national record, asked
/// afresh (PCMT keeps no copy of it). Each accepted field is its own audit entry; a replaced name stays searchable as an alias.
/// </summary>
public sealed class AcceptNationalValues(AppDbContext db, PersonRules rules, CheckPopulation check, PersonCaseFiles files, CurrentUser user, TimeProvider clock)
{
    public sealed record Input(List<string>? Fields, string? Purpose);

    public async Task<Result<CheckPopulation.Outcome>> HandleAsync(Guid personId, Input input, CancellationToken cancellationToken)
    {
        var fields = (input.Fields ?? []).Distinct().ToList();
        if (fields.Count == 0 || fields.Any(f => !PopulationComparison.Acceptable.Contains(f)))
            return new Failure.Invalid("fields", "Chọn trường cần cập nhật: " + string.Join(", ", PopulationComparison.Acceptable) + ".");
        var purpose = string.IsNullOrWhiteSpace(input.Purpose) ? "cập nhật hồ sơ theo CSDL quốc gia về dân cư" : input.Purpose.Trim();
        if (purpose.Length > 300)
            return new Failure.Invalid("purpose", "Mục đích tối đa 300 ký tự.");
        var person = await db.Persons.Include(p => p.Aliases).FirstOrDefaultAsync(p => p.Id == personId && p.MergedIntoId == null, cancellationToken);
        if (person is null)
            return new Failure.NotFound();
        var citizenId = rules.Reveal(person.CitizenIdProtected);
        if (citizenId is null)
            return new Failure.Invalid("citizenId", "Hồ sơ chưa có số định danh cá nhân.");
        var answer = await check.LookupAsync(citizenId, cancellationToken);
        if (answer is not GatewayAnswer.Found { Citizen: var national })
        {
            return new Failure.Invalid("fields", answer is GatewayAnswer.NotFound
                ? "CSDL quốc gia về dân cư không có số định danh này; không có giá trị để cập nhật."
                : "CSDL quốc gia về dân cư chưa phản hồi; hãy thử lại sau.");
        }

        foreach (var field in fields)
        {
            switch (field)
            {
                case PopulationComparison.FullNameField:
                    var old = person.FullName;
                    person.SetNames(national.FullName, [.. person.Aliases.Select(a => a.Name), old]);
                    break;
                case PopulationComparison.DateOfBirthField when BirthDate.TryParse(national.DateOfBirth, out var birth):
                    (person.BirthYear, person.DateOfBirth) = (birth.Year, birth.Date);
                    break;
                case PopulationComparison.SexField when national.Sex is "male" or "female":
                    person.Sex = national.Sex == "female" ? Sex.Female : Sex.Male;
                    break;
                default:
                    continue;
            }

            db.AuditEntries.Add(new AuditEntry
            {
                UserId = user.Id,
                UserName = user.UserName,
                Action = CheckPopulation.AcceptAuditAction,
                EntityType = nameof(Person),
                EntityKey = person.Id.ToString(),
                PersonId = person.Id,
                Detail = field,
                Purpose = purpose,
            });
        }

        person.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Failure.Conflict(Messages.StaleEdit);
        }

        // The file's age-dependent rules follow the corrected birth date.
        await files.RefreshAsync(person.Id, cancellationToken);
        var differences = PopulationComparison.Compare(citizenId, person.FullName, new BirthDate(person.BirthYear, person.DateOfBirth), person.Sex, national);
        var status = differences.Count == 0 ? PopulationStatuses.Matched : PopulationStatuses.Mismatch;
        var now = clock.GetUtcNow();
        await check.StoreAsync(person.Id, status, differences, purpose, now, cancellationToken);
        return new CheckPopulation.Outcome(status, now, differences);
    }
}
