namespace Pcmt.Infrastructure.Security;

/// <summary>What a user's single scope (phạm vi) is: the whole installation, a province, a commune, a facility or a department.</summary>
public enum ScopeKind
{
    National,
    Province,
    Commune,
    Facility,
    Department,
}
