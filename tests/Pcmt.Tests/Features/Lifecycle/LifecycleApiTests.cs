using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Pcmt.Features.Lifecycle;

namespace Pcmt.Tests.Features.Lifecycle;

/// <summary>The "Legal lifecycle" part of the API contract, through HTTP on the real database.</summary>
[Collection(nameof(AppCollection))]
public sealed class LifecycleApiTests(App app)
{
    private const string Commune = "05443";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<HttpClient> OfficerAsync(string commune = Commune) => app.ApiAsAsync(Roles.CommunePolice, commune);

    internal static async Task<Guid> RegisterAsync(HttpClient officer, string fullName, string commune = Commune, string dateOfBirth = "1990-05-12")
    {
        var response = await officer.PostAsJsonAsync("/api/v1/persons", new { fullName, dateOfBirth, sex = "male", residenceCommuneCode = commune, address = "Tổ 3" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync(url, body, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<string> StatusAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{id}", Cancel)).GetProperty("status").GetString()!;

    [Fact, Trait("Category", "Smoke")]
    public async Task A_positive_test_at_10_00_creates_a_work_item_due_the_next_day_at_10_00_and_the_decision_closes_it()
    {
        var officer = await OfficerAsync();
        var id = await RegisterAsync(officer, "Lương Văn Tám");
        await PostAsync(officer, $"/api/v1/persons/{id}/drug-tests", new { takenAt = "2026-08-03T10:00:00+07:00", sampleType = "urine", result = "positive", substances = new[] { "methamphetamine" } });

        var items = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/work-items?commune={Commune}&personId={id}", Cancel);
        var item = Assert.Single(items.GetProperty("items").EnumerateArray());
        Assert.Equal("management-decision", item.GetProperty("kind").GetString());
        Assert.Equal(id, item.GetProperty("personId").GetGuid());
        Assert.Equal("2026-08-04T10:00:00+07:00", item.GetProperty("dueAt").GetString());
        Assert.Contains("Điều 24", item.GetProperty("legalBasis").GetString(), StringComparison.Ordinal);
        Assert.True(item.GetProperty("overdue").GetBoolean());
        Assert.Equal("none", await StatusAsync(officer, id));

        var decision = await PostAsync(officer, $"/api/v1/persons/{id}/management-decisions", new { decidedAt = "2026-08-04", decisionNumber = "15/QĐ-CAP" });
        Assert.Equal("law120-2025", decision.GetProperty("regime").GetString());
        Assert.Equal("2026-08-04", decision.GetProperty("startsOn").GetString());
        Assert.Equal("2027-08-04", decision.GetProperty("endsOn").GetString());
        var after = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/work-items?personId={id}", Cancel);
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), i => i.GetProperty("kind").GetString() == "management-decision");
        Assert.Equal("under-management", await StatusAsync(officer, id));

        var search = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons?status=under-management&q=luong van tam", Cancel);
        Assert.Contains(search.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_decision_of_15_06_2026_runs_under_Law_73()
    {
        var officer = await OfficerAsync();
        var id = await RegisterAsync(officer, "Đỗ Văn Chín");
        var decision = await PostAsync(officer, $"/api/v1/persons/{id}/management-decisions", new { decidedAt = "2026-06-15", decisionNumber = "07/QĐ-UBND" });
        Assert.Equal("law73-2021", decision.GetProperty("regime").GetString());
        Assert.Equal("2027-06-15", decision.GetProperty("endsOn").GetString());
    }

    [Fact]
    public async Task Addicted_with_two_criteria_is_refused_and_changes_nothing()
    {
        var officer = await OfficerAsync();
        var id = await RegisterAsync(officer, "Hà Văn Mười");
        var refused = await PostAsync(officer, $"/api/v1/persons/{id}/addiction-determinations",
            new { concludedAt = "2026-09-01T09:00:00+07:00", criteriaMet = new[] { 1, 2 }, result = "addicted", facility = "Trung tâm Y tế" }, HttpStatusCode.BadRequest);
        Assert.Contains("ít nhất 3", refused.GetProperty("errors").GetProperty("criteriaMet")[0].GetString(), StringComparison.Ordinal);
        var file = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{id}/case-file", Cancel);
        Assert.Empty(file.GetProperty("records").EnumerateArray());

        await PostAsync(officer, $"/api/v1/persons/{id}/addiction-determinations", new { concludedAt = "2026-09-01T09:00:00+07:00", criteriaMet = new[] { 1, 3, 6 }, result = "addicted" });
        Assert.Equal("addicted-pending-registration", await StatusAsync(officer, id));
    }

    [Fact]
    public async Task A_first_home_rehab_received_on_07_09_2026_runs_24_months_to_07_09_2028()
    {
        var officer = await OfficerAsync();
        var id = await RegisterAsync(officer, "Vi Văn Mười Một");
        var episode = await PostAsync(officer, $"/api/v1/persons/{id}/rehab-episodes", new { form = "home-community", decidedAt = "2026-09-04T10:00:00+07:00", startedOn = "2026-09-07", decisionNumber = "22/QĐ-CAP" });
        Assert.Equal("law120-2025", episode.GetProperty("regime").GetString());
        Assert.Equal(24, episode.GetProperty("termMonths").GetInt32());
        Assert.Equal("2028-09-07", episode.GetProperty("plannedEndOn").GetString());
        Assert.Equal("in-voluntary-rehab", await StatusAsync(officer, id));

        // A second episode while the first runs is refused; under Law 73 the term of the decision must be given within 6–12 months.
        await PostAsync(officer, $"/api/v1/persons/{id}/rehab-episodes", new { form = "home-community", decidedAt = "2026-09-10" }, HttpStatusCode.BadRequest);
        var old = await RegisterAsync(officer, "Vi Văn Mười Hai");
        var law73 = await PostAsync(officer, $"/api/v1/persons/{old}/rehab-episodes", new { form = "home-community", decidedAt = "2026-03-02" }, HttpStatusCode.BadRequest);
        Assert.Contains("6 đến 12", law73.GetProperty("errors").GetProperty("termMonths")[0].GetString(), StringComparison.Ordinal);
        var accepted = await PostAsync(officer, $"/api/v1/persons/{old}/rehab-episodes", new { form = "home-community", decidedAt = "2026-03-02", startedOn = "2026-03-03", termMonths = 12 });
        Assert.Equal("law73-2021", accepted.GetProperty("regime").GetString());
        Assert.Equal("2027-03-03", accepted.GetProperty("plannedEndOn").GetString());
    }

    [Fact]
    public async Task Bad_input_gets_Vietnamese_field_errors_and_nothing_is_recorded()
    {
        var officer = await OfficerAsync();
        var id = await RegisterAsync(officer, "Lò Văn Sáu");
        var bad = await PostAsync(officer, $"/api/v1/persons/{id}/drug-tests", new { takenAt = "hôm qua", sampleType = "hair", result = "maybe" }, HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.Contains("Thời điểm", errors.GetProperty("takenAt")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("urine", errors.GetProperty("sampleType")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("result", out _));
        await PostAsync(officer, $"/api/v1/persons/{id}/drug-tests", new { takenAt = "2099-01-01", sampleType = "urine", result = "positive" }, HttpStatusCode.BadRequest);
        await PostAsync(officer, $"/api/v1/persons/{id}/management-decisions/{Guid.NewGuid()}/changes", new { action = "stop", on = "2026-09-01", reason = "died" }, HttpStatusCode.BadRequest);
        var file = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{id}/case-file", Cancel);
        Assert.Empty(file.GetProperty("records").EnumerateArray());
    }

    [Fact]
    public async Task Records_follow_the_area_and_the_role()
    {
        var officer = await OfficerAsync();
        var id = await RegisterAsync(officer, "Nông Văn Bảy");
        var elsewhere = await OfficerAsync("01840");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsJsonAsync($"/api/v1/persons/{id}/drug-tests", new { takenAt = "2026-08-03", sampleType = "urine", result = "positive" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/v1/persons/{id}/case-file", Cancel)).StatusCode);

        var health = await app.ApiAsAsync(Roles.HealthStaff, Commune);
        await PostAsync(health, $"/api/v1/persons/{id}/drug-tests", new { takenAt = "2026-08-03T10:00:00+07:00", sampleType = "urine", result = "positive" });
        Assert.Equal(HttpStatusCode.Forbidden, (await health.PostAsJsonAsync($"/api/v1/persons/{id}/management-decisions", new { decidedAt = "2026-08-04", decisionNumber = "1" }, Cancel)).StatusCode);
        var committee = await app.ApiAsAsync(Roles.CommuneCommittee, Commune);
        Assert.Equal(HttpStatusCode.Forbidden, (await committee.PostAsJsonAsync($"/api/v1/persons/{id}/drug-tests", new { takenAt = "2026-08-03", sampleType = "urine", result = "positive" }, Cancel)).StatusCode);

        var otherItems = await elsewhere.GetFromJsonAsync<JsonElement>($"/api/v1/work-items?personId={id}", Cancel);
        Assert.Equal(0, otherItems.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_management_decision_prints_as_Form_04_in_administrative_Vietnamese()
    {
        var officer = await OfficerAsync();
        var id = await RegisterAsync(officer, "Triệu Văn Năm");
        await PostAsync(officer, $"/api/v1/persons/{id}/management-decisions", new { decidedAt = "2026-08-04T09:00:00+07:00", decisionNumber = "15/QĐ-CAP", officerName = "Thượng úy Hoàng Văn An" });
        var response = await officer.GetAsync($"/api/v1/persons/{id}/documents/04", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel)), false);
        var text = document.MainDocumentPart!.Document!.InnerText;
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
        Assert.Contains("Số: 15/QĐ-CAP", text, StringComparison.Ordinal);
        Assert.Contains("Phan Đình Phùng, ngày 04 tháng 08 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15", text, StringComparison.Ordinal);
        Assert.Contains("Triệu Văn Năm", text, StringComparison.Ordinal);
        Assert.Contains("đến hết ngày 04/08/2027", text, StringComparison.Ordinal);
        Assert.Contains("TRƯỞNG CÔNG AN", text, StringComparison.Ordinal);
        Assert.Contains("Thượng úy Hoàng Văn An", text, StringComparison.Ordinal);

        // Nghị định 30/2020/NĐ-CP layout: the authority once, the unit type lower-case mid-sentence, the two header blocks
        // side by side in a borderless table with a rule line under the agency name and under the motto, Times New Roman 13.
        Assert.DoesNotContain("CÔNG AN CÔNG AN", text, StringComparison.Ordinal);
        Assert.Contains("TRƯỞNG CÔNG AN PHƯỜNG PHAN ĐÌNH PHÙNG", text, StringComparison.Ordinal);
        Assert.Contains("phường Phan Đình Phùng, tỉnh Thái Nguyên", text, StringComparison.Ordinal);
        Assert.DoesNotContain(", Tỉnh Thái Nguyên", text, StringComparison.Ordinal);
        var body = document.MainDocumentPart!.Document!.Body!;
        var header = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().First();
        var cells = header.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().ToList();
        Assert.Equal(2, cells.Count);
        Assert.Contains("CÔNG AN PHƯỜNG PHAN ĐÌNH PHÙNG", cells[0].InnerText, StringComparison.Ordinal);
        Assert.StartsWith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", cells[1].InnerText, StringComparison.Ordinal);
        Assert.All(header.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.TableProperties>()!.TableBorders!.ChildElements,
            border => Assert.Equal("none", border.GetAttribute("val", "http://schemas.openxmlformats.org/wordprocessingml/2006/main").Value));
        Assert.All(cells, cell => Assert.Single(cell.Descendants<DocumentFormat.OpenXml.Wordprocessing.ParagraphBorders>()));
        var fonts = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<DocumentFormat.OpenXml.Wordprocessing.RunFonts>().Single();
        Assert.Equal("Times New Roman", fonts.Ascii!.Value);

        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync($"/api/v1/persons/{id}/documents/53", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync($"/api/v1/persons/{id}/documents/99", Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_legal_lists_are_views_with_removal_reasons_and_export_to_Excel()
    {
        var officer = await OfficerAsync();
        var id = await RegisterAsync(officer, "Mã Văn Bốn");
        var decision = await PostAsync(officer, $"/api/v1/persons/{id}/management-decisions", new { decidedAt = "2026-08-04", decisionNumber = "16/QĐ-CAP" });
        var list = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/legal-lists/users?commune={Commune}&pageSize=500", Cancel);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("personId").GetGuid() == id);

        await PostAsync(officer, $"/api/v1/persons/{id}/management-decisions/{decision.GetProperty("id").GetGuid()}/changes", new { action = "stop", on = "2026-09-01", reason = "prison", decisionNumber = "08" });
        var removed = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/legal-lists/users?commune={Commune}&state=removed&pageSize=500", Cancel);
        var row = removed.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("personId").GetGuid() == id);
        Assert.Contains("phạt tù", row.GetProperty("removalReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("closed", await StatusAsync(officer, id));

        var export = await officer.GetAsync($"/api/v1/legal-lists/users/export?commune={Commune}&state=all", Cancel);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("danh-sach-nguoi-su-dung-trai-phep-chat-ma-tuy-dang-bi-quan-ly.xlsx", export.Content.Headers.ContentDisposition?.FileNameStar ?? export.Content.Headers.ContentDisposition?.FileName);
        // Read back from the workbook's XML, not with the library that wrote it; the table starts under the form's heading.
        var book = new Pcmt.Tests.Infrastructure.XlsxReader(await export.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal("Họ và tên", book.Cell("C7"));
        Assert.Equal("Lý do đưa ra khỏi danh sách", book.Cell("H7"));
        var bonRow = Enumerable.Range(8, 200).First(r => book.Cell("C" + r) == "Mã Văn Bốn");
        Assert.Contains("phạt tù", book.Cell("H" + bonRow), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/legal-lists/nobody", Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_daily_review_is_idempotent()
    {
        var officer = await OfficerAsync();
        var id = await RegisterAsync(officer, "Sầm Văn Hai");
        await PostAsync(officer, $"/api/v1/persons/{id}/drug-tests", new { takenAt = "2026-08-03T10:00:00+07:00", sampleType = "urine", result = "positive" });
        await app.WithScopeAsync(services => services.GetRequiredService<DailyLegalReview>().RunAsync(Cancel));
        var second = await app.WithScopeAsync(services => services.GetRequiredService<DailyLegalReview>().RunAsync(Cancel));
        Assert.Equal(0, second.MarkedOverdue);
        Assert.Equal(0, second.FilesRefreshed);
    }

    [Fact]
    public async Task Only_interpreted_parameters_can_be_changed_by_an_administrator_with_a_reason()
    {
        var admin = await app.AdminAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/legal-parameters/law120-2025/rehab-term-first-months", new { value = "12", reason = "Thử thay đổi tham số" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/legal-parameters/all/due-soon-days", new { value = "5" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/legal-parameters/all/due-soon-days", new { value = "5", reason = "Theo yêu cầu của Công an tỉnh" }, Cancel)).StatusCode);
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/legal-parameters", Cancel);
        Assert.Equal("5", list.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("key").GetString() == "due-soon-days").GetProperty("value").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/legal-parameters/all/due-soon-days", new { value = "3", reason = "Trả lại giá trị mặc định" }, Cancel)).StatusCode);
        var officer = await OfficerAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutAsJsonAsync("/api/v1/legal-parameters/all/due-soon-days", new { value = "5", reason = "Theo yêu cầu của Công an tỉnh" }, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Facilities_count_their_residents_from_the_files_and_show_over_capacity()
    {
        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var facility = await PostAsync(province, "/api/v1/facilities", new { kind = "public-rehab", name = "Cơ sở cai nghiện ma túy công lập số " + Random.Shared.Next(1000), provinceCode = "19", capacity = 1 });
        var facilityId = facility.GetProperty("id").GetGuid();
        await PostAsync(province, "/api/v1/facilities", new { kind = "public-rehab", name = "Thiếu công suất", provinceCode = "19" }, HttpStatusCode.BadRequest);
        await PostAsync(province, "/api/v1/facilities", new { kind = "public-rehab", name = "Tỉnh khác", provinceCode = "01", capacity = 10 }, HttpStatusCode.BadRequest);

        var officer = await OfficerAsync();
        foreach (var name in new[] { "Lục Văn Một", "Lục Văn Hai" })
        {
            var id = await RegisterAsync(officer, name);
            await PostAsync(officer, $"/api/v1/persons/{id}/rehab-episodes", new { form = "public-facility", decidedAt = "2026-09-04", startedOn = "2026-09-05", facilityId });
        }

        var list = await province.GetFromJsonAsync<JsonElement>("/api/v1/facilities?province=19&kind=public-rehab", Cancel);
        var row = list.GetProperty("items").EnumerateArray().Single(f => f.GetProperty("id").GetGuid() == facilityId);
        Assert.Equal(2, row.GetProperty("residents").GetInt32());
        Assert.True(row.GetProperty("overCapacity").GetBoolean());
    }

    [Fact]
    public async Task Support_services_are_recorded_with_date_provider_and_outcome()
    {
        var officer = await OfficerAsync();
        var id = await RegisterAsync(officer, "Hoàng Văn Ba");
        await PostAsync(officer, $"/api/v1/persons/{id}/support-services", new { kind = "legal-aid", requestedOn = "2026-09-01", providedOn = "2026-09-10", provider = "Trung tâm Trợ giúp pháp lý tỉnh", outcome = "Đã tư vấn" });
        await PostAsync(officer, $"/api/v1/persons/{id}/support-services", new { kind = "karaoke", providedOn = "2026-09-10" }, HttpStatusCode.BadRequest);
        await PostAsync(officer, $"/api/v1/persons/{id}/support-services", new { kind = "loan", requestedOn = "2026-09-10", providedOn = "2026-09-01" }, HttpStatusCode.BadRequest);
        var list = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{id}/support-services", Cancel);
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("Trợ giúp pháp lý", item.GetProperty("kindName").GetString());
    }
}
