using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Pcmt.Tests.Features.Lifecycle;

/// <summary>
/// Facility staff (issue 16): a facility's staff see the persons currently placed in their facility (open rehab episodes), through
/// the same "UnitScope" filter as everyone else, record the in-facility facts of those stays and nothing else, and lose sight of a
/// resident whose stay ended. Two facilities of Thái Nguyên; residents and a non-resident of the same commune.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class FacilityStaffAccessTests(App app)
{
    private const string Commune = "05443";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync(url, body, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private sealed record Scene(string Token, Guid FacilityA, Guid FacilityB, Guid ResidentA, Guid EpisodeA, Guid ResidentB, Guid EpisodeB, Guid NonResident, HttpClient Officer);

    /// <summary>Facility A holds one resident, facility B another; a third person of the same commune is under management at home.</summary>
    private async Task<Scene> SeedAsync()
    {
        var token = "Cs" + Guid.NewGuid().ToString("N")[..6];
        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var facilityA = (await PostAsync(province, "/api/v1/facilities", new { kind = "public-rehab", name = "Cơ sở cai nghiện A " + token, provinceCode = "19", capacity = 50 })).GetProperty("id").GetGuid();
        var facilityB = (await PostAsync(province, "/api/v1/facilities", new { kind = "public-rehab", name = "Cơ sở cai nghiện B " + token, provinceCode = "19", capacity = 50 })).GetProperty("id").GetGuid();
        var officer = await app.ApiAsAsync(Roles.CommunePolice, Commune);
        var residentA = await LifecycleApiTests.RegisterAsync(officer, "Nguyễn Văn " + token + " Một");
        var residentB = await LifecycleApiTests.RegisterAsync(officer, "Trần Văn " + token + " Hai");
        var nonResident = await LifecycleApiTests.RegisterAsync(officer, "Lê Văn " + token + " Ba");
        var episodeA = (await PostAsync(officer, $"/api/v1/persons/{residentA}/rehab-episodes", new { form = "public-facility", decidedAt = "2026-09-04", decisionNumber = "11/QĐ-CAT", facilityId = facilityA })).GetProperty("id").GetGuid();
        var episodeB = (await PostAsync(officer, $"/api/v1/persons/{residentB}/rehab-episodes", new { form = "public-facility", decidedAt = "2026-09-04", decisionNumber = "12/QĐ-CAT", facilityId = facilityB })).GetProperty("id").GetGuid();
        await PostAsync(officer, $"/api/v1/persons/{residentB}/rehab-episodes/{episodeB}/start", new { startedOn = "2026-09-05" });
        await PostAsync(officer, $"/api/v1/persons/{nonResident}/drug-tests", new { takenAt = "2026-09-03T10:00:00+07:00", sampleType = "urine", result = "positive", substances = new[] { "methamphetamine" } });
        await PostAsync(officer, $"/api/v1/persons/{nonResident}/management-decisions", new { decidedAt = "2026-09-04", decisionNumber = "13/QĐ-CAX" });
        return new Scene(token, facilityA, facilityB, residentA, episodeA, residentB, episodeB, nonResident, officer);
    }

    private static async Task<List<Guid>> SearchAsync(HttpClient client, string q) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/persons?q={Uri.EscapeDataString(q)}&pageSize=100", Cancel)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    private static async Task<List<Guid>> WorkItemPersonsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/work-items?pageSize=100", Cancel)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("personId").GetGuid())];

    /// <summary>The text of every XML part of an .xlsx export.</summary>
    private static async Task<string> ExportTextAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel)), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(await reader.ReadToEndAsync(Cancel));
        }

        return text.ToString();
    }

    [Fact]
    public async Task Facility_staff_see_only_their_current_residents_in_list_detail_search_work_items_exports_and_pages()
    {
        var s = await SeedAsync();
        var staffA = await app.ApiAsAsync(Roles.FacilityStaff, s.FacilityA.ToString());
        var staffB = await app.ApiAsAsync(Roles.FacilityStaff, s.FacilityB.ToString());

        // Search and list: the resident of A only, not B's resident nor the non-resident of the same commune.
        Assert.Equal([s.ResidentA], await SearchAsync(staffA, s.Token));
        Assert.Equal([s.ResidentB], await SearchAsync(staffB, s.Token));
        var commune = await staffA.GetFromJsonAsync<JsonElement>($"/api/v1/persons?commune={Commune}&pageSize=100", Cancel);
        Assert.Equal([s.ResidentA], commune.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList());

        // Detail and case file.
        Assert.Equal(HttpStatusCode.OK, (await staffA.GetAsync($"/api/v1/persons/{s.ResidentA}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staffA.GetAsync($"/api/v1/persons/{s.ResidentA}/case-file", Cancel)).StatusCode);
        foreach (var other in new[] { s.ResidentB, s.NonResident })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await staffA.GetAsync($"/api/v1/persons/{other}", Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await staffA.GetAsync($"/api/v1/persons/{other}/case-file", Cancel)).StatusCode);
        }

        // Decision documents are the commune's and the province's: facility staff issue none, for anyone.
        Assert.Equal(HttpStatusCode.Forbidden, (await staffA.GetAsync($"/api/v1/persons/{s.ResidentA}/documents/22?recordId={s.EpisodeA}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staffA.GetAsync($"/api/v1/persons/{s.NonResident}/documents/04", Cancel)).StatusCode);

        // Work items: the resident's reception deadline, nothing of the others (the non-resident has management work items).
        var items = await WorkItemPersonsAsync(staffA);
        Assert.Contains(s.ResidentA, items);
        Assert.All(items, p => Assert.Equal(s.ResidentA, p));
        Assert.Contains(s.NonResident, await WorkItemPersonsAsync(s.Officer));

        // Legal lists and their export: B's resident is in rehab, but not in A's.
        var inRehabB = await staffB.GetFromJsonAsync<JsonElement>("/api/v1/legal-lists/in-rehab?pageSize=100", Cancel);
        Assert.Contains(inRehabB.GetProperty("items").EnumerateArray(), i => i.GetProperty("personId").GetGuid() == s.ResidentB);
        var inRehabA = await staffA.GetFromJsonAsync<JsonElement>("/api/v1/legal-lists/in-rehab?pageSize=100", Cancel);
        Assert.DoesNotContain(inRehabA.GetProperty("items").EnumerateArray(), i => i.GetProperty("personId").GetGuid() != s.ResidentA);
        var exportA = await ExportTextAsync(staffA, "/api/v1/legal-lists/in-rehab/export");
        Assert.DoesNotContain(s.Token + " Hai", exportA, StringComparison.Ordinal);
        Assert.DoesNotContain(s.Token + " Ba", exportA, StringComparison.Ordinal);
        Assert.Contains(s.Token + " Hai", await ExportTextAsync(staffB, "/api/v1/legal-lists/in-rehab/export"), StringComparison.Ordinal);
        Assert.DoesNotContain(s.Token, await ExportTextAsync(staffA, "/api/v1/legal-lists/users/export"), StringComparison.Ordinal);

        // Pages: the person list and the person page.
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.FacilityStaff, s.FacilityA.ToString()), App.UserPassword);
        var list = await pages.GetStringAsync($"/Persons?q={s.Token}", Cancel);
        Assert.Contains(s.Token + " Một", list, StringComparison.Ordinal);
        Assert.DoesNotContain(s.Token + " Hai", list, StringComparison.Ordinal);
        Assert.DoesNotContain(s.Token + " Ba", list, StringComparison.Ordinal);
        var page = await pages.GetAsync($"/Persons/Details/{s.ResidentA}", Cancel);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Biên bản tiếp nhận vào cai nghiện (Mẫu 24)", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Persons/Details/{s.ResidentB}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Persons/Details/{s.NonResident}", Cancel)).StatusCode);
        var workPage = await pages.GetStringAsync("/Lifecycle/WorkItems", Cancel);
        Assert.DoesNotContain(s.Token + " Ba", workPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facility_staff_record_in_facility_facts_of_their_residents_only_and_a_resident_who_leaves_disappears()
    {
        var s = await SeedAsync();
        var staffA = await app.ApiAsAsync(Roles.FacilityStaff, s.FacilityA.ToString());

        // Reception (Form 24) of their resident; not of B's resident (invisible: 404), nor B's episode through their resident (403).
        await PostAsync(staffA, $"/api/v1/persons/{s.ResidentA}/rehab-episodes/{s.EpisodeA}/start", new { startedOn = "2026-09-06" });
        await PostAsync(staffA, $"/api/v1/persons/{s.ResidentB}/rehab-episodes/{s.EpisodeB}/end", new { endedOn = "2026-09-07", reason = "completed" }, HttpStatusCode.NotFound);
        await PostAsync(staffA, $"/api/v1/persons/{s.ResidentA}/rehab-episodes/{s.EpisodeB}/end", new { endedOn = "2026-09-07", reason = "completed" }, HttpStatusCode.Forbidden);
        await PostAsync(staffA, $"/api/v1/persons/{s.NonResident}/violations", new { on = "2026-09-07", kind = "rule" }, HttpStatusCode.NotFound);
        // Bad input is a 400 with a Vietnamese message, nothing saved.
        var bad = await PostAsync(staffA, $"/api/v1/persons/{s.ResidentA}/violations", new { on = "2026-02-30", kind = "rule" }, HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("on", out _));

        // A violation inside the facility, recorded and voided by the facility itself.
        var violation = (await PostAsync(staffA, $"/api/v1/persons/{s.ResidentA}/violations", new { on = "2026-09-08", kind = "rule", description = "Vi phạm nội quy cơ sở" })).GetProperty("id").GetGuid();
        var voided = await staffA.PostAsJsonAsync($"/api/v1/persons/{s.ResidentA}/case-records/{violation}/void", new { reason = "Ghi nhầm học viên khác trong cùng phòng" }, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, voided.StatusCode);

        // The stages of the stay (Law 120/2025 Art 29; NĐ 163/2026 Art 84–88): detox after intake; education not before 10 days of detox.
        await PostAsync(staffA, $"/api/v1/persons/{s.ResidentA}/rehab-episodes/{s.EpisodeA}/stage", new { stage = "detox", on = "2026-09-07" });
        var early = await PostAsync(staffA, $"/api/v1/persons/{s.ResidentA}/rehab-episodes/{s.EpisodeA}/stage", new { stage = "education", on = "2026-09-10" }, HttpStatusCode.BadRequest);
        Assert.True(early.GetProperty("errors").TryGetProperty("on", out _));
        await PostAsync(staffA, $"/api/v1/persons/{s.ResidentA}/rehab-episodes/{s.EpisodeB}/stage", new { stage = "detox", on = "2026-09-07" }, HttpStatusCode.Forbidden);

        // Nothing else: no decisions, tests or registrations; no voiding of the commune's facts.
        await PostAsync(staffA, $"/api/v1/persons/{s.ResidentA}/management-decisions", new { decidedAt = "2026-09-08", decisionNumber = "1/QĐ" }, HttpStatusCode.Forbidden);
        await PostAsync(staffA, $"/api/v1/persons/{s.ResidentA}/drug-tests", new { takenAt = "2026-09-08T10:00:00+07:00", sampleType = "urine", result = "negative" }, HttpStatusCode.Forbidden);
        await PostAsync(staffA, $"/api/v1/persons/{s.ResidentA}/rehab-episodes", new { form = "public-facility", decidedAt = "2026-09-08" }, HttpStatusCode.Forbidden);
        await PostAsync(staffA, "/api/v1/persons", new { fullName = "Người mới", dateOfBirth = "1990-01-01", sex = "male", residenceCommuneCode = Commune, address = "Tổ 1" }, HttpStatusCode.Forbidden);
        var commune = await staffA.PostAsJsonAsync($"/api/v1/persons/{s.ResidentA}/case-records/{s.EpisodeA}/void", new { reason = "Không phải việc của cơ sở này" }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, commune.StatusCode);

        // The commune sees what the facility recorded, the void included.
        var file = await s.Officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{s.ResidentA}/case-file", Cancel);
        var records = file.GetProperty("records").EnumerateArray().ToList();
        Assert.Contains(records, r => r.GetProperty("kind").GetString() == "rehab-start" && r.GetProperty("recordedBy").GetString() == App.UserNameFor(Roles.FacilityStaff, s.FacilityA.ToString()));
        Assert.Contains(records, r => r.GetProperty("id").GetGuid() == violation && r.GetProperty("voided").GetBoolean());
        Assert.Contains(records, r => r.GetProperty("kind").GetString() == "rehab-stage");

        // Completion: the stay ends, and the person leaves the facility's view (list, detail, work items).
        await PostAsync(staffA, $"/api/v1/persons/{s.ResidentA}/rehab-episodes/{s.EpisodeA}/end", new { endedOn = "2026-11-20", reason = "completed" });
        Assert.Empty(await SearchAsync(staffA, s.Token));
        Assert.Equal(HttpStatusCode.NotFound, (await staffA.GetAsync($"/api/v1/persons/{s.ResidentA}", Cancel)).StatusCode);
        Assert.DoesNotContain(s.ResidentA, await WorkItemPersonsAsync(staffA));
        await PostAsync(staffA, $"/api/v1/persons/{s.ResidentA}/violations", new { on = "2026-11-21", kind = "rule" }, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await s.Officer.GetAsync($"/api/v1/persons/{s.ResidentA}", Cancel)).StatusCode);
    }

    [Fact]
    public void The_resident_branch_of_the_filter_stays_out_of_the_sql_of_every_other_user()
    {
        // EF Core specialises each statement on which parameters are null, so area users keep their index-range plans.
        string Sql(CurrentUser user)
        {
            using var scope = app.Services.CreateScope();
            var options = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            using var db = (AppDbContext)Activator.CreateInstance(options.GetType(), scope.ServiceProvider.GetRequiredService(typeof(DbContextOptions<>).MakeGenericType(options.GetType())), user, TimeProvider.System)!;
            return db.Persons.Where(p => p.SearchName == "x").Select(p => p.Id).ToQueryString() + db.WorkItems.Select(w => w.Id).ToQueryString();
        }

        Assert.DoesNotContain("facility_residents", Sql(new CurrentUser(Guid.NewGuid(), "ca", Roles.ProvincePolice, ScopeKind.Province, "19", "19", null)), StringComparison.Ordinal);
        Assert.DoesNotContain("facility_residents", Sql(new CurrentUser(Guid.NewGuid(), "cb", Roles.CommunePolice, ScopeKind.Commune, "05443", "19", "05443")), StringComparison.Ordinal);
        Assert.Contains("facility_residents", Sql(new CurrentUser(Guid.NewGuid(), "cs", Roles.FacilityStaff, ScopeKind.Facility, Guid.NewGuid().ToString(), null, null)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_facility_staff_account_names_a_registered_facility()
    {
        var admin = await app.AdminAsync();
        var unknown = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "cs-" + Guid.NewGuid().ToString("N")[..8], password = App.UserPassword, fullName = "Cán bộ cơ sở", role = Roles.FacilityStaff, scope = Guid.NewGuid().ToString() }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Không tìm thấy cơ sở", await unknown.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_daily_review_derives_the_residents_of_a_file_placed_before_the_projection_existed()
    {
        var scene = await SeedAsync();
        // As after an upgrade: the placement is recorded but the projection row is missing.
        await app.WithScopeAsync(s => s.GetRequiredService<AppDbContext>().FacilityResidents.Where(r => r.PersonId == scene.ResidentB).ExecuteDeleteAsync(Cancel));
        var staff = await app.ApiAsAsync(Roles.FacilityStaff, scene.FacilityB.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/persons/{scene.ResidentB}", Cancel)).StatusCode);

        await app.WithScopeAsync(s => s.GetRequiredService<Pcmt.Features.Lifecycle.DailyLegalReview>().RunAsync(Cancel));
        var rows = await app.WithScopeAsync(s => s.GetRequiredService<AppDbContext>().FacilityResidents.Where(r => r.PersonId == scene.ResidentB).Select(r => r.FacilityId).ToListAsync(Cancel));
        Assert.Equal([scene.FacilityB], rows);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/v1/persons/{scene.ResidentB}", Cancel)).StatusCode);
    }
}
