using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;

namespace Pcmt.Features.Plans;

/// <summary>Lập kế hoạch: the provincial standing agency records a plan or scheme of its province.</summary>
public sealed class CreatePlan(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    public sealed record Input(string? ProvinceCode, string? Title, string? DocumentNumber, DateOnly? IssuedOn, int? FromYear, int? ToYear, decimal? TotalBudgetVnd);

    public async Task<Result<Guid>> HandleAsync(Input input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var province = input.ProvinceCode?.Trim();
        if (string.IsNullOrEmpty(province) || !await db.AdministrativeUnits.AnyAsync(u => u.Code == province && u.Level == UnitLevel.Province && u.ValidTo == null, cancellationToken))
            errors["provinceCode"] = ["Mã tỉnh không đúng hoặc không còn hiệu lực."];
        else if (!user.SeesWholeInstallation && user.ProvinceCode != province)
            errors["provinceCode"] = ["Chỉ lập được kế hoạch của tỉnh mình."];
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > 500)
            errors["title"] = ["Bắt buộc nhập tên kế hoạch (tối đa 500 ký tự)."];
        if (string.IsNullOrWhiteSpace(input.DocumentNumber) || input.DocumentNumber.Trim().Length > 100)
            errors["documentNumber"] = ["Bắt buộc nhập số văn bản (tối đa 100 ký tự)."];
        if (input.IssuedOn is not { Year: >= Deadline.MinYear and <= Deadline.MaxYear })
            errors["issuedOn"] = ["Ngày ban hành không hợp lệ."];
        if (input.FromYear is not (>= Deadline.MinYear and <= Deadline.MaxYear))
            errors["fromYear"] = ["Năm bắt đầu phải từ 2000 đến 2100."];
        if (input.ToYear is not (>= Deadline.MinYear and <= Deadline.MaxYear) || input.ToYear < input.FromYear)
            errors["toYear"] = ["Năm kết thúc phải từ 2000 đến 2100 và không trước năm bắt đầu."];
        var total = Amounts.Check(input.TotalBudgetVnd, "totalBudgetVnd", "Tổng kinh phí", errors, required: false);
        if (errors.Count > 0)
            return new Failure.Invalid(errors);

        var plan = new Plan
        {
            ProvinceCode = province!,
            Title = input.Title!.Trim(),
            DocumentNumber = input.DocumentNumber!.Trim(),
            IssuedOn = input.IssuedOn!.Value,
            FromYear = input.FromYear!.Value,
            ToYear = input.ToYear!.Value,
            TotalBudgetVnd = total,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return plan.Id;
    }
}

/// <summary>Giao nhiệm vụ: a task of a plan, to a lead agency with partners, due on a date or by the end of a period.</summary>
public sealed class AddTask(AppDbContext db, PlanScope scope, TimeProvider clock)
{
    public sealed record Input(string? Title, string? Section, string? LeadAgency, IReadOnlyList<string>? PartnerAgencies, string? Due, string? ProjectCode, string? Recurrence);

    public sealed record Added(Guid Id, DateOnly DueOn, int Occurrences);

    public async Task<Result<Added>> HandleAsync(Guid planId, Input input, CancellationToken cancellationToken)
    {
        var plan = await scope.Plans().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
            return new Failure.NotFound();
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.ProvinceCode == plan.ProvinceCode).Select(a => a.Code).ToListAsync(cancellationToken);
        var result = Validate(input, new HashSet<string>(agencies, StringComparer.Ordinal), out var task);
        if (!result.Succeeded)
            return result.Failure;

