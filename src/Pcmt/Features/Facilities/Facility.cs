using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmt.Features.Facilities;

/// <summary>
/// Cơ sở: a rehab facility (public: established by the Minister of Public Security; private: licensed by the provincial police
/// director, Law 120 Art 28), a methadone clinic or dispensing point, a health facility qualified to determine addiction
/// (Law 120 Art 31.8), or a commune counselling point. Residents are counted from open rehab episodes, never typed in.
/// </summary>
public sealed class Facility : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Kind { get; set; } = "";

    public string Name { get; set; } = "";

    public string ProvinceCode { get; set; } = "";

    public string? CommuneCode { get; set; }

    public string? Address { get; set; }

    /// <summary>Licensed or designed capacity (places); null when the kind has none.</summary>
    public int? Capacity { get; set; }

    /// <summary>Licence or establishment decision (number and date).</summary>
    public string? Licence { get; set; }

    public bool Active { get; set; } = true;

    public DateTime UpdatedAt { get; set; }

    public Guid Version { get; set; }
}

public static class FacilityKinds
{
    public const string PublicRehab = "public-rehab";
    public const string PrivateRehab = "private-rehab";
    public const string MethadoneClinic = "methadone-clinic";
    public const string DispensingPoint = "dispensing-point";
    public const string AddictionDetermination = "addiction-determination";
    public const string CounsellingPoint = "counselling-point";

    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        [PublicRehab] = "Cơ sở cai nghiện ma túy công lập",
        [PrivateRehab] = "Cơ sở cai nghiện ma túy tư nhân",
        [MethadoneClinic] = "Cơ sở điều trị nghiện bằng thuốc thay thế",
        [DispensingPoint] = "Cơ sở cấp phát thuốc thay thế",
        [AddictionDetermination] = "Cơ sở y tế đủ điều kiện xác định tình trạng nghiện",
        [CounsellingPoint] = "Điểm tư vấn, hỗ trợ cai nghiện tại cấp xã",
    };

    public static bool IsRehab(string kind) => kind is PublicRehab or PrivateRehab;
}

public sealed class FacilityConfiguration : IEntityTypeConfiguration<Facility>
{
    public void Configure(EntityTypeBuilder<Facility> builder)
    {
        builder.ToTable("facilities");
        builder.Property(f => f.Kind).HasMaxLength(30);
        builder.Property(f => f.Name).HasMaxLength(300);
        builder.Property(f => f.ProvinceCode).HasMaxLength(2);
        builder.Property(f => f.CommuneCode).HasMaxLength(5);
        builder.Property(f => f.Address).HasMaxLength(500);
        builder.Property(f => f.Licence).HasMaxLength(200);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => new { f.ProvinceCode, f.Kind });
    }
}
