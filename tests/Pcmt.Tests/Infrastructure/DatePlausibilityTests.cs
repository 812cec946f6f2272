using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pcmt.Tests.Infrastructure;

/// <summary>Impossible dates (issue 18, item 5): 0001-01-01, 1850-06-15 and 9999-12-31 on every route that takes a date → 400 in Vietnamese, nothing written.</summary>
[Collection(nameof(AppCollection))]
public sealed class DatePlausibilityTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly string[] Impossible = ["0001-01-01", "1850-06-15", "9999-12-31"];

    [Fact]
    public async Task Every_date_taking_route_refuses_impossible_dates_with_a_vietnamese_400_and_changes_nothing()
    {
        var officer = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var registered = await officer.PostAsJsonAsync("/api/v1/persons", new { fullName = "Ngày Tháng Không Thật", dateOfBirth = "1990-01-01", sex = "male", residenceCommuneCode = "05443" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var decision = await officer.PostAsJsonAsync($"/api/v1/persons/{id}/management-decisions", new { decidedAt = "2026-03-01", decisionNumber = "7/QĐ" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, decision.StatusCode);
        var decisionId = (await decision.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var other = Guid.NewGuid();

        var routes = new (string Method, string Url, Func<string, object> Body)[]
        {
            ("POST", "/api/v1/persons", d => new { fullName = "Sinh Năm Không Thật", dateOfBirth = d, sex = "male", residenceCommuneCode = "05443" }),
            ("POST", $"/api/v1/persons/{id}/drug-tests", d => new { takenAt = d, sampleType = "urine", result = "positive" }),
            ("POST", $"/api/v1/persons/{id}/drug-tests", d => new { takenAt = "2026-04-01", sampleType = "urine", result = "positive", resultReceivedAt = d }),
            ("POST", $"/api/v1/persons/{id}/management-decisions", d => new { decidedAt = d, decisionNumber = "8/QĐ" }),
            ("POST", $"/api/v1/persons/{id}/management-decisions/{decisionId}/changes", d => new { action = "suspend", on = d, reason = "Thử" }),
            ("POST", $"/api/v1/persons/{id}/management-decisions/{decisionId}/changes", d => new { action = "absence", on = "2026-04-01", until = d, reason = "Thử" }),
            ("POST", $"/api/v1/persons/{id}/addiction-determinations", d => new { concludedAt = d, criteriaMet = new[] { 1, 2, 3 }, result = "addicted" }),
            ("POST", $"/api/v1/persons/{id}/rehab-registrations", d => new { registeredAt = d, form = "home" }),
            ("POST", $"/api/v1/persons/{id}/rehab-episodes", d => new { form = "home", decidedAt = d }),
            ("POST", $"/api/v1/persons/{id}/rehab-episodes", d => new { form = "home", decidedAt = "2026-04-01", startedOn = d }),
            ("POST", $"/api/v1/persons/{id}/rehab-episodes/{other}/start", d => new { startedOn = d }),
            ("POST", $"/api/v1/persons/{id}/rehab-episodes/{other}/end", d => new { endedOn = d, reason = "completed" }),
            ("POST", $"/api/v1/persons/{id}/substitution-therapies", d => new { admittedAt = d, clinic = "Cơ sở điều trị" }),
            ("POST", $"/api/v1/persons/{id}/substitution-therapies/{other}/phase", d => new { phase = "maintenance", on = d }),
            ("POST", $"/api/v1/persons/{id}/substitution-therapies/{other}/end", d => new { endedOn = d, reason = "completed" }),
            ("POST", $"/api/v1/persons/{id}/compulsory-dossiers", d => new { detectedAt = d, ground = "relapse" }),
            ("POST", $"/api/v1/persons/{id}/compulsory-dossiers/{other}/steps", d => new { step = "sent", at = d }),
            ("POST", $"/api/v1/persons/{id}/post-rehab-decisions", d => new { decidedAt = d, basis = "voluntary" }),
            ("POST", $"/api/v1/persons/{id}/post-rehab-decisions/{other}/end", d => new { endedOn = d, reason = "completed" }),
            ("POST", $"/api/v1/persons/{id}/electronic-supervisions", d => new { decidedAt = d }),
            ("POST", $"/api/v1/persons/{id}/electronic-supervisions/{other}/fitting", d => new { fittedAt = d }),
            ("POST", $"/api/v1/persons/{id}/violations", d => new { on = d, kind = "drug-use" }),
            ("POST", $"/api/v1/persons/{id}/support-services", d => new { kind = "counselling", providedOn = d }),
            ("POST", $"/api/v1/persons/{id}/support-services", d => new { kind = "counselling", requestedOn = d }),
            ("POST", "/api/v1/hotspots", d => new { communeCode = "05443", kind = "harbouring-point", detectedOn = d }),
            ("POST", "/api/v1/hotspots", d => new { communeCode = "05443", kind = "harbouring-point", detectedOn = "2026-02-01", clearedOn = d }),
            ("POST", "/api/v1/arrests", d => new { communeCode = "05443", arrestedOn = d, offenders = 1 }),
            ("POST", "/api/v1/cultivation-finds", d => new { communeCode = "05443", foundOn = d, plants = 3, areaM2 = 1.5m }),
            ("POST", "/api/v1/cultivation-finds", d => new { communeCode = "05443", foundOn = "2026-02-01", plants = 3, areaM2 = 1.5m, destroyedOn = d }),
            ("POST", "/api/v1/classifications/19/2026/approve", d => new { decisionNumber = "9/QĐ", decidedOn = d }),
        };

        var file = await officer.GetStringAsync($"/api/v1/persons/{id}/case-file", Cancel);
        var hotspots = await officer.GetStringAsync("/api/v1/hotspots", Cancel);
        var failures = new List<string>();
        foreach (var (method, url, body) in routes)
        {
            foreach (var day in Impossible)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(body(day)) };
                using var response = await officer.SendAsync(request, Cancel);
                var text = await response.Content.ReadAsStringAsync(Cancel);
                if (response.StatusCode != HttpStatusCode.BadRequest || !text.Contains("Ngày", StringComparison.OrdinalIgnoreCase) && !text.Contains("Thời điểm", StringComparison.Ordinal))
                    failures.Add($"{method} {url} {day}: {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
            }
        }

        // The holiday calendar (administrator) and the filters: never a 500.
        var admin = await app.AdminAsync();
        foreach (var day in Impossible)
        {
            var put = await admin.PutAsJsonAsync($"/api/v1/holidays/{day}", new { name = "Ngày lễ không thật" }, Cancel);
            if (put.StatusCode != HttpStatusCode.BadRequest)
                failures.Add($"PUT holidays/{day}: {(int)put.StatusCode}");
            var filter = await officer.GetAsync($"/api/v1/work-items?dueBefore={day}", Cancel);
            if (filter.StatusCode != HttpStatusCode.BadRequest)
                failures.Add($"GET work-items?dueBefore={day}: {(int)filter.StatusCode}");
            var search = await officer.GetAsync($"/api/v1/persons?dateOfBirth={day}", Cancel);
            if (search.StatusCode != HttpStatusCode.BadRequest)
                failures.Add($"GET persons?dateOfBirth={day}: {(int)search.StatusCode}");
            var audit = await (await app.PagesAsAsync("admin", App.AdminPassword)).GetAsync($"/Audit?From={day}&To={day}", Cancel);
            if ((int)audit.StatusCode >= 500)
                failures.Add($"GET /Audit?From={day}: {(int)audit.StatusCode}");
        }

        Assert.Empty(failures);
        Assert.Equal(file, await officer.GetStringAsync($"/api/v1/persons/{id}/case-file", Cancel));
        Assert.Equal(hotspots, await officer.GetStringAsync("/api/v1/hotspots", Cancel));
    }

    [Fact]
    public void The_rules_bound_each_kind_of_date()
    {
        var clock = TimeProvider.System;
        var today = DatePlausibility.TodayInVietnam(clock);
        Assert.True(DatePlausibility.IsPlausibleBirth(new DateOnly(1900, 1, 1), today));
        Assert.False(DatePlausibility.IsPlausibleBirth(new DateOnly(1899, 12, 31), today));
        Assert.False(DatePlausibility.IsPlausibleBirth(today.AddDays(1), today));
        Assert.True(DatePlausibility.IsPlausibleFact(today.AddDays(1), clock));
        Assert.False(DatePlausibility.IsPlausibleFact(today.AddDays(2), clock));
        Assert.False(DatePlausibility.IsPlausibleFact(new DateOnly(1999, 12, 31), clock));
        Assert.False(DatePlausibility.InRange(DateOnly.MinValue));
        Assert.False(DatePlausibility.InRange(DateOnly.MaxValue));
        Assert.Equal(15, new SecurityOptions().TokenLifetimeMinutes);
    }
}
