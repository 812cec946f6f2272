using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmt.Features.Community;

namespace Pcmt.Tests.Features.Community;

/// <summary>Tổ quản lý and người hỗ trợ (legal-rules §3, §4.2, §4.4.1, §4.8; NĐ 163/2026 Art 59, 65, 130, 136): rosters, assignment, forms 59/60, the supporter's sheet.</summary>
[Collection(nameof(AppCollection))]
public sealed class SupportersApiTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<Guid> CreatedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<Guid> PersonAsync(HttpClient officer, string name, string commune)
    {
        // Province 019, century-and-sex digit 0 (male, born 1900–1999), year 91, then six random digits.
        var citizenId = "019091" + Random.Shared.Next(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        return await CreatedAsync(await officer.PostAsJsonAsync("/api/v1/persons", new { fullName = name, dateOfBirth = "1991-03-14", sex = "male", citizenId, residenceCommuneCode = commune, address = "Tổ 4" }, Cancel));
    }

    [Fact]
    public async Task Rosters_are_kept_per_commune_with_the_phone_encrypted_and_seen_only_inside_the_area()
    {
        var communeA = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var communeB = await app.ApiAsAsync(Roles.CommunePolice, "01840");
        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var otherProvince = await app.ApiAsAsync(Roles.ProvincePolice, "01");
        var name = "Đinh Thị Tổ Trưởng " + Guid.NewGuid().ToString("N")[..6];
        var id = await CreatedAsync(await communeA.PostAsJsonAsync("/api/v1/team-members", new { communeCode = "05443", team = "management", role = "leader", fullName = name, unit = "Công an phường", phone = "0912 345 678", joinedOn = "2026-07-01" }, Cancel));

        // Encrypted at rest.
        var stored = await app.WithScopeAsync(s => s.GetRequiredService<AppDbContext>().Set<TeamMember>().AsNoTracking().SingleAsync(m => m.Id == id, Cancel));
        Assert.DoesNotContain("345", stored.PhoneProtected, StringComparison.Ordinal);
        Assert.StartsWith("v1.", stored.PhoneProtected, StringComparison.Ordinal);

        async Task<JsonElement?> FindAsync(HttpClient client) =>
            (await client.GetFromJsonAsync<JsonElement>("/api/v1/team-members?current=true", Cancel)).GetProperty("items").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(m => m!.Value.GetProperty("id").GetGuid() == id);
        Assert.Equal("0912 345 678", (await FindAsync(communeA))!.Value.GetProperty("phone").GetString());
        Assert.NotNull(await FindAsync(province));
        Assert.Null(await FindAsync(communeB));
        Assert.Null(await FindAsync(otherProvince));

        // Outside the caller's commune, bad values, future dates: 400 and nothing saved.
        var count = await app.WithScopeAsync(s => s.GetRequiredService<AppDbContext>().Set<TeamMember>().CountAsync(Cancel));
        Assert.Equal(HttpStatusCode.BadRequest, (await communeB.PostAsJsonAsync("/api/v1/team-members", new { communeCode = "05443", team = "management", role = "leader", fullName = "X", joinedOn = "2026-07-01" }, Cancel)).StatusCode);
        var bad = await communeA.PostAsJsonAsync("/api/v1/team-members", new { communeCode = "05443", team = "choir", role = "boss", fullName = "", phone = "abc", joinedOn = "2099-01-01" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        foreach (var field in new[] { "team", "role", "fullName", "phone", "joinedOn" })
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
        Assert.Equal(count, await app.WithScopeAsync(s => s.GetRequiredService<AppDbContext>().Set<TeamMember>().CountAsync(Cancel)));

        // Leaving the team, with optimistic concurrency; the commune committee (chairperson) may manage; the province only reads.
        var version = (await FindAsync(communeA))!.Value.GetProperty("version").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await communeA.PostAsJsonAsync($"/api/v1/team-members/{id}/leave", new { on = "2026-11-01", version = Guid.NewGuid() }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await province.PostAsJsonAsync($"/api/v1/team-members/{id}/leave", new { on = "2026-11-01", version }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync(Roles.CommuneCommittee, "01840")).PostAsJsonAsync($"/api/v1/team-members/{id}/leave", new { on = "2026-11-01", version }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiAsAsync(Roles.CommuneCommittee, "05443")).PostAsJsonAsync($"/api/v1/team-members/{id}/leave", new { on = "2026-11-01", version }, Cancel)).StatusCode);
        Assert.Null(await FindAsync(communeA)); // current members only
    }

    [Fact]
    public async Task A_supporter_is_assigned_only_to_a_person_under_management_home_rehab_or_post_rehab_and_forms_59_60_name_them()
    {
        var officer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var chair = await app.ApiAsAsync(Roles.CommuneCommittee, "05443");
        var supporter = await CreatedAsync(await chair.PostAsJsonAsync("/api/v1/team-members", new { communeCode = "05443", team = "supporters", role = "supporter", fullName = "Hà Thị Hỗ Trợ Viên", unit = "Hội Phụ nữ phường", phone = "0987654321", joinedOn = "2026-07-01" }, Cancel));
        var leader = await CreatedAsync(await chair.PostAsJsonAsync("/api/v1/team-members", new { communeCode = "05443", team = "management", role = "leader", fullName = "Lê Văn Tổ", joinedOn = "2026-07-01" }, Cancel));

        // No measure: refused with the legal basis; nothing saved.
        var none = await PersonAsync(officer, "Mạc Văn Không Biện Pháp", "05443");
        var refused = await chair.PostAsJsonAsync($"/api/v1/persons/{none}/supporters", new { memberId = supporter, fromOn = "2026-09-01" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = (await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").GetProperty("fromOn")[0].GetString()!;
        Assert.Contains("Nghị định 163/2026 Điều 130", message, StringComparison.Ordinal);
        Assert.Contains("Luật 120/2025 Điều 42", message, StringComparison.Ordinal);
        Assert.Equal(0, (await chair.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{none}/supporters", Cancel)).GetProperty("total").GetInt32());

        // Home / community rehab (Law 120 Art 32; NĐ 163 Art 130): assigned, measure home-rehab, Form 59 names the supporter.
        var rehab = await PersonAsync(officer, "Mạc Văn Cai Tại Nhà", "05443");
        await CreatedAsync(await officer.PostAsJsonAsync($"/api/v1/persons/{rehab}/rehab-episodes", new { form = "home-community", decidedAt = "2026-08-04T10:00:00+07:00", startedOn = "2026-08-05", decisionNumber = "22/QĐ-CAP" }, Cancel));
        // Before the rehab starts there is no measure; a team member who is not a supporter is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await chair.PostAsJsonAsync($"/api/v1/persons/{rehab}/supporters", new { memberId = supporter, fromOn = "2026-08-01" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await chair.PostAsJsonAsync($"/api/v1/persons/{rehab}/supporters", new { memberId = leader, fromOn = "2026-08-10" }, Cancel)).StatusCode);
        var assignment = await CreatedAsync(await chair.PostAsJsonAsync($"/api/v1/persons/{rehab}/supporters", new { memberId = supporter, fromOn = "2026-08-10", decisionNumber = "59/QĐ-UBND" }, Cancel));
        var row = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{rehab}/supporters", Cancel)).GetProperty("items")[0];
        Assert.Equal("home-rehab", row.GetProperty("measure").GetString());
        Assert.Equal("59", row.GetProperty("form").GetString());

        var docx = await officer.GetAsync($"/api/v1/supporter-assignments/{assignment}/decision", Cancel);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Cancel)), false))
        {
            var text = document.MainDocumentPart!.Document!.InnerText;
            Assert.Contains("Phân công Ông/Bà Hà Thị Hỗ Trợ Viên (Hội Phụ nữ phường) làm người hỗ trợ cai nghiện ma túy tự nguyện", text, StringComparison.Ordinal);
            Assert.Contains("Mạc Văn Cai Tại Nhà", text, StringComparison.Ordinal);
            Assert.Contains("Số: 59/QĐ-UBND", text, StringComparison.Ordinal);
            Assert.Contains("Mẫu số 59", string.Concat(document.MainDocumentPart.FooterParts.Select(f => f.Footer!.InnerText)), StringComparison.Ordinal);
        }

        // Post-rehab (Law 120 Art 42; NĐ 163 Art 136): Form 60. User management (Art 59, 65): assigned, but no separate form.
        var post = await PersonAsync(officer, "Mạc Văn Sau Cai Nghiện", "05443");
        await CreatedAsync(await chair.PostAsJsonAsync($"/api/v1/persons/{post}/post-rehab-decisions", new { decidedAt = "2026-08-04", basis = "voluntary", decisionNumber = "53/QĐ-UBND" }, Cancel));
        var postAssignment = await CreatedAsync(await chair.PostAsJsonAsync($"/api/v1/persons/{post}/supporters", new { memberId = supporter, fromOn = "2026-08-20" }, Cancel));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/supporter-assignments/{postAssignment}/decision", Cancel)).StatusCode);
        var managed = await PersonAsync(officer, "Mạc Văn Bị Quản Lý", "05443");
        await CreatedAsync(await officer.PostAsJsonAsync($"/api/v1/persons/{managed}/management-decisions", new { decidedAt = "2026-08-04", decisionNumber = "31/QĐ-CAP" }, Cancel));
        var managedAssignment = await CreatedAsync(await chair.PostAsJsonAsync($"/api/v1/persons/{managed}/supporters", new { memberId = supporter, fromOn = "2026-09-01", toOn = "2026-10-31" }, Cancel));
        Assert.Equal("management", (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{managed}/supporters", Cancel)).GetProperty("items")[0].GetProperty("measure").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync($"/api/v1/supporter-assignments/{managedAssignment}/decision", Cancel)).StatusCode);

        // The supporter's sheet: the people currently assigned (the one ended on 31/10/2026 is gone), without citizen ID or case history.
        var sheet = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/team-members/{supporter}/sheet", Cancel);
        var names = sheet.GetProperty("persons").EnumerateArray().Select(p => p.GetProperty("fullName").GetString()).ToList();
        Assert.Equal(["Mạc Văn Cai Tại Nhà", "Mạc Văn Sau Cai Nghiện"], names);
        var raw = sheet.GetRawText();
        Assert.DoesNotContain("citizenId", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("019091", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("status", raw, StringComparison.OrdinalIgnoreCase);

        // Outside the area: 404 for the person, the assignment and the sheet.
        var other = await app.ApiAsAsync(Roles.CommunePolice, "01840");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/persons/{rehab}/supporters", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/supporter-assignments/{assignment}/decision", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/team-members/{supporter}/sheet", Cancel)).StatusCode);

        // Audited: the assignment write and the sheet read are in the person's access history.
        var audit = await app.WithScopeAsync(s => s.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.PersonId == rehab).Select(e => e.EntityType + ":" + e.Detail).ToListAsync(Cancel));
        Assert.Contains(audit, e => e.StartsWith("SupporterAssignment", StringComparison.Ordinal));
        Assert.Contains("Person:phiếu người hỗ trợ", audit);

        // The person page shows the supporter.
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.CommuneCommittee, "05443"), App.UserPassword);
        var html = await pages.GetStringAsync($"/Persons/Details/{rehab}", Cancel);
        Assert.Contains("Hà Thị Hỗ Trợ Viên", html, StringComparison.Ordinal);
        Assert.Contains("Người hỗ trợ", html, StringComparison.Ordinal);
    }
}
