using System.Security.Claims;

namespace Pcmt.Infrastructure.Security;

/// <summary>
/// Who is acting, with their role and single scope; <see cref="System"/> for jobs and the CLI.
/// In a request it is read from the signed-in principal at each use, not when it is created: services built during
/// authentication (Identity's stores, the DbContext) must see the user that authentication produced.
/// </summary>
public sealed class CurrentUser
{
    public static readonly CurrentUser System = new(null, "system", Roles.Admin, Security.ScopeKind.National, null, null, null, isSystem: true);
    public static readonly CurrentUser Anonymous = new(null, "anonymous", null, null, null, null, null, isSystem: false);

    private readonly IHttpContextAccessor? _accessor;
    private readonly Snapshot? _fixed;
    private (ClaimsPrincipal Principal, Snapshot Snapshot)? _cache;

    public CurrentUser(Guid? id, string userName, string? role, ScopeKind? scopeKind, string? scopeCode, string? provinceCode, string? communeCode, bool isSystem = false) =>
        _fixed = new Snapshot(id, userName, role, scopeKind, scopeCode, provinceCode, communeCode, isSystem);

    /// <summary>The user of the current HTTP request; outside a request (jobs, CLI, key store) the system.</summary>
    public CurrentUser(IHttpContextAccessor accessor) => _accessor = accessor;

    private sealed record Snapshot(Guid? Id, string UserName, string? Role, ScopeKind? ScopeKind, string? ScopeCode, string? ProvinceCode, string? CommuneCode, bool IsSystem);

    private Snapshot Current
    {
        get
        {
            if (_fixed is not null)
                return _fixed;
            if (_accessor!.HttpContext?.User is not { } principal)
                return System._fixed!;
            if (_cache is { } cache && ReferenceEquals(cache.Principal, principal))
                return cache.Snapshot;
            var snapshot = Read(principal);
            _cache = (principal, snapshot);
            return snapshot;
        }
    }

    public Guid? Id => Current.Id;

    public string UserName => Current.UserName;

    public string? Role => Current.Role;

    public ScopeKind? ScopeKind => Current.ScopeKind;

    public string? ScopeCode => Current.ScopeCode;

    /// <summary>The province of a province or commune scope.</summary>
    public string? ProvinceCode => Current.ProvinceCode;

    /// <summary>The commune of a commune scope.</summary>
    public string? CommuneCode => Current.CommuneCode;

    public bool IsSystem => Current.IsSystem;

    /// <summary>The agency (cơ quan, đơn vị) code of a department user; null for every other scope.</summary>
    public string? AgencyCode => ScopeKind == Security.ScopeKind.Department ? ScopeCode : null;

    public bool IsAuthenticated => Id is not null || IsSystem;

    /// <summary>The registered facility of a facility-staff user (issue 16); null for every other scope, and for a facility scope that names no registered facility.</summary>
    public Guid? FacilityId => ScopeKind == Security.ScopeKind.Facility && Guid.TryParse(ScopeCode, out var facility) ? facility : null;

    public bool SeesWholeInstallation => IsSystem || (IsAuthenticated && ScopeKind == Security.ScopeKind.National);

    public bool Can(string permission) => IsSystem || Roles.IsGranted(Role, permission);

    /// <summary>Whether the user's area includes this commune (or this province, when <paramref name="communeCode"/> is null).</summary>
    public bool Covers(string provinceCode, string? communeCode) =>
        SeesWholeInstallation
        || (ProvinceCode is not null && ProvinceCode == provinceCode
            && (CommuneCode is null || CommuneCode == communeCode));

    public static CurrentUser From(ClaimsPrincipal principal) => new(principal);

    private CurrentUser(ClaimsPrincipal principal) => _fixed = Read(principal);

    private static Snapshot Read(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return Anonymous._fixed!;
        }

        return new Snapshot(
            id,
            principal.FindFirstValue(ClaimTypes.Name) ?? "",
            principal.FindFirstValue(ClaimTypes.Role),
            Enum.TryParse<ScopeKind>(principal.FindFirstValue(PcmtClaims.ScopeKind), out var kind) ? kind : null,
            principal.FindFirstValue(PcmtClaims.ScopeCode),
            principal.FindFirstValue(PcmtClaims.Province),
            principal.FindFirstValue(PcmtClaims.Commune),
            IsSystem: false);
    }
}
