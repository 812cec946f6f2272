using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;

namespace Pcmt.Tests.Features.Plans;

[Collection(nameof(AppCollection))]
public sealed class PlansApiTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A plan of province 19 with two agencies of its own (unique per test), made by the provincial police.</summary>
    private async Task<(HttpClient Police, Guid Plan, string AgencyA, string AgencyB)> PlanAsync(string tag)
    {
        var a = $"pl-{tag}-a";
        var b = $"pl-{tag}-b";
        await app.EnsureAgencyAsync(a, "19", $"Sở Y tế ({tag})");
        await app.EnsureAgencyAsync(b, "19", $"Sở Giáo dục và Đào tạo ({tag})");
        var police = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var created = await police.PostAsJsonAsync("/api/v1/plans", new
        {
            provinceCode = "19",
            title = $"Kế hoạch thực hiện Chương trình ({tag})",
            documentNumber = "163/KH-UBND",
            issuedOn = "2026-01-15",
            fromYear = 2026,
            toYear = 2030,
            totalBudgetVnd = 163_330_000_000,
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (police, await IdAsync(created), a, b);
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();

    private static Task<HttpResponseMessage> AddTaskAsync(HttpClient client, Guid plan, string title, string lead, string due, string? project = null, string[]? partners = null) =>
        client.PostAsJsonAsync($"/api/v1/plans/{plan}/tasks", new { title, section = "4.2. Sở Y tế", leadAgency = lead, partnerAgencies = partners ?? [], due, projectCode = project }, Cancel);

    private static async Task<List<JsonElement>> TasksAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/tasks?pageSize=500&" + query, Cancel)).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task A_task_due_2026Q4_is_due_on_31_12_2026_and_one_due_2025Q4_not_done_is_overdue()
    {
        var (police, plan, a, b) = await PlanAsync("due");
        var q4 = await AddTaskAsync(police, plan, "Điều trị nghiện bằng thuốc thay thế", a, "2026Q4", "DA6", [b]);
        Assert.Equal(HttpStatusCode.Created, q4.StatusCode);
        var body = await q4.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("2026-12-31", body.GetProperty("dueOn").GetString());
        var late = await IdAsync(await AddTaskAsync(police, plan, "Rà soát người nghiện", a, "2025Q4"));

        // Today is 2026-12-02 (Vietnam): 2025Q4 ended on 31/12/2025.
        var tasks = await TasksAsync(police, $"plan={plan}");
        Assert.Equal(2, tasks.Count);
        var overdue = Assert.Single(tasks, t => t.GetProperty("id").GetGuid() == late);
        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        Assert.Equal("2025-12-31", overdue.GetProperty("dueOn").GetString());
        Assert.Equal("not-started", overdue.GetProperty("status").GetString());
        Assert.Equal(a, overdue.GetProperty("leadAgency").GetString());
        Assert.False(tasks.Single(t => t.GetProperty("id").GetGuid() != late).GetProperty("overdue").GetBoolean());
        Assert.Equal(late, Assert.Single(await TasksAsync(police, $"plan={plan}&overdue=true")).GetProperty("id").GetGuid());

        // Done is never overdue.
        Assert.Equal(HttpStatusCode.Created, (await police.PostAsJsonAsync($"/api/v1/tasks/{late}/progress", new { reportedOn = "2026-12-01", percent = 100, status = "done", note = "Đã hoàn thành" }, Cancel)).StatusCode);
        Assert.Empty(await TasksAsync(police, $"plan={plan}&overdue=true"));
    }

    [Fact]
    public async Task A_quarterly_task_is_tracked_per_occurrence()
    {
        var (police, plan, a, _) = await PlanAsync("recur");
        var response = await police.PostAsJsonAsync($"/api/v1/plans/{plan}/tasks", new { title = "Báo cáo kết quả hằng quý", leadAgency = a, due = "2026Q1", recurrence = "quarterly" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var tasks = await TasksAsync(police, $"plan={plan}");
        Assert.Equal(20, tasks.Count); // 2026Q1 … 2030Q4
        Assert.Equal("2030-12-31", tasks[^1].GetProperty("dueOn").GetString());
    }

    [Fact]
    public async Task A_department_user_sees_and_reports_only_its_own_agencys_tasks()
    {
        var (police, plan, a, b) = await PlanAsync("dept");
        var own = await IdAsync(await AddTaskAsync(police, plan, "Nhiệm vụ của cơ quan A", a, "2026Q4"));
        var other = await IdAsync(await AddTaskAsync(police, plan, "Nhiệm vụ của cơ quan B", b, "2026Q4", partners: [a]));

        var department = await app.ApiAsAsync(Roles.Department, a);
        var tasks = await TasksAsync(department, "");
        Assert.Contains(tasks, t => t.GetProperty("id").GetGuid() == own);
        Assert.All(tasks, t => Assert.Equal(a, t.GetProperty("leadAgency").GetString()));

        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"/api/v1/tasks/{other}", Cancel)).StatusCode);
        var refused = await department.PostAsJsonAsync($"/api/v1/tasks/{other}/progress", new { reportedOn = "2026-11-30", percent = 50, note = "x" }, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("not-started", (await police.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{other}", Cancel)).GetProperty("status").GetString());

        var reported = await department.PostAsJsonAsync($"/api/v1/tasks/{own}/progress", new { reportedOn = "2026-11-30", percent = 40, note = "Đã tổ chức 3 lớp tập huấn" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var progress = await IdAsync(reported);
        using var form = new MultipartFormDataContent { { new ByteArrayContent("biên bản"u8.ToArray()), "file", "bien-ban.pdf" } };
        var attached = await department.PostAsync($"/api/v1/tasks/{own}/progress/{progress}/evidence", form, Cancel);
        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);

        var task = await department.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{own}", Cancel);
        Assert.Equal("in-progress", task.GetProperty("status").GetString());
        Assert.Equal(40, task.GetProperty("percent").GetInt32());
        var update = Assert.Single(task.GetProperty("history").EnumerateArray());
        Assert.Equal("Đã tổ chức 3 lớp tập huấn", update.GetProperty("note").GetString());
        var file = Assert.Single(update.GetProperty("evidence").EnumerateArray());
        Assert.Equal("bien-ban.pdf", file.GetProperty("fileName").GetString());
        Assert.Equal("biên bản", await department.GetStringAsync($"/api/v1/tasks/{own}/evidence/{file.GetProperty("id").GetGuid()}", Cancel));

        // A leader (viewer) reads but does not report.
        var viewer = await app.ApiAsAsync(Roles.Viewer, "19");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/tasks/{own}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/v1/tasks/{own}/progress", new { reportedOn = "2026-11-30", percent = 50 }, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Budget_lines_of_100_million_allocated_and_25_million_disbursed_give_a_rate_of_0_25()
    {
        var (police, plan, a, _) = await PlanAsync("budget");
        var put = await police.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA6/2026/provincial", new { allocatedVnd = 60_000_000, disbursedVnd = 20_000_000, agency = a }, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await police.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA7.TDA3/2027/central-recurrent", new { allocatedVnd = 40_000_000, disbursedVnd = 5_000_000 }, Cancel)).StatusCode);

        var budget = await police.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{plan}/budget", Cancel);
        Assert.Equal(100_000_000, budget.GetProperty("allocatedVnd").GetInt64());
        Assert.Equal(25_000_000, budget.GetProperty("disbursedVnd").GetInt64());
        Assert.Equal(0.25, budget.GetProperty("disbursementRate").GetDouble());
        Assert.Equal(2, budget.GetProperty("items").GetArrayLength());
        var line = budget.GetProperty("items").EnumerateArray().First(i => i.GetProperty("projectCode").GetString() == "DA6");
        Assert.Equal(2026, line.GetProperty("year").GetInt32());
        Assert.Equal("provincial", line.GetProperty("source").GetString());
        Assert.Equal(2, budget.GetProperty("byYear").GetArrayLength());
        Assert.Equal(0.125, (await police.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{plan}/budget?year=2027", Cancel)).GetProperty("disbursementRate").GetDouble());

        // The agency sees and updates only its own line.
        var department = await app.ApiAsAsync(Roles.Department, a);
        var own = await department.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{plan}/budget", Cancel);
        Assert.Equal(60_000_000, Assert.Single(own.GetProperty("items").EnumerateArray()).GetProperty("allocatedVnd").GetInt64());
        Assert.Equal(HttpStatusCode.NoContent, (await department.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA6/2026/provincial", new { allocatedVnd = 60_000_000, disbursedVnd = 30_000_000 }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await department.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA7.TDA3/2027/central-recurrent", new { allocatedVnd = 40_000_000, disbursedVnd = 40_000_000 }, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_400_in_vietnamese_and_changes_nothing()
    {
        var (police, plan, a, _) = await PlanAsync("bad");
        var task = await IdAsync(await AddTaskAsync(police, plan, "Nhiệm vụ", a, "2026Q4"));
        Assert.Equal(HttpStatusCode.NoContent, (await police.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA1/2026/provincial", new { allocatedVnd = 1_000, disbursedVnd = 500 }, Cancel)).StatusCode);

        await AssertInvalidAsync(await AddTaskAsync(police, plan, "X", "khong-co", "2026Q4"), "leadAgency");
        await AssertInvalidAsync(await AddTaskAsync(police, plan, "X", a, "2026Q4", partners: ["khong-co"]), "partnerAgencies");
        await AssertInvalidAsync(await AddTaskAsync(police, plan, "X", a, "quý IV/2026"), "due");
        await AssertInvalidAsync(await AddTaskAsync(police, plan, "X", a, "2026Q5"), "due");
        await AssertInvalidAsync(await AddTaskAsync(police, plan, "X", a, "2026Q4", "DA10"), "projectCode");
        Assert.Single(await TasksAsync(police, $"plan={plan}"));

        await AssertInvalidAsync(await police.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA1/2026/provincial", new { allocatedVnd = -1, disbursedVnd = 0 }, Cancel), "allocatedVnd");
        await AssertInvalidAsync(await police.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA1/2026/provincial", new { allocatedVnd = 1000.5, disbursedVnd = 0 }, Cancel), "allocatedVnd");
        await AssertInvalidAsync(await police.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA1/2026/provincial", new { allocatedVnd = 1000, disbursedVnd = 2000 }, Cancel), "disbursedVnd");
        await AssertInvalidAsync(await police.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA1/2040/provincial", new { allocatedVnd = 1000, disbursedVnd = 0 }, Cancel), "year");
        await AssertInvalidAsync(await police.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA1/2026/ngan-sach", new { allocatedVnd = 1000, disbursedVnd = 0 }, Cancel), "source");
        var budget = await police.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{plan}/budget", Cancel);
        Assert.Equal(1_000, budget.GetProperty("allocatedVnd").GetInt64());
        Assert.Equal(500, budget.GetProperty("disbursedVnd").GetInt64());

        await AssertInvalidAsync(await police.PostAsJsonAsync($"/api/v1/tasks/{task}/progress", new { reportedOn = "2026-11-30", percent = 101 }, Cancel), "percent");
        await AssertInvalidAsync(await police.PostAsJsonAsync($"/api/v1/tasks/{task}/progress", new { reportedOn = "2026-11-30", percent = -1 }, Cancel), "percent");
        await AssertInvalidAsync(await police.PostAsJsonAsync($"/api/v1/tasks/{task}/progress", new { reportedOn = "2026-11-30", percent = 50, status = "finished" }, Cancel), "status");
        var unchanged = await police.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}", Cancel);
        Assert.Equal(0, unchanged.GetProperty("history").GetArrayLength());
        Assert.Equal(0, unchanged.GetProperty("percent").GetInt32());

        // A plan of another province, and nonsense plan fields.
        var plansBefore = (await police.GetFromJsonAsync<JsonElement>("/api/v1/plans?pageSize=500", Cancel)).GetProperty("total").GetInt32();
        await AssertInvalidAsync(await police.PostAsJsonAsync("/api/v1/plans", new { provinceCode = "01", title = "Kế hoạch Hà Nội", documentNumber = "1/KH", issuedOn = "2026-01-01", fromYear = 2026, toYear = 2030 }, Cancel), "provinceCode");
        await AssertInvalidAsync(await police.PostAsJsonAsync("/api/v1/plans", new { provinceCode = "19", title = "Sai năm", documentNumber = "1/KH", issuedOn = "2026-01-01", fromYear = 2030, toYear = 2026 }, Cancel), "toYear");
        await AssertInvalidAsync(await police.PostAsJsonAsync("/api/v1/plans", new { provinceCode = "19", title = "Âm", documentNumber = "1/KH", issuedOn = "2026-01-01", fromYear = 2026, toYear = 2030, totalBudgetVnd = -5 }, Cancel), "totalBudgetVnd");
        Assert.Equal(plansBefore, (await police.GetFromJsonAsync<JsonElement>("/api/v1/plans?pageSize=500", Cancel)).GetProperty("total").GetInt32());
    }

    private static async Task AssertInvalidAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("Dữ liệu không hợp lệ.", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for {field}: {problem}");
        Assert.Matches("[àáảãạăâđèéêìíòóôơùúưỳý]", messages[0].GetString()!.ToLowerInvariant());
    }

    [Fact]
    public async Task Each_province_sees_only_its_own_plans_tasks_and_budget()
    {
        var (police, plan, a, _) = await PlanAsync("scope19");
        var task = await IdAsync(await AddTaskAsync(police, plan, "Nhiệm vụ Thái Nguyên", a, "2026Q4"));
        await app.EnsureAgencyAsync("pl-scope01-a", "01", "Sở Y tế Hà Nội");
        var hanoi = await app.ApiAsAsync(Roles.ProvincePolice, "01");
        var hanoiPlan = await IdAsync(await hanoi.PostAsJsonAsync("/api/v1/plans", new { provinceCode = "01", title = "Kế hoạch Hà Nội", documentNumber = "2/KH", issuedOn = "2026-02-01", fromYear = 2026, toYear = 2030 }, Cancel));
        var hanoiTask = await IdAsync(await AddTaskAsync(hanoi, hanoiPlan, "Nhiệm vụ Hà Nội", "pl-scope01-a", "2026Q4"));

        // Tasks of Thái Nguyên's lead agency cannot be assigned to a Hà Nội agency, and Hà Nội cannot reach Thái Nguyên's plan.
        await AssertInvalidAsync(await AddTaskAsync(police, plan, "X", "pl-scope01-a", "2026Q4"), "leadAgency");
        Assert.Equal(HttpStatusCode.NotFound, (await AddTaskAsync(hanoi, plan, "X", "pl-scope01-a", "2026Q4")).StatusCode);

        var hanoiTasks = await TasksAsync(hanoi, "");
        Assert.Contains(hanoiTasks, t => t.GetProperty("id").GetGuid() == hanoiTask);
        Assert.DoesNotContain(hanoiTasks, t => t.GetProperty("id").GetGuid() == task);
        Assert.DoesNotContain(await TasksAsync(police, ""), t => t.GetProperty("id").GetGuid() == hanoiTask);
        Assert.Equal(HttpStatusCode.NotFound, (await hanoi.GetAsync($"/api/v1/tasks/{task}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hanoi.GetAsync($"/api/v1/plans/{plan}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hanoi.GetAsync($"/api/v1/plans/{plan}/budget", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hanoi.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA1/2026/provincial", new { allocatedVnd = 1, disbursedVnd = 0 }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hanoi.PostAsJsonAsync($"/api/v1/tasks/{task}/progress", new { reportedOn = "2026-11-30", percent = 10 }, Cancel)).StatusCode);
        var plans = (await hanoi.GetFromJsonAsync<JsonElement>("/api/v1/plans?pageSize=500", Cancel)).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(hanoiPlan, plans);
        Assert.DoesNotContain(plan, plans);

        // A commune officer has no access to plans at all.
        var commune = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        Assert.Equal(HttpStatusCode.Forbidden, (await commune.GetAsync("/api/v1/tasks", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_task_table_is_imported_all_or_nothing_with_row_by_row_errors()
    {
        var (police, plan, a, b) = await PlanAsync("import");
        var bad = Table(
            ("Tuyên truyền trong trường học", "Sở Giáo dục và Đào tạo (import)", a, "2026Q4", "DA7.TDA3"),
            ("Nhiệm vụ có cơ quan lạ", "Cơ quan không có", "", "2026", ""),
            ("Nhiệm vụ có hạn sai", a, "", "2026Q9", "Dự án 6"));
        var refused = await ImportAsync(police, plan, bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("rows.3", out _));
        Assert.True(errors.TryGetProperty("rows.4", out _));
        Assert.False(errors.TryGetProperty("rows.2", out _));
        Assert.Empty(await TasksAsync(police, $"plan={plan}"));

        var good = Table(
            ("Tuyên truyền trong trường học", "Sở Giáo dục và Đào tạo (import)", a, "2026Q4", "DA7.TDA3"),
            ("Điều trị methadone", a, b, "202606", "Dự án 6"));
        var imported = await ImportAsync(police, plan, good);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(2, (await imported.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("imported").GetInt32());
        var tasks = await TasksAsync(police, $"plan={plan}");
        Assert.Equal(2, tasks.Count);
        var school = tasks.Single(t => t.GetProperty("title").GetString() == "Tuyên truyền trong trường học");
        Assert.Equal(b, school.GetProperty("leadAgency").GetString());
        Assert.Equal("DA7.TDA3", school.GetProperty("projectCode").GetString());
        Assert.Equal("2026-06-30", tasks.Single(t => t.GetProperty("leadAgency").GetString() == a).GetProperty("dueOn").GetString());

        var export = await police.GetAsync($"/api/v1/plans/{plan}/tasks/export", Cancel);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = MiniExcel.Query(await export.Content.ReadAsStreamAsync(Cancel), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => (string?)r["Cơ quan chủ trì"] == "Sở Giáo dục và Đào tạo (import)");
    }

    private static byte[] Table(params (string Title, string Lead, string Partners, string Due, string Project)[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => new Dictionary<string, object?>
        {
            ["Nội dung"] = r.Title,
            ["Cơ quan chủ trì"] = r.Lead,
            ["Cơ quan phối hợp"] = r.Partners,
            ["Thời hạn"] = r.Due,
            ["Dự án"] = r.Project,
        }).ToList());
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, Guid plan, byte[] file)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "nhiem-vu.xlsx" } };
        return await client.PostAsync($"/api/v1/plans/{plan}/tasks/import", form, Cancel);
    }

    [Fact]
    public async Task A_completion_reported_by_the_agency_waits_for_confirmation_and_can_be_returned_approved_and_reopened()
    {
        var (police, plan, a, _) = await PlanAsync("confirm");
        var agency = await app.ApiAsAsync(Roles.Department, a);
        var first = await IdAsync(await AddTaskAsync(police, plan, "Tập huấn cán bộ cơ sở", a, "2026Q3"));
        var second = await IdAsync(await AddTaskAsync(police, plan, "Rà soát cơ sở cai nghiện", a, "2026Q3"));
        async Task<JsonElement> TaskAsync(Guid id) => await police.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}", Cancel);
        Task<HttpResponseMessage> ProgressAsync(HttpClient client, Guid id, string on, int percent, string? status = null) =>
            client.PostAsJsonAsync($"/api/v1/tasks/{id}/progress", new { reportedOn = on, percent, status, note = "Báo cáo" }, Cancel);

        Assert.Equal(HttpStatusCode.Created, (await ProgressAsync(agency, first, "2026-09-01", 60)).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await TaskAsync(first)).GetProperty("confirmation").ValueKind);
        Assert.Equal(HttpStatusCode.Created, (await ProgressAsync(agency, first, "2026-09-20", 100, "done")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ProgressAsync(agency, second, "2026-09-21", 100, "done")).StatusCode);
        var pending = await TasksAsync(police, $"plan={plan}&confirmation=submitted");
        Assert.Equal(new[] { first, second }.Order(), pending.Select(t => t.GetProperty("id").GetGuid()).Order());

        // Only the standing agency confirms; a return needs a reason and puts the task back in progress at its last percent.
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.PostAsJsonAsync("/api/v1/tasks/confirm", new { ids = new[] { first } }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await police.PostAsJsonAsync($"/api/v1/tasks/{first}/return", new { reason = " " }, Cancel)).StatusCode);
        Assert.Equal("submitted", (await TaskAsync(first)).GetProperty("confirmation").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await police.PostAsJsonAsync($"/api/v1/tasks/{first}/return", new { reason = "Chưa có danh sách học viên" }, Cancel)).StatusCode);
        var returned = await TaskAsync(first);
        Assert.Equal("returned", returned.GetProperty("confirmation").GetString());
        Assert.Equal("in-progress", returned.GetProperty("status").GetString());
        Assert.Equal(60, returned.GetProperty("percent").GetInt32());
        Assert.Contains(returned.GetProperty("history").EnumerateArray(), h => h.GetProperty("note").GetString() == "Trả lại kết quả: Chưa có danh sách học viên");

        // Bulk approval refuses a task that is not pending and changes nothing; then approves both at once.
        Assert.Equal(HttpStatusCode.Conflict, (await police.PostAsJsonAsync("/api/v1/tasks/confirm", new { ids = new[] { first, second } }, Cancel)).StatusCode);
        Assert.Equal("submitted", (await TaskAsync(second)).GetProperty("confirmation").GetString());
        Assert.Equal(HttpStatusCode.Created, (await ProgressAsync(agency, first, "2026-10-05", 100, "done")).StatusCode);
        var approved = await police.PostAsJsonAsync("/api/v1/tasks/confirm", new { ids = new[] { first, second } }, Cancel);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(2, (await approved.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("approved").GetInt32());
        var done = await TaskAsync(first);
        Assert.Equal("approved", done.GetProperty("confirmation").GetString());
        Assert.Equal(["submitted", "returned", "submitted", "approved"], done.GetProperty("review").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToArray());

        // A confirmed task is locked for the agency until the standing agency reopens it with a reason.
        Assert.Equal(HttpStatusCode.Conflict, (await ProgressAsync(agency, first, "2026-11-01", 90)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await police.PostAsJsonAsync($"/api/v1/tasks/{first}/reopen", new { reason = "" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await police.PostAsJsonAsync($"/api/v1/tasks/{first}/reopen", new { reason = "Thanh tra phát hiện thiếu hồ sơ" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ProgressAsync(agency, first, "2026-11-02", 95)).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await TaskAsync(first)).GetProperty("confirmation").ValueKind);

        // The standing agency's own "done" is confirmed at once; another province's standing agency sees none of it.
        var third = await IdAsync(await AddTaskAsync(police, plan, "Tổng kết năm", a, "2026Q4"));
        Assert.Equal(HttpStatusCode.Created, (await ProgressAsync(police, third, "2026-11-30", 100, "done")).StatusCode);
        Assert.Equal("approved", (await TaskAsync(third)).GetProperty("confirmation").GetString());
        var hanoi = await app.ApiAsAsync(Roles.ProvincePolice, "01");
        Assert.Equal(HttpStatusCode.BadRequest, (await hanoi.PostAsJsonAsync("/api/v1/tasks/confirm", new { ids = new[] { second } }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hanoi.PostAsJsonAsync($"/api/v1/tasks/{first}/return", new { reason = "x" }, Cancel)).StatusCode);
    }
}
