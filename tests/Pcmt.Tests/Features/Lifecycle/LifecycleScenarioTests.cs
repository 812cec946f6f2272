using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Pcmt.Tests.Features.Lifecycle;

/// <summary>An app whose clock the test moves, to walk a file through years of legal time.</summary>
public sealed class ClockApp : App
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 8, 3, 12, 0, 0, TimeSpan.FromHours(7)));

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Security:RequireTwoFactor"] = "false", ["Jobs:Enabled"] = "false" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A fresh token at the current fake time (tokens issued before a jump in time have expired).</summary>
    public async Task<HttpClient> ClientAsync(string role, string scope) => WithToken(await TokenAsync(UserNameFor(role, scope), UserPassword));
}

/// <summary>
/// One person through the whole lifecycle (legal-rules §4): positive test → management → addiction → voluntary rehab →
/// self-termination → compulsory dossier → compulsory rehab → post-rehab → end, checking every due date and the status at each step.
/// </summary>
public sealed class LifecycleScenarioTests(ClockApp app) : IClassFixture<ClockApp>
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient _officer = null!;
    private Guid _person;

    private async Task MoveToAsync(int y, int m, int d, int h = 12)
    {
        app.Clock.SetUtcNow(new DateTimeOffset(y, m, d, h, 0, 0, Vn));
        _officer = await app.ClientAsync(Roles.CommunePolice, "05443");
    }

    private async Task<JsonElement> PostAsync(string path, object body)
    {
        var response = await _officer.PostAsJsonAsync($"/api/v1/persons/{_person}/{path}", body, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<(string Status, Dictionary<string, string> Due)> FileAsync()
    {
        var file = await _officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{_person}/case-file", Cancel);
        var due = file.GetProperty("workItems").EnumerateArray().ToDictionary(w => w.GetProperty("kind").GetString()!, w => w.GetProperty("dueAt").GetString()!);
        var person = await _officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{_person}", Cancel);
        Assert.Equal(file.GetProperty("status").GetString(), person.GetProperty("status").GetString());
        return (file.GetProperty("status").GetString()!, due);
    }

    [Fact]
    public async Task One_person_from_a_positive_test_to_the_end_of_post_rehab_management()
    {
        await app.EnsureUserAsync(Roles.CommunePolice, "05443");
        await app.EnsureUserAsync(Roles.CommuneCommittee, "05443");
        await MoveToAsync(2026, 8, 3);
        var created = await _officer.PostAsJsonAsync("/api/v1/persons", new { fullName = "Hoàng Văn Thử", dateOfBirth = "1992-02-10", sex = "male", residenceCommuneCode = "05443" }, Cancel);
        _person = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();

        // 1. Positive test 03/08/2026 10:00 → management decision due in 24 h (Law 120 Art 24.4).
        await PostAsync("drug-tests", new { takenAt = "2026-08-03T10:00:00+07:00", sampleType = "urine", result = "positive" });
        var (status, due) = await FileAsync();
        Assert.Equal(("none", "2026-08-04T10:00:00+07:00"), (status, due["management-decision"]));

        // 2. Decision 04/08/2026 → 1 year to 04/08/2027; Form 09 due within 24 h after (NĐ 163 Art 63).
        await MoveToAsync(2026, 8, 4);
        var management = await PostAsync("management-decisions", new { decidedAt = "2026-08-04T09:00:00+07:00", decisionNumber = "15/QĐ-CAP" });
        Assert.Equal("2027-08-04", management.GetProperty("endsOn").GetString());
        (status, due) = await FileAsync();
        Assert.Equal("under-management", status);
        Assert.Equal("2027-08-06T00:00:00+07:00", due["management-end"]);
        Assert.False(due.ContainsKey("management-decision"));

        // 3. Addicted 01/09/2026 09:00 → register within 24 h (NĐ 163 Art 4); management stops (Form 08 within 24 h).
        await MoveToAsync(2026, 9, 1, 10);
        await PostAsync("addiction-determinations", new { concludedAt = "2026-09-01T09:00:00+07:00", criteriaMet = new[] { 1, 2, 5, 6 }, result = "addicted", facility = "Bệnh viện Tâm thần tỉnh Thái Nguyên" });
        (status, due) = await FileAsync();
        Assert.Equal("addicted-pending-registration", status);
        Assert.Equal("2026-09-02T09:00:00+07:00", due["rehab-registration"]);
        Assert.Equal("2026-09-02T09:00:00+07:00", due["management-stop"]);
        await PostAsync($"management-decisions/{management.GetProperty("id").GetGuid()}/changes", new { action = "stop", on = "2026-09-01", reason = "addicted", decisionNumber = "16/QĐ-CAP" });

        // 4. Registration 01/09 15:00 → decision within 24 h (NĐ 163 Art 91).
        await MoveToAsync(2026, 9, 1, 16);
        await PostAsync("rehab-registrations", new { registeredAt = "2026-09-01T15:00:00+07:00", form = "home-community" });
        (status, due) = await FileAsync();
        Assert.Equal("2026-09-02T15:00:00+07:00", due["rehab-decision"]);
        Assert.False(due.ContainsKey("management-stop"));

        // 5. Decision Thursday 03/09/2026 10:00 (after the Quốc khánh holidays) → start within 2 working days: Fri 04, Mon 07/09;
        //    electronic supervision decided within 12 h (NĐ 163 Art 16).
        await MoveToAsync(2026, 9, 3, 11);
        var rehab = await PostAsync("rehab-episodes", new { form = "home-community", decidedAt = "2026-09-03T10:00:00+07:00", decisionNumber = "22/QĐ-CAP" });
        var rehabId = rehab.GetProperty("id").GetGuid();
        Assert.Equal(24, rehab.GetProperty("termMonths").GetInt32());
        (status, due) = await FileAsync();
        Assert.Equal("in-voluntary-rehab", status);
        Assert.Equal("2026-09-08T00:00:00+07:00", due["rehab-start"]);
        Assert.Equal("2026-09-03T22:00:00+07:00", due["supervision-decision"]);
        Assert.False(due.ContainsKey("rehab-decision"));
        await MoveToAsync(2026, 9, 3, 19);
        var supervision = await PostAsync("electronic-supervisions", new { decidedAt = "2026-09-03T18:00:00+07:00" });
        (_, due) = await FileAsync();
        Assert.Equal("2026-09-04T18:00:00+07:00", due["supervision-fit"]);

        // 6. Reception record 07/09/2026 → 24 months to 07/09/2028.
        await MoveToAsync(2026, 9, 7);
        await PostAsync($"electronic-supervisions/{supervision.GetProperty("id").GetGuid()}/fitting", new { fittedAt = "2026-09-04T09:00:00+07:00" });
        var started = await PostAsync($"rehab-episodes/{rehabId}/start", new { startedOn = "2026-09-07" });
        Assert.Equal("2028-09-07", started.GetProperty("plannedEndOn").GetString());
        (_, due) = await FileAsync();
        Assert.Equal("2028-09-08T00:00:00+07:00", due["completion-certificate"]);

        // 7. Self-terminated, found Monday 05/10/2026 → compulsory dossier within 1 working day (Law 120 Art 35.1.a).
        await MoveToAsync(2026, 10, 5);
        await PostAsync($"rehab-episodes/{rehabId}/end", new { endedOn = "2026-10-05", reason = "self-terminated" });
        (status, due) = await FileAsync();
        Assert.Equal("compulsory-dossier", status);
        Assert.Equal("2026-10-07T00:00:00+07:00", due["compulsory-dossier"]);

        // 8. The dossier: prepare by 06/10, limitation 3 months (to 05/01/2027), read 3 working days, send 1 working day after.
        var dossier = await PostAsync("compulsory-dossiers", new { detectedAt = "2026-10-05T09:00:00+07:00", ground = "self-terminated" });
        var dossierId = dossier.GetProperty("id").GetGuid();
        (_, due) = await FileAsync();
        Assert.Equal("2026-10-07T00:00:00+07:00", due["dossier-prepare"]);
        Assert.Equal("2027-01-06T00:00:00+07:00", due["dossier-limitation"]);
        await MoveToAsync(2026, 10, 7);
        await PostAsync($"compulsory-dossiers/{dossierId}/steps", new { step = "prepared", at = "2026-10-06T10:00:00+07:00" });
        await PostAsync($"compulsory-dossiers/{dossierId}/steps", new { step = "notified", at = "2026-10-07T10:00:00+07:00" });
        (status, due) = await FileAsync();
        Assert.Equal("compulsory-dossier", status);
        Assert.Equal("2026-10-14T00:00:00+07:00", due["dossier-send"]);
        await MoveToAsync(2026, 10, 13);
        await PostAsync($"compulsory-dossiers/{dossierId}/steps", new { step = "sent-to-court", at = "2026-10-13T09:00:00+07:00" });

        // 9. Court decision 27/10/2026, received at the facility 28/10: the second rehab → 36 months (Law 120 Art 29).
        await MoveToAsync(2026, 10, 28);
        var compulsory = await PostAsync("rehab-episodes", new { form = "compulsory", decidedAt = "2026-10-27T14:00:00+07:00", startedOn = "2026-10-28", decisionNumber = "31/2026/QĐ-TA" });
        Assert.Equal(36, compulsory.GetProperty("termMonths").GetInt32());
        Assert.Equal("2029-10-28", compulsory.GetProperty("plannedEndOn").GetString());
        (status, due) = await FileAsync();
        Assert.Equal("in-compulsory-rehab", status);
        Assert.Empty(due);

        // 10. Completed Friday 26/10/2029 → post-rehab proposal within 2 working days: Mon 29, Tue 30/10 (NĐ 163 Art 134).
        await MoveToAsync(2029, 10, 26);
        await PostAsync($"rehab-episodes/{compulsory.GetProperty("id").GetGuid()}/end", new { endedOn = "2029-10-26", reason = "completed" });
        (status, due) = await FileAsync();
        Assert.Equal("closed", status);
        Assert.Equal("2029-10-31T00:00:00+07:00", due["post-rehab-proposal"]);

        // 11. Decision 29/10/2029 after compulsory rehab of an adult → 2 years from completion (Law 120 Art 42).
        await MoveToAsync(2029, 10, 29);
        var committee = await app.ClientAsync(Roles.CommuneCommittee, "05443");
        var postResponse = await committee.PostAsJsonAsync($"/api/v1/persons/{_person}/post-rehab-decisions", new { decidedAt = "2029-10-29T09:00:00+07:00", basis = "compulsory-adult", decisionNumber = "53/QĐ-UBND" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, postResponse.StatusCode);
        var post = await postResponse.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(("law120-2025", "2029-10-26", "2031-10-26"), (post.GetProperty("regime").GetString(), post.GetProperty("startsOn").GetString(), post.GetProperty("endsOn").GetString()));
        (status, due) = await FileAsync();
        Assert.Equal("post-rehab", status);
        Assert.Equal("2029-10-29T21:00:00+07:00", due["supervision-decision"]);
        Assert.Equal("2031-10-27T00:00:00+07:00", due["post-rehab-end-certificate"]);

        // 12. The end: certificate (Form 56) and removal from the list; the file is closed.
        await MoveToAsync(2031, 10, 24);
        await PostAsync($"post-rehab-decisions/{post.GetProperty("id").GetGuid()}/end", new { endedOn = "2031-10-24", reason = "completed" });
        (status, due) = await FileAsync();
        Assert.Equal("closed", status);
        Assert.False(due.ContainsKey("post-rehab-end-certificate"));
        var lists = await _officer.GetFromJsonAsync<JsonElement>($"/api/v1/legal-lists/post-rehab?state=all&commune=05443", Cancel);
        Assert.Contains(lists.GetProperty("items").EnumerateArray(), r => r.GetProperty("personId").GetGuid() == _person && r.GetProperty("removalReason").GetString() == "Hoàn thành quản lý sau cai nghiện");
    }
}
