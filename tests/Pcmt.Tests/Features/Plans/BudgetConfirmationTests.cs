using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pcmt.Tests.Features.Plans;

/// <summary>Budget figures through the review fabric (issue 13): submit, bulk confirmation, lock, return, reopen, and the D04 pre-fill.</summary>
[Collection(nameof(AppCollection))]
public sealed class BudgetConfirmationTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Police, Guid Plan, string AgencyA, string AgencyB)> PlanAsync(string tag)
    {
        var a = $"bc-{tag}-a";
        var b = $"bc-{tag}-b";
        await app.EnsureAgencyAsync(a, "19", $"Sở Lao động ({tag})");
        await app.EnsureAgencyAsync(b, "19", $"Sở Y tế ({tag})");
        var police = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var created = await police.PostAsJsonAsync("/api/v1/plans", new
        {
            provinceCode = "19",
            title = $"Kế hoạch kinh phí ({tag})",
            documentNumber = "12/KH-UBND",
            issuedOn = "2026-01-15",
            fromYear = 2026,
            toYear = 2030,
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var plan = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        return (police, plan, a, b);
    }

    private static async Task<JsonElement> BudgetAsync(HttpClient client, Guid plan) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{plan}/budget", Cancel);

    private static JsonElement Line(JsonElement budget, string project) =>
        budget.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("projectCode").GetString() == project);

    private static async Task AssertVietnameseAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode} {body}");
        Assert.Matches("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", body);
    }

    [Fact]
    public async Task Figures_are_submitted_confirmed_in_bulk_locked_returned_and_reopened_with_history()
    {
        var (police, plan, a, b) = await PlanAsync("flow");
        Assert.Equal(HttpStatusCode.NoContent, (await police.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial", new { allocatedVnd = 100_000_000, disbursedVnd = 10_000_000, agency = a }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await police.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA6/2026/provincial", new { allocatedVnd = 50_000_000, disbursedVnd = 0, agency = a }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await police.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA7/2026/provincial", new { allocatedVnd = 20_000_000, disbursedVnd = 0, agency = b }, Cancel)).StatusCode);
        var agency = await app.ApiAsAsync(Roles.Department, a);
        var other = await app.ApiAsAsync(Roles.Department, b);
        var commune = await app.ApiAsAsync(Roles.CommunePolice, "05443");

        // Scope: another agency's line is not found to it; a commune user is refused; only the standing agency confirms.
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial/submit", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commune.PostAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial/submit", null, Cancel)).StatusCode);
        Assert.Null(Line(await BudgetAsync(police, plan), "DA5").GetProperty("confirmation").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await agency.PostAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial/submit", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await agency.PostAsync($"/api/v1/plans/{plan}/budget/DA6/2026/provincial/submit", null, Cancel)).StatusCode);
        // Submitted figures wait for the standing agency: the agency cannot change them meanwhile.
        await AssertVietnameseAsync(await agency.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial", new { allocatedVnd = 100_000_000, disbursedVnd = 20_000_000 }, Cancel), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.PostAsJsonAsync($"/api/v1/plans/{plan}/budget/confirm", new { lines = new[] { new { projectCode = "DA5", year = 2026, source = "provincial" } } }, Cancel)).StatusCode);

        // A bulk confirmation that names a line not submitted changes nothing.
        var both = new[] { new { projectCode = "DA5", year = 2026, source = "provincial" }, new { projectCode = "DA6", year = 2026, source = "provincial" } };
        var withUnsubmitted = both.Append(new { projectCode = "DA7", year = 2026, source = "provincial" }).ToArray();
        await AssertVietnameseAsync(await police.PostAsJsonAsync($"/api/v1/plans/{plan}/budget/confirm", new { lines = withUnsubmitted }, Cancel), HttpStatusCode.Conflict);
        Assert.Equal("submitted", Line(await BudgetAsync(police, plan), "DA5").GetProperty("confirmation").GetString());
        var confirmed = await police.PostAsJsonAsync($"/api/v1/plans/{plan}/budget/confirm", new { lines = both }, Cancel);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(2, (await confirmed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("approved").GetInt32());
        var budget = await BudgetAsync(police, plan);
        Assert.Equal("approved", Line(budget, "DA5").GetProperty("confirmation").GetString());
        Assert.Equal(2, budget.GetProperty("confirmed").GetInt32());
        Assert.Equal(1, budget.GetProperty("unconfirmed").GetInt32());

        // Locked: neither the agency nor the standing agency edits a confirmed line, nor adds a disbursement to it.
        await AssertVietnameseAsync(await agency.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial", new { allocatedVnd = 100_000_000, disbursedVnd = 20_000_000 }, Cancel), HttpStatusCode.Conflict);
        await AssertVietnameseAsync(await police.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial", new { allocatedVnd = 90_000_000, disbursedVnd = 10_000_000, agency = a }, Cancel), HttpStatusCode.Conflict);
        await AssertVietnameseAsync(await agency.PostAsJsonAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial/disbursements", new { amountVnd = 1_000_000, on = "2026-11-01" }, Cancel), HttpStatusCode.Conflict);
        Assert.Equal(10_000_000, Line(await BudgetAsync(police, plan), "DA5").GetProperty("disbursedVnd").GetInt64());

        // Reopen needs a reason; afterwards the line is editable again and the history keeps every step.
        await AssertVietnameseAsync(await police.PostAsJsonAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial/reopen", new { reason = " " }, Cancel), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.PostAsJsonAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial/reopen", new { reason = "Tự mở" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await police.PostAsJsonAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial/reopen", new { reason = "Kiểm toán điều chỉnh số giải ngân" }, Cancel)).StatusCode);
        Assert.Equal("returned", Line(await BudgetAsync(police, plan), "DA5").GetProperty("confirmation").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await agency.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial", new { allocatedVnd = 100_000_000, disbursedVnd = 12_000_000 }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await agency.PostAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial/submit", null, Cancel)).StatusCode);

        // Return with a reason: editable again.
        await AssertVietnameseAsync(await police.PostAsJsonAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial/return", new { reason = "" }, Cancel), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await police.PostAsJsonAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial/return", new { reason = "Thiếu chứng từ" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await agency.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial", new { allocatedVnd = 100_000_000, disbursedVnd = 13_000_000 }, Cancel)).StatusCode);
        Assert.Equal(13_000_000, Line(await BudgetAsync(agency, plan), "DA5").GetProperty("disbursedVnd").GetInt64());

        // The history on the budget page: every step with its reason.
        var page = await app.PagesAsAsync(App.UserNameFor(Roles.ProvincePolice, "19"), App.UserPassword);
        var html = WebUtility.HtmlDecode(await page.GetStringAsync($"/Plans/Budget?plan={plan}", Cancel));
        Assert.Contains("Kiểm toán điều chỉnh số giải ngân", html);
        Assert.Contains("Thiếu chứng từ", html);
        Assert.Contains("Xác nhận số liệu", html);
        Assert.Matches(@"Đã xác nhận:\s*<strong>1</strong>\s*dòng; chưa xác nhận:\s*<strong>2</strong>", html);
    }

    [Fact]
    public async Task The_agency_report_takes_the_estimate_and_the_disbursements_dated_in_the_half_year_preferring_confirmed_figures()
    {
        var (police, plan, a, _) = await PlanAsync("d04");
        var agency = await app.ApiAsAsync(Roles.Department, a);
        Assert.Equal(HttpStatusCode.NoContent, (await police.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial", new { allocatedVnd = 100_000_000, disbursedVnd = 0, agency = a }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await police.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA6/2026/counterpart", new { allocatedVnd = 40_000_000, disbursedVnd = 0, agency = a }, Cancel)).StatusCode);
        async Task DisburseAsync(string line, long amount, string on) =>
            Assert.Equal(HttpStatusCode.Created, (await agency.PostAsJsonAsync($"/api/v1/plans/{plan}/budget/{line}/disbursements", new { amountVnd = amount, on, note = "Chi tập huấn" }, Cancel)).StatusCode);

        // 2026H2 runs from 15/06/2026 to 14/12/2026 (cut-off on the 14th).
        await DisburseAsync("DA5/2026/provincial", 10_000_000, "2026-03-10");
        await DisburseAsync("DA5/2026/provincial", 1_000_000, "2026-06-14");
        await DisburseAsync("DA5/2026/provincial", 7_000_000, "2026-06-15");
        await DisburseAsync("DA5/2026/provincial", 3_000_000, "2026-11-20");
        await DisburseAsync("DA6/2026/counterpart", 4_000_000, "2026-08-01");
        Assert.Equal(21_000_000, Line(await BudgetAsync(agency, plan), "DA5").GetProperty("disbursedVnd").GetInt64());

        // Bad entries: 400 in Vietnamese, nothing recorded.
        await AssertVietnameseAsync(await agency.PostAsJsonAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial/disbursements", new { amountVnd = 1_000_000, on = "2026-12-30" }, Cancel), HttpStatusCode.BadRequest);
        await AssertVietnameseAsync(await agency.PostAsJsonAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial/disbursements", new { amountVnd = 90_000_000, on = "2026-11-30" }, Cancel), HttpStatusCode.BadRequest);
        await AssertVietnameseAsync(await agency.PostAsJsonAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial/disbursements", new { amountVnd = -5, on = "2026-11-30" }, Cancel), HttpStatusCode.BadRequest);
        await AssertVietnameseAsync(await agency.PutAsJsonAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial", new { allocatedVnd = 100_000_000, disbursedVnd = 5_000_000 }, Cancel), HttpStatusCode.BadRequest);
        Assert.Equal(21_000_000, Line(await BudgetAsync(agency, plan), "DA5").GetProperty("disbursedVnd").GetInt64());

        // DA5 is confirmed, then reopened and a later disbursement added: the report keeps the confirmed figures.
        Assert.Equal(HttpStatusCode.NoContent, (await agency.PostAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial/submit", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await police.PostAsJsonAsync($"/api/v1/plans/{plan}/budget/confirm", new { lines = new[] { new { projectCode = "DA5", year = 2026, source = "provincial" } } }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await police.PostAsJsonAsync($"/api/v1/plans/{plan}/budget/DA5/2026/provincial/reopen", new { reason = "Bổ sung chứng từ tháng 12" }, Cancel)).StatusCode);
        await DisburseAsync("DA5/2026/provincial", 2_000_000, "2026-12-01");

        var created = await agency.PostAsJsonAsync("/api/v1/reports", new { template = "agency-half-year", period = "2026H2", reporter = a }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var rows = (await agency.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}", Cancel)).GetProperty("values").GetProperty("D04")
            .EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToArray()).ToArray();
        Assert.Equal(2, rows.Length);
        var da5 = rows.Single(r => r[0].StartsWith("Dự án 5", StringComparison.Ordinal));
        Assert.EndsWith("(số liệu đã xác nhận trước đây; đang được sửa lại)", da5[0]);
        // Confirmed: 7 + 3 million inside the period (not the 10 of March, the 1 of 14/06 nor the unconfirmed 2 of December).
        Assert.Equal(["Ngân sách địa phương", "100.000.000", "100.000.000", "10.000.000", "21.000.000", "21"], da5[1..]);
        var da6 = rows.Single(r => r[0].StartsWith("Dự án 6", StringComparison.Ordinal));
        Assert.EndsWith("(số liệu chưa được xác nhận)", da6[0]);
        Assert.Equal(["40.000.000", "40.000.000", "4.000.000", "4.000.000", "10"], da6[2..]);
    }
}
