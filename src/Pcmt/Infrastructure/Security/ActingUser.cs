namespace Pcmt.Infrastructure.Security;

/// <summary>
/// Lets a background job act as the user who asked for it (same role, same area) instead of as the system:
/// set <see cref="User"/> in a fresh scope before resolving the use case.
/// </summary>
public sealed class ActingUser
{
    public CurrentUser? User { get; set; }
}
