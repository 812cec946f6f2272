using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmt.Features.Reports;

namespace Pcmt.Features.Plans;

/// <summary>
/// Lần giải ngân: one dated disbursement of a budget line (amount, date, note), so a report can say how much was disbursed
/// within its period. Each entry adds to the line's running total <see cref="BudgetLine.DisbursedVnd"/>.
/// </summary>
public sealed class BudgetDisbursement
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PlanId { get; set; }

    public string ProjectCode { get; set; } = "";

    public int Year { get; set; }

    public string Source { get; set; } = "";

    public string ProvinceCode { get; set; } = "";

    public DateOnly On { get; set; }

    public long AmountVnd { get; set; }

    public string Note { get; set; } = "";

    public string UserName { get; set; } = "";

    public DateTime At { get; set; }
}

public sealed class BudgetDisbursementConfiguration : IEntityTypeConfiguration<BudgetDisbursement>
{
    public void Configure(EntityTypeBuilder<BudgetDisbursement> builder)
    {
        builder.ToTable("budget_disbursements");
        builder.Property(d => d.ProjectCode).HasMaxLength(20);
        builder.Property(d => d.Source).HasMaxLength(30);
        builder.Property(d => d.ProvinceCode).HasMaxLength(2);
        builder.Property(d => d.Note).HasMaxLength(1000);
        builder.Property(d => d.UserName).HasMaxLength(256);
        builder.HasOne<BudgetLine>().WithMany().HasForeignKey(d => new { d.PlanId, d.ProjectCode, d.Year, d.Source }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.PlanId, d.ProjectCode, d.Year, d.Source, d.On });
    }
}

/// <summary>The key of a budget line in routes and forms: project, year, source.</summary>
public sealed record BudgetKey(string? ProjectCode, int? Year, string? Source);

/// <summary>
/// Xác nhận số liệu kinh phí: the agency that spends a line submits its figures (allocated, disbursed, dated disbursements); the
/// provincial standing agency confirms them (in bulk), returns them with a reason, or reopens confirmed figures with a reason.
/// A submitted or confirmed line is locked. The transitions and the history are the periodic reports' <see cref="ReviewFlow"/>
/// (reference-systems (e) 7 and 9: one review fabric), applied to <see cref="BudgetLine.Confirmation"/>.
/// </summary>
public sealed class ConfirmBudget(AppDbContext db, PlanScope scope, CurrentUser user, TimeProvider clock)
{
    public const string SubjectType = "budget";

    public sealed record ApproveInput(IReadOnlyList<BudgetKey>? Lines);

    public sealed record ReasonInput(string? Reason);

    public sealed record DisbursementInput(decimal? AmountVnd, DateOnly? On, string? Note);

    /// <summary>The figures as confirmed: kept in the history at each approval, read back by the agency report's pre-fill.</summary>
    public sealed record Figures(long AllocatedVnd, long DisbursedVnd, IReadOnlyList<Dated> Disbursements);

    public sealed record Dated(DateOnly On, long AmountVnd);

    /// <summary>
    /// The review subject id of a line: the composite key hashed to a fixed length (the history's subject id holds 64 characters,
    /// the key up to ~90).
    /// </summary>
    public static string SubjectId(Guid planId, string projectCode, int year, string source) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{planId:N}|{projectCode}|{year}|{source}")).AsSpan(0, 16)).ToString();

    public static string SubjectId(BudgetLine line) => SubjectId(line.PlanId, line.ProjectCode, line.Year, line.Source);

    /// <summary>A line's confirmation as a reviewable: null reads as a draft (nothing submitted yet).</summary>
    private sealed class Reviewable(BudgetLine line, IReadOnlyList<Dated> disbursements) : IReviewable
    {
        public string Status { get => line.Confirmation ?? ReviewStatuses.Draft; set => line.Confirmation = value; }

        public Guid Version { get => line.Version; set => line.Version = value; }

        public string ReviewedData => JsonSerializer.Serialize(new Figures(line.AllocatedVnd, line.DisbursedVnd, disbursements), ReportJson.Options);
    }

    /// <summary>The edit lock: figures that are submitted or confirmed are not changed (409) until returned or reopened.</summary>
    public static Failure? Locked(BudgetLine line) => line.Confirmation switch
    {
        ReviewStatuses.Approved => new Failure.Conflict("Số liệu kinh phí của dòng này đã được cơ quan thường trực xác nhận và khóa; đề nghị cơ quan thường trực mở lại trước khi sửa."),
        ReviewStatuses.Submitted => new Failure.Conflict("Số liệu kinh phí đã gửi, đang chờ cơ quan thường trực xác nhận; không sửa được cho đến khi bị trả lại."),
        _ => null,
    };

