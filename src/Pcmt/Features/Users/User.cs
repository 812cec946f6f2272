using Microsoft.AspNetCore.Identity;

namespace Pcmt.Features.Users;

/// <summary>Người dùng: an account with one role and one scope (a province, a commune, a facility or a department).</summary>
public sealed class User : IdentityUser<Guid>
{
    public string FullName { get; set; } = "";

    public string Role { get; set; } = Roles.Viewer;

    public ScopeKind ScopeKind { get; set; }

    /// <summary>The unit code (province or commune) or the facility/department id the user is assigned to; null for national.</summary>
    public string? ScopeCode { get; set; }

    /// <summary>Derived from the scope: the province the user works in (null for national, facility and department scopes).</summary>
    public string? ProvinceCode { get; set; }

    /// <summary>Derived from the scope: the commune of a commune-scoped user.</summary>
    public string? CommuneCode { get; set; }

    public DateTime CreatedAt { get; set; }
}
