using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;

namespace Pcmt.Tests.Features.Lifecycle;

/// <summary>Form 52 (proposal of post-rehab management) is offered after completed substitution therapy too (Law 120/2025 Art 42.1; issue 16).</summary>
[Collection(nameof(AppCollection))]
public sealed class TherapyProposalFormTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<Guid> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Completed_substitution_therapy_offers_Form_52_with_one_year_of_post_rehab_management()
    {
        const string name = "Đinh Văn Thay Thế", citizenId = "019090610052";
        var officer = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var id = await PostAsync(officer, "/api/v1/persons", new { fullName = name, dateOfBirth = "1990-05-12", sex = "male", citizenId, residenceCommuneCode = "05443", address = "Tổ 9" });
        var therapy = await PostAsync(officer, $"/api/v1/persons/{id}/substitution-therapies", new { admittedAt = "2026-07-05T08:00:00+07:00", clinic = "Cơ sở điều trị Methadone Đồng Hỷ" });

        // Not completed yet: no proposal.
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync($"/api/v1/persons/{id}/documents/52", Cancel)).StatusCode);
        await PostAsync(officer, $"/api/v1/persons/{id}/substitution-therapies/{therapy}/end", new { endedOn = "2026-11-20", reason = "completed" });

        var response = await officer.GetAsync($"/api/v1/persons/{id}/documents/52", Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel)), false);
        var text = document.MainDocumentPart!.Document!.InnerText;
        var footer = string.Concat(document.MainDocumentPart.FooterParts.Select(f => f.Footer!.InnerText));
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Họ và tên: " + name, text, StringComparison.Ordinal);
        Assert.Contains("Số định danh cá nhân: " + citizenId, text, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Chủ tịch Ủy ban nhân dân phường Phan Đình Phùng", text, StringComparison.Ordinal);
        Assert.Contains("hoàn thành điều trị nghiện các chất dạng thuốc phiện bằng thuốc thay thế ngày 20/11/2026", text, StringComparison.Ordinal);
        Assert.Contains("Thời hạn quản lý sau cai nghiện: 01 năm", text, StringComparison.Ordinal);
        Assert.Contains("120/2025/QH15 (Điều 42)", text, StringComparison.Ordinal);
        Assert.Contains("Mẫu số 52 — Phụ lục Nghị định số 163/2026/NĐ-CP", footer, StringComparison.Ordinal);

        // Offered beside the therapy's end on the person page.
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.ProvincePolice, "19"), App.UserPassword);
        var html = WebUtility.HtmlDecode(await pages.GetStringAsync($"/Persons/Details/{id}", Cancel));
        Assert.Contains("Tải Mẫu 52 (.docx)", html, StringComparison.Ordinal);
    }
}
