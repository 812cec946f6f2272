using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.AdministrativeUnits;

/// <summary>Nhập dân số: sets a commune's resident population for a year (the denominator of QĐ 28/2025 Art 4 ratios); refuses a stale edit.</summary>
public sealed class SetPopulation(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public sealed record Input
    {
        [Display(Name = "Số dân thường trú")]
        [Required(ErrorMessage = Messages.Required), Range(0, 5_000_000, ErrorMessage = Messages.Range)]
        public int? Residents { get; init; }

        /// <summary>The version the editor saw; when given and stale, the edit is refused (409).</summary>
        public Guid? Version { get; init; }
    }

    public async Task<Result<Guid>> HandleAsync(string code, int year, Input input, CancellationToken cancellationToken)
    {
        if (Validation.Errors(input) is { } errors)
            return new Failure.Invalid(errors);
        if (year is < MinYear or > MaxYear)
            return new Failure.Invalid("year", $"Năm phải nằm trong khoảng từ {MinYear} đến {MaxYear}.");

        var unit = await db.AdministrativeUnits.FindCurrentAsync(code, cancellationToken);
        if (unit is null)
            return new Failure.NotFound();
        if (unit.Level != UnitLevel.Commune)
            return new Failure.Invalid("code", "Chỉ nhập dân số cho đơn vị cấp xã (xã, phường, đặc khu).");
        if (!user.Covers(unit.ProvinceCode, unit.Code))
            return new Failure.Forbidden();

        var row = await db.CommunePopulations.FirstOrDefaultAsync(p => p.UnitId == unit.Id && p.Year == year, cancellationToken);
        if (row is null)
        {
            if (input.Version is not null)
                return new Failure.Conflict(Messages.StaleEdit);
            row = new CommunePopulation { UnitId = unit.Id, ProvinceCode = unit.ProvinceCode, CommuneCode = unit.Code, Year = year };
            db.CommunePopulations.Add(row);
        }
        else if (input.Version is { } seen)
        {
            if (seen != row.Version)
                return new Failure.Conflict(Messages.StaleEdit);
            db.Entry(row).Property(p => p.Version).OriginalValue = seen;
        }

        row.Residents = input.Residents!.Value;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<CommunePopulation>().Any())
        {
            // Another editor saved first (version changed, or the same year was inserted concurrently).
            return new Failure.Conflict(Messages.StaleEdit);
        }

        return row.Version;
    }
}
