using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;

namespace Pcmt.Tests.Features.Lifecycle;

/// <summary>Forms 07, 08, 09, 59, 60 of legal-rules §12: each renders, reads back with the person's identity and the authority of its regime.</summary>
[Collection(nameof(AppCollection))]
public sealed class DecisionFormsTests(App app)
{
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
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel)), false);
        return (document.MainDocumentPart!.Document!.InnerText, string.Concat(document.MainDocumentPart.FooterParts.Select(f => f.Footer!.InnerText)));
    }

    private static void AssertIdentity(string text, string name, string citizenId)
    {
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.Contains("Số định danh cá nhân: " + citizenId, text, StringComparison.Ordinal);
    }

    private async Task<(HttpClient Officer, Guid Id)> PersonAsync(string name, string citizenId)
    {
        var officer = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var response = await officer.PostAsJsonAsync("/api/v1/persons", new { fullName = name, dateOfBirth = "1990-05-12", sex = "male", citizenId, residenceCommuneCode = "05443", address = "Tổ 9" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (officer, (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Forms_07_and_08_under_Law_120_are_issued_by_the_commune_police_chief()
    {
        var (officer, id) = await PersonAsync("Kiều Văn Mẫu Bảy", "019090600007");
        var decision = await PostAsync(officer, $"/api/v1/persons/{id}/management-decisions", new { decidedAt = "2026-08-04", decisionNumber = "31/QĐ-CAP" });
        await PostAsync(officer, $"/api/v1/persons/{id}/management-decisions/{decision}/changes", new { action = "suspend", on = "2026-09-01", until = "2026-09-30", reason = "Bị tạm giữ", decisionNumber = "32/QĐ-CAP" });
        await PostAsync(officer, $"/api/v1/persons/{id}/management-decisions/{decision}/changes", new { action = "resume", on = "2026-10-01" });
        await PostAsync(officer, $"/api/v1/persons/{id}/management-decisions/{decision}/changes", new { action = "stop", on = "2026-10-10", reason = "prison", decisionNumber = "33/QĐ-CAP" });

        var (seven, footer7) = await ReadAsync(officer, id, "07");
        AssertIdentity(seven, "Kiều Văn Mẫu Bảy", "019090600007");
        Assert.Contains("CÔNG AN PHƯỜNG PHAN ĐÌNH PHÙNG", seven, StringComparison.Ordinal);
        Assert.Contains("TRƯỞNG CÔNG AN", seven, StringComparison.Ordinal);
        Assert.Contains("Số: 32/QĐ-CAP", seven, StringComparison.Ordinal);
        Assert.Contains("tạm đình chỉ", seven, StringComparison.Ordinal);
        Assert.Contains("Mẫu số 07 — Phụ lục Nghị định số 163/2026/NĐ-CP", footer7, StringComparison.Ordinal);

        var (eight, footer8) = await ReadAsync(officer, id, "08");
        AssertIdentity(eight, "Kiều Văn Mẫu Bảy", "019090600007");
        Assert.Contains("CÔNG AN PHƯỜNG PHAN ĐÌNH PHÙNG", eight, StringComparison.Ordinal);
        Assert.Contains("Chấm dứt việc quản lý", eight, StringComparison.Ordinal);
        Assert.Contains("Mẫu số 08", footer8, StringComparison.Ordinal);
        // No end yet: form 09 has nothing to print.
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync($"/api/v1/persons/{id}/documents/09", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Form_09_under_Law_73_is_issued_by_the_commune_chairperson_and_its_number_is_marked_unverified()
    {
        var (officer, id) = await PersonAsync("Kiều Văn Mẫu Chín", "019090600009");
        var decision = await PostAsync(officer, $"/api/v1/persons/{id}/management-decisions", new { decidedAt = "2025-06-02", decisionNumber = "12/QĐ-UBND" });
        await PostAsync(officer, $"/api/v1/persons/{id}/management-decisions/{decision}/changes", new { action = "end", on = "2026-06-03", decisionNumber = "40/QĐ-UBND" });

        var (nine, footer) = await ReadAsync(officer, id, "09");
        AssertIdentity(nine, "Kiều Văn Mẫu Chín", "019090600009");
        Assert.Contains("ỦY BAN NHÂN DÂN PHƯỜNG PHAN ĐÌNH PHÙNG", nine, StringComparison.Ordinal);
        Assert.Contains("CHỦ TỊCH", nine, StringComparison.Ordinal);
        Assert.Contains("Luật Phòng, chống ma túy số 73/2021/QH14", nine, StringComparison.Ordinal);
        Assert.Contains("Kết thúc việc quản lý", nine, StringComparison.Ordinal);
        Assert.Contains("chưa được xác minh", footer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_59_and_60_assign_supporters_by_the_commune_chairperson()
    {
        var (officer, id) = await PersonAsync("Kiều Văn Hỗ Trợ", "019090600059");
        await PostAsync(officer, $"/api/v1/persons/{id}/rehab-episodes", new { form = "home-community", decidedAt = "2026-08-04T10:00:00+07:00", startedOn = "2026-08-05", decisionNumber = "22/QĐ-CAP" });
        var (fiftyNine, footer59) = await ReadAsync(officer, id, "59");
        AssertIdentity(fiftyNine, "Kiều Văn Hỗ Trợ", "019090600059");
        Assert.Contains("ỦY BAN NHÂN DÂN PHƯỜNG PHAN ĐÌNH PHÙNG", fiftyNine, StringComparison.Ordinal);
        Assert.Contains("người hỗ trợ cai nghiện ma túy tự nguyện", fiftyNine, StringComparison.Ordinal);
        Assert.Contains("Điều 130", fiftyNine, StringComparison.Ordinal);
        Assert.Contains("Mẫu số 59", footer59, StringComparison.Ordinal);

        var (other, id2) = await PersonAsync("Kiều Văn Sau Cai", "019090600060");
        await PostAsync(other, $"/api/v1/persons/{id2}/post-rehab-decisions", new { decidedAt = "2026-08-04", basis = "voluntary", decisionNumber = "53/QĐ-UBND" });
        var (sixty, footer60) = await ReadAsync(other, id2, "60");
        AssertIdentity(sixty, "Kiều Văn Sau Cai", "019090600060");
        Assert.Contains("người hỗ trợ quản lý sau cai nghiện ma túy", sixty, StringComparison.Ordinal);
        Assert.Contains("Mẫu số 60", footer60, StringComparison.Ordinal);
    }
}
