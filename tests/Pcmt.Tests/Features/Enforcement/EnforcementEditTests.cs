using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pcmt.Tests.Features.Enforcement;

/// <summary>Editing a case (optimistic concurrency), linking suspects to registry persons in scope, and the create/edit pages of points, finds and routes.</summary>
public sealed class EnforcementEditTests(EnforcementApp app) : IClassFixture<EnforcementApp>
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

    private static object Case(string commune, string detectedOn, object[]? suspects = null) => new
    {
        communeCode = commune,
        detectingUnit = "Công an xã",
        detectedOn,
        route = "inland",
        offences = new[] { "249" },
        suspects = suspects ?? [],
        seizures = new[] { new { substance = "heroin", quantity = 2.5, unit = "g" } },
    };

    private static object Edit(string commune, string detectedOn, string route, Guid version, string[]? offences = null) => new
    {
        communeCode = commune,
        detectingUnit = "Đồn Biên phòng",
        detectedOn,
        route,
        organised = true,
        transnational = true,
        offences = offences ?? ["250"],
        summary = "Vận chuyển qua biên giới",
        version,
    };

    [Fact]
    public async Task A_case_is_edited_with_its_version_and_a_stale_or_bad_edit_changes_nothing()
    {
        var officer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var id = (await SendAsync(officer, HttpMethod.Post, "/api/v1/drug-cases", Case("05443", "2026-04-01"), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var version = (await SendAsync(officer, HttpMethod.Get, $"/api/v1/drug-cases/{id}", null, HttpStatusCode.OK)).GetProperty("version").GetGuid();

        // Bad input: unknown article, future date, a commune outside the officer's area, an unknown route: 400 in Vietnamese.
        var bad = await SendAsync(officer, HttpMethod.Put, $"/api/v1/drug-cases/{id}", Edit("01840", "2099-01-01", "by-horse", version, ["300"]), HttpStatusCode.BadRequest);
        foreach (var field in new[] { "communeCode", "detectedOn", "route", "offences" })
            Assert.True(bad.GetProperty("errors").TryGetProperty(field, out _), field);
        Assert.Equal("Xã/phường này ngoài địa bàn của bạn.", bad.GetProperty("errors").GetProperty("communeCode")[0].GetString());

        await SendAsync(officer, HttpMethod.Put, $"/api/v1/drug-cases/{id}", Edit("05443", "2026-03-30", "land-border", version), HttpStatusCode.NoContent);
        var stale = await SendAsync(officer, HttpMethod.Put, $"/api/v1/drug-cases/{id}", Edit("05443", "2026-03-01", "cyber", version), HttpStatusCode.Conflict);
        Assert.Contains("người khác", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = await SendAsync(officer, HttpMethod.Get, $"/api/v1/drug-cases/{id}", null, HttpStatusCode.OK);
        Assert.Equal(("land-border", "2026-03-30", "250"), (stored.GetProperty("route").GetString(), stored.GetProperty("detectedOn").GetString(), stored.GetProperty("offences")[0].GetString()));

        // A prosecution stage on 05/04 forbids moving the detection after it.
        await SendAsync(officer, HttpMethod.Post, $"/api/v1/drug-cases/{id}/stages", new { stage = "prosecuted", on = "2026-04-05", persons = 1 }, HttpStatusCode.Created);
        var current = stored.GetProperty("version").GetGuid();
        await SendAsync(officer, HttpMethod.Put, $"/api/v1/drug-cases/{id}", Edit("05443", "2026-04-10", "land-border", current), HttpStatusCode.BadRequest);

        // Another province's police do not find the case.
        var haNoi = await app.ApiAsAsync(Roles.ProvincePolice, "01");
        await SendAsync(haNoi, HttpMethod.Put, $"/api/v1/drug-cases/{id}", Edit("00004", "2026-03-30", "inland", current), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_suspect_is_linked_only_to_a_person_the_officer_may_see()
    {
        var police = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var inside = (await SendAsync(police, HttpMethod.Post, "/api/v1/persons", new { fullName = "Hà Văn Trong", dateOfBirth = "1991", sex = "male", residenceCommuneCode = "05443" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var outside = (await SendAsync(police, HttpMethod.Post, "/api/v1/persons", new { fullName = "Hà Văn Ngoài", dateOfBirth = "1990", sex = "male", residenceCommuneCode = "01840" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var officer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var id = (await SendAsync(officer, HttpMethod.Post, "/api/v1/drug-cases", Case("05443", "2026-05-01", [new { fullName = "Hà Văn Trong", birthYear = 1991, resident = true }]), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var suspect = (await SendAsync(officer, HttpMethod.Get, $"/api/v1/drug-cases/{id}", null, HttpStatusCode.OK)).GetProperty("suspects")[0].GetProperty("id").GetGuid();

        var refused = await SendAsync(officer, HttpMethod.Put, $"/api/v1/drug-cases/{id}/suspects/{suspect}", new { personId = outside }, HttpStatusCode.BadRequest);
        Assert.Contains("địa bàn của bạn", refused.GetProperty("errors").GetProperty("personId")[0].GetString(), StringComparison.Ordinal);
        await SendAsync(officer, HttpMethod.Post, $"/api/v1/drug-cases/{id}/suspects", new { personId = outside }, HttpStatusCode.BadRequest);
        await SendAsync(officer, HttpMethod.Post, $"/api/v1/drug-cases/{id}/suspects", new { birthYear = 1800 }, HttpStatusCode.BadRequest);
        Assert.Single((await SendAsync(officer, HttpMethod.Get, $"/api/v1/drug-cases/{id}", null, HttpStatusCode.OK)).GetProperty("suspects").EnumerateArray());

        await SendAsync(officer, HttpMethod.Put, $"/api/v1/drug-cases/{id}/suspects/{suspect}", new { personId = inside }, HttpStatusCode.NoContent);
        // The province adds the outside person; the commune officer sees that suspect hidden, and cannot unlink it.
        var added = (await SendAsync(police, HttpMethod.Post, $"/api/v1/drug-cases/{id}/suspects", new { personId = outside, resident = false }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var seen = (await SendAsync(officer, HttpMethod.Get, $"/api/v1/drug-cases/{id}", null, HttpStatusCode.OK)).GetProperty("suspects").EnumerateArray().ToList();
        Assert.Equal(inside, seen.Single(s => s.GetProperty("id").GetGuid() == suspect).GetProperty("personId").GetGuid());
        var hidden = seen.Single(s => s.GetProperty("id").GetGuid() == added);
        Assert.True(hidden.GetProperty("hidden").GetBoolean());
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("personId").ValueKind);
        await SendAsync(officer, HttpMethod.Put, $"/api/v1/drug-cases/{id}/suspects/{added}", new { personId = (Guid?)null }, HttpStatusCode.NotFound);

        // The page's person picker offers only persons the officer may see.
        await app.EnsureUserAsync(Roles.CommunePolice, "05443");
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.CommunePolice, "05443"), App.UserPassword);
        var picker = await pages.GetStringAsync($"/Enforcement/Details/{id}?tim=H%C3%A0%20V%C4%83n", Cancel);
        Assert.Contains($"value=\"{inside}\"", picker, StringComparison.Ordinal);
        Assert.DoesNotContain(outside.ToString(), picker, StringComparison.Ordinal);
        Assert.DoesNotContain("Hà Văn Ngoài", picker, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Points_finds_and_routes_are_created_and_edited_from_the_pages()
    {
        await app.EnsureUserAsync(Roles.ProvincePolice, "19");
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.ProvincePolice, "19"), App.UserPassword);
        var api = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        const string Commune = "02020";

        var form = await pages.GetStringAsync("/SupplySide/Hotspot", Cancel);
        var created = await pages.PostAsync("/SupplySide/Hotspot", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.CommuneCode"] = Commune,
            ["Input.Kind"] = "retail-selling",
            ["Input.DetectedOn"] = "01/03/2026",
            ["Input.Description"] = "Quán nước đầu cầu",
            ["__RequestVerificationToken"] = App.AntiforgeryToken(form),
        }), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var point = (await SendAsync(api, HttpMethod.Get, $"/api/v1/hotspots?commune={Commune}", null, HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal(("retail-selling", "2026-03-01"), (point.GetProperty("kind").GetString(), point.GetProperty("detectedOn").GetString()));

        // Edit: cleared on 10/05/2026 with the version the page read; a second post of the same form is stale.
        var editUrl = $"/SupplySide/Hotspot?id={point.GetProperty("id").GetGuid()}";
        var edit = await pages.GetStringAsync(editUrl, Cancel);
        Assert.Contains("Quán nước đầu cầu", edit, StringComparison.Ordinal);
        Dictionary<string, string> EditForm(string html) => new()
        {
            ["Input.Kind"] = "retail-selling",
            ["Input.DetectedOn"] = "01/03/2026",
            ["Input.ClearedOn"] = "10/05/2026",
            ["Input.Description"] = "Đã triệt xóa",
            ["Input.Version"] = point.GetProperty("version").GetGuid().ToString(),
            ["__RequestVerificationToken"] = App.AntiforgeryToken(html),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostAsync(editUrl, new FormUrlEncodedContent(EditForm(edit)), Cancel)).StatusCode);
        var again = await pages.PostAsync(editUrl, new FormUrlEncodedContent(EditForm(edit)), Cancel);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("người khác", await again.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var cleared = await SendAsync(api, HttpMethod.Get, $"/api/v1/indicators/HOTSPOT-CLEARED/values?area={Commune}&period=2026", null, HttpStatusCode.OK);
        Assert.Equal(1m, cleared.GetProperty("numerator").GetDecimal());

        // A cultivation find from its page; a bad date comes back in Vietnamese and nothing is saved.
        form = await pages.GetStringAsync("/SupplySide/Cultivation", Cancel);
        var bad = await pages.PostAsync("/SupplySide/Cultivation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.CommuneCode"] = Commune,
            ["Input.FoundOn"] = "01/04/2026",
            ["Input.Plants"] = "120",
            ["Input.DestroyedOn"] = "01/03/2026",
            ["__RequestVerificationToken"] = App.AntiforgeryToken(form),
        }), Cancel);
        Assert.Contains("Ngày triệt phá không được trước ngày phát hiện.", await bad.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(0, (await SendAsync(api, HttpMethod.Get, $"/api/v1/cultivation-finds?commune={Commune}", null, HttpStatusCode.OK)).GetProperty("total").GetInt32());
        var ok = await pages.PostAsync("/SupplySide/Cultivation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.CommuneCode"] = Commune,
            ["Input.FoundOn"] = "01/04/2026",
            ["Input.Plants"] = "120",
            ["Input.AreaM2"] = "12,5",
            ["__RequestVerificationToken"] = App.AntiforgeryToken(form),
        }), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var find = (await SendAsync(api, HttpMethod.Get, $"/api/v1/cultivation-finds?commune={Commune}", null, HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal(12.5m, find.GetProperty("areaM2").GetDecimal());

        // A route of the province from its page.
        form = await pages.GetStringAsync("/SupplySide/Routes", Cancel);
        var route = await pages.PostAsync("/SupplySide/Routes", new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("Name", "Tuyến Quốc lộ 3"), new("Scope", "inter-provincial"), new("Year", "2026"), new("Communes", Commune), new("Communes", "05443"),
            new("__RequestVerificationToken", App.AntiforgeryToken(form)),
        }), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, route.StatusCode);
        var routes = await SendAsync(api, HttpMethod.Get, "/api/v1/hotspot-routes", null, HttpStatusCode.OK);
        Assert.Contains(routes.GetProperty("items").EnumerateArray(), r => r.GetProperty("name").GetString() == "Tuyến Quốc lộ 3" && r.GetProperty("communes").GetArrayLength() == 2);
    }

    [Fact]
    public async Task The_seizures_page_filters_by_route_and_compares_with_the_same_period_of_the_previous_year()
    {
        const string Commune = "02071";
        var police = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        foreach (var (day, route, kg) in new[] { ("2025-02-01", "cyber", 1.0), ("2026-02-01", "cyber", 2.0), ("2026-03-01", "inland", 4.0) })
        {
            await SendAsync(police, HttpMethod.Post, "/api/v1/drug-cases", new
            {
                communeCode = Commune,
                detectedOn = day,
                route,
                offences = new[] { "251" },
                seizures = new[] { new { substance = "heroin", quantity = kg, unit = "kg" } },
            }, HttpStatusCode.Created);
        }

        await app.EnsureUserAsync(Roles.ProvincePolice, "19");
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.ProvincePolice, "19"), App.UserPassword);
        var page = await pages.GetStringAsync($"/Enforcement/Seizures?Area={Commune}&Period=2026&Route=cyber", Cancel);
        Assert.Contains("1 vụ, 0 đối tượng (cùng kỳ năm trước: 1 vụ, 0 đối tượng)", page, StringComparison.Ordinal);
        Assert.Contains("<td>2</td>", page, StringComparison.Ordinal); // 2 kg this year on the cyber route, not the 4 kg inland
        Assert.DoesNotContain("<td>6</td>", page, StringComparison.Ordinal);
    }
}
