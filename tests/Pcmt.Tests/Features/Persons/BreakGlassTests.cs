using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pcmt.Tests.Features.Persons;

[Collection(nameof(AppCollection))]
public sealed class BreakGlassTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_provincial_officer_opens_a_person_of_another_province_for_a_limited_time_with_a_reason()
    {
        // A person in Hà Nội (01), out of reach of Thái Nguyên's provincial police.
        var hanoi = await app.ApiAsAsync(Roles.CommunePolice, "00004");
        var created = await hanoi.PostAsJsonAsync("/api/v1/persons", new { fullName = "Trịnh Văn Khẩn", dateOfBirth = "1991", sex = "male", residenceCommuneCode = "00004" }, Cancel);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();

        var thaiNguyen = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        Assert.Equal(HttpStatusCode.NotFound, (await thaiNguyen.GetAsync($"/api/v1/persons/{id}", Cancel)).StatusCode);

        var tooShort = await thaiNguyen.PostAsJsonAsync($"/api/v1/persons/{id}/break-glass", new { reason = "cần xem" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);

        var granted = await thaiNguyen.PostAsJsonAsync($"/api/v1/persons/{id}/break-glass", new { reason = "Đối tượng bị bắt quả tang tại Thái Nguyên, cần xác minh nhân thân ngay." }, Cancel);
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var expiresAt = (await granted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("expiresAt").GetDateTime();
        Assert.InRange(expiresAt - DateTime.UtcNow, TimeSpan.FromHours(2.9), TimeSpan.FromHours(3.1));

        Assert.Equal(HttpStatusCode.OK, (await thaiNguyen.GetAsync($"/api/v1/persons/{id}", Cancel)).StatusCode);

        // Another provincial officer without a grant still gets nothing.
        var otherProvince = await app.ApiAsAsync(Roles.ProvincePolice, "20");
        Assert.Equal(HttpStatusCode.NotFound, (await otherProvince.GetAsync($"/api/v1/persons/{id}", Cancel)).StatusCode);

        // Flagged for the administrator's review.
        var admin = await app.AdminAsync();
        var open = await admin.GetFromJsonAsync<JsonElement>("/api/v1/access-grants?reviewed=false", Cancel);
        var grant = open.GetProperty("items").EnumerateArray().Single(g => g.GetProperty("personId").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/access-grants/{grant.GetProperty("id").GetInt64()}/review", null, Cancel)).StatusCode);
        var reviewed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/access-grants?reviewed=true", Cancel);
        Assert.Contains(reviewed.GetProperty("items").EnumerateArray(), g => g.GetProperty("personId").GetGuid() == id);
    }
}
