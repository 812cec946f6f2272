using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmt.Features.Enforcement;

/// <summary>
/// Vụ án, vụ việc về ma túy: detected in a commune by a unit on a day along a route, with the offences (Criminal Code 2015
/// Chapter XX), the suspects, the seizures and the prosecution stages. Suspects, seizures and stages belong to the case and are
/// only reached through it, so the case's unit scope covers them.
/// </summary>
public sealed class DrugCase : IUnitScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string ProvinceCode { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    /// <summary>Đơn vị phát hiện (e.g. "Công an xã", "Đồn Biên phòng Cửa khẩu").</summary>
    public string? DetectingUnit { get; set; }

    public DateOnly DetectedOn { get; set; }

    /// <summary>One of <see cref="CaseRoutes.All"/>.</summary>
    public string Route { get; set; } = "";

    public bool Organised { get; set; }

    public bool Transnational { get; set; }

    /// <summary>Criminal Code article numbers, comma-separated (e.g. "249,251").</summary>
    public string Offences { get; set; } = "";

    public string? Summary { get; set; }

    public DateTime RecordedAt { get; set; }

    public Guid Version { get; set; }

    public List<CaseSuspect> Suspects { get; set; } = [];

    public List<Seizure> Seizures { get; set; } = [];

    public List<ProsecutionStage> Stages { get; set; } = [];
}

/// <summary>Đối tượng trong vụ án: a registry person (link shown only to users who may read that person) or a name kept encrypted.</summary>
public sealed class CaseSuspect
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public Guid? PersonId { get; set; }

    /// <summary>Encrypted like the registry's identifiers (<see cref="Infrastructure.Protection.PersonalDataProtector"/>).</summary>
    public string? FullNameProtected { get; set; }

    public int? BirthYear { get; set; }

    /// <summary>Nơi cư trú, encrypted.</summary>
    public string? ResidenceProtected { get; set; }

    /// <summary>Resident of the case's commune (QĐ 28/2025 Art 6.2 counts resident violators).</summary>
    public bool Resident { get; set; }
}

/// <summary>Tang vật thu giữ: a substance with its quantity in the unit it was counted in.</summary>
public sealed class Seizure
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public string Substance { get; set; } = "";

    public decimal Quantity { get; set; }

    /// <summary>One of <see cref="SeizureUnits.All"/>.</summary>
    public string Unit { get; set; } = "";
}

/// <summary>Giai đoạn tố tụng: khởi tố, truy tố, xét xử, with the day and the number of persons.</summary>
public sealed class ProsecutionStage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public string Stage { get; set; } = "";

    public DateOnly On { get; set; }

    public int Persons { get; set; }
}

/// <summary>
/// Đối tượng truy nã về ma túy lẩn trốn trên địa bàn: while hiding in a commune it blocks drug-free status (QĐ 28/2025/QĐ-TTg
/// Art 6.2: "không có đối tượng truy nã về ma túy lẩn trốn trên địa bàn").
/// </summary>
public sealed class WantedPerson : IUnitScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string ProvinceCode { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public string FullNameProtected { get; set; } = "";

    public int? BirthYear { get; set; }

    /// <summary>Số quyết định truy nã.</summary>
    public string? WarrantNumber { get; set; }

    public string? Offence { get; set; }

    /// <summary>Known to hide in the commune from this day.</summary>
    public DateOnly HidingFrom { get; set; }

    /// <summary>Arrested, surrendered or left the commune (no longer hiding there).</summary>
    public DateOnly? EndedOn { get; set; }

    public Guid Version { get; set; }
}

public sealed class EnforcementConfigurations :
    IEntityTypeConfiguration<DrugCase>, IEntityTypeConfiguration<CaseSuspect>, IEntityTypeConfiguration<Seizure>, IEntityTypeConfiguration<ProsecutionStage>,
    IEntityTypeConfiguration<WantedPerson>
{
    public void Configure(EntityTypeBuilder<DrugCase> builder)
    {
        builder.ToTable("drug_cases");
        builder.Property(c => c.ProvinceCode).HasMaxLength(2);
        builder.Property(c => c.CommuneCode).HasMaxLength(5);
        builder.Property(c => c.DetectingUnit).HasMaxLength(200);
        builder.Property(c => c.Route).HasMaxLength(20);
        builder.Property(c => c.Offences).HasMaxLength(200);
        builder.Property(c => c.Summary).HasMaxLength(2000);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.ProvinceCode, c.CommuneCode, c.DetectedOn });
        builder.HasMany(c => c.Suspects).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Seizures).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Stages).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CaseSuspect> builder)
    {
        builder.ToTable("case_suspects");
        builder.Property(s => s.FullNameProtected).HasMaxLength(500);
        builder.Property(s => s.ResidenceProtected).HasMaxLength(1000);
        builder.HasIndex(s => s.PersonId);
    }

    public void Configure(EntityTypeBuilder<Seizure> builder)
    {
        builder.ToTable("seizures");
        builder.Property(s => s.Substance).HasMaxLength(40);
        builder.Property(s => s.Unit).HasMaxLength(10);
        builder.Property(s => s.Quantity).HasPrecision(16, 3);
    }

    public void Configure(EntityTypeBuilder<ProsecutionStage> builder)
    {
        builder.ToTable("prosecution_stages");
        builder.Property(s => s.Stage).HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<WantedPerson> builder)
    {
        builder.ToTable("wanted_persons");
        builder.Property(w => w.ProvinceCode).HasMaxLength(2);
        builder.Property(w => w.CommuneCode).HasMaxLength(5);
        builder.Property(w => w.FullNameProtected).HasMaxLength(500);
        builder.Property(w => w.WarrantNumber).HasMaxLength(100);
        builder.Property(w => w.Offence).HasMaxLength(10);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.HasIndex(w => new { w.ProvinceCode, w.CommuneCode, w.HidingFrom });
    }
}
