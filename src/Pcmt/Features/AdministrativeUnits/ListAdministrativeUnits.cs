using Microsoft.EntityFrameworkCore;
using Pcmt.Infrastructure.Text;

namespace Pcmt.Features.AdministrativeUnits;

/// <summary>Tra cứu đơn vị hành chính: units in force (or on a given date), by level, province and name without diacritics.</summary>
public sealed class ListAdministrativeUnits(AppDbContext db, TimeProvider clock)
{
    public sealed record Filter(string? Level = null, string? Province = null, string? Q = null, string? Type = null, DateOnly? At = null);

    public sealed record Row(string Code, string Name, string Level, string Type, string ProvinceCode, DateOnly? ValidFrom, DateOnly? ValidTo);

    public async Task<Result<PagedList<Row>>> HandleAsync(Filter filter, Paging paging, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        UnitLevel? level = filter.Level switch
        {
            null or "" => null,
            "province" => UnitLevel.Province,
            "commune" => UnitLevel.Commune,
            "district" => UnitLevel.District,
            _ => null,
        };
        if (level is null && !string.IsNullOrEmpty(filter.Level))
            errors["level"] = ["Cấp đơn vị phải là 'province' (tỉnh) hoặc 'commune' (xã)."];
        var type = UnitTypes.FromCode(filter.Type);
        if (type is null && !string.IsNullOrEmpty(filter.Type))
            errors["type"] = ["Loại đơn vị phải là một trong: tinh, thanh-pho, xa, phuong, dac-khu."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);

        var at = filter.At ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var query = db.AdministrativeUnits.AsNoTracking()
            .Where(u => (u.ValidFrom == null || u.ValidFrom <= at) && (u.ValidTo == null || u.ValidTo >= at));
        if (level is not null)
            query = query.Where(u => u.Level == level);
        if (type is not null)
            query = query.Where(u => u.Type == type);
        if (!string.IsNullOrWhiteSpace(filter.Province))
            query = query.Where(u => u.ProvinceCode == filter.Province.Trim());
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = VietnameseText.Fold(UnitTypes.ShortName(filter.Q.Trim()));
            query = query.Where(u => u.SearchName.Contains(q) || u.Code == filter.Q.Trim());
        }

        var page = await query.OrderBy(u => u.Code)
            .Select(u => new { u.Code, u.Name, u.Level, u.Type, u.ProvinceCode, u.ValidFrom, u.ValidTo })
            .ToPagedListAsync(paging, cancellationToken);
        return new PagedList<Row>(
            page.Items.Select(u => new Row(u.Code, u.Name, u.Level.ToString().ToLowerInvariant(), UnitTypes.ToCode(u.Type), u.ProvinceCode, u.ValidFrom, u.ValidTo)).ToList(),
            page.Total, page.Page, page.PageSize);
    }
}
