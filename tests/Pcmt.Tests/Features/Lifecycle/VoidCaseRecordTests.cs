using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pcmt.Tests.Features.Lifecycle;

/// <summary>Hủy bản ghi nhầm (contract: POST /persons/{id}/case-records/{recordId}/void): history keeps it, the file is recomputed without it.</summary>
[Collection(nameof(AppCollection))]
public sealed class VoidCaseRecordTests(App app)
{
    private const string Commune = "05443";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(url, body, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> FileAsync(HttpClient client, Guid id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{id}/case-file", Cancel);

    private static async Task<List<string>> WorkKindsAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/work-items?personId={id}", Cancel)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()!).ToList();

    [Fact]
    public async Task A_wrongly_recorded_management_decision_is_voided_and_status_work_items_and_lists_follow_while_history_shows_both()
    {
        var officer = await app.ApiAsAsync(Roles.CommunePolice, Commune);
        var id = await LifecycleApiTests.RegisterAsync(officer, "Nông Văn Hủy Một");
        await PostAsync(officer, $"/api/v1/persons/{id}/drug-tests", new { takenAt = "2026-08-03T10:00:00+07:00", sampleType = "urine", result = "positive", substances = new[] { "heroin" } }, HttpStatusCode.Created);
        var decision = (await PostAsync(officer, $"/api/v1/persons/{id}/management-decisions", new { decidedAt = "2026-08-04", decisionNumber = "99/QĐ-NHẦM" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal("under-management", (await FileAsync(officer, id)).GetProperty("status").GetString());
        Assert.DoesNotContain("management-decision", await WorkKindsAsync(officer, id));
        var users = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/legal-lists/users?commune={Commune}&pageSize=500", Cancel);
        Assert.Contains(users.GetProperty("items").EnumerateArray(), i => i.GetProperty("personId").GetGuid() == id);

        // A written reason is required; a short one changes nothing.
        await PostAsync(officer, $"/api/v1/persons/{id}/case-records/{decision}/void", new { reason = "nhầm" }, HttpStatusCode.BadRequest);
        // The commune committee does not record management decisions: 403. Another commune does not see the person: 404.
        var committee = await app.ApiAsAsync(Roles.CommuneCommittee, Commune);
        await PostAsync(committee, $"/api/v1/persons/{id}/case-records/{decision}/void", new { reason = "Ghi nhầm người, quyết định thuộc hồ sơ khác" }, HttpStatusCode.Forbidden);
        var elsewhere = await app.ApiAsAsync(Roles.CommunePolice, "01840");
        await PostAsync(elsewhere, $"/api/v1/persons/{id}/case-records/{decision}/void", new { reason = "Ghi nhầm người, quyết định thuộc hồ sơ khác" }, HttpStatusCode.NotFound);

        await PostAsync(officer, $"/api/v1/persons/{id}/case-records/{decision}/void", new { reason = "Ghi nhầm người, quyết định thuộc hồ sơ khác" }, HttpStatusCode.NoContent);

        var file = await FileAsync(officer, id);
        Assert.Equal("none", file.GetProperty("status").GetString());
        Assert.Empty(file.GetProperty("cases").EnumerateArray());
        Assert.Contains("management-decision", await WorkKindsAsync(officer, id));
        users = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/legal-lists/users?commune={Commune}&state=all&pageSize=500", Cancel);
        Assert.DoesNotContain(users.GetProperty("items").EnumerateArray(), i => i.GetProperty("personId").GetGuid() == id);
        Assert.Equal("none", (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{id}", Cancel)).GetProperty("status").GetString());

        // History: the test and the voided decision, marked with who, when and why.
        var records = file.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(2, records.Count);
        var voided = Assert.Single(records, r => r.GetProperty("voided").GetBoolean());
        Assert.Equal(decision, voided.GetProperty("id").GetGuid());
        Assert.Equal(App.UserNameFor(Roles.CommunePolice, Commune), voided.GetProperty("voidedBy").GetString());
        Assert.Equal("Ghi nhầm người, quyết định thuộc hồ sơ khác", voided.GetProperty("voidReason").GetString());
        Assert.NotEqual(JsonValueKind.Null, voided.GetProperty("voidedAt").ValueKind);

        // Voiding twice is refused; the correct decision can be recorded afterwards.
        await PostAsync(officer, $"/api/v1/persons/{id}/case-records/{decision}/void", new { reason = "Ghi nhầm người, quyết định thuộc hồ sơ khác" }, HttpStatusCode.BadRequest);
        await PostAsync(officer, $"/api/v1/persons/{id}/management-decisions", new { decidedAt = "2026-08-04", decisionNumber = "15/QĐ-CAP" }, HttpStatusCode.Created);
        Assert.Equal("under-management", (await FileAsync(officer, id)).GetProperty("status").GetString());

        // The person page shows the voided fact struck through, with its reason.
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.CommunePolice, Commune), App.UserPassword);
        var html = await pages.GetStringAsync($"/Persons/Details/{id}", Cancel);
        Assert.Contains("ĐÃ HỦY", html, StringComparison.Ordinal);
        Assert.Contains("Ghi nhầm người, quyết định thuộc hồ sơ khác", html, StringComparison.Ordinal);
        Assert.Contains("Hủy bản ghi nhầm", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fact_another_depends_on_cannot_be_voided_until_that_one_is()
    {
        var officer = await app.ApiAsAsync(Roles.CommunePolice, Commune);
        var id = await LifecycleApiTests.RegisterAsync(officer, "Nông Văn Hủy Hai");
        var decision = (await PostAsync(officer, $"/api/v1/persons/{id}/management-decisions", new { decidedAt = "2026-08-04", decisionNumber = "16/QĐ-CAP" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var change = (await PostAsync(officer, $"/api/v1/persons/{id}/management-decisions/{decision}/changes", new { action = "suspend", on = "2026-09-01", reason = "Bị tạm giữ" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var refused = await PostAsync(officer, $"/api/v1/persons/{id}/case-records/{decision}/void", new { reason = "Quyết định ghi nhầm số và ngày" }, HttpStatusCode.BadRequest);
        Assert.Contains("Hủy bản ghi đó trước", refused.GetProperty("errors").GetProperty("recordId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(2, (await FileAsync(officer, id)).GetProperty("records").EnumerateArray().Count(r => !r.GetProperty("voided").GetBoolean()));

        await PostAsync(officer, $"/api/v1/persons/{id}/case-records/{change}/void", new { reason = "Tạm đình chỉ ghi nhầm hồ sơ" }, HttpStatusCode.NoContent);
        await PostAsync(officer, $"/api/v1/persons/{id}/case-records/{decision}/void", new { reason = "Quyết định ghi nhầm số và ngày" }, HttpStatusCode.NoContent);
        Assert.Equal("none", (await FileAsync(officer, id)).GetProperty("status").GetString());
        // Unknown record: 404.
        await PostAsync(officer, $"/api/v1/persons/{id}/case-records/{Guid.NewGuid()}/void", new { reason = "Quyết định ghi nhầm số và ngày" }, HttpStatusCode.NotFound);
    }
}
