using System.Security.Claims;

namespace Pcmt.Infrastructure.Security;

/// <summary>Who is acting, with their role and single scope; <see cref="System"/> for jobs and the CLI.</summary>
public sealed class CurrentUser
{
    public static readonly CurrentUser System = new(null, "system", Roles.Admin, Security.ScopeKind.National, null, null, null, isSystem: true);
    public static readonly CurrentUser Anonymous = new(null, "anonymous", null, null, null, null, null, isSystem: false);

    public CurrentUser(Guid? id, string userName, string? role, ScopeKind? scopeKind, string? scopeCode, string? provinceCode, string? communeCode, bool isSystem = false)
    {
        Id = id;
        UserName = userName;
        Role = role;
        ScopeKind = scopeKind;
        ScopeCode = scopeCode;
        ProvinceCode = provinceCode;
        CommuneCode = communeCode;
        IsSystem = isSystem;
    }

    public Guid? Id { get; }

    public string UserName { get; }

    public string? Role { get; }

    public ScopeKind? ScopeKind { get; }

    public string? ScopeCode { get; }

    /// <summary>The province of a province or commune scope.</summary>
    public string? ProvinceCode { get; }

    /// <summary>The commune of a commune scope.</summary>
    public string? CommuneCode { get; }

    public bool IsSystem { get; }

    public bool IsAuthenticated => Id is not null || IsSystem;

    public bool SeesWholeInstallation => IsSystem || (IsAuthenticated && ScopeKind == Security.ScopeKind.National);

    public bool Can(string permission) => IsSystem || Roles.IsGranted(Role, permission);

    /// <summary>Whether the user's area includes this commune (or this province, when <paramref name="communeCode"/> is null).</summary>
    public bool Covers(string provinceCode, string? communeCode) =>
        SeesWholeInstallation
        || (ProvinceCode is not null && ProvinceCode == provinceCode
            && (CommuneCode is null || CommuneCode == communeCode));

    public static CurrentUser From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return Anonymous;
        }

        return new CurrentUser(
            id,
            principal.FindFirstValue(ClaimTypes.Name) ?? "",
            principal.FindFirstValue(ClaimTypes.Role),
            Enum.TryParse<ScopeKind>(principal.FindFirstValue(PcmtClaims.ScopeKind), out var kind) ? kind : null,
            principal.FindFirstValue(PcmtClaims.ScopeCode),
            principal.FindFirstValue(PcmtClaims.Province),
            principal.FindFirstValue(PcmtClaims.Commune));
    }
}
