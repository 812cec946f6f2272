using Microsoft.EntityFrameworkCore;
using Pcmt.Infrastructure.Text;

namespace Pcmt.Features.Users;

/// <summary>Danh sách tài khoản: pages through accounts, filtered by name, role or scope.</summary>
public sealed class SearchUsers(AppDbContext db, CurrentUser administrator, TimeProvider clock)
{
    public sealed record Filter(string? Q = null, string? Role = null, string? Scope = null);

    public sealed record Row(Guid Id, string UserName, string FullName, string Role, string? Scope, ScopeKind ScopeKind, bool TwoFactorEnabled, bool LockedOut, DateTime CreatedAt);

    public async Task<PagedList<Row>> HandleAsync(Filter filter, Paging paging, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var query = db.Users.AsNoTracking();
        if (!administrator.SeesWholeInstallation)
            query = query.Where(u => u.ProvinceCode != null && u.ProvinceCode == administrator.ProvinceCode);
        if (!string.IsNullOrWhiteSpace(filter.Role))
            query = query.Where(u => u.Role == filter.Role);
        if (!string.IsNullOrWhiteSpace(filter.Scope))
            query = query.Where(u => u.ScopeCode == filter.Scope || u.ProvinceCode == filter.Scope);

        var rows = await query
            .OrderBy(u => u.UserName)
            .Select(u => new Row(u.Id, u.UserName!, u.FullName, u.Role, u.ScopeCode, u.ScopeKind, u.TwoFactorEnabled, u.LockoutEnd != null && u.LockoutEnd > now, u.CreatedAt))
            .ToListAsync(cancellationToken);

        // Staff accounts number in the thousands at most: folding names in memory keeps the search diacritic-insensitive on both databases.
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = VietnameseText.Fold(filter.Q);
            rows = rows.Where(r => VietnameseText.Fold(r.FullName).Contains(q, StringComparison.Ordinal) || r.UserName.Contains(q, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        return new PagedList<Row>(rows.Skip((paging.Page - 1) * paging.PageSize).Take(paging.PageSize).ToList(), rows.Count, paging.Page, paging.PageSize);
    }
}
