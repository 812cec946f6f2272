using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmt.Features.Classification;

/// <summary>
/// Kết quả phân loại một xã trong một năm: proposed by the run, then approved by the provincial People's Committee (QĐ 28/2025
/// Art 7, 9) with its decision. Kept for every year, so "chuyển hóa" can be tracked; the snapshot explains the class.
/// </summary>
public sealed class CommuneClassification : IUnitScoped
{
    public long Id { get; set; }

    public string ProvinceCode { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public int Year { get; set; }

    public string Class { get; set; } = "";

    /// <summary>The class computed from the records, kept when a reviewer sets <see cref="Class"/> by hand.</summary>
    public string ComputedClass { get; set; } = "";

    public string? ManualReason { get; set; }

    /// <summary>JSON of <see cref="CriteriaSnapshot"/>.</summary>
    public string Criteria { get; set; } = "";

    public string CriteriaVersion { get; set; } = CommuneClassifier.CriteriaVersion;

    /// <summary>proposed | approved.</summary>
    public string Status { get; set; } = "proposed";

    public DateTime ComputedAt { get; set; }

    public string? DecisionNumber { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public string? ApprovedBy { get; set; }
}

public sealed class CommuneClassificationConfiguration : IEntityTypeConfiguration<CommuneClassification>
{
    public void Configure(EntityTypeBuilder<CommuneClassification> builder)
    {
        builder.ToTable("commune_classifications");
        builder.Property(c => c.ProvinceCode).HasMaxLength(2);
        builder.Property(c => c.CommuneCode).HasMaxLength(5);
        builder.Property(c => c.Class).HasMaxLength(20);
        builder.Property(c => c.ComputedClass).HasMaxLength(20);
        builder.Property(c => c.ManualReason).HasMaxLength(1000);
        builder.Property(c => c.CriteriaVersion).HasMaxLength(20);
        builder.Property(c => c.Status).HasMaxLength(20);
        builder.Property(c => c.DecisionNumber).HasMaxLength(50);
        builder.Property(c => c.ApprovedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.ProvinceCode, c.Year, c.CommuneCode }).IsUnique();
    }
}
