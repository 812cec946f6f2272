using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Reports;

namespace Pcmt.Features.Plans;

/// <summary>
/// Xác nhận hoàn thành: a completion reported by an agency waits for the provincial standing agency, which approves it (in bulk),
/// returns it with a reason (the task is in progress again) or reopens an approved one with a reason. The transitions and the history
/// are the periodic reports' <see cref="ReviewFlow"/>, applied to the task's <see cref="PlanTask.Confirmation"/>.
/// </summary>
public sealed class ConfirmTasks(AppDbContext db, PlanScope scope, CurrentUser user, TimeProvider clock)
{
    public const string SubjectType = "task";

    public sealed record ApproveInput(IReadOnlyList<Guid>? Ids);

    public sealed record ReasonInput(string? Reason);

    /// <summary>The task's confirmation as a reviewable: null reads as a draft (nothing submitted yet).</summary>
    private sealed class Reviewable(PlanTask task) : IReviewable
    {
        public string Status { get => task.Confirmation ?? ReviewStatuses.Draft; set => task.Confirmation = value; }

        public Guid Version { get => task.Version; set => task.Version = value; }

        public string ReviewedData => JsonSerializer.Serialize(new { status = task.Status, percent = task.Percent, reportedOn = task.LastReportedOn });
    }

    /// <summary>
    /// Called by <see cref="RecordProgress"/> when an update becomes the task's latest: "done" from the agency is submitted for
    /// confirmation; "done" from the standing agency itself is confirmed at once; anything else clears a pending confirmation.
    /// </summary>
    public static void AfterProgress(AppDbContext db, PlanTask task, bool byStandingAgency, CurrentUser actor, DateTime now)
    {
        var review = new Reviewable(task);
        if (task.Status != TaskStatuses.Done)
        {
            task.Confirmation = null;
            return;
        }

        if (task.Confirmation is ReviewStatuses.Submitted or ReviewStatuses.Approved)
            return;
        task.Confirmation = ReviewStatuses.Draft;
        ReviewFlow.Transition(db, SubjectType, task.Id.ToString(), review, ReviewFlow.Submit, null, actor, now);
        if (byStandingAgency)
            ReviewFlow.Transition(db, SubjectType, task.Id.ToString(), review, ReviewFlow.Approve, null, actor, now);
    }

    public async Task<Result<int>> ApproveAsync(ApproveInput input, CancellationToken ct)
    {
        var ids = input.Ids?.Distinct().ToList() ?? [];
        if (ids.Count is 0 or > 500)
            return new Failure.Invalid("ids", "Chọn từ 1 đến 500 nhiệm vụ để xác nhận.");
        var tasks = await scope.Tasks(tracking: true).Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        if (tasks.Count != ids.Count)
            return new Failure.Invalid("ids", "Có nhiệm vụ không tồn tại hoặc ngoài phạm vi quản lý.");
        if (tasks.FirstOrDefault(t => t.Confirmation != ReviewStatuses.Submitted) is { } notPending)
            return new Failure.Conflict($"Nhiệm vụ \"{Short(notPending.Title)}\" không ở trạng thái chờ xác nhận hoàn thành.");
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var task in tasks)
            ReviewFlow.Transition(db, SubjectType, task.Id.ToString(), new Reviewable(task), ReviewFlow.Approve, null, user, now);
        await db.SaveChangesAsync(ct);
        return tasks.Count;
    }

    public Task<Result<bool>> ReturnAsync(Guid id, ReasonInput input, CancellationToken ct) =>
        BackToWorkAsync(id, input, ReviewFlow.Return, ReviewStatuses.Submitted, "Nhiệm vụ không ở trạng thái chờ xác nhận hoàn thành.", "Trả lại kết quả", ct);

    public Task<Result<bool>> ReopenAsync(Guid id, ReasonInput input, CancellationToken ct) =>
        BackToWorkAsync(id, input, ReviewFlow.Reopen, ReviewStatuses.Approved, "Chỉ mở lại được nhiệm vụ đã xác nhận hoàn thành.", "Mở lại nhiệm vụ", ct);

    /// <summary>
    /// Return or reopen: the task is in progress again at the percent of its last update before the completion, and the step is
    /// written both to the review history (with the reason) and to the progress history the agency reads.
    /// </summary>
    private async Task<Result<bool>> BackToWorkAsync(Guid id, ReasonInput input, string action, string expected, string wrongState, string label, CancellationToken ct)
    {
        if (!scope.ManagesPlans)
            return new Failure.Forbidden();
        var task = await scope.Tasks(tracking: true).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
            return new Failure.NotFound();
        if (task.Confirmation != expected)
            return new Failure.Conflict(wrongState);
        var now = clock.GetUtcNow().UtcDateTime;
        if (ReviewFlow.Transition(db, SubjectType, task.Id.ToString(), new Reviewable(task), action, input.Reason, user, now) is { } failure)
            return failure;

        var before = await db.TaskProgress.AsNoTracking().Where(p => p.TaskId == id && p.Status != TaskStatuses.Done)
            .OrderByDescending(p => p.ReportedOn).ThenByDescending(p => p.At).Select(p => (int?)p.Percent).FirstOrDefaultAsync(ct) ?? 0;
        // Dated like the completion it answers, so the agency's next update (any later date) becomes the latest again.
        var on = task.LastReportedOn ?? scope.Today;
        task.Status = TaskStatuses.InProgress;
        task.Percent = Math.Min(before, 99);
        task.LastReportedOn = on;
        db.TaskProgress.Add(new TaskProgress
        {
            TaskId = task.Id,
            ReportedOn = on,
            Percent = task.Percent,
            Status = TaskStatuses.InProgress,
            Note = $"{label}: {input.Reason!.Trim()}",
            UserName = user.UserName,
            At = now,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static string Short(string title) => title.Length <= 80 ? title : title[..79] + "…";
}

/// <summary>Vietnamese names of a task's confirmation state and of its steps.</summary>
public static class TaskConfirmationText
{
    public static string Of(string? confirmation) => confirmation switch
    {
        ReviewStatuses.Submitted => "Đã báo cáo hoàn thành, chờ xác nhận",
        ReviewStatuses.Returned => "Bị trả lại",
        ReviewStatuses.Approved => "Đã xác nhận hoàn thành",
        _ => "",
    };

    public static string Step(string action) => action switch
    {
        ReviewFlow.Submit => "Báo cáo hoàn thành",
        ReviewFlow.Approve => "Xác nhận hoàn thành",
        ReviewFlow.Return => "Trả lại",
        ReviewFlow.Reopen => "Mở lại",
        _ => ReviewFlow.DisplayName(action),
    };
}
