using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;

namespace Pcmt.Tests.Features.DataBreaches;

/// <summary>
/// Breach workflow (Law 91/2025/QH15 Art 23; Decree 356/2025/NĐ-CP; legal-rules §10): a recorded breach starts a 72-hour
/// clock for notifying A05, shown with the time left; drafts for A05 and for the data subjects are generated.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class DataBreachTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Local(DateTimeOffset utc) => utc.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static object Body(DateTimeOffset discovered, string description = "Máy tính xách tay của cán bộ có bản xuất danh sách bị mất", params string[] categories) => new
    {
        description,
        discoveredAt = Local(discovered),
        categories = categories.Length == 0 ? new[] { "identity", "health" } : categories,
        subjectCount = 1250,
        responsibleOfficer = "Đại úy Nguyễn Văn An, Phòng PC04",
        measures = "Đã khóa tài khoản, đổi mật khẩu, rà soát nhật ký truy cập.",
    };

    private static async Task<Guid> RecordAsync(HttpClient admin, object body)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/data-breaches", body, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_recorded_breach_must_be_notified_to_a05_within_72_hours_of_discovery()
    {
        var admin = await app.AdminAsync();
        var discovered = DateTimeOffset.UtcNow.AddHours(-10);
        var id = await RecordAsync(admin, Body(discovered));

        var breach = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/data-breaches/{id}", Cancel);
        var notifyBy = breach.GetProperty("notifyBy").GetDateTimeOffset();
        // Law 91/2025/QH15 Art 23: 72 hours from discovery (to the minute typed in the form).
        Assert.Equal(TimeSpan.FromHours(72), notifyBy - breach.GetProperty("discoveredAt").GetDateTimeOffset());
        Assert.InRange(breach.GetProperty("hoursLeft").GetDouble(), 61.5, 62.5);
        Assert.False(breach.GetProperty("overdue").GetBoolean());
        Assert.True(breach.GetProperty("sensitive").GetBoolean()); // health data are sensitive (Law 91 Art 2)

        var late = await RecordAsync(admin, Body(DateTimeOffset.UtcNow.AddHours(-80), "Truy cập trái phép phát hiện muộn", "accounts"));
        var list = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/data-breaches", Cancel)).GetProperty("items").EnumerateArray().ToList();
        var overdue = list.Single(b => b.GetProperty("id").GetGuid() == late);
        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        Assert.False(overdue.GetProperty("sensitive").GetBoolean());

        var notified = await admin.PostAsJsonAsync($"/api/v1/data-breaches/{late}/notifications", new { recipient = "authority", notifiedAt = Local(DateTimeOffset.UtcNow.AddMinutes(-5)) }, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, notified.StatusCode);
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/data-breaches/{late}", Cancel);
        Assert.False(after.GetProperty("overdue").GetBoolean());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("hoursLeft").ValueKind);

        var pages = await app.PagesAsAsync("admin", App.AdminPassword);
        var html = await pages.GetStringAsync("/DataBreaches", Cancel);
        Assert.Contains("giờ để thông báo A05", html, StringComparison.Ordinal);
        Assert.Contains("Máy tính xách tay của cán bộ", html, StringComparison.Ordinal);
        var details = await pages.GetStringAsync($"/DataBreaches/Details/{late}", Cancel);
        Assert.Contains("Đã thông báo A05 lúc", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_drafts_for_a05_and_for_the_data_subjects_are_word_documents_in_vietnamese()
    {
        var admin = await app.AdminAsync();
        var id = await RecordAsync(admin, Body(DateTimeOffset.UtcNow.AddHours(-2)));
        foreach (var (kind, expected) in new[] { ("authority", "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05)"), ("subjects", "Kính gửi: Ông/Bà") })
        {
            var response = await admin.GetAsync($"/api/v1/data-breaches/{id}/documents/{kind}", Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel)), false);
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains(expected, text, StringComparison.Ordinal);
            Assert.Contains("Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15", text, StringComparison.Ordinal);
            if (kind == "authority")
                Assert.Contains("4. Số lượng chủ thể dữ liệu bị ảnh hưởng (ước tính): 1.250.", text, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/v1/data-breaches/{id}/documents/khac", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Incomplete_or_implausible_reports_are_refused_in_vietnamese()
    {
        var admin = await app.AdminAsync();
        var cases = new object[]
        {
            new { },
            new { description = "x", discoveredAt = "0001-01-01T00:00", categories = new[] { "identity" }, subjectCount = 1, responsibleOfficer = "A" },
            new { description = "x", discoveredAt = "9999-12-31T23:59", categories = new[] { "identity" }, subjectCount = 1, responsibleOfficer = "A" },
            new { description = "x", discoveredAt = Local(DateTimeOffset.UtcNow.AddDays(2)), categories = new[] { "identity" }, subjectCount = 1, responsibleOfficer = "A" },
            new { description = "x", discoveredAt = Local(DateTimeOffset.UtcNow), categories = new[] { "bí mật" }, subjectCount = 1, responsibleOfficer = "A" },
            new { description = "x", discoveredAt = Local(DateTimeOffset.UtcNow), categories = Array.Empty<string>(), subjectCount = -1, responsibleOfficer = "A" },
        };
        foreach (var body in cases)
        {
            var response = await admin.PostAsJsonAsync("/api/v1/data-breaches", body, Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            Assert.Equal("Dữ liệu không hợp lệ.", problem.GetProperty("title").GetString());
        }

        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        Assert.Equal(HttpStatusCode.Forbidden, (await province.GetAsync("/api/v1/data-breaches", Cancel)).StatusCode);
    }
    /// <summary>
    /// The 72-hour clock is a "Việc cần làm" item of the breach register's users (Decree 13/2023/NĐ-CP Art 23; legal-rules §10):
    /// due at discovery + 72 h, marked overdue after that, counted in the dashboard alerts, and gone once A05 is notified.
    /// </summary>
    [Fact]
    public async Task An_open_breach_is_a_work_item_due_72_hours_after_discovery_until_a05_is_notified()
    {
        var admin = await app.AdminAsync();
        var pages = await app.PagesAsAsync("admin", App.AdminPassword);
        var dashboardBefore = Count(await pages.GetStringAsync("/Dashboard", Cancel), "breach-overdue");

        var discovered = DateTimeOffset.UtcNow.AddHours(-10);
        var open = await RecordAsync(admin, Body(discovered, "Email danh sách gửi nhầm địa chỉ ngoài cơ quan"));
        var lateDiscovered = DateTimeOffset.UtcNow.AddHours(-75);
        var late = await RecordAsync(admin, Body(lateDiscovered, "Tài khoản bị chiếm quyền phát hiện muộn", "accounts"));

        // Due moment: discovery (to the minute typed, Vietnam time) + 72 hours, shown as dd/MM/yyyy HH:mm:ss.
        static string Due(DateTimeOffset utc)
        {
            var typed = DateTime.ParseExact(Local(utc), "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
            return typed.AddHours(72).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
        }

        var all = await pages.GetStringAsync("/Lifecycle/WorkItems", Cancel);
        Assert.Contains("id=\"breach-deadlines\"", all, StringComparison.Ordinal);
        Assert.Contains($"/DataBreaches/Details/{open}", all, StringComparison.Ordinal);
        Assert.Contains($"/DataBreaches/Details/{late}", all, StringComparison.Ordinal);
        Assert.Contains(Due(discovered) + "</td>", all, StringComparison.Ordinal);
        Assert.Contains(Due(lateDiscovered) + " (QUÁ HẠN)</td>", all, StringComparison.Ordinal);
        Assert.Contains("Nghị định 13/2023/NĐ-CP Điều 23", all, StringComparison.Ordinal);
        Assert.Contains("href=\"/Lifecycle/WorkItems\"", all, StringComparison.Ordinal); // in the menu of the register's users

        var overdue = await pages.GetStringAsync("/Lifecycle/WorkItems?show=overdue", Cancel);
        Assert.Contains($"/DataBreaches/Details/{late}", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain($"/DataBreaches/Details/{open}", overdue, StringComparison.Ordinal);
        Assert.Equal(dashboardBefore + 1, Count(await pages.GetStringAsync("/Dashboard", Cancel), "breach-overdue"));
        Assert.Contains("id=\"breach-alerts\"", await pages.GetStringAsync("/", Cancel), StringComparison.Ordinal);

        // Not for users outside the register: a provincial police officer's work items show no breach.
        var police = await app.PagesAsAsync(App.UserNameFor(Roles.ProvincePolice, "19"), await EnsurePoliceAsync());
        var theirs = await police.GetStringAsync("/Lifecycle/WorkItems", Cancel);
        Assert.DoesNotContain("breach-deadlines", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("breach-overdue", await police.GetStringAsync("/Dashboard", Cancel), StringComparison.Ordinal);

        foreach (var id in new[] { open, late })
        {
            var notified = await admin.PostAsJsonAsync($"/api/v1/data-breaches/{id}/notifications", new { recipient = "authority", notifiedAt = Local(DateTimeOffset.UtcNow.AddMinutes(-1)) }, Cancel);
            Assert.Equal(HttpStatusCode.NoContent, notified.StatusCode);
        }

        var after = await pages.GetStringAsync("/Lifecycle/WorkItems", Cancel);
        Assert.DoesNotContain($"/DataBreaches/Details/{open}", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"/DataBreaches/Details/{late}", after, StringComparison.Ordinal);
        Assert.Equal(dashboardBefore, Count(await pages.GetStringAsync("/Dashboard", Cancel), "breach-overdue"));
    }

    private async Task<string> EnsurePoliceAsync()
    {
        await app.EnsureUserAsync(Roles.ProvincePolice, "19");
        return App.UserPassword;
    }

    /// <summary>The number in the alert link with this id.</summary>
    private static int Count(string html, string id)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, $"id=\"{id}\">([0-9.]+)<");
        Assert.True(match.Success, $"no {id} in the page");
        return int.Parse(match.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }
}
