using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;

namespace Pcmt.Tests.Features.Lifecycle;

/// <summary>
/// The remaining forms of legal-rules §12 (issue 16): 27, 28, 30, 50, 51, 52, 56, the compulsory-dossier notice and court referral
/// (among Forms 34–41) and the addiction-determination referral. Each is downloaded, read back with the Open XML SDK, and must
/// carry the person's identity, the issuing authority of its regime, and a footer that never invents an uncertain number.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class CompletionAndDossierFormsTests(App app)
{
    private const string Police = "CÔNG AN PHƯỜNG PHAN ĐÌNH PHÙNG";
    private const string Committee = "ỦY BAN NHÂN DÂN PHƯỜNG PHAN ĐÌNH PHÙNG";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<Guid> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<(string Body, string Footer)> ReadAsync(HttpClient client, Guid id, string form)
    {
        var response = await client.GetAsync($"/api/v1/persons/{id}/documents/{form}", Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{form}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel)), false);
        return (document.MainDocumentPart!.Document!.InnerText, string.Concat(document.MainDocumentPart.FooterParts.Select(f => f.Footer!.InnerText)));
    }

    private static void AssertIdentity(string text, string name, string citizenId)
    {
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Họ và tên: " + name, text, StringComparison.Ordinal);
        Assert.Contains("Số định danh cá nhân: " + citizenId, text, StringComparison.Ordinal);
        Assert.Contains("Ngày, tháng, năm sinh: 12/05/1990", text, StringComparison.Ordinal);
    }

    /// <summary>A facility of Thái Nguyên (province 19) created through the API.</summary>
    private static Task<Guid> FacilityAsync(HttpClient officer, string kind, string name) =>
        PostAsync(officer, "/api/v1/facilities", new { kind, name, provinceCode = "19", capacity = 100 });

    private async Task<(HttpClient Officer, Guid Id)> PersonAsync(string name, string citizenId)
    {
        var officer = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var response = await officer.PostAsJsonAsync("/api/v1/persons", new { fullName = name, dateOfBirth = "1990-05-12", sex = "male", citizenId, residenceCommuneCode = "05443", address = "Tổ 9" }, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (officer, (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Home_rehab_under_Law_120_gives_the_supporters_notice_51_the_police_certificate_28_and_proposal_52()
    {
        const string name = "Đinh Văn Hai Tám", id12 = "019090610028";
        var (officer, id) = await PersonAsync(name, id12);
        var episode = await PostAsync(officer, $"/api/v1/persons/{id}/rehab-episodes", new { form = "home-community", decidedAt = "2026-07-10T09:00:00+07:00", startedOn = "2026-07-11", decisionNumber = "28/QĐ-CAP" });
        // Not completed yet: nothing to certify.
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync($"/api/v1/persons/{id}/documents/28", Cancel)).StatusCode);

        var (notice, footer51) = await ReadAsync(officer, id, "51");
        AssertIdentity(notice, name, id12);
        Assert.Contains("Kính gửi: Trưởng Công an phường Phan Đình Phùng", notice, StringComparison.Ordinal);
        Assert.Contains("NGƯỜI HỖ TRỢ", notice, StringComparison.Ordinal);
        Assert.Contains("Quyết định số 28/QĐ-CAP", notice, StringComparison.Ordinal);
        Assert.Contains("Mẫu số 51 — Phụ lục Nghị định số 163/2026/NĐ-CP", footer51, StringComparison.Ordinal);

        await PostAsync(officer, $"/api/v1/persons/{id}/rehab-episodes/{episode}/end", new { endedOn = "2026-11-20", reason = "completed" });
        var (certificate, footer28) = await ReadAsync(officer, id, "28");
        AssertIdentity(certificate, name, id12);
        Assert.Contains(Police, certificate, StringComparison.Ordinal);
        Assert.Contains("TRƯỞNG CÔNG AN PHƯỜNG PHAN ĐÌNH PHÙNG", certificate, StringComparison.Ordinal);
        Assert.Contains("GIẤY XÁC NHẬN", certificate, StringComparison.Ordinal);
        Assert.Contains("từ ngày 11/07/2026 đến ngày 20/11/2026", certificate, StringComparison.Ordinal);
        Assert.Contains("Mẫu số 28 — Phụ lục Nghị định số 163/2026/NĐ-CP", footer28, StringComparison.Ordinal);

        var (proposal, footer52) = await ReadAsync(officer, id, "52");
        AssertIdentity(proposal, name, id12);
        Assert.Contains(Police, proposal, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Chủ tịch Ủy ban nhân dân phường Phan Đình Phùng", proposal, StringComparison.Ordinal);
        Assert.Contains("Thời hạn quản lý sau cai nghiện: 01 năm", proposal, StringComparison.Ordinal);
        Assert.Contains("Điều 134", proposal, StringComparison.Ordinal);
        Assert.Contains("Mẫu số 52", footer52, StringComparison.Ordinal);

        // Offered on the person page beside the fact, by name.
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.ProvincePolice, "19"), App.UserPassword);
        var page = await pages.GetStringAsync($"/Persons/Details/{id}", Cancel);
        Assert.Contains("Tải Mẫu 28 (.docx)", page, StringComparison.Ordinal);
        Assert.Contains("Tải Mẫu 52 (.docx)", page, StringComparison.Ordinal);
        Assert.Contains("Tải Mẫu 51 (.docx)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_rehab_under_Law_73_is_certified_by_the_commune_chairperson_with_the_number_marked_unverified()
    {
        const string name = "Đinh Văn Bảy Ba", id12 = "019090610073";
        var (officer, id) = await PersonAsync(name, id12);
        var episode = await PostAsync(officer, $"/api/v1/persons/{id}/rehab-episodes", new { form = "home-community", decidedAt = "2025-05-02T09:00:00+07:00", startedOn = "2025-05-03", decisionNumber = "7/QĐ-UBND", termMonths = 6 });
        await PostAsync(officer, $"/api/v1/persons/{id}/rehab-episodes/{episode}/end", new { endedOn = "2025-11-03", reason = "completed" });

        var (certificate, footer28) = await ReadAsync(officer, id, "28");
        AssertIdentity(certificate, name, id12);
        Assert.Contains(Committee, certificate, StringComparison.Ordinal);
        Assert.Contains("CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG PHAN ĐÌNH PHÙNG", certificate, StringComparison.Ordinal);
        Assert.Contains("73/2021/QH14", certificate, StringComparison.Ordinal);
        Assert.DoesNotContain("120/2025", certificate, StringComparison.Ordinal);
        Assert.Contains("chưa được xác minh", footer28, StringComparison.Ordinal);

        var (notice, _) = await ReadAsync(officer, id, "51");
        Assert.Contains("Kính gửi: Chủ tịch Ủy ban nhân dân phường Phan Đình Phùng", notice, StringComparison.Ordinal);

        var (proposal, footer52) = await ReadAsync(officer, id, "52");
        Assert.Contains("73/2021/QH14 (Điều 40)", proposal, StringComparison.Ordinal);
        Assert.Contains("chưa được xác minh", footer52, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compulsory_completion_50_is_certified_by_the_facility_director_under_the_provincial_police_and_proposes_two_years()
    {
        const string name = "Đinh Văn Năm Mươi", id12 = "019090610050";
        var (officer, id) = await PersonAsync(name, id12);
        var facilityId = await FacilityAsync(officer, "public-rehab", "Cơ sở cai nghiện ma túy số 2 tỉnh Thái Nguyên");
        var episode = await PostAsync(officer, $"/api/v1/persons/{id}/rehab-episodes", new { form = "compulsory", decidedAt = "2026-07-15T14:00:00+07:00", startedOn = "2026-07-16", decisionNumber = "50/2026/QĐ-TA", facilityId });
        await PostAsync(officer, $"/api/v1/persons/{id}/rehab-episodes/{episode}/end", new { endedOn = "2026-11-25", reason = "completed" });

        var (certificate, footer50) = await ReadAsync(officer, id, "50");
        AssertIdentity(certificate, name, id12);
        Assert.Contains("CƠ SỞ CAI NGHIỆN MA TÚY SỐ 2 TỈNH THÁI NGUYÊN", certificate, StringComparison.Ordinal);
        Assert.Contains("CÔNG AN TỈNH THÁI NGUYÊN", certificate, StringComparison.Ordinal);
        Assert.Contains("GIÁM ĐỐC CƠ SỞ CAI NGHIỆN MA TÚY SỐ 2 TỈNH THÁI NGUYÊN", certificate, StringComparison.Ordinal);
        Assert.Contains("50/2026/QĐ-TA", certificate, StringComparison.Ordinal);
        Assert.Contains("Mẫu số 50 — Phụ lục Nghị định số 163/2026/NĐ-CP", footer50, StringComparison.Ordinal);
        // A home-rehab certificate does not apply to a compulsory stay.
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync($"/api/v1/persons/{id}/documents/28", Cancel)).StatusCode);

        var (proposal, _) = await ReadAsync(officer, id, "52");
        Assert.Contains("hoàn thành cai nghiện ma túy bắt buộc", proposal, StringComparison.Ordinal);
        Assert.Contains("Thời hạn quản lý sau cai nghiện: 02 năm", proposal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Voluntary_rehab_completed_at_a_facility_is_certified_by_its_director_30_public_27_private_with_the_uncertain_number_said()
    {
        const string name = "Đinh Văn Ba Mươi", id12 = "019090610030";
        var (officer, id) = await PersonAsync(name, id12);
        var publicFacility = await FacilityAsync(officer, "public-rehab", "Cơ sở cai nghiện ma túy số 3 tỉnh Thái Nguyên");
        var stay = await PostAsync(officer, $"/api/v1/persons/{id}/rehab-episodes", new { form = "public-facility", decidedAt = "2026-07-06T09:00:00+07:00", startedOn = "2026-07-07", decisionNumber = "30/QĐ-CAT", facilityId = publicFacility });
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync($"/api/v1/persons/{id}/documents/30", Cancel)).StatusCode);
        await PostAsync(officer, $"/api/v1/persons/{id}/rehab-episodes/{stay}/end", new { endedOn = "2026-11-23", reason = "completed" });

        var (certificate, footer30) = await ReadAsync(officer, id, "30");
        AssertIdentity(certificate, name, id12);
        Assert.Contains("CƠ SỞ CAI NGHIỆN MA TÚY SỐ 3 TỈNH THÁI NGUYÊN", certificate, StringComparison.Ordinal);
        Assert.Contains("CÔNG AN TỈNH THÁI NGUYÊN", certificate, StringComparison.Ordinal);
        Assert.Contains("GIÁM ĐỐC CƠ SỞ CAI NGHIỆN MA TÚY SỐ 3 TỈNH THÁI NGUYÊN", certificate, StringComparison.Ordinal);
        Assert.Contains("Quyết định cai nghiện ma túy tự nguyện số 30/QĐ-CAT", certificate, StringComparison.Ordinal);
        Assert.Contains("từ ngày 07/07/2026 đến ngày 23/11/2026", certificate, StringComparison.Ordinal);
        Assert.Contains("Điều 95–97", certificate, StringComparison.Ordinal);
        Assert.Contains("Mẫu số 30 — Phụ lục Nghị định số 163/2026/NĐ-CP", footer30, StringComparison.Ordinal);
        // Neither the compulsory nor the private facility's certificate applies to this stay.
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync($"/api/v1/persons/{id}/documents/50", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync($"/api/v1/persons/{id}/documents/27", Cancel)).StatusCode);

        const string other = "Đinh Văn Hai Bảy", other12 = "019090610027";
        var (_, privateId) = await PersonAsync(other, other12);
        var privateFacility = await FacilityAsync(officer, "private-rehab", "Cơ sở cai nghiện ma túy tư nhân Bình An");
        var privateStay = await PostAsync(officer, $"/api/v1/persons/{privateId}/rehab-episodes", new { form = "private-facility", decidedAt = "2026-07-08T09:00:00+07:00", startedOn = "2026-07-08", decisionNumber = "27/TN-BA", facilityId = privateFacility });
        await PostAsync(officer, $"/api/v1/persons/{privateId}/rehab-episodes/{privateStay}/end", new { endedOn = "2026-11-24", reason = "completed" });
        var (privateCertificate, footer27) = await ReadAsync(officer, privateId, "27");
        Assert.Contains("Họ và tên: " + other, privateCertificate, StringComparison.Ordinal);
        Assert.Contains("Số định danh cá nhân: " + other12, privateCertificate, StringComparison.Ordinal);
        Assert.Contains("CƠ SỞ CAI NGHIỆN MA TÚY TƯ NHÂN BÌNH AN", privateCertificate, StringComparison.Ordinal);
        Assert.Contains("GIÁM ĐỐC CƠ SỞ CAI NGHIỆN MA TÚY TƯ NHÂN BÌNH AN", privateCertificate, StringComparison.Ordinal);
        Assert.DoesNotContain("CÔNG AN TỈNH", privateCertificate, StringComparison.Ordinal); // a private facility has no superior authority to print
        Assert.Contains("(Điều 33)", privateCertificate, StringComparison.Ordinal);
        Assert.Contains("chưa được xác minh", footer27, StringComparison.Ordinal);

        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.ProvincePolice, "19"), App.UserPassword);
        Assert.Contains("Tải Mẫu 30 (.docx)", await pages.GetStringAsync($"/Persons/Details/{id}", Cancel), StringComparison.Ordinal);
        Assert.Contains("Tải Mẫu 27 (.docx)", await pages.GetStringAsync($"/Persons/Details/{privateId}", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_rehab_completion_56_is_certified_by_the_commune_chairperson()
    {
        const string name = "Đinh Văn Năm Sáu", id12 = "019090610056";
        var (officer, id) = await PersonAsync(name, id12);
        var post = await PostAsync(officer, $"/api/v1/persons/{id}/post-rehab-decisions", new { decidedAt = "2026-07-20", basis = "voluntary", decisionNumber = "56/QĐ-UBND" });
        await PostAsync(officer, $"/api/v1/persons/{id}/post-rehab-decisions/{post}/end", new { endedOn = "2026-11-27", reason = "completed" });

        var (certificate, footer56) = await ReadAsync(officer, id, "56");
        AssertIdentity(certificate, name, id12);
        Assert.Contains(Committee, certificate, StringComparison.Ordinal);
        Assert.Contains("CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG PHAN ĐÌNH PHÙNG", certificate, StringComparison.Ordinal);
        Assert.Contains("Quyết định quản lý sau cai nghiện ma túy số 56/QĐ-UBND", certificate, StringComparison.Ordinal);
        Assert.Contains("đến ngày 27/11/2026", certificate, StringComparison.Ordinal);
        Assert.Contains("Mẫu số 56", footer56, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dossier_notice_and_court_referral_come_from_the_commune_police_chief_under_both_regimes_and_their_numbers_are_not_invented()
    {
        const string name = "Đinh Văn Hồ Sơ", id12 = "019090610034";
        var (officer, id) = await PersonAsync(name, id12);
        var dossier = await PostAsync(officer, $"/api/v1/persons/{id}/compulsory-dossiers", new { detectedAt = "2026-10-05T09:00:00+07:00", ground = "self-terminated" });
        await PostAsync(officer, $"/api/v1/persons/{id}/compulsory-dossiers/{dossier}/steps", new { step = "prepared", at = "2026-10-06T10:00:00+07:00" });
        await PostAsync(officer, $"/api/v1/persons/{id}/compulsory-dossiers/{dossier}/steps", new { step = "notified", at = "2026-10-07T10:00:00+07:00" });
        await PostAsync(officer, $"/api/v1/persons/{id}/compulsory-dossiers/{dossier}/steps", new { step = "sent-to-court", at = "2026-10-13T09:00:00+07:00" });

        var (notice, noticeFooter) = await ReadAsync(officer, id, "thong-bao-ho-so");
        AssertIdentity(notice, name, id12);
        Assert.Contains(Police, notice, StringComparison.Ordinal);
        Assert.Contains("TRƯỞNG CÔNG AN", notice, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Ông/Bà " + name + " và gia đình", notice, StringComparison.Ordinal);
        Assert.Contains("03 ngày làm việc", notice, StringComparison.Ordinal);
        Assert.Contains("Tự ý chấm dứt cai nghiện tự nguyện", notice, StringComparison.Ordinal);
        Assert.Contains("số hiệu mẫu cụ thể chưa được xác minh", noticeFooter, StringComparison.Ordinal);
        Assert.DoesNotContain("Mẫu số 3", noticeFooter.Replace("Mẫu số 34–41", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var (referral, referralFooter) = await ReadAsync(officer, id, "de-nghi-toa-an");
        AssertIdentity(referral, name, id12);
        Assert.Contains(Police, referral, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Tòa án nhân dân khu vực", referral, StringComparison.Ordinal);
        Assert.Contains("120/2025/QH15 (Điều 35)", referral, StringComparison.Ordinal);
        Assert.Contains("chưa được xác minh", referralFooter, StringComparison.Ordinal);

        // Under Law 73 (after the police took over dossiers on 01/03/2025): the same chief, the old bases.
        var (old, oldId) = await PersonAsync("Đinh Văn Hồ Sơ Cũ", "019090610035");
        var oldDossier = await PostAsync(old, $"/api/v1/persons/{oldId}/compulsory-dossiers", new { detectedAt = "2025-06-05T09:00:00+07:00", ground = "not-registered" });
        await PostAsync(old, $"/api/v1/persons/{oldId}/compulsory-dossiers/{oldDossier}/steps", new { step = "prepared", at = "2025-06-06T10:00:00+07:00" });
        await PostAsync(old, $"/api/v1/persons/{oldId}/compulsory-dossiers/{oldDossier}/steps", new { step = "notified", at = "2025-06-06T15:00:00+07:00" });
        var (oldNotice, _) = await ReadAsync(old, oldId, "thong-bao-ho-so");
        Assert.Contains(Police, oldNotice, StringComparison.Ordinal);
        Assert.Contains("73/2021/QH14", oldNotice, StringComparison.Ordinal);
        Assert.Contains("03/2025/TTLT-BCA-VKSNDTC-TANDTC", oldNotice, StringComparison.Ordinal);
        // Not sent to court yet: nothing to print.
        Assert.Equal(HttpStatusCode.BadRequest, (await old.GetAsync($"/api/v1/persons/{oldId}/documents/de-nghi-toa-an", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Determination_referral_is_printed_from_a_positive_test_by_the_commune_police_with_its_number_marked_unverified()
    {
        const string name = "Đinh Văn Xác Định", id12 = "019090610031";
        var (officer, id) = await PersonAsync(name, id12);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync($"/api/v1/persons/{id}/documents/de-nghi-xac-dinh-nghien", Cancel)).StatusCode);
        await PostAsync(officer, $"/api/v1/persons/{id}/drug-tests", new { takenAt = "2026-08-03T10:00:00+07:00", sampleType = "urine", result = "positive", substances = new[] { "heroin" } });

        var (referral, footer) = await ReadAsync(officer, id, "de-nghi-xac-dinh-nghien");
        AssertIdentity(referral, name, id12);
        Assert.Contains(Police, referral, StringComparison.Ordinal);
        Assert.Contains("GIẤY ĐỀ NGHỊ", referral, StringComparison.Ordinal);
        Assert.Contains("120/2025/QH15 (Điều 31)", referral, StringComparison.Ordinal);
        Assert.Contains("18/2021/TT-BYT", referral, StringComparison.Ordinal);
        Assert.Contains("ngày 03/08/2026: dương tính (heroin)", referral, StringComparison.Ordinal);
        Assert.Contains("số hiệu mẫu chưa được xác minh", footer, StringComparison.Ordinal);

        var (old, oldId) = await PersonAsync("Đinh Văn Xác Định Cũ", "019090610032");
        await PostAsync(old, $"/api/v1/persons/{oldId}/drug-tests", new { takenAt = "2025-06-03T10:00:00+07:00", sampleType = "urine", result = "positive", substances = new[] { "heroin" } });
        var (oldReferral, _) = await ReadAsync(old, oldId, "de-nghi-xac-dinh-nghien");
        Assert.Contains("73/2021/QH14 (Điều 27)", oldReferral, StringComparison.Ordinal);
        Assert.Contains(Police, oldReferral, StringComparison.Ordinal);
    }
}
