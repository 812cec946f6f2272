using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Persons;

/// <summary>
/// Truy cập khẩn cấp: a provincial officer opens a person outside their area for a limited time (default 3 hours), stating why.
/// The grant is audited like any write and stays flagged until an administrator reviews it.
/// </summary>
public sealed class BreakGlass(AppDbContext db, CurrentUser user, TimeProvider clock, IConfiguration configuration)
{
    public const int MinimumReasonLength = 20;

    public sealed record Input
    {
        [Display(Name = "Lý do truy cập khẩn cấp")]
        [Required(ErrorMessage = Messages.Required), StringLength(500, MinimumLength = MinimumReasonLength, ErrorMessage = Messages.LengthRange)]
        public string? Reason { get; init; }
    }

    public sealed record Granted(long Id, DateTime ExpiresAt);

    public async Task<Result<Granted>> HandleAsync(Guid personId, Input input, CancellationToken cancellationToken)
    {
        if (Validation.Errors(input) is { } errors)
            return new Failure.Invalid(errors);
        if (!await db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AnyAsync(p => p.Id == personId, cancellationToken))
            return new Failure.NotFound();

        var now = clock.GetUtcNow().UtcDateTime;
        var grant = new AccessGrant
        {
            UserId = user.Id!.Value,
            UserName = user.UserName,
            PersonId = personId,
            Reason = input.Reason!.Trim(),
            GrantedAt = now,
            ExpiresAt = now.AddHours(configuration.GetValue("Security:BreakGlassHours", 3)),
        };
        db.AccessGrants.Add(grant);
        await db.SaveChangesAsync(cancellationToken);
        return new Granted(grant.Id, grant.ExpiresAt);
    }

    /// <summary>Whether the current user holds an unexpired grant for this person.</summary>
    public static Task<bool> HoldsGrantAsync(AppDbContext db, CurrentUser user, Guid personId, DateTime now, CancellationToken cancellationToken) =>
        user.Id is { } userId
            ? db.AccessGrants.AnyAsync(g => g.UserId == userId && g.PersonId == personId && g.ExpiresAt > now, cancellationToken)
            : Task.FromResult(false);
}
