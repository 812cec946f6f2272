using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Users;

namespace Pcmt.Features;

/// <summary>Trang chủ: who the user is, and the size of their area.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser user, Lifecycle.WorkItems workItems, Lifecycle.LegalSettings settings) : PageModel
{
    public string FullName { get; private set; } = "";

    public string RoleName { get; private set; } = "";

    public string ScopeName { get; private set; } = "";

    public string? ScopeProvince { get; private set; }

    public int Provinces { get; private set; }

    public int Communes { get; private set; }

    /// <summary>Legal deadlines of the user's area: shown to those who read person files.</summary>
    public (int Overdue, int DueSoon)? Deadlines { get; private set; }

    public int DueSoonDays { get; private set; }

    public Dictionary<string, int> StatusCounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FullName = User.FindFirst(PcmtClaims.FullName)?.Value ?? user.UserName;
        RoleName = user.Role is not null ? Roles.DisplayNames[user.Role] : "";
        ScopeProvince = user.ProvinceCode;

        var units = db.AdministrativeUnits.AsNoTracking().Current();
        if (!user.SeesWholeInstallation && user.ProvinceCode is not null)
            units = units.Where(u => u.ProvinceCode == user.ProvinceCode && (user.CommuneCode == null || u.Code == user.CommuneCode || u.Level == UnitLevel.Province));
        Provinces = await units.CountAsync(u => u.Level == UnitLevel.Province, cancellationToken);
        Communes = await units.CountAsync(u => u.Level == UnitLevel.Commune, cancellationToken);

        var scopeUnit = user.ScopeCode is not null && user.ScopeKind is ScopeKind.Province or ScopeKind.Commune
            ? await db.AdministrativeUnits.FindCurrentAsync(user.ScopeCode, cancellationToken)
            : null;
        if (user.Can(Permissions.ViewPersons))
        {
            DueSoonDays = (await settings.ParametersAsync(cancellationToken)).Number("due-soon-days", Lifecycle.LegalParameters.AnyRegime);
            Deadlines = await workItems.CountsAsync(DueSoonDays, cancellationToken);
            StatusCounts = await Persons.PersonStatus.CountAsync(db, cancellationToken);
        }

        // Facility staff (issue 16): the facility's name, not its id.
        var facilityName = user.FacilityId is { } facilityId
            ? await db.Facilities.AsNoTracking().Where(f => f.Id == facilityId).Select(f => f.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        ScopeName = UserScopes.Describe(user.ScopeKind ?? ScopeKind.National, user.ScopeCode, scopeUnit?.Name ?? facilityName);
    }
}