        var added = Occurrences(plan, task!, clock.GetUtcNow().UtcDateTime);
        db.PlanTasks.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        return new Added(added[0].Id, added[0].DueOn, added.Count);
    }

    /// <summary>Checks a task against the plan's agencies; the same rules for the form, the API and each imported row.</summary>
    public static Result<bool> Validate(Input input, IReadOnlySet<string> agencies, out PlanTask? task)
    {
        task = null;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > 2000)
            errors["title"] = ["Bắt buộc nhập nội dung nhiệm vụ (tối đa 2.000 ký tự)."];
        if (input.Section is { Length: > 300 })
            errors["section"] = ["Mục của kế hoạch tối đa 300 ký tự."];
        var lead = input.LeadAgency?.Trim();
        if (string.IsNullOrEmpty(lead))
            errors["leadAgency"] = ["Bắt buộc chọn cơ quan chủ trì."];
        else if (!agencies.Contains(lead))
            errors["leadAgency"] = [$"Không tìm thấy cơ quan chủ trì '{lead}' trong các cơ quan của tỉnh."];
        var partners = (input.PartnerAgencies ?? []).Select(p => p?.Trim() ?? "").Where(p => p.Length > 0).Distinct().ToList();
        if (partners.FirstOrDefault(p => !agencies.Contains(p)) is { } unknown)
            errors["partnerAgencies"] = [$"Không tìm thấy cơ quan phối hợp '{unknown}' trong các cơ quan của tỉnh."];
        var dueOn = Deadline.Parse(input.Due);
        if (dueOn is null)
            errors["due"] = [Deadline.FormatMessage];
        string? project = null;
        if (!string.IsNullOrWhiteSpace(input.ProjectCode) && (project = Projects.Normalize(input.ProjectCode)) is null)
            errors["projectCode"] = ["Mã dự án phải là một trong: " + string.Join(", ", Projects.All.Select(p => p.Code)) + "."];
        var recurrence = string.IsNullOrWhiteSpace(input.Recurrence) ? Recurrences.None : input.Recurrence.Trim();
        if (!Recurrences.Names.ContainsKey(recurrence))
            errors["recurrence"] = ["Lặp lại phải là một trong: " + string.Join(", ", Recurrences.Names.Keys) + "."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);

        task = new PlanTask
        {
            Title = input.Title!.Trim(),
            Section = string.IsNullOrWhiteSpace(input.Section) ? null : input.Section.Trim(),
            LeadAgencyCode = lead!,
            PartnerAgencyCodes = string.Join(",", partners.Where(p => p != lead)),
            DueText = input.Due!.Trim(),
            DueOn = dueOn!.Value,
            ProjectCode = project,
            Recurrence = recurrence,
        };
        return true;
    }

    /// <summary>One task per occurrence through the plan's last year (a single one when the task does not recur).</summary>
    public static List<PlanTask> Occurrences(Plan plan, PlanTask template, DateTime now)
    {
        var days = Deadline.Occurrences(template.DueOn, template.Recurrence, Math.Max(plan.ToYear, template.DueOn.Year));
        var tasks = new List<PlanTask>();
        Guid? series = days.Count > 1 ? Guid.CreateVersion7() : null;
        foreach (var day in days)
        {
            tasks.Add(new PlanTask
            {
                PlanId = plan.Id,
                ProvinceCode = plan.ProvinceCode,
                Title = template.Title,
                Section = template.Section,
                LeadAgencyCode = template.LeadAgencyCode,
                PartnerAgencyCodes = template.PartnerAgencyCodes,
                DueText = day == template.DueOn ? template.DueText : day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                DueOn = day,
                ProjectCode = template.ProjectCode,
                Recurrence = template.Recurrence,
                SeriesId = series,
                CreatedAt = now,
            });
        }

        if (series is not null)
        {
            tasks[0].Id = series.Value;
            foreach (var task in tasks)
                task.SeriesId = series;
        }

        return tasks;
    }
}

