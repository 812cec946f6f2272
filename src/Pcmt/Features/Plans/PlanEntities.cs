using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmt.Features.Plans;

/// <summary>Kế hoạch, đề án: a province's plan or scheme for the program (several may run at once).</summary>
public sealed class Plan
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string ProvinceCode { get; set; } = "";

    public string Title { get; set; } = "";

    public string DocumentNumber { get; set; } = "";

    public DateOnly IssuedOn { get; set; }

    public int FromYear { get; set; }

    public int ToYear { get; set; }

    public long? TotalBudgetVnd { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>Nhiệm vụ: one task of a plan (one occurrence of a recurring task), led by one agency with partners.</summary>
public sealed class PlanTask : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PlanId { get; set; }

    /// <summary>The plan's province, copied so scope checks need no join.</summary>
    public string ProvinceCode { get; set; } = "";

    public string Title { get; set; } = "";

    public string? Section { get; set; }

    public string LeadAgencyCode { get; set; } = "";

    /// <summary>Partner agency codes separated by commas.</summary>
    public string PartnerAgencyCodes { get; set; } = "";

    /// <summary>The deadline as given ("2026Q4"); <see cref="DueOn"/> is its last day.</summary>
    public string DueText { get; set; } = "";

    public DateOnly DueOn { get; set; }

    public string Recurrence { get; set; } = Recurrences.None;

    /// <summary>The first occurrence of a recurring task; every occurrence (the first included) carries it.</summary>
    public Guid? SeriesId { get; set; }

    public string? ProjectCode { get; set; }

    public string Status { get; set; } = TaskStatuses.NotStarted;

    public int Percent { get; set; }

    public DateOnly? LastReportedOn { get; set; }

    /// <summary>
    /// The standing agency's confirmation of a reported completion (a <see cref="Reports.ReviewStatuses"/> value: submitted,
    /// returned, approved); null while the task is not reported done. Follows the same review fabric as the periodic reports.
    /// </summary>
    public string? Confirmation { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid Version { get; set; }

    public IReadOnlyList<string> Partners => PartnerAgencyCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Báo cáo tiến độ: one progress update of a task, kept as history.</summary>
public sealed class TaskProgress
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TaskId { get; set; }

    public DateOnly ReportedOn { get; set; }

    public int Percent { get; set; }

    public string Status { get; set; } = TaskStatuses.NotStarted;

    public string Note { get; set; } = "";

    public string UserName { get; set; } = "";

    public DateTime At { get; set; }
}

/// <summary>Tài liệu minh chứng: a file attached to a progress update, stored in the database like the import files.</summary>
public sealed class TaskEvidence
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TaskId { get; set; }

    public Guid ProgressId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "application/octet-stream";

    public long Size { get; set; }

    public byte[] Content { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}

/// <summary>Dòng kinh phí: allocated and disbursed VND of a plan for one project, year and source.</summary>
public sealed class BudgetLine : IVersioned
{
    public Guid PlanId { get; set; }

    public string ProjectCode { get; set; } = "";

    public int Year { get; set; }

    public string Source { get; set; } = "";

    public string ProvinceCode { get; set; } = "";

    /// <summary>The agency that spends the line (its users see and update it); null when the plan's standing agency keeps it.</summary>
    public string? AgencyCode { get; set; }

    public long AllocatedVnd { get; set; }

    public long DisbursedVnd { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// The standing agency's confirmation of the figures (a <see cref="Reports.ReviewStatuses"/> value: submitted, returned,
    /// approved); null while the agency has not submitted them. Submitted and approved lines are locked (<see cref="ConfirmBudget"/>).
    /// </summary>
    public string? Confirmation { get; set; }

    public Guid Version { get; set; }
}

public sealed class PlanConfigurations :
    IEntityTypeConfiguration<Plan>, IEntityTypeConfiguration<PlanTask>, IEntityTypeConfiguration<TaskProgress>,
    IEntityTypeConfiguration<TaskEvidence>, IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.ToTable("plans");
        builder.Property(p => p.ProvinceCode).HasMaxLength(2);
        builder.Property(p => p.Title).HasMaxLength(500);
        builder.Property(p => p.DocumentNumber).HasMaxLength(100);
        builder.HasIndex(p => p.ProvinceCode);
    }

    public void Configure(EntityTypeBuilder<PlanTask> builder)
    {
        builder.ToTable("plan_tasks");
        builder.Property(t => t.ProvinceCode).HasMaxLength(2);
        builder.Property(t => t.Title).HasMaxLength(2000);
        builder.Property(t => t.Section).HasMaxLength(300);
        builder.Property(t => t.LeadAgencyCode).HasMaxLength(64);
        builder.Property(t => t.PartnerAgencyCodes).HasMaxLength(2000);
        builder.Property(t => t.DueText).HasMaxLength(20);
        builder.Property(t => t.Recurrence).HasMaxLength(20);
        builder.Property(t => t.ProjectCode).HasMaxLength(20);
        builder.Property(t => t.Status).HasMaxLength(20);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Property(t => t.Confirmation).HasMaxLength(20);
        builder.Ignore(t => t.Partners);
        builder.HasOne<Plan>().WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.ProvinceCode, t.DueOn });
        builder.HasIndex(t => new { t.LeadAgencyCode, t.DueOn });
        builder.HasIndex(t => t.PlanId);
    }

    public void Configure(EntityTypeBuilder<TaskProgress> builder)
    {
        builder.ToTable("task_progress");
        builder.Property(p => p.Status).HasMaxLength(20);
        builder.Property(p => p.Note).HasMaxLength(4000);
        builder.Property(p => p.UserName).HasMaxLength(256);
        builder.HasOne<PlanTask>().WithMany().HasForeignKey(p => p.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.TaskId);
    }

    public void Configure(EntityTypeBuilder<TaskEvidence> builder)
    {
        builder.ToTable("task_evidence");
        builder.Property(e => e.FileName).HasMaxLength(260);
        builder.Property(e => e.ContentType).HasMaxLength(200);
        builder.HasOne<TaskProgress>().WithMany().HasForeignKey(e => e.ProgressId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.TaskId);
    }

    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.ToTable("budget_lines");
        builder.HasKey(b => new { b.PlanId, b.ProjectCode, b.Year, b.Source });
        builder.Property(b => b.ProjectCode).HasMaxLength(20);
        builder.Property(b => b.Source).HasMaxLength(30);
        builder.Property(b => b.ProvinceCode).HasMaxLength(2);
        builder.Property(b => b.AgencyCode).HasMaxLength(64);
        builder.Property(b => b.Confirmation).HasMaxLength(20);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasOne<Plan>().WithMany().HasForeignKey(b => b.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
