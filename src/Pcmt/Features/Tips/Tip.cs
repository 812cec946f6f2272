using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmt.Features.Tips;

/// <summary>
/// Tin tố giác: a report from the public about drug use, selling, a harbouring point or cultivation. Nothing about the sender
/// is kept: no address, user agent or cookie, the day of receipt only (not the time), and a random key (not a time-ordered one).
/// <see cref="CommuneCode"/> is the commune the tip is routed to ("" until then), so commune police see only what was routed to them.
/// </summary>
public sealed class Tip : IUnitScoped
{
    /// <summary>Random (version 4), never <c>Guid.CreateVersion7()</c>: a v7 key would record the millisecond of receipt.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Mã tiếp nhận: random, so its value says nothing about when or in which order tips arrived.</summary>
    public string ReceiptCode { get; set; } = "";

    /// <summary>SHA-256 (hex) of the sender's secret; the secret itself is shown once and never stored.</summary>
    public string SecretHash { get; set; } = "";

    public string ProvinceCode { get; set; } = "";

    /// <summary>The commune the tip is routed to for verification; "" while it waits at the province.</summary>
    public string CommuneCode { get; set; } = "";

    /// <summary>The commune the sender chose, if any.</summary>
    public string? ReportedCommuneCode { get; set; }

    public string Category { get; set; } = "";

    /// <summary>The content, encrypted (<see cref="Infrastructure.Protection.PersonalDataProtector"/>).</summary>
    public string TextProtected { get; set; } = "";

    public string? ContactProtected { get; set; }

    public string? SchoolNameProtected { get; set; }

    public DateOnly? OccurredOn { get; set; }

    /// <summary>Ngày tiếp nhận (Vietnam calendar day): deliberately coarse, so the row cannot be matched with network logs by time.</summary>
    public DateOnly ReceivedOn { get; set; }

    public string Status { get; set; } = TipStatuses.Received;

    public DateOnly UpdatedOn { get; set; }

    public string? Outcome { get; set; }

    public string? OutcomeNote { get; set; }

    /// <summary>The earlier tip this one repeats (outcome duplicate).</summary>
    public Guid? DuplicateOfId { get; set; }

    /// <summary>The point (SupplySide hotspot) the tip led to.</summary>
    public Guid? HotspotId { get; set; }

    /// <summary>The drug case the tip led to; a plain reference (the case register is a separate module).</summary>
    public Guid? CaseId { get; set; }

    /// <summary>The registry person the tip led to.</summary>
    public Guid? PersonId { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public List<TipPhoto> Photos { get; set; } = [];
}

/// <summary>A photo sent with a tip: decoded and re-encoded (metadata such as GPS removed unless the sender kept it), encrypted.</summary>
public sealed class TipPhoto
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid TipId { get; set; }

    public string ContentType { get; set; } = "";

    public int Width { get; set; }

    public int Height { get; set; }

    public bool MetadataKept { get; set; }

    public byte[] ContentProtected { get; set; } = [];
}

public static class TipStatuses
{
    public const string Received = "received";
    public const string InProgress = "in-progress";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Received, InProgress, Closed];

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [Received] = "Đã tiếp nhận",
        [InProgress] = "Đang xác minh",
        [Closed] = "Đã xử lý",
    };
}

public static class TipCategories
{
    public const string School = "school";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["drug-use"] = "Sử dụng trái phép chất ma túy",
        ["selling"] = "Mua bán trái phép chất ma túy",
        ["harbouring-point"] = "Tụ điểm, chứa chấp sử dụng ma túy",
        ["cultivation"] = "Trồng cây có chứa chất ma túy",
        [School] = "Ma túy trong trường học",
        ["other"] = "Khác",
    };

    public static IReadOnlyList<string> All => [.. Names.Keys];
}

public static class TipOutcomes
{
    public const string Confirmed = "confirmed";
    public const string NotConfirmed = "not-confirmed";
    public const string Duplicate = "duplicate";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [Confirmed] = "Xác minh đúng",
        [NotConfirmed] = "Không có căn cứ",
        [Duplicate] = "Trùng tin đã có",
    };
}

public sealed class TipConfigurations : IEntityTypeConfiguration<Tip>, IEntityTypeConfiguration<TipPhoto>
{
    public void Configure(EntityTypeBuilder<Tip> builder)
    {
        builder.ToTable("tips");
        builder.Property(t => t.ReceiptCode).HasMaxLength(16);
        builder.HasIndex(t => t.ReceiptCode).IsUnique();
        builder.Property(t => t.SecretHash).HasMaxLength(64);
        builder.Property(t => t.ProvinceCode).HasMaxLength(2);
        builder.Property(t => t.CommuneCode).HasMaxLength(5);
        builder.Property(t => t.ReportedCommuneCode).HasMaxLength(5);
        builder.Property(t => t.Category).HasMaxLength(20);
        builder.Property(t => t.Status).HasMaxLength(20);
        builder.Property(t => t.Outcome).HasMaxLength(20);
        builder.Property(t => t.OutcomeNote).HasMaxLength(2000);
        builder.HasIndex(t => new { t.ProvinceCode, t.CommuneCode, t.Status });
        builder.HasMany(t => t.Photos).WithOne().HasForeignKey(p => p.TipId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TipPhoto> builder)
    {
        builder.ToTable("tip_photos");
        builder.Property(p => p.ContentType).HasMaxLength(40);
    }
}