    public async Task<Result<bool>> SubmitAsync(Guid planId, BudgetKey key, CancellationToken ct)
    {
        var line = await LineAsync(planId, key, forAgency: true, ct);
        if (line.Failure is { } missing)
            return missing;
        var found = line.Value!;
        if (found.Confirmation is ReviewStatuses.Submitted or ReviewStatuses.Approved)
            return Locked(found)!;
        found.Confirmation ??= ReviewStatuses.Draft;
        var now = clock.GetUtcNow().UtcDateTime;
        ReviewFlow.Transition(db, SubjectType, SubjectId(found), new Reviewable(found, []), ReviewFlow.Submit, null, user, now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Result<int>> ApproveAsync(Guid planId, ApproveInput input, CancellationToken ct)
    {
        if (!scope.ManagesPlans)
            return new Failure.Forbidden();
        if (!await scope.Plans().AnyAsync(p => p.Id == planId, ct))
            return new Failure.NotFound();
        var keys = input.Lines?.Where(k => k is not null).Distinct().ToList() ?? [];
        if (keys.Count is 0 or > 500)
            return new Failure.Invalid("lines", "Chọn từ 1 đến 500 dòng kinh phí để xác nhận.");
        var lines = new List<BudgetLine>();
        foreach (var key in keys)
        {
            var project = Projects.Normalize(key.ProjectCode ?? "");
            var line = project is null ? null : await scope.Budget(tracking: true)
                .FirstOrDefaultAsync(b => b.PlanId == planId && b.ProjectCode == project && b.Year == key.Year && b.Source == key.Source, ct);
            if (line is null)
                return new Failure.Invalid("lines", $"Không tìm thấy dòng kinh phí {key.ProjectCode}/{key.Year}/{key.Source} của kế hoạch.");
            if (line.Confirmation != ReviewStatuses.Submitted)
                return new Failure.Conflict($"Dòng kinh phí {Projects.NameOf(line.ProjectCode)} năm {line.Year} ({BudgetSources.Names.GetValueOrDefault(line.Source, line.Source)}) không ở trạng thái chờ xác nhận.");
            if (!lines.Contains(line))
                lines.Add(line);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var line in lines)
            ReviewFlow.Transition(db, SubjectType, SubjectId(line), new Reviewable(line, await DatedAsync(line, ct)), ReviewFlow.Approve, null, user, now);
        await db.SaveChangesAsync(ct);
        return lines.Count;
    }

    public Task<Result<bool>> ReturnAsync(Guid planId, BudgetKey key, ReasonInput input, CancellationToken ct) =>
        BackAsync(planId, key, input, ReviewFlow.Return, ReviewStatuses.Submitted, "Dòng kinh phí không ở trạng thái chờ xác nhận.", ct);

    public Task<Result<bool>> ReopenAsync(Guid planId, BudgetKey key, ReasonInput input, CancellationToken ct) =>
        BackAsync(planId, key, input, ReviewFlow.Reopen, ReviewStatuses.Approved, "Chỉ mở lại được dòng kinh phí đã xác nhận.", ct);

    private async Task<Result<bool>> BackAsync(Guid planId, BudgetKey key, ReasonInput input, string action, string expected, string wrongState, CancellationToken ct)
    {
        if (!scope.ManagesPlans)
            return new Failure.Forbidden();
        var line = await LineAsync(planId, key, forAgency: false, ct);
        if (line.Failure is { } missing)
            return missing;
        var found = line.Value!;
        if (found.Confirmation != expected)
            return new Failure.Conflict(wrongState);
        if (ReviewFlow.Transition(db, SubjectType, SubjectId(found), new Reviewable(found, []), action, input.Reason, user, clock.GetUtcNow().UtcDateTime) is { } failure)
            return failure;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Records a dated disbursement: the running total grows by the amount and may not exceed the allocation.</summary>
    public async Task<Result<Guid>> AddDisbursementAsync(Guid planId, BudgetKey key, DisbursementInput input, CancellationToken ct)
    {
        var line = await LineAsync(planId, key, forAgency: true, ct);
        if (line.Failure is { } missing)
            return missing;
        var found = line.Value!;
        var errors = new Dictionary<string, string[]>();
        var amount = Amounts.Check(input.AmountVnd, "amountVnd", "Số tiền giải ngân", errors, required: true);
        if (amount is 0)
            errors["amountVnd"] = ["Số tiền giải ngân phải lớn hơn 0."];
        if (input.On is not { } on)
            errors["on"] = ["Bắt buộc nhập ngày giải ngân."];
        else if (on > scope.Today)
            errors["on"] = ["Ngày giải ngân không được sau ngày hôm nay."];
        else if (on.Year < found.Year)
            errors["on"] = [$"Ngày giải ngân phải từ 01/01/{found.Year} (năm của dòng kinh phí)."];
        var note = input.Note?.Trim() ?? "";
        if (note.Length > 1000)
            errors["note"] = ["Ghi chú tối đa 1.000 ký tự."];
        if (amount is > 0 && found.DisbursedVnd + amount > found.AllocatedVnd)
            errors["amountVnd"] = ["Tổng đã giải ngân không được lớn hơn kinh phí được giao."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        if (Locked(found) is { } locked)
            return locked;

        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new BudgetDisbursement
        {
            PlanId = found.PlanId,
            ProjectCode = found.ProjectCode,
            Year = found.Year,
            Source = found.Source,
            ProvinceCode = found.ProvinceCode,
            On = input.On!.Value,
            AmountVnd = amount!.Value,
            Note = note,
            UserName = user.UserName,
            At = now,
        };
        db.Add(entry);
        found.DisbursedVnd += amount.Value;
        found.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return entry.Id;
    }

    /// <summary>
    /// The line in the caller's scope: an agency reaches only the lines it spends (another agency's line is not found); the
    /// standing agency every line of its province's plans.
    /// </summary>
    private async Task<Result<BudgetLine>> LineAsync(Guid planId, BudgetKey key, bool forAgency, CancellationToken ct)
    {
        if (!scope.ManagesPlans && (!forAgency || user.AgencyCode is null))
            return new Failure.Forbidden();
        var project = Projects.Normalize(key.ProjectCode ?? "");
        var line = project is null ? null : await scope.Budget(tracking: true)
            .FirstOrDefaultAsync(b => b.PlanId == planId && b.ProjectCode == project && b.Year == key.Year && b.Source == key.Source, ct);
        if (line is null || (!scope.ManagesPlans && line.AgencyCode != user.AgencyCode))
            return new Failure.NotFound();
        return line;
    }

    /// <summary>For the budget page: the review history and the dated disbursements of the lines the caller sees.</summary>
    public async Task<(Dictionary<string, List<ReviewEvent>> History, List<BudgetDisbursement> Disbursements)> DetailsAsync(Guid planId, IReadOnlyList<GetBudget.Line> lines, CancellationToken ct)
    {
        var ids = lines.Select(l => SubjectId(planId, l.ProjectCode, l.Year, l.Source)).ToList();
        var history = (await db.Set<ReviewEvent>().AsNoTracking().Where(e => e.SubjectType == SubjectType && ids.Contains(e.SubjectId)).OrderBy(e => e.Id).ToListAsync(ct))
            .GroupBy(e => e.SubjectId).ToDictionary(g => g.Key, g => g.ToList());
        var keys = lines.Select(l => (l.ProjectCode, l.Year, l.Source)).ToHashSet();
        var disbursements = (await db.Set<BudgetDisbursement>().AsNoTracking().Where(d => d.PlanId == planId).OrderBy(d => d.On).ThenBy(d => d.At).Take(5000).ToListAsync(ct))
            .Where(d => keys.Contains((d.ProjectCode, d.Year, d.Source))).ToList();
        return (history, disbursements);
    }

    private async Task<List<Dated>> DatedAsync(BudgetLine line, CancellationToken ct) =>
        (await db.Set<BudgetDisbursement>().AsNoTracking()
            .Where(d => d.PlanId == line.PlanId && d.ProjectCode == line.ProjectCode && d.Year == line.Year && d.Source == line.Source)
            .OrderBy(d => d.On).Select(d => new { d.On, d.AmountVnd }).ToListAsync(ct))
        .Select(d => new Dated(d.On, d.AmountVnd)).ToList();
}

/// <summary>Vietnamese names of a budget line's confirmation state and of its steps.</summary>
public static class BudgetConfirmationText
{
    public static string Of(string? confirmation) => confirmation switch
    {
        ReviewStatuses.Submitted => "Đã gửi, chờ xác nhận",
        ReviewStatuses.Returned => "Bị trả lại",
        ReviewStatuses.Approved => "Đã xác nhận",
        _ => "Chưa gửi",
    };

    public static string Step(string action) => action switch
    {
        ReviewFlow.Submit => "Gửi số liệu",
        ReviewFlow.Approve => "Xác nhận số liệu",
        ReviewFlow.Return => "Trả lại",
        ReviewFlow.Reopen => "Mở lại",
        _ => ReviewFlow.DisplayName(action),
    };
}
