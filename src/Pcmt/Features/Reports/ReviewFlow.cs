using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmt.Features.Reports;

/// <summary>Statuses of anything that is submitted, reviewed and approved (reports; the plan's task results and budget figures).</summary>
public static class ReviewStatuses
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Approved = "approved";

    public static string DisplayName(string status) => status switch
    {
        Draft => "Đang soạn",
        Submitted => "Đã gửi, chờ duyệt",
        Returned => "Bị trả lại",
        _ => "Đã phê duyệt",
    };
}

/// <summary>Something that moves through <see cref="ReviewFlow"/>: it carries its status and a concurrency token.</summary>
public interface IReviewable : IVersioned
{
    string Status { get; set; }

    /// <summary>The data as it stands (JSON), kept in the history at each approval so a reopening never loses the approved version.</summary>
    string ReviewedData { get; }
}

/// <summary>One step in a reviewable's history: created, saved, submitted, returned (reason), approved (snapshot), reopened (reason).</summary>
public sealed class ReviewEvent
{
    public long Id { get; set; }

    /// <summary>The kind of subject, e.g. "report"; other modules use their own.</summary>
    public string SubjectType { get; set; } = "";

    public string SubjectId { get; set; } = "";

    public DateTime At { get; set; }

    public Guid? UserId { get; set; }

    public string UserName { get; set; } = "";

    public string Action { get; set; } = "";

    public string? Reason { get; set; }

    /// <summary>The approved data (JSON) on an approval.</summary>
    public string? Snapshot { get; set; }
}

public sealed class ReviewEventConfiguration : IEntityTypeConfiguration<ReviewEvent>
{
    public void Configure(EntityTypeBuilder<ReviewEvent> builder)
    {
        builder.ToTable("review_events");
        builder.Property(e => e.SubjectType).HasMaxLength(40);
        builder.Property(e => e.SubjectId).HasMaxLength(64);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(20);
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.HasIndex(e => new { e.SubjectType, e.SubjectId, e.Id });
    }
}

/// <summary>
/// The review workflow, written once: draft → submitted → returned (reason; editable again) → approved (locked);
/// an approved subject is reopened only by an approver with a reason, and the approved version stays in the history.
/// Who may approve what is the caller's decision (levels); this class enforces the transitions and writes the history.
/// </summary>
public static class ReviewFlow
{
    public const string Created = "created";
    public const string Saved = "saved";
    public const string Submit = "submitted";
    public const string Return = "returned";
    public const string Approve = "approved";
    public const string Reopen = "reopened";
    public const string Imported = "imported";

    public static string DisplayName(string action) => action switch
    {
        Created => "Tạo báo cáo",
        Saved => "Lưu nháp",
        Submit => "Gửi báo cáo",
        Return => "Trả lại",
        Approve => "Phê duyệt",
        Reopen => "Mở lại để sửa",
        Imported => "Nhập từ tệp ADX",
        _ => action,
    };

    public static bool IsEditable(IReviewable subject) => subject.Status is ReviewStatuses.Draft or ReviewStatuses.Returned;

    /// <summary>Checks the token of an edit: a stale one, or a locked subject, is a conflict (409).</summary>
    public static Failure? CheckEdit(IReviewable subject, Guid? version)
    {
        if (!IsEditable(subject))
            return new Failure.Conflict(subject.Status == ReviewStatuses.Approved
                ? "Báo cáo đã được phê duyệt và khóa; cần người phê duyệt mở lại trước khi sửa."
                : "Báo cáo đã gửi, đang chờ duyệt; không sửa được cho đến khi bị trả lại.");
        if (version is null || version != subject.Version)
            return new Failure.Conflict("Báo cáo đã được người khác thay đổi. Vui lòng tải lại trước khi lưu.");
        return null;
    }

    public static Failure? Transition(AppDbContext db, string subjectType, string subjectId, IReviewable subject, string action, string? reason, CurrentUser actor, DateTime now)
    {
        var from = subject.Status;
        var to = (action, from) switch
        {
            (Submit, ReviewStatuses.Draft or ReviewStatuses.Returned) => ReviewStatuses.Submitted,
            (Return, ReviewStatuses.Submitted) => ReviewStatuses.Returned,
            (Approve, ReviewStatuses.Submitted) => ReviewStatuses.Approved,
            (Reopen, ReviewStatuses.Approved) => ReviewStatuses.Returned,
            _ => null,
        };
        if (to is null)
            return new Failure.Conflict($"Không thể thực hiện \"{DisplayName(action)}\" khi báo cáo ở trạng thái \"{ReviewStatuses.DisplayName(from)}\".");
        reason = reason?.Trim();
        if (action is Return or Reopen && string.IsNullOrEmpty(reason))
            return new Failure.Invalid("reason", "Vui lòng nêu lý do.");
        if (reason is { Length: > 2000 })
            return new Failure.Invalid("reason", "Lý do tối đa 2.000 ký tự.");
        subject.Status = to;
        Record(db, subjectType, subjectId, action, reason, actor, now, action == Approve ? subject.ReviewedData : null);
        return null;
    }

    public static void Record(AppDbContext db, string subjectType, string subjectId, string action, string? reason, CurrentUser actor, DateTime now, string? snapshot = null) =>
        db.Set<ReviewEvent>().Add(new ReviewEvent
        {
            SubjectType = subjectType,
            SubjectId = subjectId,
            At = now,
            UserId = actor.Id,
            UserName = actor.UserName,
            Action = action,
            Reason = reason,
            Snapshot = snapshot,
        });

    public static Task<List<ReviewEvent>> HistoryAsync(AppDbContext db, string subjectType, string subjectId, CancellationToken ct) =>
        db.Set<ReviewEvent>().AsNoTracking().Where(e => e.SubjectType == subjectType && e.SubjectId == subjectId).OrderBy(e => e.Id).ToListAsync(ct);

    /// <summary>The data of the last approval, if any.</summary>
    public static Task<string?> LastApprovedAsync(AppDbContext db, string subjectType, string subjectId, CancellationToken ct) =>
        db.Set<ReviewEvent>().AsNoTracking().Where(e => e.SubjectType == subjectType && e.SubjectId == subjectId && e.Action == Approve)
            .OrderByDescending(e => e.Id).Select(e => e.Snapshot).FirstOrDefaultAsync(ct);
}
