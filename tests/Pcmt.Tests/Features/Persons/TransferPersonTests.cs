using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pcmt.Tests.Features.Persons;

/// <summary>Chuyển địa bàn: the receiving commune takes over within 24 hours (Law 120/2025 Art 25, 27; NĐ 163/2026 Art 60).</summary>
[Collection(nameof(AppCollection))]
public sealed class TransferPersonTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_receiving_commune_sees_the_handover_due_in_24_hours_and_takes_the_file_over()
    {
        var from = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var to = await app.ApiAsAsync(Roles.CommunePolice, "01840");
        var created = await from.PostAsJsonAsync("/api/v1/persons", new { fullName = "Quách Văn Chuyển", dateOfBirth = "1993-02-02", sex = "male", residenceCommuneCode = "05443" }, Cancel);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await to.GetAsync($"/api/v1/persons/{id}", Cancel)).StatusCode);

        var before = DateTime.UtcNow;
        var handed = await from.PostAsJsonAsync($"/api/v1/persons/{id}/transfers", new { toCommuneCode = "01840", reason = "Chuyển đến ở cùng gia đình" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, handed.StatusCode);
        var transferId = (await handed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Conflict, (await from.PostAsJsonAsync($"/api/v1/persons/{id}/transfers", new { toCommuneCode = "01843" }, Cancel)).StatusCode);

        // Both communes see the pending handover; the receiving one may read the person meanwhile.
        foreach (var client in new[] { from, to })
        {
            var pending = await client.GetFromJsonAsync<JsonElement>("/api/v1/transfers?pending=true", Cancel);
            var row = pending.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("id").GetInt64() == transferId);
            Assert.InRange(row.GetProperty("dueAt").GetDateTime() - before, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));
            Assert.False(row.GetProperty("overdue").GetBoolean());
        }

        Assert.Equal(HttpStatusCode.OK, (await to.GetAsync($"/api/v1/persons/{id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await from.PostAsync($"/api/v1/transfers/{transferId}/accept", null, Cancel)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await to.PostAsync($"/api/v1/transfers/{transferId}/accept", null, Cancel)).StatusCode);
        var person = await to.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{id}", Cancel);
        Assert.Equal("01840", person.GetProperty("residenceCommuneCode").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await from.GetAsync($"/api/v1/persons/{id}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_commune_outside_the_handover_sees_neither_it_nor_the_person()
    {
        var from = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var created = await from.PostAsJsonAsync("/api/v1/persons", new { fullName = "Kiều Văn Ngoài", dateOfBirth = "1994", sex = "male", residenceCommuneCode = "05443" }, Cancel);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var handed = await from.PostAsJsonAsync($"/api/v1/persons/{id}/transfers", new { toCommuneCode = "01843" }, Cancel);
        var transferId = (await handed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();

        var outsider = await app.ApiAsAsync(Roles.CommunePolice, "01849");
        var list = await outsider.GetFromJsonAsync<JsonElement>("/api/v1/transfers", Cancel);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetInt64() == transferId);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/persons/{id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/api/v1/transfers/{transferId}/accept", null, Cancel)).StatusCode);
    }
}
