namespace Pcmt.Infrastructure.Data;

/// <summary>An entity edited by people: <see cref="Version"/> is an app-managed concurrency token (works on SQLite too).</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
