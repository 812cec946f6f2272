using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Reports;

/// <summary>Submit (reporter), return with a reason, approve (locks), reopen with a reason (reviewer); bulk approval.</summary>
public sealed class ReviewReport(AppDbContext db, ReportAccess access, GetReport get, TimeProvider clock)
{
    public sealed record BulkResult(IReadOnlyList<Guid> Approved, IReadOnlyList<BulkFailure> Failed);

    public sealed record BulkFailure(Guid Id, string Reason);

    /// <summary>
    /// Gửi báo cáo: every required field filled, and each bound field whose reported value differs from PCMT's figure carries a
    /// note explaining the difference (reconciliation with the registry before the report goes up).
    /// </summary>
    public async Task<Result<bool>> SubmitAsync(Guid id, CancellationToken ct)
    {
        if (!access.User.Can(Permissions.FillReports))
            return new Failure.Forbidden();
        var report = await access.Visible().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
            return new Failure.NotFound();
        if (!access.CanFill(report.ReporterKind, report.ReporterCode, report.ProvinceCode))
            return new Failure.Forbidden();
        if (!ReviewFlow.IsEditable(report))
            return new Failure.Conflict($"Báo cáo đang ở trạng thái \"{ReviewStatuses.DisplayName(report.Status)}\", không gửi lại được.");

        var view = await get.ViewAsync(report, ct);
        var errors = new Dictionary<string, string[]>();
        foreach (var field in view.Template.Fields.Where(f => f.Required))
        {
            var filled = view.Values.TryGetValue(field.Code, out var v) && v.ValueKind switch
            {
                System.Text.Json.JsonValueKind.String => !string.IsNullOrWhiteSpace(v.GetString()),
                System.Text.Json.JsonValueKind.Array => v.GetArrayLength() > 0,
                System.Text.Json.JsonValueKind.Number => true,
                _ => false,
            };
            if (!filled)
                errors[$"values[{field.Code}]"] = [$"Chưa nhập \"{field.Label}\" (bắt buộc)."];
        }

        foreach (var code in view.Differences.Where(c => string.IsNullOrWhiteSpace(view.Notes.GetValueOrDefault(c))))
        {
            var field = view.Template.Field(code)!;
            errors[$"notes[{code}]"] = [$"\"{field.Label}\": số báo cáo {view.Values[code]} khác số hệ thống tính {view.Computed[code]}; vui lòng ghi chú giải thích."];
        }

        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        return await TransitionAsync(report, ReviewFlow.Submit, null, ct);
    }

    public async Task<Result<bool>> ReturnAsync(Guid id, string? reason, CancellationToken ct) => await ReviewAsync(id, ReviewFlow.Return, reason, ct);

    public async Task<Result<bool>> ApproveAsync(Guid id, CancellationToken ct) => await ReviewAsync(id, ReviewFlow.Approve, null, ct);

    /// <summary>Mở lại a locked report: only its approver level, with a reason; the approved version stays in the history.</summary>
    public async Task<Result<bool>> ReopenAsync(Guid id, string? reason, CancellationToken ct) => await ReviewAsync(id, ReviewFlow.Reopen, reason, ct);

    public async Task<Result<BulkResult>> ApproveManyAsync(IReadOnlyList<Guid>? ids, CancellationToken ct)
    {
        if (!access.ReviewsAnything)
            return new Failure.Forbidden();
        if (ids is not { Count: > 0 and <= 500 })
            return new Failure.Invalid("ids", "Chọn từ 1 đến 500 báo cáo để phê duyệt.");
        var approved = new List<Guid>();
        var failed = new List<BulkFailure>();
        foreach (var id in ids.Distinct())
        {
            var result = await ApproveAsync(id, ct);
            if (result.Succeeded)
                approved.Add(id);
            else
                failed.Add(new BulkFailure(id, result.Failure switch
                {
                    Failure.Conflict c => c.Message,
                    Failure.NotFound => "Không tìm thấy báo cáo.",
                    _ => "Không có quyền phê duyệt báo cáo này.",
                }));
            db.ChangeTracker.Clear();
        }

        return new BulkResult(approved, failed);
    }

    private async Task<Result<bool>> ReviewAsync(Guid id, string action, string? reason, CancellationToken ct)
    {
        if (!access.ReviewsAnything)
            return new Failure.Forbidden();
        var report = await access.Visible().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
            return new Failure.NotFound();
        if (!access.CanReview(report.ReporterKind, report.ProvinceCode))
            return new Failure.Forbidden();
        return await TransitionAsync(report, action, reason, ct);
    }

    private async Task<Result<bool>> TransitionAsync(Report report, string action, string? reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (ReviewFlow.Transition(db, Report.SubjectType, report.Id.ToString(), report, action, reason, access.User, now) is { } failure)
            return failure;
        if (action == ReviewFlow.Submit)
            report.SubmittedAt ??= now;
        if (action == ReviewFlow.Approve)
            report.ApprovedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Failure.Conflict("Báo cáo vừa được người khác thay đổi. Vui lòng tải lại.");
        }

        return true;
    }
}