/// <summary>Báo cáo tiến độ: the lead agency (or the provincial standing agency) records progress, with evidence files.</summary>
public sealed class RecordProgress(AppDbContext db, PlanScope scope, CurrentUser user, TimeProvider clock)
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxFiles = 5;

    public sealed record Input(DateOnly? ReportedOn, decimal? Percent, string? Status, string? Note);

    public sealed record Evidence(string FileName, string? ContentType, byte[] Content);

    public async Task<Result<Guid>> HandleAsync(Guid taskId, Input input, IReadOnlyList<Evidence> files, CancellationToken cancellationToken)
    {
        var task = await scope.Tasks(tracking: true).FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
            return new Failure.NotFound();
        if (!scope.ManagesPlans && user.AgencyCode != task.LeadAgencyCode)
            return new Failure.NotFound();

        var errors = new Dictionary<string, string[]>();
        var today = scope.Today;
        if (input.ReportedOn is not { } reportedOn || reportedOn.Year < Deadline.MinYear)
            errors["reportedOn"] = ["Bắt buộc nhập ngày báo cáo hợp lệ."];
        else if (reportedOn > today)
            errors["reportedOn"] = ["Ngày báo cáo không được sau ngày hôm nay."];
        int percent = 0;
        if (input.Percent is not { } p || p < 0 || p > 100 || p != decimal.Truncate(p))
            errors["percent"] = ["Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100."];
        else
            percent = (int)p;
        var status = string.IsNullOrWhiteSpace(input.Status) ? TaskStatuses.FromPercent(percent) : input.Status.Trim();
        if (!TaskStatuses.Names.ContainsKey(status))
            errors["status"] = ["Trạng thái phải là một trong: " + string.Join(", ", TaskStatuses.Names.Keys) + "."];
        else if (!errors.ContainsKey("percent") && status == TaskStatuses.Done && percent != 100)
            errors["status"] = ["Nhiệm vụ hoàn thành phải có tỷ lệ 100%."];
        else if (!errors.ContainsKey("percent") && status != TaskStatuses.Done && percent == 100)
            errors["status"] = ["Tỷ lệ 100% nghĩa là đã hoàn thành: chọn trạng thái Hoàn thành."];
        if (input.Note is { Length: > 4000 })
            errors["note"] = ["Nội dung báo cáo tối đa 4.000 ký tự."];
        if (files.Count > MaxFiles)
            errors["files"] = [$"Tối đa {MaxFiles} tệp minh chứng mỗi lần báo cáo."];
        else if (files.FirstOrDefault(f => f.Content.Length == 0 || f.Content.Length > MaxFileBytes) is { } bad)
            errors["files"] = [$"Tệp '{bad.FileName}' rỗng hoặc lớn hơn 10 MB."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        var latest = task.LastReportedOn is null || input.ReportedOn!.Value >= task.LastReportedOn;
        if (latest && task.Confirmation == Reports.ReviewStatuses.Approved && !scope.ManagesPlans)
            return new Failure.Conflict("Nhiệm vụ đã được cơ quan thường trực xác nhận hoàn thành; đề nghị cơ quan thường trực mở lại trước khi báo cáo tiếp.");

        var now = clock.GetUtcNow().UtcDateTime;
        var progress = new TaskProgress
        {
            TaskId = task.Id,
            ReportedOn = input.ReportedOn!.Value,
            Percent = percent,
            Status = status,
            Note = input.Note?.Trim() ?? "",
            UserName = user.UserName,
            At = now,
        };
        db.TaskProgress.Add(progress);
        foreach (var file in files)
            db.TaskEvidence.Add(NewEvidence(task.Id, progress.Id, file, now));

        // The latest report (by its date) sets the task's state; an earlier one backfilled later only joins the history.
        if (latest)
        {
            task.Status = status;
            task.Percent = percent;
            task.LastReportedOn = progress.ReportedOn;
            ConfirmTasks.AfterProgress(db, task, scope.ManagesPlans, user, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return progress.Id;
    }

    /// <summary>Attaches one more file to an earlier progress update of a visible task.</summary>
    public async Task<Result<Guid>> AttachAsync(Guid taskId, Guid progressId, Evidence file, CancellationToken cancellationToken)
    {
        var task = await scope.Tasks().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null || (!scope.ManagesPlans && user.AgencyCode != task.LeadAgencyCode))
            return new Failure.NotFound();
        if (!await db.TaskProgress.AnyAsync(p => p.Id == progressId && p.TaskId == taskId, cancellationToken))
            return new Failure.NotFound();
        if (file.Content.Length == 0 || file.Content.Length > MaxFileBytes)
            return new Failure.Invalid("file", "Tệp minh chứng rỗng hoặc lớn hơn 10 MB.");
        var evidence = NewEvidence(taskId, progressId, file, clock.GetUtcNow().UtcDateTime);
        db.TaskEvidence.Add(evidence);
        await db.SaveChangesAsync(cancellationToken);
        return evidence.Id;
    }

    private static TaskEvidence NewEvidence(Guid taskId, Guid progressId, Evidence file, DateTime now) => new()
    {
        TaskId = taskId,
        ProgressId = progressId,
        FileName = SafeFileName(file.FileName),
        ContentType = string.IsNullOrWhiteSpace(file.ContentType) || file.ContentType.Length > 200 ? "application/octet-stream" : file.ContentType,
        Size = file.Content.Length,
        Content = file.Content,
        CreatedAt = now,
    };

    private static string SafeFileName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string(file.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim();
        if (clean.Length == 0)
            clean = "minh-chung";
        return clean.Length > 200 ? clean[^200..] : clean;
    }
}

/// <summary>Cập nhật kinh phí: allocated and disbursed VND of a plan for a project, year and source.</summary>
public sealed class SetBudgetLine(AppDbContext db, PlanScope scope, CurrentUser user, TimeProvider clock)
{
    public sealed record Input(decimal? AllocatedVnd, decimal? DisbursedVnd, string? Agency, Guid? Version = null);

    public async Task<Result<bool>> HandleAsync(Guid planId, string projectCode, int year, string source, Input input, CancellationToken cancellationToken)
    {
        var plan = await scope.Plans().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
            return new Failure.NotFound();

        var errors = new Dictionary<string, string[]>();
        var project = Projects.Normalize(projectCode);
        if (project is null)
            errors["projectCode"] = ["Mã dự án phải là một trong: " + string.Join(", ", Projects.All.Select(p => p.Code)) + "."];
        if (year < plan.FromYear || year > plan.ToYear)
            errors["year"] = [$"Năm phải trong thời gian của kế hoạch ({plan.FromYear}–{plan.ToYear})."];
        if (!BudgetSources.Names.ContainsKey(source))
            errors["source"] = ["Nguồn kinh phí phải là một trong: " + string.Join(", ", BudgetSources.Names.Keys) + "."];
        var allocated = Amounts.Check(input.AllocatedVnd, "allocatedVnd", "Kinh phí được giao", errors, required: true);
        var disbursed = Amounts.Check(input.DisbursedVnd, "disbursedVnd", "Kinh phí đã giải ngân", errors, required: true);
        if (allocated is not null && disbursed is not null && disbursed > allocated)
            errors["disbursedVnd"] = ["Kinh phí đã giải ngân không được lớn hơn kinh phí được giao."];
        var agency = string.IsNullOrWhiteSpace(input.Agency) ? null : input.Agency.Trim();
        if (agency is not null && !await db.Agencies.AnyAsync(a => a.Code == agency && a.ProvinceCode == plan.ProvinceCode, cancellationToken))
            errors["agency"] = [$"Không tìm thấy cơ quan '{agency}' trong các cơ quan của tỉnh."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);

        var line = await db.BudgetLines.FirstOrDefaultAsync(b => b.PlanId == planId && b.ProjectCode == project && b.Year == year && b.Source == source, cancellationToken);
        if (!scope.ManagesPlans)
        {
            // An agency updates only lines already assigned to it, and cannot hand them to another agency.
            if (line is null || user.AgencyCode is null || line.AgencyCode != user.AgencyCode)
                return new Failure.NotFound();
            if (agency is not null && agency != line.AgencyCode)
                return new Failure.Invalid("agency", "Cơ quan không được chuyển dòng kinh phí cho cơ quan khác.");
            agency = line.AgencyCode;
        }

        if (line is not null)
        {
            // Submitted or confirmed figures are locked (the review fabric); a stale form is a conflict, never a silent overwrite.
            if (ConfirmBudget.Locked(line) is { } locked)
                return locked;
            if (input.Version is { } version)
            {
                if (version != line.Version)
                    return new Failure.Conflict("Dòng kinh phí đã được người khác thay đổi. Vui lòng tải lại trước khi lưu.");
                db.Entry(line).Property(nameof(BudgetLine.Version)).OriginalValue = version;
            }

            var dated = await db.Set<BudgetDisbursement>()
                .Where(d => d.PlanId == planId && d.ProjectCode == line.ProjectCode && d.Year == year && d.Source == source)
                .SumAsync(d => (long?)d.AmountVnd, cancellationToken) ?? 0;
            if (disbursed < dated)
                return new Failure.Invalid("disbursedVnd", $"Kinh phí đã giải ngân không được nhỏ hơn tổng các lần giải ngân đã ghi ngày ({dated.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} đồng).");
        }

        if (line is null)
        {
            line = new BudgetLine { PlanId = planId, ProjectCode = project!, Year = year, Source = source, ProvinceCode = plan.ProvinceCode };
            db.BudgetLines.Add(line);
        }

        line.AllocatedVnd = allocated!.Value;
        line.DisbursedVnd = disbursed!.Value;
        line.AgencyCode = agency;
        line.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
