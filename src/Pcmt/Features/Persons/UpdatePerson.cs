using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Persons;

/// <summary>Sửa hồ sơ đối tượng: the same rules as registration; a stale edit (another officer saved first) is refused, nothing is lost.</summary>
public sealed class UpdatePerson(AppDbContext db, PersonRules rules)
{
    public sealed record Input : PersonInput
    {
        /// <summary>The version the editor saw.</summary>
        public Guid? Version { get; init; }
    }

    public async Task<Result<Guid>> HandleAsync(Guid id, Input input, CancellationToken cancellationToken)
    {
        var person = await db.Persons.Include(p => p.Aliases).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
            return new Failure.NotFound();
        if (input.Version is null)
            return new Failure.Invalid("version", "Thiếu phiên bản của hồ sơ (version); hãy tải lại hồ sơ trước khi sửa.");
        if (input.Version != person.Version)
            return new Failure.Conflict(Messages.StaleEdit);

        var checkedInput = await rules.CheckAsync(input, cancellationToken);
        if (!checkedInput.Succeeded)
            return checkedInput.Failure;
        var valid = checkedInput.Value;
        if (valid.CitizenId is not null)
        {
            var index = rules.Index(valid.CitizenId);
            if (index != person.CitizenIdIndex && await db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AnyAsync(p => p.CitizenIdIndex == index && p.Id != id, cancellationToken))
                return new Failure.Conflict("Số định danh cá nhân này đã thuộc một hồ sơ khác trong sổ đăng ký.");
        }

        // Keep the old citizen ID ciphertext when the number did not change: no needless re-encryption or audit noise.
        var previous = (person.CitizenIdIndex, person.CitizenIdProtected, person.LegacyIdIndex, person.LegacyIdProtected);
        rules.Apply(person, input, valid);
        if (person.CitizenIdIndex == previous.CitizenIdIndex)
            person.CitizenIdProtected = previous.CitizenIdProtected;
        if (person.LegacyIdIndex == previous.LegacyIdIndex)
            person.LegacyIdProtected = previous.LegacyIdProtected;
        db.Entry(person).Property(p => p.Version).OriginalValue = input.Version.Value;

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Failure.Conflict(Messages.StaleEdit);
        }

        return person.Version;
    }
}
