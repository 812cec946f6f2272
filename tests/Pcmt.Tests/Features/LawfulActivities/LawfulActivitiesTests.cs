using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pcmt.Tests.Features.LawfulActivities;

public sealed class LawfulActivitiesApp : App;

/// <summary>The register of lawful drug-related activities and their inspections (000 §III.6.1–6.4), through HTTP on the real database.</summary>
public sealed class LawfulActivitiesTests(LawfulActivitiesApp app) : IClassFixture<LawfulActivitiesApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string url, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        var response = await client.SendAsync(request, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"{method} {url}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 || response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) != true ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task<JsonElement> GetAsync(HttpClient client, string url) => SendAsync(client, HttpMethod.Get, url, null, HttpStatusCode.OK);

    private static async Task<Guid> CreateAsync(HttpClient client, object body) =>
        (await SendAsync(client, HttpMethod.Post, "/api/v1/lawful-activities", body, HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static object Activity(string commune, string name, string kind, string agency, string? licenceDate = "2024-05-10") => new
    {
        communeCode = commune,
        name,
        kind,
        responsibleAgency = agency,
        licenceNumber = "GP-" + name.Length,
        licenceDate,
        licenceIssuer = "Bộ Y tế",
        substances = "Morphin, Pethidin",
        address = "Số 1 đường Hoàng Văn Thụ",
    };

    private async Task AgenciesAsync()
    {
        await app.EnsureAgencyAsync("ca-tinh-19", "19", "Công an tỉnh Thái Nguyên", "police");
        await app.EnsureAgencyAsync("so-y-te-19", "19", "Sở Y tế tỉnh Thái Nguyên");
        await app.EnsureAgencyAsync("so-cong-thuong-19", "19", "Sở Công Thương tỉnh Thái Nguyên");
        await app.EnsureAgencyAsync("so-y-te-01", "01", "Sở Y tế thành phố Hà Nội");
    }

    [Fact]
    public async Task An_inspection_with_a_follow_up_deadline_becomes_a_task_of_the_responsible_agency()
    {
        await AgenciesAsync();
        var police = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var pharmacy = await CreateAsync(police, Activity("05443", "Nhà thuốc Bệnh viện Đa khoa", "medicine", "so-y-te-19"));
        var detail = await GetAsync(police, $"/api/v1/lawful-activities/{pharmacy}");
        Assert.Equal("health", detail.GetProperty("sector").GetString()); // 000 §III.6.3: medicines are the health sector's
        Assert.Equal("Sở Y tế tỉnh Thái Nguyên", detail.GetProperty("responsibleAgencyName").GetString());

        // No plan yet: the follow-up stays on the inspection.
        var first = await SendAsync(police, HttpMethod.Post, $"/api/v1/lawful-activities/{pharmacy}/inspections", new
        {
            inspectedOn = "2026-03-05",
            team = new[] { "ca-tinh-19", "so-y-te-19" },
            findings = "Sổ theo dõi xuất nhập thuốc gây nghiện ghi chưa đầy đủ.",
            violations = "Không ghi sổ theo dõi 2 lần xuất thuốc",
            penaltyVnd = 5_000_000,
            followUp = "Bổ sung sổ theo dõi",
            followUpDueOn = "2026-04-05",
        }, HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("taskId").ValueKind);

        // With the province's plan for 2026–2030, the next follow-up is a task led by the health department.
        var plan = (await SendAsync(police, HttpMethod.Post, "/api/v1/plans", new { provinceCode = "19", title = "Kế hoạch thực hiện Chương trình mục tiêu quốc gia phòng, chống ma túy", documentNumber = "12/KH-UBND", issuedOn = "2026-01-15", fromYear = 2026, toYear = 2030 },
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var second = await SendAsync(police, HttpMethod.Post, $"/api/v1/lawful-activities/{pharmacy}/inspections", new
        {
            inspectedOn = "2026-10-01",
            team = new[] { "ca-tinh-19", "so-y-te-19", "so-cong-thuong-19" },
            findings = "Chưa khắc phục hết.",
            violations = "Bảo quản thuốc không đúng quy định",
            penaltyVnd = 2_000_000,
            followUp = "Sửa tủ bảo quản thuốc gây nghiện",
            followUpDueOn = "2026-12-31",
        }, HttpStatusCode.Created);
        var taskId = second.GetProperty("taskId").GetGuid();
        var tasks = await GetAsync(police, $"/api/v1/tasks?plan={plan}&agency=so-y-te-19");
        var task = Assert.Single(tasks.GetProperty("items").EnumerateArray());
        Assert.Equal((taskId, "so-y-te-19", "2026-12-31"), (task.GetProperty("id").GetGuid(), task.GetProperty("leadAgency").GetString(), task.GetProperty("dueOn").GetString()));

        // The health department sees the task and the establishment; the list shows the inspections and penalties.
        var health = await app.ApiAsAsync(Roles.Department, "so-y-te-19");
        Assert.Contains((await GetAsync(health, "/api/v1/tasks")).GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetGuid() == taskId);
        var row = (await GetAsync(health, "/api/v1/lawful-activities?pageSize=500")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == pharmacy);
        Assert.Equal((2, 2, 7_000_000L), (row.GetProperty("inspections").GetInt32(), row.GetProperty("violations").GetInt32(), row.GetProperty("penaltyVnd").GetInt64()));
        var inspections = await GetAsync(health, $"/api/v1/lawful-activities/{pharmacy}/inspections");
        Assert.Equal("2026-10-01", inspections.GetProperty("items")[0].GetProperty("inspectedOn").GetString());
        Assert.Equal(["Công an tỉnh Thái Nguyên", "Sở Y tế tỉnh Thái Nguyên", "Sở Công Thương tỉnh Thái Nguyên"],
            inspections.GetProperty("items")[0].GetProperty("teamNames").EnumerateArray().Select(n => n.GetString()!).ToArray());

        // The printable register.
        var export = await police.GetAsync("/api/v1/lawful-activities/export", Cancel);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync(Cancel));
        var cells = MiniExcelLibs.MiniExcel.Query(stream).Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).Select(v => v?.ToString()).ToList();
        Assert.Contains("Nhà thuốc Bệnh viện Đa khoa", cells);
        Assert.Contains("SỔ THEO DÕI CÁC HOẠT ĐỘNG HỢP PHÁP LIÊN QUAN ĐẾN MA TÚY", cells);
    }

    [Fact]
    public async Task A_department_sees_and_records_only_its_own_sector_and_areas_stay_apart()
    {
        await AgenciesAsync();
        var thaiNguyen = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var haNoi = await app.ApiAsAsync(Roles.ProvincePolice, "01");
        var medicine = await CreateAsync(thaiNguyen, Activity("01840", "Công ty Dược phẩm Thái Nguyên", "medicine", "so-y-te-19"));
        var chemicals = await CreateAsync(thaiNguyen, Activity("05443", "Công ty Hóa chất Gia Sàng", "industrial-precursor", "so-cong-thuong-19"));
        var hanoiShop = await CreateAsync(haNoi, Activity("00004", "Nhà thuốc Hoàn Kiếm", "medicine", "so-y-te-01"));

        var health = await app.ApiAsAsync(Roles.Department, "so-y-te-19");
        var seen = (await GetAsync(health, "/api/v1/lawful-activities?pageSize=500")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(medicine, seen);
        Assert.DoesNotContain(chemicals, seen);
        Assert.DoesNotContain(hanoiShop, seen);
        await SendAsync(health, HttpMethod.Get, $"/api/v1/lawful-activities/{chemicals}", null, HttpStatusCode.NotFound);
        await SendAsync(health, HttpMethod.Post, $"/api/v1/lawful-activities/{chemicals}/inspections", new { inspectedOn = "2026-05-01", team = new[] { "so-y-te-19" }, findings = "Tốt" }, HttpStatusCode.NotFound);
        // It cannot register an establishment for another sector's agency.
        var other = await SendAsync(health, HttpMethod.Post, "/api/v1/lawful-activities", Activity("05443", "Cơ sở N2O", "n2o", "so-cong-thuong-19"), HttpStatusCode.BadRequest);
        Assert.Contains("ngành mình", other.GetProperty("errors").GetProperty("responsibleAgency")[0].GetString(), StringComparison.Ordinal);
        await CreateAsync(health, Activity("05443", "Nhà thuốc Phan Đình Phùng", "medicine", "so-y-te-19"));

        // Communes and provinces: a commune officer sees their commune, the other province nothing of Thái Nguyên.
        var officer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var communes = (await GetAsync(officer, "/api/v1/lawful-activities?pageSize=500")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("communeCode").GetString()).ToHashSet();
        Assert.Equal(["05443"], communes);
        await SendAsync(officer, HttpMethod.Get, $"/api/v1/lawful-activities/{medicine}", null, HttpStatusCode.NotFound);
        var hanoiSeen = (await GetAsync(haNoi, "/api/v1/lawful-activities?pageSize=500")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("provinceCode").GetString()).ToHashSet();
        Assert.Equal(["01"], hanoiSeen);
        await SendAsync(haNoi, HttpMethod.Get, $"/api/v1/lawful-activities/{chemicals}", null, HttpStatusCode.NotFound);
        // Recording in a commune outside one's area is refused.
        await SendAsync(officer, HttpMethod.Post, "/api/v1/lawful-activities", Activity("01840", "Ngoài địa bàn", "medicine", "so-y-te-19"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Bad_input_gets_a_vietnamese_400_and_saves_nothing_and_a_stale_edit_gets_409()
    {
        await AgenciesAsync();
        var police = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        async Task<int> CountAsync() => (await GetAsync(police, "/api/v1/lawful-activities?pageSize=1")).GetProperty("total").GetInt32();
        var before = await CountAsync();
        var bad = await SendAsync(police, HttpMethod.Post, "/api/v1/lawful-activities", new { communeCode = "99999", name = "", kind = "heroin-shop", responsibleAgency = "khong-co", licenceDate = "2099-01-01", substances = "" },
            HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        foreach (var field in new[] { "communeCode", "name", "kind", "responsibleAgency", "licenceDate", "substances" })
            Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Contains("loại hoạt động", errors.GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Ngày không được ở tương lai.", errors.GetProperty("licenceDate")[0].GetString());
        // An agency of another province is not one of Thái Nguyên's.
        await SendAsync(police, HttpMethod.Post, "/api/v1/lawful-activities", Activity("05443", "Sai tỉnh", "medicine", "so-y-te-01"), HttpStatusCode.BadRequest);
        Assert.Equal(before, await CountAsync());

        var id = await CreateAsync(police, Activity("05443", "Cơ sở thú y Hòa Bình", "veterinary", "ca-tinh-19"));
        async Task<int> InspectionsAsync() => (await GetAsync(police, $"/api/v1/lawful-activities/{id}/inspections")).GetProperty("total").GetInt32();
        var inspection = await SendAsync(police, HttpMethod.Post, $"/api/v1/lawful-activities/{id}/inspections", new
        {
            inspectedOn = "2026-06-01",
            team = new[] { "khong-co" },
            findings = "",
            penaltyVnd = -1,
            followUpDueOn = "2026-05-01",
        }, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "team", "findings", "penaltyVnd", "followUpDueOn" })
            Assert.True(inspection.GetProperty("errors").TryGetProperty(field, out _), field);
        var fineWithoutViolation = await SendAsync(police, HttpMethod.Post, $"/api/v1/lawful-activities/{id}/inspections", new
        {
            inspectedOn = "2026-06-01",
            team = new[] { "ca-tinh-19" },
            findings = "Đạt",
            penaltyVnd = 1_000_000,
        }, HttpStatusCode.BadRequest);
        Assert.Equal("Có tiền phạt thì phải ghi nội dung vi phạm.", fineWithoutViolation.GetProperty("errors").GetProperty("penaltyVnd")[0].GetString());
        await SendAsync(police, HttpMethod.Post, $"/api/v1/lawful-activities/{id}/inspections", new { inspectedOn = "2099-06-01", team = new[] { "ca-tinh-19" }, findings = "Đạt" }, HttpStatusCode.BadRequest);
        Assert.Equal(0, await InspectionsAsync());

        // Optimistic concurrency: two edits from the same version, the second is refused and changes nothing.
        var version = (await GetAsync(police, $"/api/v1/lawful-activities/{id}")).GetProperty("version").GetGuid();
        var edit = Activity("05443", "Cơ sở thú y Hòa Bình (đổi tên)", "veterinary", "ca-tinh-19");
        var body = JsonSerializer.SerializeToElement(edit);
        var withVersion = body.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        withVersion["version"] = version;
        await SendAsync(police, HttpMethod.Put, $"/api/v1/lawful-activities/{id}", withVersion, HttpStatusCode.NoContent);
        withVersion["name"] = "Tên khác";
        var stale = await SendAsync(police, HttpMethod.Put, $"/api/v1/lawful-activities/{id}", withVersion, HttpStatusCode.Conflict);
        Assert.Contains("người khác", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var after = await GetAsync(police, $"/api/v1/lawful-activities/{id}");
        Assert.Equal("Cơ sở thú y Hòa Bình (đổi tên)", after.GetProperty("name").GetString());
        Assert.Equal("agriculture", after.GetProperty("sector").GetString()); // 000 §III.6.4: veterinary drugs
        await SendAsync(police, HttpMethod.Put, $"/api/v1/lawful-activities/{Guid.NewGuid()}", withVersion, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_pages_list_create_edit_and_record_an_inspection()
    {
        await AgenciesAsync();
        await app.EnsureUserAsync(Roles.ProvincePolice, "19");
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.ProvincePolice, "19"), App.UserPassword);
        var form = await pages.GetStringAsync("/LawfulActivities/Edit", Cancel);
        Assert.Contains("Sở Y tế tỉnh Thái Nguyên", form, StringComparison.Ordinal);
        var created = await pages.PostAsync("/LawfulActivities/Edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Quầy thuốc Tân Long",
            ["Input.Kind"] = "medicine",
            ["Input.ResponsibleAgency"] = "so-y-te-19",
            ["Input.LicenceNumber"] = "123/GCN-SYT",
            ["Input.LicenceDate"] = "10/05/2024",
            ["Input.Substances"] = "Diazepam",
            ["Input.CommuneCode"] = "05443",
            ["__RequestVerificationToken"] = App.AntiforgeryToken(form),
        }), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var details = created.Headers.Location!.OriginalString;
        var page = await pages.GetStringAsync(details, Cancel);
        Assert.Contains("Quầy thuốc Tân Long", page, StringComparison.Ordinal);
        Assert.Contains("10/05/2024", page, StringComparison.Ordinal);

        var inspected = await pages.PostAsync(details + "?handler=Inspection", new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("Inspection.InspectedOn", "01/07/2026"),
            new("Inspection.Team", "ca-tinh-19"),
            new("Inspection.Team", "so-y-te-19"),
            new("Inspection.Findings", "Thiếu sổ theo dõi"),
            new("Inspection.Violations", "Không lập sổ"),
            new("Penalty", "1.500.000"),
            new("__RequestVerificationToken", App.AntiforgeryToken(page)),
        }), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, inspected.StatusCode);
        page = await pages.GetStringAsync(details, Cancel);
        Assert.Contains("1.500.000", page, StringComparison.Ordinal);
        Assert.Contains("01/07/2026", page, StringComparison.Ordinal);

        // A bad form comes back with Vietnamese messages and nothing saved.
        var bad = await pages.PostAsync(details + "?handler=Inspection", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Inspection.InspectedOn"] = "31/02/2026",
            ["__RequestVerificationToken"] = App.AntiforgeryToken(page),
        }), Cancel);
        var badPage = await bad.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Ngày không hợp lệ", badPage, StringComparison.Ordinal);

        var list = await pages.GetStringAsync("/LawfulActivities?Kind=medicine&Q=T%C3%A2n%20Long", Cancel);
        Assert.Contains("Quầy thuốc Tân Long", list, StringComparison.Ordinal);
        var id = details.Split('/').Last();
        var edit = await pages.GetStringAsync($"/LawfulActivities/Edit?id={id}", Cancel);
        Assert.Contains("123/GCN-SYT", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_kept_in_the_register_is_closed_with_its_date_and_result_once_and_only_in_the_area()
    {
        await AgenciesAsync();
        var police = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var shop = await CreateAsync(police, Activity("05443", "Nhà thuốc Phú Bình", "medicine", "so-y-te-19"));
        // 2025: no plan of the province covers that year, so the follow-up stays in this register (and is overdue today).
        var inspection = (await SendAsync(police, HttpMethod.Post, $"/api/v1/lawful-activities/{shop}/inspections", new
        {
            inspectedOn = "2025-02-10",
            team = new[] { "ca-tinh-19" },
            findings = "Sổ xuất nhập thuốc thú y chứa chất hướng thần chưa cập nhật.",
            followUp = "Cập nhật sổ xuất nhập",
            followUpDueOn = "2025-05-10",
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        async Task<JsonElement> RowAsync(bool overdue) => (await GetAsync(police, $"/api/v1/lawful-activities?pageSize=500{(overdue ? "&followUpOverdue=true" : "")}"))
            .GetProperty("items").EnumerateArray().SingleOrDefault(i => i.GetProperty("id").GetGuid() == shop);
        Assert.Equal("2025-05-10", (await RowAsync(overdue: true)).GetProperty("pendingFollowUpOn").GetString());
        var version = (await GetAsync(police, $"/api/v1/lawful-activities/{shop}")).GetProperty("version").GetGuid();
        var url = $"/api/v1/lawful-activities/{shop}/inspections/{inspection}/follow-up-done";

        // Bad input: before the inspection, in the future, no result, no version — each a Vietnamese 400, nothing saved.
        var before = await SendAsync(police, HttpMethod.Post, url, new { doneOn = "2025-01-31", result = "Đã cập nhật", version }, HttpStatusCode.BadRequest);
        Assert.Contains("trước ngày kiểm tra (10/02/2025)", before.GetProperty("errors").GetProperty("doneOn")[0].GetString(), StringComparison.Ordinal);
        await SendAsync(police, HttpMethod.Post, url, new { doneOn = "2099-01-01", result = "Đã cập nhật", version }, HttpStatusCode.BadRequest);
        await SendAsync(police, HttpMethod.Post, url, new { doneOn = "2025-06-01", result = " ", version }, HttpStatusCode.BadRequest);
        await SendAsync(police, HttpMethod.Post, url, new { doneOn = "2025-06-01", result = "Đã cập nhật" }, HttpStatusCode.BadRequest);
        // Outside the area: Hà Nội's police, and a department of another sector, do not see the establishment.
        await SendAsync(await app.ApiAsAsync(Roles.ProvincePolice, "01"), HttpMethod.Post, url, new { doneOn = "2025-06-01", result = "Đã cập nhật", version }, HttpStatusCode.NotFound);
        await SendAsync(await app.ApiAsAsync(Roles.Department, "so-cong-thuong-19"), HttpMethod.Post, url, new { doneOn = "2025-06-01", result = "Đã cập nhật", version }, HttpStatusCode.NotFound);
        Assert.Equal(JsonValueKind.Null, (await GetAsync(police, $"/api/v1/lawful-activities/{shop}/inspections")).GetProperty("items")[0].GetProperty("followUpDoneOn").ValueKind);

        // A stale version (the establishment was edited since) is a 409.
        await SendAsync(police, HttpMethod.Post, url, new { doneOn = "2025-06-01", result = "Đã cập nhật", version = Guid.NewGuid() }, HttpStatusCode.Conflict);

        var done = await SendAsync(police, HttpMethod.Post, url, new { doneOn = "2025-06-01", result = "Kiểm tra lại ngày 01/06/2025: sổ đã đầy đủ", version }, HttpStatusCode.OK);
        Assert.NotEqual(version, done.GetProperty("version").GetGuid());
        var item = (await GetAsync(police, $"/api/v1/lawful-activities/{shop}/inspections")).GetProperty("items")[0];
        Assert.Equal(("2025-06-01", "Kiểm tra lại ngày 01/06/2025: sổ đã đầy đủ"), (item.GetProperty("followUpDoneOn").GetString(), item.GetProperty("followUpResult").GetString()));
        Assert.Equal(JsonValueKind.Undefined, (await RowAsync(overdue: true)).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await RowAsync(overdue: false)).GetProperty("pendingFollowUpOn").ValueKind);

        // Once closed, closing again is a 409 that says when.
        var again = await SendAsync(police, HttpMethod.Post, url, new { doneOn = "2025-06-02", result = "Lần hai", version = done.GetProperty("version").GetGuid() }, HttpStatusCode.Conflict);
        Assert.Contains("01/06/2025", again.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The page offers the form beside a follow-up still open and shows the closed one with its date.
        var second = (await SendAsync(police, HttpMethod.Post, $"/api/v1/lawful-activities/{shop}/inspections", new
        {
            inspectedOn = "2025-08-01",
            team = new[] { "ca-tinh-19" },
            findings = "Kho chưa có khóa",
            followUp = "Lắp khóa kho",
            followUpDueOn = "2025-09-01",
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await app.EnsureUserAsync(Roles.ProvincePolice, "19");
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.ProvincePolice, "19"), App.UserPassword);
        var page = await pages.GetStringAsync($"/LawfulActivities/Details/{shop}", Cancel);
        Assert.Contains("Đã khắc phục ngày 01/06/2025: Kiểm tra lại ngày 01/06/2025: sổ đã đầy đủ", page, StringComparison.Ordinal);
        var pageVersion = (await GetAsync(police, $"/api/v1/lawful-activities/{shop}")).GetProperty("version").GetGuid().ToString();
        var bad = await pages.PostAsync($"/LawfulActivities/Details/{shop}?handler=FollowUpDone&inspectionId={second}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["FollowUpDone.DoneOn"] = "31/07/2025",
            ["FollowUpDone.Result"] = "Đã lắp khóa",
            ["FollowUpDone.Version"] = pageVersion,
            ["__RequestVerificationToken"] = App.AntiforgeryToken(page),
        }), Cancel);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("không được trước ngày kiểm tra (01/08/2025)", await bad.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var good = await pages.PostAsync($"/LawfulActivities/Details/{shop}?handler=FollowUpDone&inspectionId={second}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["FollowUpDone.DoneOn"] = "20/08/2025",
            ["FollowUpDone.Result"] = "Đã lắp khóa",
            ["FollowUpDone.Version"] = pageVersion,
            ["__RequestVerificationToken"] = App.AntiforgeryToken(page),
        }), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("Đã khắc phục ngày 20/08/2025: Đã lắp khóa", await pages.GetStringAsync($"/LawfulActivities/Details/{shop}", Cancel), StringComparison.Ordinal);
    }
}
