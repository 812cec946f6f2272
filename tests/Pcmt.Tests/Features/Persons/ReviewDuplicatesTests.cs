using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pcmt.Tests.Features.Persons;

[Collection(nameof(AppCollection))]
public sealed class ReviewDuplicatesTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<Guid> RegisterAsync(HttpClient client, string name, string dob, string commune = "05443")
    {
        var response = await client.PostAsJsonAsync("/api/v1/persons", new { fullName = name, dateOfBirth = dob, sex = "female", residenceCommuneCode = commune }, Cancel);
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

    [Fact]
    public async Task The_queue_shows_only_pairs_of_the_reviewers_area_and_hides_candidates_outside_it()
    {
        // Two communes of Thái Nguyên (19) and one of Hà Nội (01), each with a pair of its own; plus a pair across the two
        // communes of 19, queued by the provincial officer who saw both records at registration.
        var communeA = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var communeB = await app.ApiAsAsync(Roles.CommunePolice, "01840");
        var hanoi = await app.ApiAsAsync(Roles.CommunePolice, "00004");
        await RegisterAsync(communeA, "Đoàn Thị Phạm Vi", "1981-01-11");
        var inA = await RegisterAsync(communeA, "Doan Thi Pham Vi", "1981-01-11");
        await RegisterAsync(communeB, "Đoàn Thị Địa Bàn", "1982-02-12", "01840");
        var inB = await RegisterAsync(communeB, "Doan Thi Dia Ban", "1982-02-12", "01840");
        var inHanoi = await RegisterAsync(hanoi, "Đoàn Thị Thủ Đô", "1983-03-13", "00004");
        await RegisterAsync(hanoi, "Doan Thi Thu Do", "1983-03-13", "00004");
        var across = await RegisterAsync(await app.ApiAsAsync(Roles.ProvincePolice, "19"), "Đoàn Thị Địa Bàn", "1982-02-12");

        async Task<List<JsonElement>> QueueAsync(HttpClient client) =>
            (await client.GetFromJsonAsync<JsonElement>("/api/v1/duplicate-reviews", Cancel)).GetProperty("items").EnumerateArray().ToList();
        static IEnumerable<Guid> Ids(List<JsonElement> rows) => rows.SelectMany(r => new[] { r.GetProperty("personId").GetGuid(), r.GetProperty("candidateId").GetGuid() });

        var seenByA = await QueueAsync(communeA);
        Assert.Contains(inA, Ids(seenByA));
        Assert.DoesNotContain(seenByA, r => r.GetProperty("personId").GetGuid() == inB);
        Assert.DoesNotContain(seenByA, r => r.GetProperty("personName").GetString()!.Contains("Dia Ban", StringComparison.Ordinal) || r.GetProperty("personName").GetString()!.Contains("Thủ Đô", StringComparison.Ordinal)
            || r.GetProperty("candidateName").GetString()!.Contains("Thủ Đô", StringComparison.Ordinal));
        // The pair across communes is A's to review, but the record of commune B keeps its name and birth date hidden from A.
        var crossing = seenByA.Where(r => r.GetProperty("personId").GetGuid() == across).ToList();
        Assert.Equal(2, crossing.Count); // both records of commune B
        Assert.All(crossing, r =>
        {
            Assert.False(r.GetProperty("candidateVisible").GetBoolean());
            Assert.Equal("01840", r.GetProperty("candidateCommuneCode").GetString());
            Assert.DoesNotContain("Địa Bàn", r.GetProperty("candidateName").GetString()!, StringComparison.Ordinal);
            Assert.Equal("", r.GetProperty("candidateBirth").GetString());
        });

        var seenByB = await QueueAsync(communeB);
        Assert.Contains(inB, Ids(seenByB));
        Assert.DoesNotContain(inA, Ids(seenByB));
        Assert.DoesNotContain(across, Ids(seenByB));

        var province19 = await QueueAsync(await app.ApiAsAsync(Roles.ProvincePolice, "19"));
        Assert.Contains(inA, Ids(province19));
        Assert.Contains(inB, Ids(province19));
        Assert.All(province19.Where(r => r.GetProperty("personId").GetGuid() == across), r => Assert.True(r.GetProperty("candidateVisible").GetBoolean()));
        Assert.DoesNotContain(province19, r => r.GetProperty("personId").GetGuid() == inHanoi || r.GetProperty("candidateName").GetString()!.Contains("Thủ Đô", StringComparison.Ordinal));

        var province01 = await QueueAsync(await app.ApiAsAsync(Roles.ProvincePolice, "01"));
        Assert.DoesNotContain(inA, Ids(province01));
        Assert.DoesNotContain(inB, Ids(province01));
        Assert.DoesNotContain(across, Ids(province01));

        // The page shows the same scoped queue.
        var page = await (await app.PagesAsAsync(App.UserNameFor(Roles.CommunePolice, "01840"), App.UserPassword)).GetStringAsync("/Persons/Duplicates", Cancel);
        Assert.Contains("Doan Thi Dia Ban", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Phạm Vi", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Pham Vi", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Thủ Đô", page, StringComparison.Ordinal);
    }
}
