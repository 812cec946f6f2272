using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmt.Features.DataBreaches;

/// <summary>
/// Sự cố dữ liệu cá nhân: a breach of the personal data the system holds. Its discovery starts the 72-hour clock for
/// notifying the specialised agency of the Ministry of Public Security (A05, Cục An ninh mạng và phòng, chống tội phạm sử
/// dụng công nghệ cao): Decree 13/2023/NĐ-CP Art 23 (Form 03) [C], continued by Law 91/2025/QH15 on personal data protection
/// (≈ Art 23 [I]) and Decree 356/2025/NĐ-CP [C2]; legal-rules §10 "Breach notification".
/// </summary>
public sealed class DataBreach : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>What happened: the facts as known, the systems and records affected.</summary>
    public string Description { get; set; } = "";

    /// <summary>When the breach was discovered (UTC): the 72 hours run from here.</summary>
    public DateTime DiscoveredAt { get; set; }

    /// <summary>When it happened, if known (UTC).</summary>
    public DateTime? OccurredAt { get; set; }

    /// <summary>Codes of <see cref="DataBreachCategories"/>, comma-separated.</summary>
    public string Categories { get; set; } = "";

    /// <summary>How many data subjects are or may be affected (an estimate is allowed).</summary>
    public int SubjectCount { get; set; }

    /// <summary>The officer responsible for handling and notifying (name and position).</summary>
    public string ResponsibleOfficer { get; set; } = "";

    /// <summary>Measures taken or planned to contain it and limit the harm.</summary>
    public string? Measures { get; set; }

    public DateTime? AuthorityNotifiedAt { get; set; }

    public DateTime? SubjectsNotifiedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public Guid Version { get; set; }
}

/// <summary>The kinds of personal data PCMT holds (docs/dpia.md), as a breach report names them.</summary>
public static class DataBreachCategories
{
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        ["identity"] = "Dữ liệu định danh (họ tên, ngày sinh, giới tính, số định danh cá nhân, CMND)",
        ["contact"] = "Nơi ở, địa chỉ, số điện thoại",
        ["health"] = "Tình trạng sức khỏe: kết quả xét nghiệm, xác định tình trạng nghiện, điều trị thay thế (dữ liệu nhạy cảm)",
        ["law-enforcement"] = "Dữ liệu về vi phạm, quản lý người sử dụng trái phép, cai nghiện bắt buộc (dữ liệu nhạy cảm)",
        ["location"] = "Dữ liệu vị trí từ giám sát điện tử (dữ liệu nhạy cảm)",
        ["accounts"] = "Tài khoản người dùng của hệ thống (tên đăng nhập, vai trò, nhật ký truy cập)",
    };

    /// <summary>Law 91/2025/QH15 Art 2 and Decree 356/2025/NĐ-CP: health, crime data held by law enforcement and location are sensitive.</summary>
    public static readonly IReadOnlySet<string> Sensitive = new HashSet<string> { "health", "law-enforcement", "location" };
}

public sealed class DataBreachConfiguration : IEntityTypeConfiguration<DataBreach>
{
    public void Configure(EntityTypeBuilder<DataBreach> builder)
    {
        builder.ToTable("data_breaches");
        builder.Property(b => b.Description).HasMaxLength(4000);
        builder.Property(b => b.Categories).HasMaxLength(200);
        builder.Property(b => b.ResponsibleOfficer).HasMaxLength(200);
        builder.Property(b => b.Measures).HasMaxLength(4000);
        builder.Property(b => b.CreatedBy).HasMaxLength(256);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasIndex(b => b.DiscoveredAt);
    }
}
