using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Facilities;

/// <summary>Sổ cơ sở: the register of facilities, with residents counted from open rehab episodes and over-capacity shown.</summary>
public sealed class FacilityRegister(AppDbContext db, TimeProvider clock, PlaceNames names)
{
    public sealed record Input(string? Kind, string? Name, string? ProvinceCode, string? CommuneCode, string? Address, int? Capacity, string? Licence, bool? Active, Guid? Version);

    public sealed record Row(Guid Id, string Kind, string KindName, string Name, string ProvinceCode, string? CommuneCode, string? Address, int? Capacity, int Residents, bool OverCapacity, string? Licence, bool Active, Guid Version);

    public async Task<IReadOnlyList<Row>> ListAsync(string? province, string? kind, CancellationToken cancellationToken)
    {
        var query = db.Facilities.AsNoTracking();
        if (province is { Length: > 0 })
            query = query.Where(f => f.ProvinceCode == province);
        if (kind is { Length: > 0 })
            query = query.Where(f => f.Kind == kind);
        var facilities = await query.OrderBy(f => f.ProvinceCode).ThenBy(f => f.Kind).ThenBy(f => f.Name).ToListAsync(cancellationToken);
        var residents = await ResidentsAsync(facilities.Select(f => f.Id).ToList(), cancellationToken);
        return facilities.Select(f =>
        {
            var count = residents.GetValueOrDefault(f.Id);
            return new Row(f.Id, f.Kind, FacilityKinds.Names.GetValueOrDefault(f.Kind, f.Kind), f.Name, f.ProvinceCode, f.CommuneCode, f.Address, f.Capacity, count,
                f.Capacity is { } capacity && count > capacity, f.Licence, f.Active, f.Version);
        }).ToList();
    }

    /// <summary>
    /// People placed in each facility by an episode or therapy not yet ended: counted on the files' projection
    /// (<see cref="Lifecycle.FacilityResident"/>, rebuilt with every change of a file), within the caller's scope. Replaying every
    /// placement fact of the country instead took 3–40 s at 1.3 million facts and made the dashboard slow (issue 19).
    /// </summary>
    private async Task<Dictionary<Guid, int>> ResidentsAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var counts = ids.ToDictionary(i => i, _ => 0);
        if (ids.Count == 0)
            return counts;
        var placed = await db.FacilityResidents.AsNoTracking().Where(r => ids.Contains(r.FacilityId)).GroupBy(r => r.FacilityId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        foreach (var facility in placed)
            counts[facility.Key] = facility.Count;
        return counts;
    }

    public async Task<Result<Facility>> SaveAsync(Guid? id, Input input, CurrentUser user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Kind is null || !FacilityKinds.Names.ContainsKey(input.Kind))
            errors["kind"] = ["Loại cơ sở phải là một trong: " + string.Join(", ", FacilityKinds.Names.Keys) + "."];
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 300)
            errors["name"] = ["Bắt buộc nhập tên cơ sở (tối đa 300 ký tự)."];
        if (input.Capacity is < 0 or > 100000)
            errors["capacity"] = ["Công suất không hợp lệ."];
        if (input.Kind is not null && FacilityKinds.IsRehab(input.Kind) && input.Capacity is null)
            errors["capacity"] = ["Cơ sở cai nghiện phải có công suất tiếp nhận."];
        var province = await db.AdministrativeUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == input.ProvinceCode && u.Level == AdministrativeUnits.UnitLevel.Province && u.ValidTo == null, cancellationToken);
        if (province is null)
            errors["provinceCode"] = ["Mã tỉnh không đúng hoặc không còn hiệu lực."];
        else if (!user.SeesWholeInstallation && user.ProvinceCode != province.Code)
            errors["provinceCode"] = ["Chỉ đăng ký được cơ sở trong tỉnh của mình."];
        if (input.CommuneCode is { Length: > 0 } commune && !await db.AdministrativeUnits.AnyAsync(u => u.Code == commune && u.Level == AdministrativeUnits.UnitLevel.Commune && u.ProvinceCode == input.ProvinceCode && u.ValidTo == null, cancellationToken))
            errors["communeCode"] = ["Mã xã không thuộc tỉnh đã chọn."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);

        Facility? facility;
        if (id is null)
        {
            db.Facilities.Add(facility = new Facility());
        }
        else
        {
            facility = await db.Facilities.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
            if (facility is null)
                return new Failure.NotFound();
            if (input.Version is null || input.Version != facility.Version)
                return new Failure.Conflict(Messages.StaleEdit);
            db.Entry(facility).Property(f => f.Version).OriginalValue = input.Version.Value;
        }

        facility.Kind = input.Kind!;
        facility.Name = input.Name!.Trim();
        facility.ProvinceCode = input.ProvinceCode!;
        facility.CommuneCode = string.IsNullOrWhiteSpace(input.CommuneCode) ? null : input.CommuneCode;
        facility.Address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        facility.Capacity = input.Capacity;
        facility.Licence = string.IsNullOrWhiteSpace(input.Licence) ? null : input.Licence.Trim();
        facility.Active = input.Active ?? true;
        facility.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Failure.Conflict(Messages.StaleEdit);
        }

        names.Invalidate();
        return facility;
    }
}

public static class FacilitiesApi
{
    public static void MapFacilitiesApi(this RouteGroupBuilder api)
    {
        var facilities = api.MapGroup("/facilities").WithTags("Facilities");

        facilities.MapGet("/", async (FacilityRegister register, string? province, string? kind, CancellationToken ct) =>
                Results.Ok(new { items = await register.ListAsync(province, kind, ct) }))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Cơ sở cai nghiện công lập, tư nhân, cơ sở điều trị thay thế, điểm cấp phát, cơ sở xác định tình trạng nghiện, điểm tư vấn; số người đang tiếp nhận và vượt công suất.");

        facilities.MapPost("/", async (FacilityRegister register, CurrentUser user, FacilityRegister.Input input, CancellationToken ct) =>
                (await register.SaveAsync(null, input, user, ct)).ToHttpResult(f => TypedResults.Created($"/api/v1/facilities/{f.Id}", new { id = f.Id, version = f.Version })))
            .RequireAuthorization(Permissions.ManageFacilities)
            .WithSummary("Đăng ký một cơ sở.");

        facilities.MapPut("/{id:guid}", async (FacilityRegister register, CurrentUser user, Guid id, FacilityRegister.Input input, CancellationToken ct) =>
                (await register.SaveAsync(id, input, user, ct)).ToHttpResult(f => TypedResults.Ok(new { id = f.Id, version = f.Version })))
            .RequireAuthorization(Permissions.ManageFacilities)
            .WithSummary("Sửa thông tin cơ sở (cần version; 409 nếu người khác đã sửa).");
    }
}
