namespace Pcmt.Infrastructure.Auditing;

/// <summary>Data about one person: its audit entries carry the person's id, so the person's access history is one indexed lookup.</summary>
public interface IPersonRecord
{
    Guid PersonId { get; }
}
