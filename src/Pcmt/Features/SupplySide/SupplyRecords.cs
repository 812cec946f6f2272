using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmt.Features.SupplySide;

/// <summary>Điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy (QĐ 28/2025 Art 2.1) or đối tượng bán lẻ: detected, and cleared when triệt xóa.</summary>
public sealed class Hotspot : IUnitScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string ProvinceCode { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public string Kind { get; set; } = "";

    public DateOnly DetectedOn { get; set; }

    public DateOnly? ClearedOn { get; set; }

    public string? Description { get; set; }

    public Guid Version { get; set; }
}

/// <summary>Bắt giữ: drug offenders arrested in a commune on a day (counts), and how many of them live there.</summary>
public sealed class Arrest : IUnitScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string ProvinceCode { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public DateOnly ArrestedOn { get; set; }

    public int Offenders { get; set; }

    /// <summary>Residents of the commune among them (QĐ 28 Art 6.2); unknown counts all offenders as residents.</summary>
    public int? ResidentOffenders { get; set; }
}

/// <summary>Phát hiện trồng trái phép cây có chứa chất ma túy: plants and area found, and when destroyed.</summary>
public sealed class CultivationFind : IUnitScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string ProvinceCode { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public DateOnly FoundOn { get; set; }

    public int Plants { get; set; }

    public decimal AreaM2 { get; set; }

    public DateOnly? DestroyedOn { get; set; }

    public Guid Version { get; set; }
}

/// <summary>Tuyến trọng điểm phức tạp về ma túy (QĐ 28 Art 3): intra- or inter-provincial, with the communes it crosses.</summary>
public sealed class HotspotRoute
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string ProvinceCode { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>intra-provincial | inter-provincial.</summary>
    public string Scope { get; set; } = "";

    /// <summary>Commune codes, comma-separated.</summary>
    public string Communes { get; set; } = "";

    public int? Year { get; set; }
}

public sealed class SupplyConfigurations :
    IEntityTypeConfiguration<Hotspot>, IEntityTypeConfiguration<Arrest>, IEntityTypeConfiguration<CultivationFind>, IEntityTypeConfiguration<HotspotRoute>
{
    public void Configure(EntityTypeBuilder<Hotspot> builder)
    {
        builder.ToTable("hotspots");
        builder.Property(h => h.ProvinceCode).HasMaxLength(2);
        builder.Property(h => h.CommuneCode).HasMaxLength(5);
        builder.Property(h => h.Kind).HasMaxLength(30);
        builder.Property(h => h.Description).HasMaxLength(1000);
        builder.HasIndex(h => new { h.ProvinceCode, h.CommuneCode, h.DetectedOn });
        builder.Property(h => h.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<Arrest> builder)
    {
        builder.ToTable("arrests");
        builder.Property(a => a.ProvinceCode).HasMaxLength(2);
        builder.Property(a => a.CommuneCode).HasMaxLength(5);
        builder.HasIndex(a => new { a.ProvinceCode, a.CommuneCode, a.ArrestedOn });
    }

    public void Configure(EntityTypeBuilder<CultivationFind> builder)
    {
        builder.ToTable("cultivation_finds");
        builder.Property(c => c.ProvinceCode).HasMaxLength(2);
        builder.Property(c => c.CommuneCode).HasMaxLength(5);
        builder.Property(c => c.AreaM2).HasPrecision(12, 2);
        builder.HasIndex(c => new { c.ProvinceCode, c.CommuneCode, c.FoundOn });
        builder.Property(c => c.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<HotspotRoute> builder)
    {
        builder.ToTable("hotspot_routes");
        builder.Property(r => r.ProvinceCode).HasMaxLength(2);
        builder.Property(r => r.Name).HasMaxLength(300);
        builder.Property(r => r.Scope).HasMaxLength(20);
        builder.HasIndex(r => r.ProvinceCode);
    }
}
