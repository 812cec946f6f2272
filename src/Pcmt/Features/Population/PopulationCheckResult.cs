using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Features.Population;

/// <summary>
/// Kết quả đối chiếu CSDL quốc gia về dân cư: the latest check of one person (status, when, which fields differ). The national
/// values themselves are not stored: accepting them asks the gateway again. Every check's purpose is in the audit trail.
/// Read only through the person (whose area filter applies), so it carries no area columns of its own.
/// </summary>
public sealed class PopulationCheckResult : IPersonRecord
{
    public Guid PersonId { get; set; }

    /// <summary>matched, mismatch, not-found, unavailable.</summary>
    public string Status { get; set; } = "";

    public DateTime CheckedAt { get; set; }

    /// <summary>Comma-separated contract field names: citizenId, fullName, dateOfBirth, sex.</summary>
    public string Differences { get; set; } = "";

    public string Purpose { get; set; } = "";

    public string CheckedBy { get; set; } = "";
}

public static class PopulationStatuses
{
    public const string Matched = "matched";
    public const string Mismatch = "mismatch";
    public const string NotFound = "not-found";
    public const string Unavailable = "unavailable";

    /// <summary>Search filter value for persons never checked.</summary>
    public const string Unchecked = "unchecked";

    public static IReadOnlyList<string> All { get; } = [Matched, Mismatch, NotFound, Unavailable];

    public static string DisplayName(string? status) => status switch
    {
        Matched => "Khớp với CSDL quốc gia về dân cư",
        Mismatch => "Có thông tin khác với CSDL quốc gia về dân cư",
        NotFound => "Không tìm thấy số định danh trong CSDL quốc gia về dân cư",
        Unavailable => "Chưa đối chiếu được (CSDL quốc gia không phản hồi)",
        _ => "Chưa đối chiếu",
    };

    public static string FieldName(string field) => field switch
    {
        "citizenId" => "Số định danh cá nhân",
        "fullName" => "Họ và tên",
        "dateOfBirth" => "Ngày sinh",
        "sex" => "Giới tính",
        _ => field,
    };
}

public sealed class PopulationCheckResultConfiguration : IEntityTypeConfiguration<PopulationCheckResult>
{
    public void Configure(EntityTypeBuilder<PopulationCheckResult> builder)
    {
        builder.ToTable("population_check_results");
        builder.HasKey(r => r.PersonId);
        builder.Property(r => r.Status).HasMaxLength(20);
        builder.Property(r => r.Differences).HasMaxLength(100);
        builder.Property(r => r.Purpose).HasMaxLength(300);
        builder.Property(r => r.CheckedBy).HasMaxLength(256);
        builder.HasIndex(r => r.Status);
    }
}
