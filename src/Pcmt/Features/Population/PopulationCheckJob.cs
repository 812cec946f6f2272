using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmt.Features.Population;

/// <summary>
/// Đối chiếu hàng loạt: checking every person of a commune (or one newly registered person) in the background, as the user who
/// asked, at the rate the gateway allows. Progress and a cursor (the last person checked) live in the database, so a job
/// interrupted by a restart resumes where it stopped, on any node.
/// </summary>
public sealed class PopulationCheckJob
{
    public const string QueuedStatus = "queued";
    public const string RunningStatus = "running";
    public const string DoneStatus = "done";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public string UserName { get; set; } = "";

    public string Role { get; set; } = "";

    public string ScopeKind { get; set; } = "";

    public string? ScopeCode { get; set; }

    public string? ProvinceCode { get; set; }

    public string? CommuneCode { get; set; }

    /// <summary>The commune whose persons are checked; null when the job checks one person.</summary>
    public string? TargetCommuneCode { get; set; }

    public Guid? TargetPersonId { get; set; }

    /// <summary>The file of the import whose persons are checked (listed in <see cref="PopulationCheckJobPerson"/>); null otherwise.</summary>
    public string? ImportFileName { get; set; }

    public string Purpose { get; set; } = "";

    public string Status { get; set; } = QueuedStatus;

    public int Done { get; set; }

    public int Total { get; set; }

    public int Matched { get; set; }

    public int Mismatched { get; set; }

    public int NotFound { get; set; }

    public int Unavailable { get; set; }

    /// <summary>Persons are checked in id order; the last one done, so a resumed job skips them.</summary>
    public Guid? LastPersonId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? HeartbeatAt { get; set; }

    public DateTime? FinishedAt { get; set; }
}

public sealed class PopulationCheckJobConfiguration : IEntityTypeConfiguration<PopulationCheckJob>
{
    public void Configure(EntityTypeBuilder<PopulationCheckJob> builder)
    {
        builder.ToTable("population_check_jobs");
        builder.Property(j => j.UserName).HasMaxLength(256);
        builder.Property(j => j.Role).HasMaxLength(40);
        builder.Property(j => j.ScopeKind).HasMaxLength(20);
        builder.Property(j => j.ScopeCode).HasMaxLength(60);
        builder.Property(j => j.ProvinceCode).HasMaxLength(2);
        builder.Property(j => j.CommuneCode).HasMaxLength(5);
        builder.Property(j => j.TargetCommuneCode).HasMaxLength(5);
        builder.Property(j => j.ImportFileName).HasMaxLength(260);
        builder.Property(j => j.Purpose).HasMaxLength(300);
        builder.Property(j => j.Status).HasMaxLength(20);
        builder.HasIndex(j => new { j.Status, j.CreatedAt });
    }
}

/// <summary>One person of a bulk check over an explicit list (the persons an import created).</summary>
public sealed class PopulationCheckJobPerson
{
    public Guid JobId { get; set; }

    public Guid PersonId { get; set; }
}

public sealed class PopulationCheckJobPersonConfiguration : IEntityTypeConfiguration<PopulationCheckJobPerson>
{
    public void Configure(EntityTypeBuilder<PopulationCheckJobPerson> builder)
    {
        builder.ToTable("population_check_job_persons");
        builder.HasKey(m => new { m.JobId, m.PersonId });
        builder.HasOne<PopulationCheckJob>().WithMany().HasForeignKey(m => m.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
