using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmt.Features.Agencies;

/// <summary>
/// Cơ quan, đơn vị: a sở, ban, ngành, đoàn thể, armed forces unit or committee of a province that plans assign tasks to.
/// A user with role <c>department</c> has the agency's code as its scope and sees only that agency's tasks and reports.
/// </summary>
public sealed class Agency
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Unique across the installation, so a department user's scope names exactly one agency.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string ProvinceCode { get; set; } = "";

    public string Kind { get; set; } = AgencyKinds.Other;

    public DateTime CreatedAt { get; set; }
}

/// <summary>The contract's agency kinds (kebab-case) and their Vietnamese names.</summary>
public static class AgencyKinds
{
    public const string Police = "police";
    public const string Department = "department";
    public const string Military = "military";
    public const string MassOrganisation = "mass-organisation";
    public const string Committee = "committee";
    public const string Judicial = "judicial";
    public const string Other = "other";

    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        [Police] = "Công an",
        [Department] = "Sở, ban, ngành",
        [Military] = "Quân sự, Bộ đội Biên phòng",
        [MassOrganisation] = "Mặt trận, đoàn thể",
        [Committee] = "Ủy ban nhân dân",
        [Judicial] = "Cơ quan tư pháp (Tòa án, Viện kiểm sát)",
        [Other] = "Khác",
    };
}

public sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("agencies");
        builder.Property(a => a.Code).HasMaxLength(64);
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.ProvinceCode).HasMaxLength(2);
        builder.Property(a => a.Kind).HasMaxLength(30);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.HasIndex(a => new { a.ProvinceCode, a.Name });
    }
}
