using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;

namespace Pcmt.Features.Agencies;

/// <summary>Sổ cơ quan, đơn vị: register an agency of a province and list a province's agencies.</summary>
public sealed class AgencyRegister(AppDbContext db, CurrentUser user, PlaceNames names, TimeProvider clock)
{
    public sealed record Input(string? Code, string? Name, string? ProvinceCode, string? Kind);

    public sealed record Row(Guid Id, string Code, string Name, string ProvinceCode, string Kind);

    /// <summary>The province whose agencies the caller sees: its own, or any it names when it sees the whole installation.</summary>
    public string? VisibleProvince(string? requested) =>
        user.SeesWholeInstallation ? (string.IsNullOrWhiteSpace(requested) ? null : requested.Trim()) : user.ProvinceCode ?? "";

    public async Task<PagedList<Row>> ListAsync(string? province, Paging paging, CancellationToken cancellationToken)
    {
        var query = db.Agencies.AsNoTracking();
        if (VisibleProvince(province) is { } visible)
            query = query.Where(a => a.ProvinceCode == visible);
        return await query.OrderBy(a => a.ProvinceCode).ThenBy(a => a.Name).ThenBy(a => a.Code)
            .Select(a => new Row(a.Id, a.Code, a.Name, a.ProvinceCode, a.Kind))
            .ToPagedListAsync(paging, cancellationToken);
    }

    /// <summary>All agencies of a province by code, for pickers and for showing names instead of codes.</summary>
    public async Task<IReadOnlyList<Row>> OfProvinceAsync(string provinceCode, CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().Where(a => a.ProvinceCode == provinceCode).OrderBy(a => a.Name)
            .Select(a => new Row(a.Id, a.Code, a.Name, a.ProvinceCode, a.Kind)).ToListAsync(cancellationToken);

    public async Task<Result<Guid>> CreateAsync(Input input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var code = input.Code?.Trim();
        if (!AgencyCodes.IsWellFormed(code))
            errors["code"] = [AgencyCodes.FormatMessage];
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 300)
            errors["name"] = ["Bắt buộc nhập tên cơ quan, đơn vị (tối đa 300 ký tự)."];
        if (input.Kind is null || !AgencyKinds.Names.ContainsKey(input.Kind))
            errors["kind"] = ["Loại cơ quan phải là một trong: " + string.Join(", ", AgencyKinds.Names.Keys) + "."];
        var province = input.ProvinceCode?.Trim();
        if (string.IsNullOrEmpty(province) || !await db.AdministrativeUnits.AnyAsync(u => u.Code == province && u.Level == UnitLevel.Province && u.ValidTo == null, cancellationToken))
            errors["provinceCode"] = ["Mã tỉnh không đúng hoặc không còn hiệu lực."];
        else if (!user.SeesWholeInstallation && user.ProvinceCode != province)
            errors["provinceCode"] = ["Chỉ đăng ký được cơ quan, đơn vị trong tỉnh của mình."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);

        if (await db.Agencies.AnyAsync(a => a.Code == code, cancellationToken))
            return new Failure.Conflict($"Mã cơ quan '{code}' đã được đăng ký.");

        var agency = new Agency
        {
            Code = code!,
            Name = input.Name!.Trim(),
            ProvinceCode = province!,
            Kind = input.Kind!,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Agencies.Add(agency);

        // Department accounts created before the register existed carry this code as their scope: they now belong to the
        // agency's province (their next sign-in or security-stamp check picks it up).
        var accounts = await db.Users.Where(u => u.Role == Roles.Department && u.ScopeCode == agency.Code && u.ProvinceCode == null).ToListAsync(cancellationToken);
        foreach (var account in accounts)
        {
            account.ScopeKind = ScopeKind.Department;
            account.ProvinceCode = agency.ProvinceCode;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two registrations of the same code at once: the unique index refuses the second.
            db.ChangeTracker.Clear();
            if (await db.Agencies.AsNoTracking().AnyAsync(a => a.Code == agency.Code, cancellationToken))
                return new Failure.Conflict($"Mã cơ quan '{code}' đã được đăng ký.");
            throw;
        }

        names.Invalidate(); // pickers and pages show the new agency's name at once
        return agency.Id;
    }
}
