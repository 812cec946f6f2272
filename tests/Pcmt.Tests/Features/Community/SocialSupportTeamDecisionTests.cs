using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pcmt.Tests.Features.Community;

/// <summary>
/// Form 55 (issue 15, legal-rules §12): the commune chairperson's decision establishing the Tổ quản lý hỗ trợ xã hội (NĐ 163/2026
/// Art 136), generated from the commune's roster and read back: the two header blocks, the members on the decision's date in a
/// table under Article 1, the footer's form number (unverified under Law 73); led by a police officer, refused without one.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class SocialSupportTeamDecisionTests(App app)
{
    private const string Commune = "01879"; // Xã Cao Minh, Thái Nguyên: no other test keeps a roster there
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task AddAsync(HttpClient client, string team, string role, string name, string? unit, string joinedOn)
    {
        var response = await client.PostAsJsonAsync("/api/v1/team-members", new { communeCode = Commune, team, role, fullName = name, unit, joinedOn }, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
    }

    private static async Task<(string Body, string Footer, List<List<string>> Rows)> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        Assert.Equal(Docx, response.Content.Headers.ContentType?.MediaType);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel)), false);
        var main = document.MainDocumentPart!;
        // The members' table is the bordered one whose heading is "STT".
        var table = main.Document!.Body!.Elements<Table>().Single(t => t.Elements<TableRow>().First().InnerText.StartsWith("STT", StringComparison.Ordinal));
        var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        return (main.Document.InnerText, string.Concat(main.FooterParts.Select(f => f.Footer!.InnerText)), rows);
    }

    [Fact]
    public async Task The_decision_lists_the_social_support_team_of_the_commune_on_its_date_led_by_the_police()
    {
        var token = Guid.NewGuid().ToString("N")[..5];
        var committee = await app.ApiAsAsync(Roles.CommuneCommittee, Commune);
        var url = $"/api/v1/team-members/social-support-decision?commune={Commune}&on=2026-11-20&number=12/QĐ-UBND";

        // A roster without its leader: refused, citing the article.
        await AddAsync(committee, "social-support", "deputy", "Lò Thị Phó " + token, "Thôn Nà Mòn", "2026-01-10");
        var refused = await committee.GetAsync(url, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Tổ trưởng", problem, StringComparison.Ordinal);
        Assert.Contains("Điều 136", problem, StringComparison.Ordinal);

        await AddAsync(committee, "social-support", "leader", "Hà Văn Trưởng " + token, "Công an xã Cao Minh", "2026-01-10");
        await AddAsync(committee, "social-support", "mass-organisation", "Triệu Thị Hội " + token, "Hội Liên hiệp Phụ nữ xã", "2026-01-10");
        await AddAsync(committee, "social-support", "family", "Nông Văn Họ " + token, null, "2026-01-10");
        // Not on the team on the decision's date, or not on this team.
        await AddAsync(committee, "social-support", "social-worker", "Mới Vào " + token, null, "2026-11-25");
        await AddAsync(committee, "management", "leader", "Tổ Khác " + token, "Công an xã Cao Minh", "2026-01-10");
        await AddAsync(committee, "supporters", "supporter", "Người Hỗ Trợ " + token, null, "2026-01-10");

        var (body, footer, rows) = await ReadAsync(await committee.GetAsync(url, Cancel));
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", body, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", body, StringComparison.Ordinal);
        Assert.Contains("ỦY BAN NHÂN DÂN XÃ CAO MINH", body, StringComparison.Ordinal);
        Assert.Contains("TỈNH THÁI NGUYÊN", body, StringComparison.Ordinal);
        Assert.Contains("Số: 12/QĐ-UBND", body, StringComparison.Ordinal);
        Assert.Contains("Xã Cao Minh, ngày 20 tháng 11 năm 2026", body, StringComparison.Ordinal);
        Assert.Contains("Về việc thành lập Tổ quản lý hỗ trợ xã hội", body, StringComparison.Ordinal);
        Assert.Contains("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ CAO MINH", body, StringComparison.Ordinal);
        Assert.Contains("163/2026/NĐ-CP", body, StringComparison.Ordinal);
        Assert.Contains("Điều 136", body, StringComparison.Ordinal);
        Assert.Contains("Mẫu số 55 — Phụ lục Nghị định số 163/2026/NĐ-CP", footer, StringComparison.Ordinal);

        // The members on 20/11/2026, leader first, then deputy, then the others; no one else.
        Assert.Equal(["STT", "Họ và tên", "Đơn vị, tổ chức", "Nhiệm vụ trong Tổ"], rows[0]);
        Assert.Equal(["1", "Hà Văn Trưởng " + token, "Công an xã Cao Minh", "Tổ trưởng"], rows[1]);
        Assert.Equal(["2", "Lò Thị Phó " + token, "Thôn Nà Mòn", "Tổ phó"], rows[2]);
        Assert.Equal(5, rows.Count);
        Assert.Contains(rows, r => r[1] == "Nông Văn Họ " + token && r[2] == "Đại diện gia đình, dòng họ" && r[3] == "Thành viên");
        Assert.Contains(rows, r => r[1] == "Triệu Thị Hội " + token && r[3] == "Thành viên");
        foreach (var absent in new[] { "Mới Vào ", "Tổ Khác ", "Người Hỗ Trợ " })
            Assert.DoesNotContain(absent + token, body, StringComparison.Ordinal);

        // Before 01/07/2026 (Law 73): the old bases, and the footer does not invent a number.
        var (oldBody, oldFooter, _) = await ReadAsync(await committee.GetAsync($"/api/v1/team-members/social-support-decision?commune={Commune}&on=2026-05-04", Cancel));
        Assert.Contains("73/2021/QH14", oldBody, StringComparison.Ordinal);
        Assert.DoesNotContain("120/2025", oldBody, StringComparison.Ordinal);
        Assert.Contains("chưa được xác minh", oldFooter, StringComparison.Ordinal);
        Assert.Contains("Số: ……", oldBody, StringComparison.Ordinal);

        // The commune's own officers default to their commune; a bad date is a 400; no members yet on a date is a 400.
        var police = await app.ApiAsAsync(Roles.CommunePolice, Commune);
        Assert.Contains("Hà Văn Trưởng " + token, (await ReadAsync(await police.GetAsync("/api/v1/team-members/social-support-decision?on=2026-11-20", Cancel))).Body, StringComparison.Ordinal);
        var bad = await police.GetAsync("/api/v1/team-members/social-support-decision?on=2026-13-01", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("on", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await police.GetAsync("/api/v1/team-members/social-support-decision?on=2025-12-01", Cancel)).StatusCode);

        // Scope: another commune's officers and another province's police get 403; facility staff have no documents at all.
        foreach (var (role, scope) in new[] { (Roles.CommunePolice, "05443"), (Roles.CommuneCommittee, "01840"), (Roles.ProvincePolice, "01") })
        {
            var other = await app.ApiAsAsync(role, scope);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(url, Cancel)).StatusCode);
        }

        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync(url, Cancel)).StatusCode);

        // Offered on the roster page, and downloaded from it.
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.CommuneCommittee, Commune), App.UserPassword);
        Assert.Contains("Tải Mẫu 55 (.docx)", await pages.GetStringAsync($"/Community/Teams?Commune={Commune}", Cancel), StringComparison.Ordinal);
        var fromPage = await ReadAsync(await pages.GetAsync($"/Community/Teams?handler=SocialSupportDecision&Commune={Commune}&on=2026-11-20", Cancel));
        Assert.Equal(5, fromPage.Rows.Count);
    }
}
