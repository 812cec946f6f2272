using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmt.Features.Lifecycle;

namespace Pcmt.Tests.Features.Lifecycle;

/// <summary>
/// Facility staff issue Form 50 (issue 16): "Hoàn thành và cấp giấy chứng nhận" records the completion of a compulsory stay with
/// the rules of the plain end of stay and returns the certificate in the same step; the facility's register lists what it issued
/// and re-prints exactly that certificate, with a purpose, audited, and nothing else of the former resident. Another facility: 404.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class FacilityCertificatesTests(App app)
{
    private const string Commune = "05443";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record Scene(string Token, Guid FacilityA, Guid FacilityB, string FacilityAName, Guid Compulsory, Guid CompulsoryEpisode, Guid Voluntary, Guid VoluntaryEpisode, string CitizenId, HttpClient Officer);

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync(url, body, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 || response.Content.Headers.ContentType?.MediaType == Docx ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Facility A holds a compulsory resident and a voluntary one; facility B exists too.</summary>
    private async Task<Scene> SeedAsync()
    {
        var token = "Gcn" + Guid.NewGuid().ToString("N")[..6];
        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var nameA = "Cơ sở cai nghiện ma túy " + token;
        var facilityA = (await PostAsync(province, "/api/v1/facilities", new { kind = "public-rehab", name = nameA, provinceCode = "19", capacity = 80 })).GetProperty("id").GetGuid();
        var facilityB = (await PostAsync(province, "/api/v1/facilities", new { kind = "public-rehab", name = "Cơ sở khác " + token, provinceCode = "19", capacity = 80 })).GetProperty("id").GetGuid();
        var officer = await app.ApiAsAsync(Roles.CommunePolice, Commune);
        var citizenId = $"019090{Random.Shared.Next(1_000_000):D6}";
        var compulsory = (await PostAsync(officer, "/api/v1/persons", new { fullName = "Hoàng Văn " + token + " Bắt Buộc", dateOfBirth = "1990-05-12", sex = "male", citizenId, residenceCommuneCode = Commune, address = "Tổ 9" })).GetProperty("id").GetGuid();
        var voluntary = await LifecycleApiTests.RegisterAsync(officer, "Hoàng Văn " + token + " Tự Nguyện");
        var compulsoryEpisode = (await PostAsync(officer, $"/api/v1/persons/{compulsory}/rehab-episodes", new { form = "compulsory", decidedAt = "2026-07-15T14:00:00+07:00", startedOn = "2026-07-16", decisionNumber = "50/2026/QĐ-TA", facilityId = facilityA })).GetProperty("id").GetGuid();
        var voluntaryEpisode = (await PostAsync(officer, $"/api/v1/persons/{voluntary}/rehab-episodes", new { form = "public-facility", decidedAt = "2026-09-04", decisionNumber = "51/QĐ-CAP", facilityId = facilityA })).GetProperty("id").GetGuid();
        await PostAsync(officer, $"/api/v1/persons/{voluntary}/rehab-episodes/{voluntaryEpisode}/start", new { startedOn = "2026-09-05" });
        return new Scene(token, facilityA, facilityB, nameA, compulsory, compulsoryEpisode, voluntary, voluntaryEpisode, citizenId, officer);
    }

    private static (string Body, string Footer) Read(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return (document.MainDocumentPart!.Document!.InnerText, string.Concat(document.MainDocumentPart.FooterParts.Select(f => f.Footer!.InnerText)));
    }

    [Fact]
    public async Task Facility_staff_complete_a_compulsory_stay_get_form_50_at_once_and_reprint_only_their_own_certificates()
    {
        var s = await SeedAsync();
        var staffA = await app.ApiAsAsync(Roles.FacilityStaff, s.FacilityA.ToString());
        var staffB = await app.ApiAsAsync(Roles.FacilityStaff, s.FacilityB.ToString());
        var url = $"/api/v1/persons/{s.Compulsory}/rehab-episodes/{s.CompulsoryEpisode}/completion-certificate";

        // Refusals record nothing: a voluntary stay (Form 50 is the compulsory certificate), a bad date, another facility, the commune.
        var voluntary = await PostAsync(staffA, $"/api/v1/persons/{s.Voluntary}/rehab-episodes/{s.VoluntaryEpisode}/completion-certificate", new { endedOn = "2026-11-20" }, HttpStatusCode.BadRequest);
        Assert.Contains("cai nghiện bắt buộc", voluntary.GetProperty("errors").GetProperty("episodeId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await staffA.GetAsync($"/api/v1/persons/{s.Voluntary}", Cancel)).StatusCode);
        var badDate = await PostAsync(staffA, url, new { endedOn = "2026-02-30" }, HttpStatusCode.BadRequest);
        Assert.True(badDate.GetProperty("errors").TryGetProperty("endedOn", out _));
        await PostAsync(staffA, url, new { endedOn = "2026-11-25", number = new string('9', 51) }, HttpStatusCode.BadRequest);
        await PostAsync(staffB, url, new { endedOn = "2026-11-25" }, HttpStatusCode.NotFound);
        await PostAsync(staffA, $"/api/v1/persons/{s.Compulsory}/rehab-episodes/{s.VoluntaryEpisode}/completion-certificate", new { endedOn = "2026-11-25" }, HttpStatusCode.Forbidden);
        await PostAsync(s.Officer, url, new { endedOn = "2026-11-25" }, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await staffA.GetAsync($"/api/v1/persons/{s.Compulsory}", Cancel)).StatusCode);

        // Recorded and issued in one step.
        var response = await staffA.PostAsJsonAsync(url, new { endedOn = "2026-11-25", number = "07/GCN-CS" }, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(Docx, response.Content.Headers.ContentType?.MediaType);
        var certificateId = Guid.Parse(response.Headers.GetValues("X-Certificate-Id").Single());
        var issued = await response.Content.ReadAsByteArrayAsync(Cancel);
        var (body, footer) = Read(issued);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", body, StringComparison.Ordinal);
        Assert.Contains("GIẤY CHỨNG NHẬN", body, StringComparison.Ordinal);
        Assert.Contains("Số: 07/GCN-CS", body, StringComparison.Ordinal);
        Assert.Contains("Họ và tên: Hoàng Văn " + s.Token + " Bắt Buộc", body, StringComparison.Ordinal);
        Assert.Contains("Số định danh cá nhân: " + s.CitizenId, body, StringComparison.Ordinal);
        Assert.Contains("GIÁM ĐỐC " + s.FacilityAName.ToUpperInvariant(), body, StringComparison.Ordinal);
        Assert.Contains("CÔNG AN TỈNH THÁI NGUYÊN", body, StringComparison.Ordinal);
        Assert.Contains("từ ngày 16/07/2026 đến ngày 25/11/2026", body, StringComparison.Ordinal);
        Assert.Contains("Mẫu số 50 — Phụ lục Nghị định số 163/2026/NĐ-CP", footer, StringComparison.Ordinal);

        // The resident has left the facility's view; the commune sees the completion the facility recorded, and prints the same number.
        Assert.Equal(HttpStatusCode.NotFound, (await staffA.GetAsync($"/api/v1/persons/{s.Compulsory}", Cancel)).StatusCode);
        await PostAsync(staffA, url, new { endedOn = "2026-11-26" }, HttpStatusCode.NotFound);
        var file = await s.Officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{s.Compulsory}/case-file", Cancel);
        Assert.Contains(file.GetProperty("records").EnumerateArray(), r => r.GetProperty("kind").GetString() == "rehab-end"
            && r.GetProperty("data").GetProperty("reason").GetString() == "completed" && r.GetProperty("recordedBy").GetString() == App.UserNameFor(Roles.FacilityStaff, s.FacilityA.ToString()));
        var communePrint = await s.Officer.GetAsync($"/api/v1/persons/{s.Compulsory}/documents/50", Cancel);
        Assert.Equal(HttpStatusCode.OK, communePrint.StatusCode);
        Assert.Contains("Số: 07/GCN-CS", Read(await communePrint.Content.ReadAsByteArrayAsync(Cancel)).Body, StringComparison.Ordinal);

        // The register: this facility's certificate with number, name and date; not in B's register.
        var list = await staffA.GetFromJsonAsync<JsonElement>("/api/v1/facility-certificates", Cancel);
        var row = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == certificateId);
        Assert.Equal("07/GCN-CS", row.GetProperty("number").GetString());
        Assert.Equal("Hoàng Văn " + s.Token + " Bắt Buộc", row.GetProperty("personName").GetString());
        Assert.Equal("2026-11-25", row.GetProperty("completedOn").GetString());
        Assert.False(row.GetProperty("voided").GetBoolean());
        var listB = await staffB.GetFromJsonAsync<JsonElement>("/api/v1/facility-certificates", Cancel);
        Assert.DoesNotContain(listB.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == certificateId);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Officer.GetAsync("/api/v1/facility-certificates", Cancel)).StatusCode);

        // Re-print: a purpose is required; the same document as issued; audited as a read with that purpose; B gets 404.
        var reprintUrl = $"/api/v1/facility-certificates/{certificateId}/reprint";
        var noPurpose = await PostAsync(staffA, reprintUrl, new { purpose = "" }, HttpStatusCode.BadRequest);
        Assert.True(noPurpose.GetProperty("errors").TryGetProperty("purpose", out _));
        await PostAsync(staffB, reprintUrl, new { purpose = "Người được chứng nhận báo mất bản chính" }, HttpStatusCode.NotFound);
        await PostAsync(staffA, $"/api/v1/facility-certificates/{Guid.NewGuid()}/reprint", new { purpose = "Người được chứng nhận báo mất bản chính" }, HttpStatusCode.NotFound);
        var purpose = "Người được chứng nhận báo mất bản chính " + s.Token;
        var reprint = await staffA.PostAsJsonAsync(reprintUrl, new { purpose }, Cancel);
        Assert.Equal(HttpStatusCode.OK, reprint.StatusCode);
        Assert.Equal(issued, await reprint.Content.ReadAsByteArrayAsync(Cancel));
        var audited = await app.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(FacilityCertificate) && e.EntityKey == certificateId.ToString()).ToListAsync(Cancel));
        var entry = Assert.Single(audited, e => e.Action == "read");
        Assert.Equal(purpose, entry.Purpose);
        Assert.Equal(s.Compulsory, entry.PersonId);
        Assert.Equal(App.UserNameFor(Roles.FacilityStaff, s.FacilityA.ToString()), entry.UserName);
        // Still nothing else of the former resident.
        Assert.Equal(HttpStatusCode.NotFound, (await staffA.GetAsync($"/api/v1/persons/{s.Compulsory}/case-file", Cancel)).StatusCode);

        // Stored encrypted: the citizen ID is not readable in the row.
        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<FacilityCertificate>().AsNoTracking().SingleAsync(c => c.Id == certificateId, Cancel));
        Assert.NotEqual(issued, stored.DocumentProtected);

        // A voided completion voids its certificate: listed as voided, no more re-prints.
        var voided = await app.WithScopeAsync(sp => sp.GetRequiredService<PersonCaseFiles>().VoidAsync(s.Compulsory, stored.RecordId, "Ghi nhầm ngày hoàn thành của học viên", Cancel));
        Assert.True(voided.Succeeded);
        var after = await staffA.GetFromJsonAsync<JsonElement>("/api/v1/facility-certificates", Cancel);
        Assert.True(after.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == certificateId).GetProperty("voided").GetBoolean());
        await PostAsync(staffA, reprintUrl, new { purpose }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task On_the_residents_page_the_facility_completes_and_the_browser_gets_the_certificate_and_a_confirmation()
    {
        var s = await SeedAsync();
        await app.EnsureUserAsync(Roles.FacilityStaff, s.FacilityA.ToString());
        await app.EnsureUserAsync(Roles.FacilityStaff, s.FacilityB.ToString());
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.FacilityStaff, s.FacilityA.ToString()), App.UserPassword);
        var details = await pages.GetStringAsync($"/Persons/Details/{s.Compulsory}", Cancel);
        Assert.Contains("Hoàn thành và cấp giấy chứng nhận (Mẫu 50)", details, StringComparison.Ordinal);
        // A voluntary stay is not offered the compulsory certificate.
        Assert.DoesNotContain("Hoàn thành và cấp giấy chứng nhận (Mẫu 50)", await pages.GetStringAsync($"/Persons/Details/{s.Voluntary}", Cancel), StringComparison.Ordinal);

        var posted = await pages.PostAsync($"/Persons/Details/{s.Compulsory}?handler=CompletionCertificate", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["episodeId"] = s.CompulsoryEpisode.ToString(),
            ["endedOn"] = "2026-11-24",
            ["number"] = "",
            ["__RequestVerificationToken"] = App.AntiforgeryToken(details),
        }), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        Assert.StartsWith("/Facilities/Certificates?issued=", location, StringComparison.Ordinal);

        // The confirmation, and the automatic download of the new certificate.
        var confirmation = await pages.GetStringAsync(location, Cancel);
        Assert.Contains("hoàn thành cai nghiện bắt buộc và cấp Giấy chứng nhận (Mẫu 50)", confirmation, StringComparison.Ordinal);
        Assert.Contains("Hoàng Văn " + s.Token + " Bắt Buộc", confirmation, StringComparison.Ordinal);
        var refresh = System.Text.RegularExpressions.Regex.Match(confirmation, "http-equiv=\"refresh\" content=\"1;url=([^\"]+)\"");
        Assert.True(refresh.Success, "no automatic download");
        var download = await pages.GetAsync(WebUtility.HtmlDecode(refresh.Groups[1].Value), Cancel);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Docx, download.Content.Headers.ContentType?.MediaType);
        var (body, _) = Read(await download.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Contains("đến ngày 24/11/2026", body, StringComparison.Ordinal);
        Assert.Contains("Số: ……", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Persons/Details/{s.Compulsory}", Cancel)).StatusCode);

        // The register page lists it and re-prints it with a reason; another facility's staff cannot download it.
        var register = await pages.GetStringAsync("/Facilities/Certificates", Cancel);
        Assert.Contains("Hoàng Văn " + s.Token + " Bắt Buộc", register, StringComparison.Ordinal);
        Assert.Contains("24/11/2026", register, StringComparison.Ordinal);
        var id = location[(location.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var reprint = await pages.PostAsync($"/Facilities/Certificates?handler=Reprint&id={id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["purpose"] = "Học viên báo mất bản chính",
            ["__RequestVerificationToken"] = App.AntiforgeryToken(register),
        }), Cancel);
        Assert.Equal(HttpStatusCode.OK, reprint.StatusCode);
        Assert.Equal(Docx, reprint.Content.Headers.ContentType?.MediaType);
        var other = await app.PagesAsAsync(App.UserNameFor(Roles.FacilityStaff, s.FacilityB.ToString()), App.UserPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Facilities/Certificates?handler=Issued&id={id}", Cancel)).StatusCode);
        Assert.DoesNotContain(s.Token, await other.GetStringAsync("/Facilities/Certificates", Cancel), StringComparison.Ordinal);
    }
}
