using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmt.Features.LawfulActivities;

/// <summary>
/// Hoạt động hợp pháp liên quan đến ma túy: a business or facility licensed to handle precursors, N2O, narcotic and psychotropic
/// medicines or veterinary drugs, with the agency that manages its sector (000 §III.6.1–6.4; Law 73/2021 Art 44 cl 7 and
/// Law 120/2025: the MPS keeps data on lawful activities). Its inspections belong to it and are reached only through it.
/// </summary>
public sealed class LawfulActivity : IUnitScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string ProvinceCode { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>One of <see cref="LawfulActivityKinds.All"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>One of <see cref="LawfulSectors.All"/>: the line of state management the responsible agency belongs to.</summary>
    public string Sector { get; set; } = "";

    /// <summary>Code of the responsible agency in the Agencies register (cơ quan quản lý).</summary>
    public string ResponsibleAgencyCode { get; set; } = "";

    public string? LicenceNumber { get; set; }

    public DateOnly? LicenceDate { get; set; }

    public string? LicenceIssuer { get; set; }

    /// <summary>Chất, thuốc được phép sản xuất, kinh doanh, sử dụng (free text: names of substances or medicines).</summary>
    public string Substances { get; set; } = "";

    public string? Address { get; set; }

    public DateTime RecordedAt { get; set; }

    public Guid Version { get; set; }

    public List<LawfulInspection> Inspections { get; set; } = [];
}

/// <summary>Kiểm tra: by an inter-agency team on a day, with findings, violations, penalties and a deadline to remedy them.</summary>
public sealed class LawfulInspection
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ActivityId { get; set; }

    public DateOnly InspectedOn { get; set; }

    /// <summary>Agency codes of the inspection team (tổ công tác liên ngành), comma-separated.</summary>
    public string TeamAgencyCodes { get; set; } = "";

    public string Findings { get; set; } = "";

    public string? Violations { get; set; }

    /// <summary>Tiền phạt (VND), whole đồng.</summary>
    public long? PenaltyVnd { get; set; }

    /// <summary>Yêu cầu khắc phục.</summary>
    public string? FollowUp { get; set; }

    public DateOnly? FollowUpDueOn { get; set; }

    /// <summary>The plan task created for the follow-up, when the province has a plan covering the deadline's year.</summary>
    public Guid? FollowUpTaskId { get; set; }

    /// <summary>
    /// When the establishment was found to have remedied the follow-up (đã khắc phục), for a follow-up tracked in this register
    /// because no plan of the province covered its year; a follow-up that became a plan task is closed through the task.
    /// </summary>
    public DateOnly? FollowUpDoneOn { get; set; }

    /// <summary>Kết quả khắc phục: how it was checked (e.g. the re-inspection or the establishment's report).</summary>
    public string? FollowUpResult { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>Loại hoạt động hợp pháp liên quan đến ma túy, with the sector that manages it by default (000 §III.6.2–6.4).</summary>
public static class LawfulActivityKinds
{
    public const string IndustrialPrecursor = "industrial-precursor";
    public const string NitrousOxide = "n2o";
    public const string Medicine = "medicine";
    public const string Veterinary = "veterinary";
    public const string Other = "other";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        [IndustrialPrecursor] = "Tiền chất, hóa chất dùng trong công nghiệp",
        [NitrousOxide] = "Khí N2O (\"bóng cười\")",
        [Medicine] = "Thuốc gây nghiện, thuốc hướng thần, thuốc tiền chất, nguyên liệu làm thuốc",
        [Veterinary] = "Thuốc thú y, nguyên liệu thuốc thú y chứa chất ma túy, tiền chất",
        [Other] = "Khác (nghiên cứu, kiểm nghiệm, giám định…)",
    };

    /// <summary>
    /// 000 §III.6.2: Sở Công Thương manages precursors and N2O in industry; §III.6.3: Sở Y tế narcotic and psychotropic medicines and
    /// precursors used as medicines; §III.6.4: Sở Nông nghiệp và Môi trường veterinary drugs; §III.6.1: the police everything else.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultSector = new Dictionary<string, string>
    {
        [IndustrialPrecursor] = LawfulSectors.IndustryTrade,
        [NitrousOxide] = LawfulSectors.IndustryTrade,
        [Medicine] = LawfulSectors.Health,
        [Veterinary] = LawfulSectors.Agriculture,
        [Other] = LawfulSectors.Police,
    };

    public static string Name(string code) => All.GetValueOrDefault(code, code);
}

/// <summary>Ngành quản lý (000 §III.6.1–6.4).</summary>
public static class LawfulSectors
{
    public const string Police = "police";
    public const string IndustryTrade = "industry-trade";
    public const string Health = "health";
    public const string Agriculture = "agriculture";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        [Police] = "Công an",
        [IndustryTrade] = "Công Thương",
        [Health] = "Y tế",
        [Agriculture] = "Nông nghiệp và Môi trường",
    };

    public static string Name(string code) => All.GetValueOrDefault(code, code);
}

public sealed class LawfulActivityConfigurations : IEntityTypeConfiguration<LawfulActivity>, IEntityTypeConfiguration<LawfulInspection>
{
    public void Configure(EntityTypeBuilder<LawfulActivity> builder)
    {
        builder.ToTable("lawful_activities");
        builder.Property(a => a.ProvinceCode).HasMaxLength(2);
        builder.Property(a => a.CommuneCode).HasMaxLength(5);
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.Kind).HasMaxLength(30);
        builder.Property(a => a.Sector).HasMaxLength(20);
        builder.Property(a => a.ResponsibleAgencyCode).HasMaxLength(64);
        builder.Property(a => a.LicenceNumber).HasMaxLength(100);
        builder.Property(a => a.LicenceIssuer).HasMaxLength(300);
        builder.Property(a => a.Substances).HasMaxLength(1000);
        builder.Property(a => a.Address).HasMaxLength(500);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.ProvinceCode, a.CommuneCode });
        builder.HasIndex(a => a.ResponsibleAgencyCode);
        builder.HasMany(a => a.Inspections).WithOne().HasForeignKey(i => i.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<LawfulInspection> builder)
    {
        builder.ToTable("lawful_inspections");
        builder.Property(i => i.TeamAgencyCodes).HasMaxLength(1000);
        builder.Property(i => i.Findings).HasMaxLength(4000);
        builder.Property(i => i.Violations).HasMaxLength(2000);
        builder.Property(i => i.FollowUp).HasMaxLength(1000);
        builder.Property(i => i.FollowUpResult).HasMaxLength(1000);
        builder.HasIndex(i => new { i.ActivityId, i.InspectedOn });
    }
}
