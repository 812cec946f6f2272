using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Features.Lifecycle;

/// <summary>
/// Người đang ở cơ sở: a person placed in a facility by a rehab decision or a substitution-therapy admission not yet ended.
/// A projection of the file (rebuilt with the work items and lists on every change, never typed in); the "UnitScope" filter
/// shows a facility's staff exactly the persons with a row here for their facility (issue 16, facility staff).
/// </summary>
public sealed class FacilityResident : IPersonRecord
{
    public long Id { get; set; }

    public Guid PersonId { get; set; }

    public Guid FacilityId { get; set; }

    /// <summary>The rehab episode or therapy that placed the person.</summary>
    public Guid SourceId { get; set; }

    /// <summary><see cref="CaseEventKinds.RehabEpisode"/> or <see cref="CaseEventKinds.TherapyAdmission"/>.</summary>
    public string Kind { get; set; } = "";
}

public static class FacilityPlacements
{
    /// <summary>The open placements of a file in recording order: an episode or therapy with a facility, until its end is recorded.</summary>
    public static IReadOnlyList<(Guid SourceId, Guid FacilityId, string Kind)> Open(IEnumerable<CaseEntry> entries)
    {
        var placed = new Dictionary<Guid, (Guid FacilityId, string Kind)>();
        foreach (var entry in entries)
        {
            switch (entry.Event)
            {
                case RehabDecided { FacilityId: { } facility }:
                    placed[entry.Id] = (facility, CaseEventKinds.RehabEpisode);
                    break;
                case TherapyAdmitted { FacilityId: { } facility }:
                    placed[entry.Id] = (facility, CaseEventKinds.TherapyAdmission);
                    break;
                case RehabEnded ended:
                    placed.Remove(ended.EpisodeId);
                    break;
                case TherapyEnded ended:
                    placed.Remove(ended.TherapyId);
                    break;
            }
        }

        return placed.Select(p => (p.Key, p.Value.FacilityId, p.Value.Kind)).ToList();
    }

    /// <summary>
    /// The in-facility facts a facility's staff record for its residents: the reception record (Form 24, NĐ 163/2026 Art 92;
    /// the term runs from it), the end of the stay (completion, self-termination, escape: Law 120/2025 Art 33.4, 34, 45–46),
    /// violations (Law 120/2025 Art 47) and, for a therapy clinic, the phases and end of treatment (Law 120/2025 Art 43).
    /// </summary>
    public static IReadOnlySet<string> ResidentFactKinds { get; } = new HashSet<string>
    {
        CaseEventKinds.RehabStart, CaseEventKinds.RehabEnd, CaseEventKinds.Violation, CaseEventKinds.RehabStage,
    };

    public static IReadOnlySet<string> TherapyProgressKinds { get; } = new HashSet<string>
    {
        CaseEventKinds.TherapyPhase, CaseEventKinds.TherapyEnd,
    };
}

public sealed class FacilityResidentConfiguration : IEntityTypeConfiguration<FacilityResident>
{
    public void Configure(EntityTypeBuilder<FacilityResident> builder)
    {
        builder.ToTable("facility_residents");
        builder.Property(r => r.Kind).HasMaxLength(40);
        builder.HasIndex(r => new { r.PersonId, r.SourceId }).IsUnique();
        builder.HasIndex(r => new { r.FacilityId, r.PersonId });
    }
}
