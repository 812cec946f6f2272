namespace Pcmt.Features.Plans;

public static class PlansApi
{
    public static void MapPlansApi(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Plans");

        plans.MapGet("/", (PlanOverview overview, int? page, int? pageSize, CancellationToken ct) =>
                PagedResults.ListAsync(page, pageSize, paging => overview.ListAsync(paging, ct)))
            .RequireAuthorization(Permissions.ViewPlans)
            .WithSummary("Các kế hoạch, đề án của tỉnh.");

        plans.MapPost("/", async (CreatePlan create, CreatePlan.Input input, CancellationToken ct) =>
                (await create.HandleAsync(input, ct)).ToHttpResult(id => TypedResults.Created($"/api/v1/plans/{id}", new { id })))
            .RequireAuthorization(Permissions.ManagePlans)
            .WithSummary("Lập kế hoạch hoặc đề án của tỉnh.");

        plans.MapGet("/{id:guid}", async (PlanOverview overview, Guid id, CancellationToken ct) =>
                await overview.HandleAsync(id, ct) is { } plan ? Results.Ok(plan) : Problems.NotFound())
            .RequireAuthorization(Permissions.ViewPlans)
            .WithSummary("Tổng quan kế hoạch: các mục với số nhiệm vụ theo trạng thái, tổng hợp kinh phí.");

        plans.MapPost("/{id:guid}/tasks", async (AddTask add, Guid id, AddTask.Input input, CancellationToken ct) =>
                (await add.HandleAsync(id, input, ct)).ToHttpResult(t => TypedResults.Created($"/api/v1/tasks/{t.Id}", new { id = t.Id, dueOn = t.DueOn, occurrences = t.Occurrences })))
            .RequireAuthorization(Permissions.ManagePlans)
            .WithSummary("Giao nhiệm vụ: thời hạn là một ngày hoặc một kỳ (2026, 2026H1, 2026Q4, 202611) nghĩa là ngày cuối kỳ.");

        plans.MapPost("/{id:guid}/tasks/import", async (ImportTasks import, Guid id, IFormFile? file, CancellationToken ct) =>
            {
                if (file is null || file.Length == 0)
                    return Problems.Validation("file", "Vui lòng chọn tệp Excel (.xlsx) cần nhập.");
                if (file.Length > ImportTasks.MaxBytes)
                    return Problems.Validation("file", "Tệp lớn hơn 5 MB.");
                await using var stream = file.OpenReadStream();
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, ct);
                buffer.Position = 0;
                var result = await import.HandleAsync(id, buffer, ct);
                if (result.Succeeded && result.Value.Errors.Count > 0)
                {
                    return Problems.Validation(result.Value.Errors.ToDictionary(e => $"rows.{e.Row}", e => new[] { $"Dòng {e.Row}: {e.Message}" }));
                }

                return result.ToHttpResult(o => TypedResults.Ok(new { imported = o.Imported }));
            })
            .DisableAntiforgery()
            .RequireAuthorization(Permissions.ManagePlans)
            .WithSummary("Nhập bảng nhiệm vụ từ Excel (nội dung, cơ quan chủ trì, cơ quan phối hợp, thời hạn, dự án): có dòng lỗi thì không nhập dòng nào.");

        plans.MapGet("/{id:guid}/tasks/export", async (ExportTasks export, Guid id, CancellationToken ct) =>
                await export.HandleAsync(id, ct) is { } bytes ? Results.File(bytes, ExportTasks.ContentType, "theo-doi-nhiem-vu.xlsx") : Problems.NotFound())
            .RequireAuthorization(Permissions.ViewPlans)
            .WithSummary("Xuất bảng theo dõi nhiệm vụ (.xlsx).");

