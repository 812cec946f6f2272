using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pcmt.Tests.Features.Persons;

[Collection(nameof(AppCollection))]
public sealed class ReviewDuplicatesTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<Guid> RegisterAsync(HttpClient client, string name, string dob)
    {
        var response = await client.PostAsJsonAsync("/api/v1/persons", new { fullName = name, dateOfBirth = dob, sex = "female", residenceCommuneCode = "05443" }, Cancel);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_likely_duplicate_is_queued_merged_keeping_both_records_and_unmerged()
    {
        var officer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var first = await RegisterAsync(officer, "Lương Thị Gộp", "1986-06-06");
        var second = await RegisterAsync(officer, "Luong Thi Gop", "1986-06-06");

        var queue = await officer.GetFromJsonAsync<JsonElement>("/api/v1/duplicate-reviews", Cancel);
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), r => r.GetProperty("personId").GetGuid() == second && r.GetProperty("candidateId").GetGuid() == first);

        // A commune officer reviews but may not merge; the provincial supervisor merges.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/persons/{first}/merge", new { duplicateId = second }, Cancel)).StatusCode);
        var supervisor = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsJsonAsync($"/api/v1/persons/{first}/merge", new { duplicateId = second }, Cancel)).StatusCode);

        var search = await officer.GetFromJsonAsync<JsonElement>("/api/v1/persons?q=luong%20thi%20gop", Cancel);
        Assert.Equal([first], search.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        var kept = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{first}", Cancel);
        Assert.Contains(second, kept.GetProperty("mergedRecords").EnumerateArray().Select(m => m.GetGuid()));
        var merged = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{second}", Cancel);
        Assert.Equal(first, merged.GetProperty("mergedIntoId").GetGuid());
        Assert.DoesNotContain((await officer.GetFromJsonAsync<JsonElement>("/api/v1/duplicate-reviews", Cancel)).GetProperty("items").EnumerateArray(), r => r.GetProperty("personId").GetGuid() == second);

        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsync($"/api/v1/persons/{second}/unmerge", null, Cancel)).StatusCode);
        search = await officer.GetFromJsonAsync<JsonElement>("/api/v1/persons?q=luong%20thi%20gop", Cancel);
        Assert.Equal(2, search.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Dismissing_a_pair_removes_it_from_the_queue()
    {
        var officer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        await RegisterAsync(officer, "Mạc Thị Khác", "1984-04-04");
        var second = await RegisterAsync(officer, "Mac Thi Khac", "1984");
        var queue = await officer.GetFromJsonAsync<JsonElement>("/api/v1/duplicate-reviews", Cancel);
        var review = queue.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("personId").GetGuid() == second);

        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsync($"/api/v1/duplicate-reviews/{review.GetProperty("id").GetInt64()}/dismiss", null, Cancel)).StatusCode);
        queue = await officer.GetFromJsonAsync<JsonElement>("/api/v1/duplicate-reviews", Cancel);
        Assert.DoesNotContain(queue.GetProperty("items").EnumerateArray(), r => r.GetProperty("personId").GetGuid() == second);
    }
}
