using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Features.SupportServices;

/// <summary>
/// Dịch vụ hỗ trợ: a support service requested or delivered to a person (Law 120 Art 29, 32, 42; NĐ 163 Art 131, 137):
/// date, provider, outcome. Feeds the indicators SUPPORT-COVERAGE and LEGAL-AID.
/// </summary>
public sealed class SupportService : IPersonRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    /// <summary>The person's commune when the service was recorded (indicator area).</summary>
    public string ProvinceCode { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public string Kind { get; set; } = "";

    public DateOnly? RequestedOn { get; set; }

    public DateOnly? ProvidedOn { get; set; }

    public string? Provider { get; set; }

    public string? Outcome { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTime RecordedAt { get; set; }
}

public static class SupportServiceKinds
{
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        ["counselling"] = "Tư vấn",
        ["medical-care"] = "Chăm sóc y tế",
        ["psychological-care"] = "Hỗ trợ tâm lý",
        ["legal-aid"] = "Trợ giúp pháp lý",
        ["vocational-training"] = "Đào tạo nghề",
        ["job-placement"] = "Giới thiệu việc làm",
        ["loan"] = "Vay vốn",
        ["schooling"] = "Hỗ trợ học tập (người chưa thành niên)",
    };
}

public sealed class SupportServiceConfiguration : IEntityTypeConfiguration<SupportService>
{
    public void Configure(EntityTypeBuilder<SupportService> builder)
    {
        builder.ToTable("support_services");
        builder.Property(s => s.ProvinceCode).HasMaxLength(2);
        builder.Property(s => s.CommuneCode).HasMaxLength(5);
        builder.Property(s => s.Kind).HasMaxLength(30);
        builder.Property(s => s.Provider).HasMaxLength(300);
        builder.Property(s => s.Outcome).HasMaxLength(1000);
        builder.Property(s => s.RecordedBy).HasMaxLength(256);
        builder.HasIndex(s => s.PersonId);
        builder.HasIndex(s => new { s.Kind, s.ProvinceCode, s.CommuneCode, s.ProvidedOn });
        // Persons served by kind and date whatever the commune of the service (SUPPORT-COVERAGE, TREATMENT-ACCESS; issue 19,
        // second pass): an index-only range instead of a scan of the table.
        builder.HasIndex(s => new { s.Kind, s.ProvidedOn }).IncludeProperties(s => s.PersonId);
    }
}