        plans.MapPut("/{id:guid}/budget/{projectCode}/{year:int}/{source}", async (SetBudgetLine set, Guid id, string projectCode, int year, string source, SetBudgetLine.Input input, CancellationToken ct) =>
                (await set.HandleAsync(id, projectCode, year, source, input, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Permissions.RecordTaskProgress)
            .WithSummary("Kinh phí được giao và đã giải ngân (đồng) của một dự án, năm, nguồn; cơ quan chỉ cập nhật dòng của mình.");

        plans.MapGet("/{id:guid}/budget", async (GetBudget budget, Guid id, int? year, CancellationToken ct) =>
                await budget.HandleAsync(id, year, ct) is { } summary ? Results.Ok(summary) : Problems.NotFound())
            .RequireAuthorization(Permissions.ViewPlans)
            .WithSummary("Các dòng kinh phí với tổng và tỷ lệ giải ngân theo dự án, năm, nguồn, cơ quan.");

        plans.MapPost("/{id:guid}/budget/{projectCode}/{year:int}/{source}/submit", async (ConfirmBudget confirm, Guid id, string projectCode, int year, string source, CancellationToken ct) =>
                (await confirm.SubmitAsync(id, new BudgetKey(projectCode, year, source), ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Permissions.RecordTaskProgress)
            .WithSummary("Gửi số liệu kinh phí của dòng để cơ quan thường trực xác nhận: chỉ cơ quan sử dụng dòng (hoặc cơ quan thường trực); dòng đã gửi bị khóa.");

        plans.MapPost("/{id:guid}/budget/{projectCode}/{year:int}/{source}/disbursements", async (ConfirmBudget confirm, Guid id, string projectCode, int year, string source, ConfirmBudget.DisbursementInput input, CancellationToken ct) =>
                (await confirm.AddDisbursementAsync(id, new BudgetKey(projectCode, year, source), input, ct)).ToHttpResult(d => TypedResults.Created($"/api/v1/plans/{id}/budget", new { id = d })))
            .RequireAuthorization(Permissions.RecordTaskProgress)
            .WithSummary("Ghi một lần giải ngân (số tiền, ngày, ghi chú): cộng vào số đã giải ngân, để báo cáo tính được giải ngân trong kỳ.");

        plans.MapPost("/{id:guid}/budget/confirm", async (ConfirmBudget confirm, Guid id, ConfirmBudget.ApproveInput input, CancellationToken ct) =>
                (await confirm.ApproveAsync(id, input, ct)).ToHttpResult(n => TypedResults.Ok(new { approved = n })))
            .RequireAuthorization(Permissions.ManagePlans)
            .WithSummary("Xác nhận số liệu kinh phí (nhiều dòng một lần): chỉ cơ quan thường trực của tỉnh; dòng đã xác nhận bị khóa.");

        plans.MapPost("/{id:guid}/budget/{projectCode}/{year:int}/{source}/return", async (ConfirmBudget confirm, Guid id, string projectCode, int year, string source, ConfirmBudget.ReasonInput input, CancellationToken ct) =>
                (await confirm.ReturnAsync(id, new BudgetKey(projectCode, year, source), input, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Permissions.ManagePlans)
            .WithSummary("Trả lại số liệu kinh phí với lý do: cơ quan sửa được và gửi lại.");

        plans.MapPost("/{id:guid}/budget/{projectCode}/{year:int}/{source}/reopen", async (ConfirmBudget confirm, Guid id, string projectCode, int year, string source, ConfirmBudget.ReasonInput input, CancellationToken ct) =>
                (await confirm.ReopenAsync(id, new BudgetKey(projectCode, year, source), input, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Permissions.ManagePlans)
            .WithSummary("Mở lại số liệu kinh phí đã xác nhận, với lý do; số liệu đã xác nhận được giữ trong lịch sử.");

        var tasks = api.MapGroup("/tasks").WithTags("Plans");

        tasks.MapGet("/", (ListTasks list, Guid? plan, string? agency, string? status, bool? overdue, string? project, int? dueWithinDays, string? confirmation, int? page, int? pageSize, CancellationToken ct) =>
                PagedResults.ListAsync(page, pageSize, paging => list.HandleAsync(new ListTasks.Filter(plan, agency, status, overdue, project, dueWithinDays, confirmation), paging, ct)))
            .RequireAuthorization(Permissions.ViewPlans)
            .WithSummary("Nhiệm vụ: một cơ quan chỉ thấy nhiệm vụ mình chủ trì; overdue khi đã qua thời hạn mà chưa hoàn thành.");

        tasks.MapGet("/{id:guid}", async (GetTask get, Guid id, CancellationToken ct) =>
                await get.HandleAsync(id, ct) is { } task ? Results.Ok(task) : Problems.NotFound())
            .RequireAuthorization(Permissions.ViewPlans)
            .WithSummary("Một nhiệm vụ với lịch sử báo cáo tiến độ và tài liệu minh chứng.");

        tasks.MapPost("/{id:guid}/progress", async (RecordProgress record, Guid id, RecordProgress.Input input, CancellationToken ct) =>
                (await record.HandleAsync(id, input, [], ct)).ToHttpResult(p => TypedResults.Created($"/api/v1/tasks/{id}", new { id = p })))
            .RequireAuthorization(Permissions.RecordTaskProgress)
            .WithSummary("Báo cáo tiến độ: chỉ cơ quan chủ trì và cơ quan thường trực của tỉnh.");

        tasks.MapPost("/{id:guid}/progress/{progressId:guid}/evidence", async (RecordProgress record, Guid id, Guid progressId, IFormFile? file, CancellationToken ct) =>
            {
                if (file is null)
                    return Problems.Validation("file", "Vui lòng chọn tệp minh chứng.");
                if (file.Length > RecordProgress.MaxFileBytes)
                    return Problems.Validation("file", "Tệp minh chứng lớn hơn 10 MB.");
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                return (await record.AttachAsync(id, progressId, new RecordProgress.Evidence(file.FileName, file.ContentType, buffer.ToArray()), ct))
                    .ToHttpResult(e => TypedResults.Created($"/api/v1/tasks/{id}/evidence/{e}", new { id = e }));
            })
            .DisableAntiforgery()
            .RequireAuthorization(Permissions.RecordTaskProgress)
            .WithSummary("Đính kèm tài liệu minh chứng vào một lần báo cáo tiến độ.");

        tasks.MapGet("/{id:guid}/evidence/{evidenceId:guid}", async (GetTask get, Guid id, Guid evidenceId, CancellationToken ct) =>
                await get.EvidenceAsync(id, evidenceId, ct) is { } file ? Results.File(file.Content, file.ContentType, file.FileName) : Problems.NotFound())
            .RequireAuthorization(Permissions.ViewPlans)
            .WithSummary("Tải tài liệu minh chứng.");

        tasks.MapPost("/confirm", async (ConfirmTasks confirm, ConfirmTasks.ApproveInput input, CancellationToken ct) =>
                (await confirm.ApproveAsync(input, ct)).ToHttpResult(n => TypedResults.Ok(new { approved = n })))
            .RequireAuthorization(Permissions.ManagePlans)
            .WithSummary("Xác nhận hoàn thành (nhiều nhiệm vụ một lần): chỉ cơ quan thường trực của tỉnh.");

        tasks.MapPost("/{id:guid}/return", async (ConfirmTasks confirm, Guid id, ConfirmTasks.ReasonInput input, CancellationToken ct) =>
                (await confirm.ReturnAsync(id, input, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Permissions.ManagePlans)
            .WithSummary("Trả lại kết quả hoàn thành với lý do: nhiệm vụ trở về đang thực hiện.");

        tasks.MapPost("/{id:guid}/reopen", async (ConfirmTasks confirm, Guid id, ConfirmTasks.ReasonInput input, CancellationToken ct) =>
                (await confirm.ReopenAsync(id, input, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Permissions.ManagePlans)
            .WithSummary("Mở lại nhiệm vụ đã xác nhận hoàn thành, với lý do; kết quả đã xác nhận được giữ trong lịch sử.");

        api.MapGet("/projects", () => Results.Ok(new
        {
            items = Projects.All.Select(p => new { p.Code, p.Name, p.ParentCode, p.LeadAgencyKind }),
            total = Projects.All.Count,
            page = 1,
            pageSize = Projects.All.Count,
        }))
            .WithTags("Plans")
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Các dự án DA1…DA9 và tiểu dự án của Chương trình.");
    }
}

public static class PlansFeature
{
    public static IServiceCollection AddPlans(this IServiceCollection services) => services
        .AddScoped<PlanScope>()
        .AddScoped<CreatePlan>()
        .AddScoped<AddTask>()
        .AddScoped<RecordProgress>()
        .AddScoped<ConfirmTasks>()
        .AddScoped<ConfirmBudget>()
        .AddScoped<SetBudgetLine>()
        .AddScoped<ListTasks>()
        .AddScoped<GetTask>()
        .AddScoped<PlanOverview>()
        .AddScoped<GetBudget>()
        .AddScoped<ImportTasks>()
        .AddScoped<ExportTasks>();
}
