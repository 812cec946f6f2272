using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Pcmt.Features.Reports;

namespace Pcmt.Tests.Features.Reports;

/// <summary>Its own database, so completeness counts only this class's reports.</summary>
public sealed class ReportsApp : App;

public sealed class ReportsApiTests(ReportsApp app) : IClassFixture<ReportsApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string url, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await client.SendAsync(request, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"{method} {url}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<Guid> UnderManagementAsync(HttpClient officer, string name, string sex, string commune, string decidedAt)
    {
        var person = await SendAsync(officer, HttpMethod.Post, "/api/v1/persons", new { fullName = name, dateOfBirth = "1995", sex, residenceCommuneCode = commune }, HttpStatusCode.Created);
        var id = person.GetProperty("id").GetGuid();
        await SendAsync(officer, HttpMethod.Post, $"/api/v1/persons/{id}/management-decisions", new { decidedAt, decisionNumber = $"{name}/QĐ" }, HttpStatusCode.Created);
        return id;
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string url) => await SendAsync(client, HttpMethod.Get, url, null, HttpStatusCode.OK);

    [Fact]
    public async Task A_commune_report_is_reconciled_submitted_returned_resubmitted_approved_and_locked()
    {
        const string Commune = "05443";
        var officer = await app.ApiAsAsync(Roles.CommunePolice, Commune);
        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");

        // Two people under management by the cut-off (14/06/2026), a third only after it.
        await UnderManagementAsync(officer, "Nguyễn Văn Kỳ Một", "male", Commune, "2026-03-01");
        await UnderManagementAsync(officer, "Trần Thị Kỳ Hai", "female", Commune, "2026-05-10");
        await UnderManagementAsync(officer, "Lê Văn Sau Kỳ", "male", Commune, "2026-06-20");

        var templates = await GetAsync(officer, "/api/v1/report-templates");
        var commune = templates.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("code").GetString() == "commune-half-year");
        Assert.Equal("half-year", commune.GetProperty("frequency").GetString());
        Assert.Equal("commune", commune.GetProperty("reporterKind").GetString());
        Assert.Contains(commune.GetProperty("fields").EnumerateArray(), f => f.GetProperty("code").GetString() == "X01" && f.GetProperty("computed").GetBoolean());
        Assert.Contains(commune.GetProperty("fields").EnumerateArray(), f => f.GetProperty("code").GetString() == "X01.AGE13.14-16");

        var created = await SendAsync(officer, HttpMethod.Post, "/api/v1/reports", new { template = "commune-half-year", period = "2026H1", reporter = Commune }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("2026-06-15", created.GetProperty("dueOn").GetString()); // cut-off 14/06, communes report before the 16th
        await SendAsync(officer, HttpMethod.Post, "/api/v1/reports", new { template = "commune-half-year", period = "2026H1", reporter = Commune }, HttpStatusCode.Conflict);
        await SendAsync(officer, HttpMethod.Post, "/api/v1/reports", new { template = "commune-half-year", period = "2026Q1", reporter = Commune }, HttpStatusCode.BadRequest);
        await SendAsync(officer, HttpMethod.Post, "/api/v1/reports", new { template = "commune-half-year", period = "2026H1", reporter = "01840" }, HttpStatusCode.Forbidden);

        var report = await GetAsync(officer, $"/api/v1/reports/{id}");
        Assert.Equal("draft", report.GetProperty("status").GetString());
        Assert.Equal(2, report.GetProperty("computed").GetProperty("X01").GetDecimal());
        Assert.Equal(1, report.GetProperty("computed").GetProperty("X01.SEX.male").GetDecimal());
        Assert.Equal(1, report.GetProperty("computed").GetProperty("X01.SEX.female").GetDecimal());
        Assert.Equal(2, report.GetProperty("computed").GetProperty("X02").GetDecimal());

        // Bad input changes nothing.
        await SendAsync(officer, HttpMethod.Put, $"/api/v1/reports/{id}", new { values = new Dictionary<string, object> { ["X01"] = -1 }, version = report.GetProperty("version").GetGuid() }, HttpStatusCode.BadRequest);
        await SendAsync(officer, HttpMethod.Put, $"/api/v1/reports/{id}", new { values = new Dictionary<string, object> { ["NOPE"] = 1 }, version = report.GetProperty("version").GetGuid() }, HttpStatusCode.BadRequest);
        await SendAsync(officer, HttpMethod.Put, $"/api/v1/reports/{id}", new { values = new Dictionary<string, object> { ["X01"] = 3 }, version = Guid.NewGuid() }, HttpStatusCode.Conflict);

        var values = new Dictionary<string, object> { ["X01"] = 3, ["X13"] = 0, ["X22"] = "Tình hình ổn định; kiến nghị tăng cường tuyên truyền." };
        await SendAsync(officer, HttpMethod.Put, $"/api/v1/reports/{id}", new { values, version = report.GetProperty("version").GetGuid() }, HttpStatusCode.NoContent);
        var missingNote = await SendAsync(officer, HttpMethod.Post, $"/api/v1/reports/{id}/submit", null, HttpStatusCode.BadRequest);
        Assert.True(missingNote.GetProperty("errors").TryGetProperty("notes[X01]", out _), missingNote.ToString());

        report = await GetAsync(officer, $"/api/v1/reports/{id}");
        await SendAsync(officer, HttpMethod.Put, $"/api/v1/reports/{id}", new
        {
            values,
            notes = new Dictionary<string, string> { ["X01"] = "Một người chuyển đến ngày 10/06, hồ sơ chưa nhập hệ thống." },
            version = report.GetProperty("version").GetGuid(),
        }, HttpStatusCode.NoContent);
        await SendAsync(officer, HttpMethod.Post, $"/api/v1/reports/{id}/submit", null, HttpStatusCode.NoContent);
        report = await GetAsync(officer, $"/api/v1/reports/{id}");
        Assert.Equal("submitted", report.GetProperty("status").GetString());
        await SendAsync(officer, HttpMethod.Put, $"/api/v1/reports/{id}", new { values, version = report.GetProperty("version").GetGuid() }, HttpStatusCode.Conflict);

        // The commune cannot review its own report; the provincial police return it with a reason.
        await SendAsync(officer, HttpMethod.Post, $"/api/v1/reports/{id}/approve", null, HttpStatusCode.Forbidden);
        await SendAsync(province, HttpMethod.Post, $"/api/v1/reports/{id}/return", new { reason = "" }, HttpStatusCode.BadRequest);
        await SendAsync(province, HttpMethod.Post, $"/api/v1/reports/{id}/return", new { reason = "Số người có hồ sơ phải khớp sổ đăng ký; nhập hồ sơ còn thiếu." }, HttpStatusCode.NoContent);
        report = await GetAsync(officer, $"/api/v1/reports/{id}");
        Assert.Equal("returned", report.GetProperty("status").GetString());
        Assert.Contains(report.GetProperty("history").EnumerateArray(), h => h.GetProperty("action").GetString() == "returned"
            && h.GetProperty("reason").GetString() == "Số người có hồ sơ phải khớp sổ đăng ký; nhập hồ sơ còn thiếu.");

        values["X01"] = 2;
        await SendAsync(officer, HttpMethod.Put, $"/api/v1/reports/{id}", new { values, notes = new Dictionary<string, string>(), version = report.GetProperty("version").GetGuid() }, HttpStatusCode.NoContent);
        await SendAsync(officer, HttpMethod.Post, $"/api/v1/reports/{id}/submit", null, HttpStatusCode.NoContent);
        await SendAsync(province, HttpMethod.Post, $"/api/v1/reports/{id}/approve", null, HttpStatusCode.NoContent);
        report = await GetAsync(officer, $"/api/v1/reports/{id}");
        Assert.Equal("approved", report.GetProperty("status").GetString());
        Assert.Equal(["created", "saved", "saved", "submitted", "returned", "saved", "submitted", "approved"],
            report.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()!).ToArray());
        await SendAsync(officer, HttpMethod.Put, $"/api/v1/reports/{id}", new { values, version = report.GetProperty("version").GetGuid() }, HttpStatusCode.Conflict);

        var completeness = await GetAsync(province, "/api/v1/reports/completeness?template=commune-half-year&period=2026H1&province=19");
        Assert.Equal(92, completeness.GetProperty("expected").GetInt32());
        Assert.Equal(1, completeness.GetProperty("submitted").GetInt32());
        Assert.Equal(1, completeness.GetProperty("approved").GetInt32());
        Assert.Equal(91, completeness.GetProperty("missing").GetArrayLength());
        Assert.DoesNotContain(Commune, completeness.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(92, completeness.GetProperty("late").GetInt32()); // the due date 15/06/2026 has passed: 91 missing, and this one was first submitted after it
        await SendAsync(officer, HttpMethod.Get, "/api/v1/reports/completeness?template=commune-half-year&period=2026H1&province=19", null, HttpStatusCode.NotFound);
        // The whole country's board (issue 19): for users who see the whole installation only; every current commune is expected.
        await SendAsync(province, HttpMethod.Get, "/api/v1/reports/completeness?template=commune-half-year&period=2026H1&province=VN", null, HttpStatusCode.NotFound);
        var nationalViewer = await app.ApiAsAsync(Roles.Viewer, null);
        var national = await GetAsync(nationalViewer, "/api/v1/reports/completeness?template=commune-half-year&period=2026H1&province=VN");
        Assert.Equal(3321, national.GetProperty("expected").GetInt32());
        Assert.True(national.GetProperty("approved").GetInt32() >= 1);
        Assert.DoesNotContain(Commune, national.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(national.GetProperty("expected").GetInt32() - national.GetProperty("submitted").GetInt32(), national.GetProperty("missing").GetArrayLength());
        // The consolidation stays per province.
        await SendAsync(nationalViewer, HttpMethod.Get, "/api/v1/reports/consolidation?template=commune-half-year&period=2026H1&province=VN", null, HttpStatusCode.BadRequest);

        var consolidation = await GetAsync(province, "/api/v1/reports/consolidation?template=commune-half-year&period=2026H1&province=19");
        Assert.Equal(1, consolidation.GetProperty("approvedReports").GetInt32());
        Assert.Equal(2, consolidation.GetProperty("totals").GetProperty("X01").GetDecimal());

        // ADX: the approved values and the computed indicators, valid against the ADX 1.0 schema.
        var adxResponse = await province.GetAsync("/api/v1/exchange/adx?period=2026H1&area=19", Cancel);
        Assert.Equal(HttpStatusCode.OK, adxResponse.StatusCode);
        Assert.Equal("application/adx+xml", adxResponse.Content.Headers.ContentType?.MediaType);
        var adx = XDocument.Parse(await adxResponse.Content.ReadAsStringAsync(Cancel));
        Assert.Empty(AdxExchange.Validate(adx));
        var group = adx.Root!.Elements(AdxExchange.Adx + "group").Single(g => (string?)g.Attribute("dataSet") == "commune-half-year" && (string?)g.Attribute("orgUnit") == Commune);
        Assert.Equal("2025-12-15/P6M", (string?)group.Attribute("period"));
        Assert.Equal("2", (string?)group.Elements(AdxExchange.Adx + "dataValue").Single(d => (string?)d.Attribute("dataElement") == "X01" && d.Attribute("SEX") is null).Attribute("value"));
        Assert.Contains(adx.Root.Elements(AdxExchange.Adx + "group"), g => (string?)g.Attribute("dataSet") == AdxExchange.IndicatorDataSet);

        // Round trip: the same document for the next half-year imports into a new draft with the same values.
        group.SetAttributeValue("period", "2026-06-15/P6M");
        var imported = await province.PostAsync("/api/v1/exchange/adx", new StringContent(adx.ToString(), Encoding.UTF8, "application/adx+xml"), Cancel);
        var summary = JsonDocument.Parse(await imported.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.True(imported.StatusCode == HttpStatusCode.OK, summary.ToString());
        Assert.Equal(1, summary.GetProperty("created").GetInt32());
        var list = await GetAsync(officer, "/api/v1/reports?period=2026H2");
        var copy = await GetAsync(officer, $"/api/v1/reports/{list.GetProperty("items")[0].GetProperty("id").GetGuid()}");
        Assert.Equal("draft", copy.GetProperty("status").GetString());
        Assert.Equal(2, copy.GetProperty("values").GetProperty("X01").GetDecimal());
        Assert.Equal(0, copy.GetProperty("values").GetProperty("X13").GetDecimal());
        var malformed = await province.PostAsync("/api/v1/exchange/adx", new StringContent("<adx xmlns=\"urn:ihe:qrph:adx:2015\"><group/></adx>", Encoding.UTF8, "application/adx+xml"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        // Reopening needs the reviewer and a reason; the approved version stays in the history.
        await SendAsync(officer, HttpMethod.Post, $"/api/v1/reports/{id}/reopen", new { reason = "Sửa" }, HttpStatusCode.Forbidden);
        await SendAsync(province, HttpMethod.Post, $"/api/v1/reports/{id}/reopen", new { reason = "Bổ sung số liệu xét nghiệm." }, HttpStatusCode.NoContent);
        report = await GetAsync(officer, $"/api/v1/reports/{id}");
        values["X13"] = 5;
        await SendAsync(officer, HttpMethod.Put, $"/api/v1/reports/{id}", new { values, version = report.GetProperty("version").GetGuid() }, HttpStatusCode.NoContent);
        report = await GetAsync(province, $"/api/v1/reports/{id}");
        Assert.Equal(1, report.GetProperty("changedSinceApproval").GetInt32());
        Assert.Equal("reopened", report.GetProperty("history").EnumerateArray().Last(h => h.GetProperty("action").GetString() != "saved").GetProperty("action").GetString());
    }

    /// <summary>
    /// Issue 19: the age bands (QĐ 13/2019/QĐ-TTg) are counted in SQL, in the report of one commune and in the province's
    /// consolidation alike. A person whose birthday is the cut-off day (14/06/2026) has reached that age; one born the day after
    /// has not; a person with only a year of birth counts that year; 29 February is a birthday like any other.
    /// </summary>
    [Fact]
    public async Task Age_bands_at_the_cut_off_day_are_the_same_in_a_commune_report_and_in_the_consolidation()
    {
        const string Commune = "25747"; // province 79: no other test of this class reports there
        var officer = await app.ApiAsAsync(Roles.CommunePolice, Commune);
        var province = await app.ApiAsAsync(Roles.ProvincePolice, "79");
        (string Born, string Sex, string Ethnicity)[] people =
        [
            ("2012-06-14", "male", "Kinh"), // 14 on the cut-off day: 14-16
            ("2012-06-15", "female", "Kinh"), // 13: lt14
            ("2010-06-14", "male", "Tày"), // 16: 16-18
            ("2008-06-15", "male", "Kinh"), // 17: 16-18
            ("2008-06-14", "female", "Kinh"), // 18: 18-30
            ("1996-06-15", "male", "Tày"), // 29: 18-30
            ("1996-06-14", "male", "Kinh"), // 30: ge30
            ("2012", "female", "Kinh"), // year only, 2026 − 2012 = 14: 14-16
            ("2012-02-29", "male", "Kinh"), // 14: 14-16
        ];
        var index = 0;
        foreach (var (born, sex, ethnicity) in people)
        {
            var person = await SendAsync(officer, HttpMethod.Post, "/api/v1/persons",
                new { fullName = $"Phạm Văn Tuổi {++index}", dateOfBirth = born, sex, ethnicity, residenceCommuneCode = Commune }, HttpStatusCode.Created);
            await SendAsync(officer, HttpMethod.Post, $"/api/v1/persons/{person.GetProperty("id").GetGuid()}/management-decisions",
                new { decidedAt = "2026-03-02", decisionNumber = $"Tuổi {index}/QĐ" }, HttpStatusCode.Created);
        }

        var expected = new Dictionary<string, decimal>
        {
            ["X01"] = 9,
            ["X01.AGE13.lt14"] = 1,
            ["X01.AGE13.14-16"] = 3,
            ["X01.AGE13.16-18"] = 2,
            ["X01.AGE13.18-30"] = 2,
            ["X01.AGE13.ge30"] = 1,
            ["X01.SEX.male"] = 6,
            ["X01.SEX.female"] = 3,
            ["X01.ETH.kinh"] = 7,
            ["X01.ETH.other"] = 2,
            ["X02.AGE13.lt14"] = 1,
            ["X02.AGE13.14-16"] = 3,
            ["X02.AGE13.16-18"] = 2,
            ["X02.AGE13.18-30"] = 2,
            ["X02.AGE13.ge30"] = 1,
        };
        var id = (await SendAsync(officer, HttpMethod.Post, "/api/v1/reports", new { template = "commune-half-year", period = "2026H1", reporter = Commune }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var report = await GetAsync(officer, $"/api/v1/reports/{id}");
        foreach (var (field, value) in expected)
            Assert.True(value == report.GetProperty("computed").GetProperty(field).GetDecimal(), $"{field}: expected {value}, report computed {report.GetProperty("computed").GetProperty(field)}");

        // Approved with only the total; the consolidation lists every bound field the report left out with the registry's figure.
        var values = new Dictionary<string, object> { ["X01"] = 9, ["X13"] = 0, ["X22"] = "Ổn định." };
        await SendAsync(officer, HttpMethod.Put, $"/api/v1/reports/{id}", new { values, version = report.GetProperty("version").GetGuid() }, HttpStatusCode.NoContent);
        await SendAsync(officer, HttpMethod.Post, $"/api/v1/reports/{id}/submit", null, HttpStatusCode.NoContent);
        await SendAsync(province, HttpMethod.Post, $"/api/v1/reports/{id}/approve", null, HttpStatusCode.NoContent);
        var consolidation = await GetAsync(province, "/api/v1/reports/consolidation?template=commune-half-year&period=2026H1&province=79");
        var computed = consolidation.GetProperty("differences").EnumerateArray().Where(d => d.GetProperty("reporter").GetString() == Commune)
            .ToDictionary(d => d.GetProperty("field").GetString()!, d => d.GetProperty("computed").GetDecimal());
        Assert.DoesNotContain("X01", computed.Keys); // reported as computed
        foreach (var (field, value) in expected.Where(e => e.Key != "X01"))
            Assert.True(computed.TryGetValue(field, out var got) && got == value, $"{field}: expected {value}, consolidation {(computed.TryGetValue(field, out var g) ? g : null)}");
    }

    [Fact]
    public async Task Reports_stay_inside_the_reporter_and_its_province()
    {
        var a = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var b = await app.ApiAsAsync(Roles.CommuneCommittee, "01840");
        var hanoi = await app.ApiAsAsync(Roles.CommunePolice, "00004");
        var thaiNguyen = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var haNoiPolice = await app.ApiAsAsync(Roles.ProvincePolice, "01");

        var inA = (await SendAsync(a, HttpMethod.Post, "/api/v1/reports", new { template = "commune-half-year", period = "2025H2", reporter = "05443" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var inB = (await SendAsync(b, HttpMethod.Post, "/api/v1/reports", new { template = "commune-half-year", period = "2025H2", reporter = "01840" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var inHanoi = (await SendAsync(hanoi, HttpMethod.Post, "/api/v1/reports", new { template = "commune-half-year", period = "2025H2", reporter = "00004" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await SendAsync(a, HttpMethod.Get, $"/api/v1/reports/{inB}", null, HttpStatusCode.NotFound);
        await SendAsync(b, HttpMethod.Get, $"/api/v1/reports/{inA}", null, HttpStatusCode.NotFound);
        await SendAsync(a, HttpMethod.Put, $"/api/v1/reports/{inB}", new { values = new { }, version = Guid.NewGuid() }, HttpStatusCode.NotFound);
        await SendAsync(thaiNguyen, HttpMethod.Get, $"/api/v1/reports/{inHanoi}", null, HttpStatusCode.NotFound);
        await SendAsync(haNoiPolice, HttpMethod.Post, $"/api/v1/reports/{inA}/return", new { reason = "x" }, HttpStatusCode.NotFound);

        static async Task<List<Guid>> Ids(HttpClient client) =>
            (await GetAsync(client, "/api/v1/reports?period=2025H2")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([inA], await Ids(a));
        Assert.Equal([inB], await Ids(b));
        Assert.Equal([inB, inA], await Ids(thaiNguyen)); // ordered by reporter code: 01840, 05443
        Assert.Equal([inHanoi], await Ids(haNoiPolice));
        await SendAsync(haNoiPolice, HttpMethod.Get, "/api/v1/reports/completeness?template=commune-half-year&period=2025H2&province=19", null, HttpStatusCode.NotFound);
        await SendAsync(haNoiPolice, HttpMethod.Get, "/api/v1/exchange/adx?period=2025H2&area=19", null, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_province_template_is_versioned_and_a_report_keeps_the_version_it_was_made_with()
    {
        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var officer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        object Template(string label) => new
        {
            code = "tn-quarterly-school",
            name = "Báo cáo quý về tuyên truyền trong trường học",
            frequency = "quarter",
            reporterKind = "commune",
            sections = new[] { new { title = "Kết quả", fields = new object[] { new { code = "S1", label, type = "number", required = true }, new { code = "S2", label = "Số người quản lý", type = "number", binding = "persons-under-management" } } } },
        };
        await SendAsync(province, HttpMethod.Post, "/api/v1/report-templates", new { code = "commune-half-year", name = "x", frequency = "year", reporterKind = "commune", sections = Array.Empty<object>() }, HttpStatusCode.BadRequest);
        await SendAsync(officer, HttpMethod.Post, "/api/v1/report-templates", Template("Số buổi"), HttpStatusCode.Forbidden);
        Assert.Equal(1, (await SendAsync(province, HttpMethod.Post, "/api/v1/report-templates", Template("Số buổi tuyên truyền"), HttpStatusCode.Created)).GetProperty("version").GetInt32());
        var id = (await SendAsync(officer, HttpMethod.Post, "/api/v1/reports", new { template = "tn-quarterly-school", period = "2026Q2", reporter = "05443" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal(2, (await SendAsync(province, HttpMethod.Post, "/api/v1/report-templates", Template("Số buổi (đã sửa)"), HttpStatusCode.Created)).GetProperty("version").GetInt32());

        var report = await GetAsync(officer, $"/api/v1/reports/{id}");
        Assert.Equal(1, report.GetProperty("templateVersion").GetInt32());
        var hanoi = await app.ApiAsAsync(Roles.ProvincePolice, "01");
        var seen = await GetAsync(hanoi, "/api/v1/report-templates");
        Assert.DoesNotContain(seen.GetProperty("items").EnumerateArray(), t => t.GetProperty("code").GetString() == "tn-quarterly-school");
        var mine = await GetAsync(province, "/api/v1/report-templates");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), t => t.GetProperty("code").GetString() == "tn-quarterly-school" && t.GetProperty("version").GetInt32() == 2);
    }

    [Fact]
    public async Task An_approved_agency_report_feeds_SCHOOL_EDUCATION_and_a_department_sees_only_its_own()
    {
        await app.EnsureAgencyAsync("so-gd-dt-rp", "19", "Sở Giáo dục và Đào tạo");
        await app.EnsureAgencyAsync("so-y-te-rp", "19", "Sở Y tế");
        var education = await app.ApiAsAsync(Roles.Department, "so-gd-dt-rp");
        var health = await app.ApiAsAsync(Roles.Department, "so-y-te-rp");
        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");

        await SendAsync(health, HttpMethod.Post, "/api/v1/reports", new { template = "agency-half-year", period = "2026H1", reporter = "so-gd-dt-rp" }, HttpStatusCode.Forbidden);
        var id = (await SendAsync(education, HttpMethod.Post, "/api/v1/reports", new { template = "agency-half-year", period = "2026H1", reporter = "so-gd-dt-rp" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var own = (await SendAsync(health, HttpMethod.Post, "/api/v1/reports", new { template = "agency-half-year", period = "2026H1", reporter = "so-y-te-rp" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await SendAsync(health, HttpMethod.Get, $"/api/v1/reports/{id}", null, HttpStatusCode.NotFound);
        Assert.Equal([own], (await GetAsync(health, "/api/v1/reports")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal([id], (await GetAsync(education, "/api/v1/reports")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));

        var report = await GetAsync(education, $"/api/v1/reports/{id}");
        await SendAsync(education, HttpMethod.Put, $"/api/v1/reports/{id}", new
        {
            values = new Dictionary<string, object>
            {
                ["D07.schools-total"] = 200,
                ["D07.schools-educating"] = 150,
                ["D02"] = new[] { new[] { "NV-05", "Tuyên truyền trong trường học", "Chủ trì", "31/12/2026", "Đang thực hiện", "75", "150 trường đã tổ chức" } },
                ["D08"] = "Một số trường vùng sâu chưa tổ chức được.",
                ["D09"] = "Tăng cường tập huấn giáo viên.",
            },
            version = report.GetProperty("version").GetGuid(),
        }, HttpStatusCode.NoContent);
        await SendAsync(education, HttpMethod.Post, $"/api/v1/reports/{id}/submit", null, HttpStatusCode.NoContent);
        var before = await GetAsync(province, "/api/v1/indicators/SCHOOL-EDUCATION/values?area=19&period=2026H1");
        Assert.Equal(JsonValueKind.Null, before.GetProperty("value").ValueKind);

        await SendAsync(province, HttpMethod.Post, "/api/v1/reports/approve", new { ids = new[] { id } }, HttpStatusCode.OK);
        var after = await GetAsync(province, "/api/v1/indicators/SCHOOL-EDUCATION/values?area=19&period=2026H1");
        Assert.Equal(75, after.GetProperty("value").GetDecimal());
        Assert.Equal(150, after.GetProperty("numerator").GetDecimal());
        Assert.Equal(200, after.GetProperty("denominator").GetDecimal());
        Assert.Equal("reports", after.GetProperty("source").GetString());
        Assert.Equal(["agency-half-year/2026H1/so-gd-dt-rp"], after.GetProperty("reports").EnumerateArray().Select(r => r.GetString()!).ToArray());

        var completeness = await GetAsync(province, "/api/v1/reports/completeness?template=agency-half-year&period=2026H1&province=19");
        Assert.True(completeness.GetProperty("expected").GetInt32() >= 2);
        Assert.Equal(1, completeness.GetProperty("approved").GetInt32());
        Assert.Contains("so-y-te-rp", completeness.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task The_province_report_is_approved_by_the_provincial_leadership_and_printed_as_pdf_and_docx()
    {
        var police = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var leader = await app.ApiAsAsync(Roles.Viewer, "19");
        var otherLeader = await app.ApiAsAsync(Roles.Viewer, "01");
        var id = (await SendAsync(police, HttpMethod.Post, "/api/v1/reports", new { template = "province-year", period = "2026", reporter = "19" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var report = await GetAsync(police, $"/api/v1/reports/{id}");
        Assert.Equal("2026-12-19", report.GetProperty("dueOn").GetString()); // QĐ 28/2025 Art 7: to the Ministry before 20/12
        var computed = report.GetProperty("computed").GetProperty("P05").GetDecimal();
        await SendAsync(police, HttpMethod.Put, $"/api/v1/reports/{id}", new
        {
            values = new Dictionary<string, object>
            {
                ["P01"] = "Tình hình tội phạm ma túy cơ bản được kiềm chế.",
                ["P02.cases"] = 118,
                ["P05"] = computed,
                ["P11"] = "Đề nghị Bộ Công an hỗ trợ trang bị.",
            },
            version = report.GetProperty("version").GetGuid(),
        }, HttpStatusCode.NoContent);
        await SendAsync(police, HttpMethod.Post, $"/api/v1/reports/{id}/submit", null, HttpStatusCode.NoContent);
        await SendAsync(police, HttpMethod.Post, $"/api/v1/reports/{id}/approve", null, HttpStatusCode.Forbidden);
        await SendAsync(otherLeader, HttpMethod.Post, $"/api/v1/reports/{id}/approve", null, HttpStatusCode.NotFound);
        await SendAsync(leader, HttpMethod.Post, $"/api/v1/reports/{id}/approve", null, HttpStatusCode.NoContent);

        var pdf = await police.GetAsync("/api/v1/reports/annual?province=19&year=2026&format=pdf", Cancel);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync(Cancel)))
        {
            var text = string.Join("\n", document.GetPages().Select(p => p.Text));
            Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
            Assert.Contains("Kết quả công tác phòng, chống ma túy năm 2026", text);
            Assert.Contains("Bắt giữ: số vụ", text);
            Assert.Contains("118", text);
            Assert.Contains("Kết quả phân loại xã", text);
        }

        var docx = await police.GetAsync("/api/v1/reports/annual?province=19&year=2026&format=docx", Cancel);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(await docx.Content.ReadAsStreamAsync(Cancel), false))
            Assert.Contains("Bắt giữ: số vụ", word.MainDocumentPart!.Document.Body!.InnerText);
        await SendAsync(otherLeader, HttpMethod.Get, "/api/v1/reports/annual?province=19&year=2026", null, HttpStatusCode.NotFound);
        await SendAsync(police, HttpMethod.Get, "/api/v1/reports/annual?province=19&year=2026&format=exe", null, HttpStatusCode.BadRequest);

        var xlsx = await police.GetAsync($"/api/v1/reports/{id}/xlsx", Cancel);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
    }

    [Fact]
    public async Task An_agency_report_starts_from_its_tasks_at_the_cut_off_and_its_budget_lines()
    {
        const string A = "rp-pf-a", B = "rp-pf-b", C = "rp-pf-c";
        await app.EnsureAgencyAsync(A, "19", "Sở Lao động (tiền điền)");
        await app.EnsureAgencyAsync(B, "19", "Sở Y tế (tiền điền)");
        await app.EnsureAgencyAsync(C, "19", "Sở Tư pháp (tiền điền)");
        var police = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var plan = (await SendAsync(police, HttpMethod.Post, "/api/v1/plans", new { provinceCode = "19", title = "Kế hoạch tiền điền báo cáo", documentNumber = "01/KH-UBND", issuedOn = "2026-01-10", fromYear = 2026, toYear = 2030 }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        async Task<Guid> TaskAsync(string title, string lead, string due, string[] partners, string recurrence = "none") =>
            (await SendAsync(police, HttpMethod.Post, $"/api/v1/plans/{plan}/tasks", new { title, leadAgency = lead, partnerAgencies = partners, due, recurrence }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Task ProgressAsync(Guid task, string on, int percent, string note) =>
            SendAsync(police, HttpMethod.Post, $"/api/v1/tasks/{task}/progress", new { reportedOn = on, percent, note }, HttpStatusCode.Created);

        var led = await TaskAsync("Dạy nghề cho người sau cai nghiện", A, "2026Q2", []);
        await ProgressAsync(led, "2026-05-10", 50, "Đã mở 3 lớp");
        await ProgressAsync(led, "2026-06-20", 100, "Hoàn thành sau kỳ báo cáo"); // after the 14/06 cut-off: not this period's figure
        await TaskAsync("Khám sàng lọc người nghiện", B, "2026Q4", [A]);
        var doneBefore = await TaskAsync("Rà soát năm trước", A, "2025Q4", []);
        await ProgressAsync(doneBefore, "2025-12-01", 100, "Xong");
        await TaskAsync("Giao ban hằng quý", A, "2026Q1", [], "quarterly");
        await TaskAsync("Trợ giúp pháp lý", C, "2026Q2", []);
        await SendAsync(police, HttpMethod.Put, $"/api/v1/plans/{plan}/budget/DA5/2026/provincial", new { allocatedVnd = 60_000_000, disbursedVnd = 15_000_000, agency = A }, HttpStatusCode.NoContent);
        await SendAsync(police, HttpMethod.Put, $"/api/v1/plans/{plan}/budget/DA5/2027/provincial", new { allocatedVnd = 70_000_000, disbursedVnd = 0, agency = A }, HttpStatusCode.NoContent);

        var agency = await app.ApiAsAsync(Roles.Department, A);
        var id = (await SendAsync(agency, HttpMethod.Post, "/api/v1/reports", new { template = "agency-half-year", period = "2026H1", reporter = A }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var values = (await GetAsync(agency, $"/api/v1/reports/{id}")).GetProperty("values");
        string[][] Rows(string field) => values.GetProperty(field).EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToArray()).ToArray();

        var tasks = Rows("D02");
        Assert.Equal(new[] { "Dạy nghề cho người sau cai nghiện", "Giao ban hằng quý", "Khám sàng lọc người nghiện" }.Order(), tasks.Select(r => r[1]).Order());
        var first = tasks.Single(r => r[1] == "Dạy nghề cho người sau cai nghiện");
        Assert.Equal(["Chủ trì", "30/06/2026", "Đang thực hiện", "50", "Đã mở 3 lớp (cập nhật 10/05/2026)"], first[2..]);
        var partner = tasks.Single(r => r[1] == "Khám sàng lọc người nghiện");
        Assert.Equal(["Phối hợp", "31/12/2026", "Chưa thực hiện", "0", ""], partner[2..]);
        Assert.Equal("31/03/2026", tasks.Single(r => r[1] == "Giao ban hằng quý")[3]); // only the occurrence due inside the period

        var budget = Assert.Single(Rows("D04"));
        Assert.StartsWith("Dự án 5", budget[0]);
        // "Dự toán" is the year's allocation; "Giải ngân trong kỳ" stays empty without dated disbursements; never confirmed, and says so.
        Assert.EndsWith("(số liệu chưa được xác nhận)", budget[0]);
        Assert.Equal(["Ngân sách địa phương", "60.000.000", "60.000.000", "", "15.000.000", "25"], budget[1..]);

        // Another agency's report carries none of A's rows.
        var other = await app.ApiAsAsync(Roles.Department, C);
        var otherId = (await SendAsync(other, HttpMethod.Post, "/api/v1/reports", new { template = "agency-half-year", period = "2026H1", reporter = C }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var otherValues = (await GetAsync(other, $"/api/v1/reports/{otherId}")).GetProperty("values");
        Assert.Equal(["Trợ giúp pháp lý"], otherValues.GetProperty("D02").EnumerateArray().Select(r => r[1].GetString()!).ToArray());
        Assert.Empty(otherValues.GetProperty("D04").EnumerateArray());
    }
}
