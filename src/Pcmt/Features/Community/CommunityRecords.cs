using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Features.Community;

/// <summary>
/// Thành viên Tổ quản lý / Tổ quản lý hỗ trợ xã hội, or a người hỗ trợ, on a commune's roster (legal-rules §3 ManagementTeam,
/// SocialSupportTeam; §4.2, §4.8). Team: Tổ quản lý for user management (NĐ 163/2026 Art 59), Tổ quản lý hỗ trợ xã hội for
/// post-rehab (NĐ 163 Art 136, Form 55), or the commune's supporters (người hỗ trợ, NĐ 163 Art 65, 130, 136). The phone is
/// encrypted like the registry's protected fields (PersonalDataProtector) and re-encrypted by <c>pcmt keys rotate</c>.
/// </summary>
public sealed class TeamMember : IUnitScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string ProvinceCode { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public string Team { get; set; } = "";

    public string Role { get; set; } = "";

    public string FullName { get; set; } = "";

    /// <summary>Đơn vị, tổ chức (e.g. "Công an xã", "Hội Phụ nữ xã", "Thôn Đồng Tâm").</summary>
    public string? Unit { get; set; }

    public string? PhoneProtected { get; set; }

    public DateOnly JoinedOn { get; set; }

    public DateOnly? LeftOn { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// Phân công người hỗ trợ: a supporter (a <see cref="TeamMember"/> of the supporters' roster) helps one person under user
/// management (NĐ 163 Art 59, 65), in rehab at home / in the community (Law 120 Art 32; NĐ 163 Art 130, Form 59) or under
/// post-rehab management (Law 120 Art 42; NĐ 163 Art 136, Form 60), from a day to a day. Copies the person's commune (scope).
/// </summary>
public sealed class SupporterAssignment : IUnitScoped, IPersonRecord, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    public Guid MemberId { get; set; }

    public string ProvinceCode { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    /// <summary><see cref="SupportMeasures"/>: the measure the person is under on <see cref="FromOn"/>.</summary>
    public string Measure { get; set; } = "";

    public string? DecisionNumber { get; set; }

    public DateOnly FromOn { get; set; }

    public DateOnly? ToOn { get; set; }

    public Guid Version { get; set; }
}

public static class Teams
{
    public const string Management = "management";
    public const string SocialSupport = "social-support";
    public const string Supporters = "supporters";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [Management] = "Tổ quản lý (NĐ 163/2026 Điều 59)",
        [SocialSupport] = "Tổ quản lý hỗ trợ xã hội (NĐ 163/2026 Điều 136, Mẫu 55)",
        [Supporters] = "Người hỗ trợ (NĐ 163/2026 Điều 65, 130, 136)",
    };
}

/// <summary>Roles in the team (legal-rules §3: police officer leads, village representative deputy, family, mass organisation, social worker).</summary>
public static class TeamRoles
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["leader"] = "Tổ trưởng (cán bộ Công an xã)",
        ["deputy"] = "Tổ phó (đại diện thôn, tổ dân phố)",
        ["family"] = "Đại diện gia đình, dòng họ",
        ["mass-organisation"] = "Đại diện tổ chức chính trị - xã hội",
        ["social-worker"] = "Người làm công tác xã hội",
        ["member"] = "Thành viên",
        ["supporter"] = "Người hỗ trợ",
    };
}

public static class SupportMeasures
{
    public const string Management = "management";
    public const string HomeRehab = "home-rehab";
    public const string PostRehab = "post-rehab";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [Management] = "Quản lý người sử dụng trái phép chất ma túy",
        [HomeRehab] = "Cai nghiện tự nguyện tại gia đình, cộng đồng",
        [PostRehab] = "Quản lý sau cai nghiện",
    };
}

/// <summary>Trường học hoặc khu công nghiệp, khu chế xuất, with its learners / workers (the denominators of SCHOOL-EDUCATION, WORKER-EDUCATION).</summary>
public sealed class EducationSite : IUnitScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string ProvinceCode { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    /// <summary><c>school</c> or <c>industrial-zone</c>.</summary>
    public string Kind { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Learners (school) or workers (industrial zone).</summary>
    public int People { get; set; }

    public bool Active { get; set; } = true;

    public Guid Version { get; set; }
}

/// <summary>Cơ quan truyền thông, báo chí; whether it is a main outlet (chủ lực) and since when it runs a drug-prevention column (MEDIA-COVERAGE).</summary>
public sealed class MediaOutlet : IUnitScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string ProvinceCode { get; set; } = "";

    /// <summary>The commune of its seat.</summary>
    public string CommuneCode { get; set; } = "";

