using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Pcmt.Tests.Features.Enforcement;

public sealed class EnforcementApp : App;

/// <summary>Drug cases, seizures, wanted persons and the follow-up of points and cultivation, through HTTP on the real database.</summary>
public sealed class EnforcementTests(EnforcementApp app) : IClassFixture<EnforcementApp>
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
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task<JsonElement> PostAsync(HttpClient client, string url, object body) => SendAsync(client, HttpMethod.Post, url, body, HttpStatusCode.Created);

    private static Task<JsonElement> GetAsync(HttpClient client, string url) => SendAsync(client, HttpMethod.Get, url, null, HttpStatusCode.OK);

    private static object Case(string commune, string detectedOn, string route, object[]? seizures = null, object[]? suspects = null, bool organised = false, bool transnational = false) => new
    {
        communeCode = commune,
        detectingUnit = "Công an xã",
        detectedOn,
        route,
        organised,
        transnational,
        offences = new[] { "251" },
        suspects = suspects ?? [],
        seizures = seizures ?? [],
    };

    [Fact]
    public async Task Border_and_cyber_cases_are_counted_against_the_same_period_of_the_previous_year()
    {
        const string Commune = "02020"; // Xã Chợ Đồn: no other test records cases there
        var police = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        await PostAsync(police, "/api/v1/drug-cases", Case(Commune, "2025-03-01", "land-border"));
        await PostAsync(police, "/api/v1/drug-cases", Case(Commune, "2025-04-01", "cyber"));
        await PostAsync(police, "/api/v1/drug-cases", Case(Commune, "2026-02-01", "land-border"));
        await PostAsync(police, "/api/v1/drug-cases", Case(Commune, "2026-05-01", "land-border", organised: true, transnational: true));
        await PostAsync(police, "/api/v1/drug-cases", Case(Commune, "2026-06-01", "cyber"));

        var border = await GetAsync(police, $"/api/v1/indicators/BORDER-CASES/values?area={Commune}&period=2026");
        Assert.Equal((2m, 1m, 100m, 3m), (border.GetProperty("value").GetDecimal(), border.GetProperty("previous").GetDecimal(), border.GetProperty("change").GetDecimal(), border.GetProperty("target").GetDecimal()));
        var cyber = await GetAsync(police, $"/api/v1/indicators/CYBER-CASES/values?area={Commune}&period=2026");
        Assert.Equal((1m, 1m, 0m, 5m), (cyber.GetProperty("value").GetDecimal(), cyber.GetProperty("previous").GetDecimal(), cyber.GetProperty("change").GetDecimal(), cyber.GetProperty("target").GetDecimal()));
        var transnational = await GetAsync(police, $"/api/v1/indicators/TRANSNATIONAL-CASES/values?area={Commune}&period=2026");
        Assert.Equal(1m, transnational.GetProperty("value").GetDecimal());
        Assert.Equal(JsonValueKind.Null, transnational.GetProperty("change").ValueKind); // no such case in 2025: no ratio
        var trend = await GetAsync(police, $"/api/v1/indicators/CASES-TREND/values?area={Commune}&period=2026");
        Assert.Equal((3m, 2m, 50m), (trend.GetProperty("value").GetDecimal(), trend.GetProperty("previous").GetDecimal(), trend.GetProperty("change").GetDecimal()));
        // A half-year compares with the same half of 2025.
        var firstHalf = await GetAsync(police, $"/api/v1/indicators/BORDER-CASES/values?area={Commune}&period=2026H1");
        Assert.Equal((2m, 1m), (firstHalf.GetProperty("value").GetDecimal(), firstHalf.GetProperty("previous").GetDecimal()));
        // The list filters by route and period.
        var listed = await GetAsync(police, $"/api/v1/drug-cases?commune={Commune}&from=2026-01-01&to=2026-12-31&route=land-border");
        Assert.Equal(2, listed.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Seizures_of_500_g_and_1_2_kg_of_heroin_sum_to_1_7_kg()
    {
        const string Commune = "02038"; // Xã Quảng Bạch
        var officer = await app.ApiAsAsync(Roles.CommunePolice, Commune);
        var first = await PostAsync(officer, "/api/v1/drug-cases", Case(Commune, "2026-03-10", "inland",
            seizures: [new { substance = "heroin", quantity = 500, unit = "g" }, new { substance = "methamphetamine", quantity = 120, unit = "tablet" }]));
        await PostAsync(officer, "/api/v1/drug-cases", Case(Commune, "2026-04-10", "inland", seizures: [new { substance = "heroin", quantity = 1.2, unit = "kg" }]));

        var summary = await GetAsync(officer, $"/api/v1/seizures/summary?area={Commune}&period=2026");
        var items = summary.GetProperty("items").EnumerateArray().ToDictionary(i => (i.GetProperty("substance").GetString(), i.GetProperty("unit").GetString()));
        Assert.Equal(1.7m, items[("heroin", "kg")].GetProperty("quantity").GetDecimal());
        Assert.Equal(2, items[("heroin", "kg")].GetProperty("cases").GetInt32());
        Assert.Equal(120m, items[("methamphetamine", "tablet")].GetProperty("quantity").GetDecimal());
        Assert.Equal(2, items.Count);
        var offence = Assert.Single(summary.GetProperty("offences").EnumerateArray());
        Assert.Equal(("251", 2), (offence.GetProperty("article").GetString(), offence.GetProperty("cases").GetInt32()));

        // Prosecution stages follow the case.
        var id = first.GetProperty("id").GetGuid();
        await PostAsync(officer, $"/api/v1/drug-cases/{id}/stages", new { stage = "prosecuted", on = "2026-03-20", persons = 2 });
        await SendAsync(officer, HttpMethod.Post, $"/api/v1/drug-cases/{id}/stages", new { stage = "tried", on = "2026-03-01", persons = 2 }, HttpStatusCode.BadRequest);
        var detail = await GetAsync(officer, $"/api/v1/drug-cases/{id}");
        var stage = Assert.Single(detail.GetProperty("stages").EnumerateArray());
        Assert.Equal(("prosecuted", "2026-03-20", 2), (stage.GetProperty("stage").GetString(), stage.GetProperty("on").GetString(), stage.GetProperty("persons").GetInt32()));

        // The ARQ workbook leaves the agency: the heroin row (2 cases) is suppressed.
        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var arq = await province.GetAsync($"/api/v1/seizures/arq?area={Commune}&year=2026", Cancel);
        Assert.Equal(HttpStatusCode.OK, arq.StatusCode);
        using var stream = new MemoryStream(await arq.Content.ReadAsByteArrayAsync(Cancel));
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.All(rows, r => Assert.Equal("< 3", r["Số vụ"]?.ToString()));
        Assert.DoesNotContain(rows, r => r["Số lượng thu giữ"]?.ToString() == "1.7");
    }

    [Fact]
    public async Task A_point_cleared_by_patch_counts_for_hotspot_cleared_and_a_stale_version_is_refused()
    {
        const string Commune = "02044"; // Xã Yên Thịnh
        var officer = await app.ApiAsAsync(Roles.CommunePolice, Commune);
        var id = (await PostAsync(officer, "/api/v1/hotspots", new { communeCode = Commune, kind = "harbouring-point", detectedOn = "2026-03-01" })).GetProperty("id").GetGuid();
        var before = await GetAsync(officer, $"/api/v1/indicators/HOTSPOT-CLEARED/values?area={Commune}&period=2026");
        Assert.Equal((0m, 1m), (before.GetProperty("numerator").GetDecimal(), before.GetProperty("denominator").GetDecimal()));

        var listed = await GetAsync(officer, $"/api/v1/hotspots?commune={Commune}&status=open");
        var version = listed.GetProperty("items")[0].GetProperty("version").GetGuid();
        await SendAsync(officer, HttpMethod.Patch, $"/api/v1/hotspots/{id}", new { clearedOn = "2026-05-10", version }, HttpStatusCode.NoContent);
        var after = await GetAsync(officer, $"/api/v1/indicators/HOTSPOT-CLEARED/values?area={Commune}&period=2026");
        Assert.Equal((1m, 1m, 100m), (after.GetProperty("numerator").GetDecimal(), after.GetProperty("denominator").GetDecimal(), after.GetProperty("value").GetDecimal()));
        // The same edit again with the version read before: someone changed it meanwhile.
        var stale = await SendAsync(officer, HttpMethod.Patch, $"/api/v1/hotspots/{id}", new { description = "Nhà trọ", version }, HttpStatusCode.Conflict);
        Assert.Contains("người khác", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Cultivation destroyed later.
        var find = (await PostAsync(officer, "/api/v1/cultivation-finds", new { communeCode = Commune, foundOn = "2026-04-01", plants = 300, areaM2 = 150 })).GetProperty("id").GetGuid();
        await SendAsync(officer, HttpMethod.Patch, $"/api/v1/cultivation-finds/{find}", new { destroyedOn = "2026-04-03" }, HttpStatusCode.NoContent);
        var cultivation = await GetAsync(officer, $"/api/v1/indicators/CULTIVATION-CLEARED/values?area={Commune}&period=2026");
        Assert.Equal(100m, cultivation.GetProperty("value").GetDecimal());
        var finds = await GetAsync(officer, $"/api/v1/cultivation-finds?commune={Commune}&status=destroyed");
        Assert.Equal("2026-04-03", finds.GetProperty("items")[0].GetProperty("destroyedOn").GetString());
    }

    [Fact]
    public async Task A_wanted_person_hiding_in_an_otherwise_clean_commune_makes_it_not_drug_free_and_case_suspects_count_as_arrests()
    {
        const string Clean = "02071"; // Xã Nghĩa Tá
        const string WithCase = "02083"; // Xã Yên Phong
        var police = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        async Task<Dictionary<string, JsonElement>> RunAsync() =>
            (await SendAsync(police, HttpMethod.Post, "/api/v1/classifications/run", new { province = "19", year = 2026 }, HttpStatusCode.OK))
                .GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("communeCode").GetString()!);

        var first = await RunAsync();
        Assert.Equal("drug-free", first[Clean].GetProperty("class").GetString());

        await PostAsync(police, "/api/v1/wanted-persons", new { communeCode = Clean, fullName = "Lò Văn Truy", birthYear = 1988, warrantNumber = "12/QĐ-TN", offence = "251", hidingFrom = "2026-02-01" });
        await PostAsync(police, "/api/v1/drug-cases", Case(WithCase, "2026-06-15", "inland",
            suspects: [new { fullName = "Hoàng Văn A", birthYear = 1990, resident = true }, new { fullName = "Vi Văn B", birthYear = 1985, resident = false }]));
        await PostAsync(police, "/api/v1/arrests", new { communeCode = WithCase, arrestedOn = "2026-07-01", offenders = 1, residentOffenders = 1 });

        var second = await RunAsync();
        var clean = second[Clean];
        Assert.NotEqual("drug-free", clean.GetProperty("class").GetString());
        Assert.Contains("6.2", clean.GetProperty("criteria").GetProperty("drugFreeFailed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, clean.GetProperty("criteria").GetProperty("wantedHiding").GetInt32());
        var criteria = second[WithCase].GetProperty("criteria");
        Assert.Equal((3, 2), (criteria.GetProperty("offenders").GetInt32(), criteria.GetProperty("residentOffenders").GetInt32()));

        // Arrested on 01/03/2026 (an end before the hiding began is refused): the person hid there during the 2026 assessment
        // period (15/12/2025 → 14/12/2026), so the commune stays not drug-free for 2026.
        var wanted = await GetAsync(police, $"/api/v1/wanted-persons?commune={Clean}");
        var row = wanted.GetProperty("items")[0];
        Assert.Equal("Lò Văn Truy", row.GetProperty("fullName").GetString());
        await SendAsync(police, HttpMethod.Patch, $"/api/v1/wanted-persons/{row.GetProperty("id").GetGuid()}", new { endedOn = "2025-12-01" }, HttpStatusCode.BadRequest);
        await SendAsync(police, HttpMethod.Patch, $"/api/v1/wanted-persons/{row.GetProperty("id").GetGuid()}", new { endedOn = "2026-03-01", version = row.GetProperty("version").GetGuid() }, HttpStatusCode.NoContent);
        var third = await RunAsync();
        Assert.NotEqual("drug-free", third[Clean].GetProperty("class").GetString()); // it hid there during the period
    }

    [Fact]
    public async Task A_commune_officer_never_sees_a_suspect_linked_to_a_person_outside_their_scope()
    {
        var police = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var person = (await PostAsync(police, "/api/v1/persons", new { fullName = "Đặng Văn Ngoài", dateOfBirth = "1992", sex = "male", residenceCommuneCode = "01840" })).GetProperty("id").GetGuid();
        var id = (await PostAsync(police, "/api/v1/drug-cases", Case("05443", "2026-08-01", "inland",
            suspects: [new { personId = person, resident = false }, new { fullName = "Trần Văn Bình", birthYear = 1990, residence = "Tổ 5", resident = true }]))).GetProperty("id").GetGuid();

        var seenByProvince = (await GetAsync(police, $"/api/v1/drug-cases/{id}")).GetProperty("suspects").EnumerateArray()
            .Single(s => s.GetProperty("personId").ValueKind != JsonValueKind.Null);
        Assert.Equal(person, seenByProvince.GetProperty("personId").GetGuid());
        Assert.Equal("Đặng Văn Ngoài", seenByProvince.GetProperty("fullName").GetString());

        var officer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        foreach (var suspects in new[]
        {
            (await GetAsync(officer, $"/api/v1/drug-cases/{id}")).GetProperty("suspects"),
            (await GetAsync(officer, "/api/v1/drug-cases?commune=05443")).GetProperty("items").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id).GetProperty("suspects"),
        })
        {
            Assert.All(suspects.EnumerateArray(), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("personId").ValueKind));
            var hidden = suspects.EnumerateArray().Single(s => s.GetProperty("hidden").GetBoolean());
            Assert.Equal(JsonValueKind.Null, hidden.GetProperty("fullName").ValueKind);
            Assert.Equal("Trần Văn Bình", suspects.EnumerateArray().Single(s => !s.GetProperty("hidden").GetBoolean()).GetProperty("fullName").GetString());
        }

        // The officer cannot link a person they cannot see either.
        var refused = await SendAsync(officer, HttpMethod.Post, "/api/v1/drug-cases", Case("05443", "2026-08-02", "inland", suspects: [new { personId = person, resident = false }]), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("suspects[0].personId", out _));

        // Names are stored encrypted, never in plain text.
        var stored = await app.WithScopeAsync(async services =>
            await services.GetRequiredService<AppDbContext>().Set<Pcmt.Features.Enforcement.CaseSuspect>().IgnoreQueryFilters().Where(s => s.CaseId == id && s.PersonId == null).Select(s => s.FullNameProtected).SingleAsync(Cancel));
        Assert.DoesNotContain("Bình", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_a_vietnamese_400_and_changes_nothing()
    {
        const string Commune = "05443";
        var officer = await app.ApiAsAsync(Roles.CommunePolice, Commune);
        var police = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        async Task<int> CountAsync() => (await GetAsync(police, "/api/v1/drug-cases?pageSize=1")).GetProperty("total").GetInt32();
        var before = await CountAsync();

        var unknownArticle = await SendAsync(officer, HttpMethod.Post, "/api/v1/drug-cases",
            new { communeCode = Commune, detectedOn = "2026-05-01", route = "inland", offences = new[] { "300" } }, HttpStatusCode.BadRequest);
        Assert.Contains("Bộ luật Hình sự", unknownArticle.GetProperty("errors").GetProperty("offences")[0].GetString(), StringComparison.Ordinal);
        var negative = await SendAsync(officer, HttpMethod.Post, "/api/v1/drug-cases",
            Case(Commune, "2026-05-01", "inland", seizures: [new { substance = "heroin", quantity = -5, unit = "g" }]), HttpStatusCode.BadRequest);
        Assert.Contains("lớn hơn 0", negative.GetProperty("errors").GetProperty("seizures[0].quantity")[0].GetString(), StringComparison.Ordinal);
        var unknownUnit = await SendAsync(officer, HttpMethod.Post, "/api/v1/drug-cases",
            Case(Commune, "2026-05-01", "inland", seizures: [new { substance = "heroin", quantity = 5, unit = "lb" }]), HttpStatusCode.BadRequest);
        Assert.Contains("đơn vị tính", unknownUnit.GetProperty("errors").GetProperty("seizures[0].unit")[0].GetString(), StringComparison.Ordinal);
        await SendAsync(officer, HttpMethod.Post, "/api/v1/drug-cases", Case(Commune, "2026-05-01", "by-horse"), HttpStatusCode.BadRequest);
        await SendAsync(officer, HttpMethod.Post, "/api/v1/drug-cases", Case(Commune, "2099-05-01", "inland"), HttpStatusCode.BadRequest);
        await SendAsync(officer, HttpMethod.Post, "/api/v1/drug-cases", Case("01840", "2026-05-01", "inland"), HttpStatusCode.BadRequest);
        Assert.Equal(before, await CountAsync());

        var hotspot = (await PostAsync(officer, "/api/v1/hotspots", new { communeCode = Commune, kind = "retail-selling", detectedOn = "2026-06-01" })).GetProperty("id").GetGuid();
        var early = await SendAsync(officer, HttpMethod.Patch, $"/api/v1/hotspots/{hotspot}", new { clearedOn = "2026-05-31" }, HttpStatusCode.BadRequest);
        Assert.Equal("Ngày triệt xóa không được trước ngày phát hiện.", early.GetProperty("errors").GetProperty("clearedOn")[0].GetString());
        var find = (await PostAsync(officer, "/api/v1/cultivation-finds", new { communeCode = Commune, foundOn = "2026-06-01", plants = 10 })).GetProperty("id").GetGuid();
        await SendAsync(officer, HttpMethod.Patch, $"/api/v1/cultivation-finds/{find}", new { destroyedOn = "2026-05-01" }, HttpStatusCode.BadRequest);
        var points = await GetAsync(officer, $"/api/v1/hotspots?commune={Commune}");
        Assert.Equal(JsonValueKind.Null, points.GetProperty("items").EnumerateArray().Single(h => h.GetProperty("id").GetGuid() == hotspot).GetProperty("clearedOn").ValueKind);
        await SendAsync(officer, HttpMethod.Patch, $"/api/v1/hotspots/{Guid.NewGuid()}", new { clearedOn = "2026-06-02" }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_list_stays_inside_the_callers_commune_and_province()
    {
        var thaiNguyen = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var haNoi = await app.ApiAsAsync(Roles.ProvincePolice, "01");
        var marker = "2026-09-1";
        foreach (var (client, commune, day) in new[] { (thaiNguyen, "05443", "1"), (thaiNguyen, "01840", "2"), (haNoi, "00004", "3") })
        {
            await PostAsync(client, "/api/v1/drug-cases", Case(commune, marker + day, "inland"));
            await PostAsync(client, "/api/v1/hotspots", new { communeCode = commune, kind = "harbouring-point", detectedOn = marker + day });
            await PostAsync(client, "/api/v1/cultivation-finds", new { communeCode = commune, foundOn = marker + day, plants = 5 });
            await PostAsync(client, "/api/v1/wanted-persons", new { communeCode = commune, fullName = "Người truy nã " + commune, hidingFrom = marker + day });
        }

        var officer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var committee = await app.ApiAsAsync(Roles.CommuneCommittee, "01840");
        string[] lists = ["/api/v1/drug-cases?pageSize=500", "/api/v1/hotspots?pageSize=500", "/api/v1/cultivation-finds?pageSize=500", "/api/v1/wanted-persons?pageSize=500"];
        foreach (var list in lists)
        {
            async Task<HashSet<string>> CommunesAsync(HttpClient client) =>
                (await GetAsync(client, list)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("communeCode").GetString()!).ToHashSet();
            Assert.Equal(["05443"], await CommunesAsync(officer));
            Assert.Equal(["01840"], await CommunesAsync(committee));
            var province = await CommunesAsync(thaiNguyen);
            Assert.True(province.Contains("05443") && province.Contains("01840") && !province.Contains("00004"), list);
            Assert.DoesNotContain("05443", await CommunesAsync(haNoi));
            Assert.Contains("00004", await CommunesAsync(haNoi));
        }

        // Summaries: another province's area is not found; the officer's figures are their commune's.
        await SendAsync(thaiNguyen, HttpMethod.Get, "/api/v1/seizures/summary?area=01&period=2026", null, HttpStatusCode.NotFound);
        var summary = await GetAsync(officer, "/api/v1/seizures/summary?area=19&period=202609");
        Assert.Equal(1, summary.GetProperty("cases").GetInt32());
    }
}