    public string Name { get; set; } = "";

    public bool Main { get; set; } = true;

    /// <summary>Ngày mở chuyên trang, chuyên mục phòng, chống ma túy; null = none.</summary>
    public DateOnly? ColumnSince { get; set; }

    public bool Active { get; set; } = true;

    public Guid Version { get; set; }
}

/// <summary>Hoạt động tuyên truyền, giáo dục phòng, chống ma túy (000 §III.3; 001 §IV.4–8).</summary>
public sealed class CommunicationActivity : IUnitScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string ProvinceCode { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public DateOnly HeldOn { get; set; }

    /// <summary>The organising agency (a registered agency code or a name).</summary>
    public string Agency { get; set; } = "";

    public string Kind { get; set; } = "";

    public string? Audience { get; set; }

    public int Participants { get; set; }

    public int Materials { get; set; }

    /// <summary>The school (school session) or industrial zone (workplace session) where it took place.</summary>
    public Guid? SiteId { get; set; }

    /// <summary>The outlet that ran the media piece.</summary>
    public Guid? OutletId { get; set; }
}

public static class ActivityKinds
{
    public const string SchoolSession = "school-session";
    public const string WorkplaceSession = "workplace-session";
    public const string MediaPiece = "media-piece";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["meeting"] = "Hội nghị, họp dân",
        ["training"] = "Tập huấn",
        [MediaPiece] = "Tin, bài, phóng sự trên báo chí, phát thanh, truyền hình",
        ["contest"] = "Cuộc thi",
        [SchoolSession] = "Buổi tuyên truyền tại trường học",
        [WorkplaceSession] = "Buổi tuyên truyền tại khu công nghiệp, doanh nghiệp",
    };
}

public static class SiteKinds
{
    public const string School = "school";
    public const string IndustrialZone = "industrial-zone";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [School] = "Trường học",
        [IndustrialZone] = "Khu công nghiệp, khu chế xuất",
    };
}

public sealed class CommunityConfigurations : IEntityTypeConfiguration<TeamMember>, IEntityTypeConfiguration<SupporterAssignment>, IEntityTypeConfiguration<EducationSite>,
    IEntityTypeConfiguration<MediaOutlet>, IEntityTypeConfiguration<CommunicationActivity>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.ToTable("team_members");
        builder.Property(m => m.ProvinceCode).HasMaxLength(2);
        builder.Property(m => m.CommuneCode).HasMaxLength(5);
        builder.Property(m => m.Team).HasMaxLength(20);
        builder.Property(m => m.Role).HasMaxLength(20);
        builder.Property(m => m.FullName).HasMaxLength(100);
        builder.Property(m => m.Unit).HasMaxLength(200);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => new { m.ProvinceCode, m.CommuneCode, m.Team });
    }

    public void Configure(EntityTypeBuilder<SupporterAssignment> builder)
    {
        builder.ToTable("supporter_assignments");
        builder.Property(a => a.ProvinceCode).HasMaxLength(2);
        builder.Property(a => a.CommuneCode).HasMaxLength(5);
        builder.Property(a => a.Measure).HasMaxLength(20);
        builder.Property(a => a.DecisionNumber).HasMaxLength(50);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.PersonId);
        builder.HasIndex(a => a.MemberId);
    }

    public void Configure(EntityTypeBuilder<EducationSite> builder)
    {
        builder.ToTable("education_sites");
        builder.Property(s => s.ProvinceCode).HasMaxLength(2);
        builder.Property(s => s.CommuneCode).HasMaxLength(5);
        builder.Property(s => s.Kind).HasMaxLength(20);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.ProvinceCode, s.CommuneCode, s.Kind });
    }

    public void Configure(EntityTypeBuilder<MediaOutlet> builder)
    {
        builder.ToTable("media_outlets");
        builder.Property(o => o.ProvinceCode).HasMaxLength(2);
        builder.Property(o => o.CommuneCode).HasMaxLength(5);
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => new { o.ProvinceCode, o.CommuneCode });
    }

    public void Configure(EntityTypeBuilder<CommunicationActivity> builder)
    {
        builder.ToTable("communication_activities");
        builder.Property(a => a.ProvinceCode).HasMaxLength(2);
        builder.Property(a => a.CommuneCode).HasMaxLength(5);
        builder.Property(a => a.Agency).HasMaxLength(200);
        builder.Property(a => a.Kind).HasMaxLength(20);
        builder.Property(a => a.Audience).HasMaxLength(200);
        builder.HasIndex(a => new { a.ProvinceCode, a.CommuneCode, a.HeldOn });
    }
}
