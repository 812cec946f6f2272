using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pcmt.Features.Persons;

namespace Pcmt.Tests.Features.Persons;

/// <summary>
/// The per-node person name index (issue 19): a province or commune user's name search is answered from memory, never beyond
/// the user's own area, and a write made elsewhere (another node, another connection) shows once its NOTIFY arrives.
/// PostgreSQL only (the index is off on SQLite).
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class PersonNameIndexTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string NewCitizenId() => "019091" + Random.Shared.Next(1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A made-up surname no generated or seeded name contains, so a search for it finds only this test's persons.</summary>
    private static string Marker() => "Qx" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(8)).ToLowerInvariant();

    private async Task<Guid> RegisterAsync(string commune, string fullName, params string[] aliases)
    {
        var officer = await app.ApiAsAsync(Roles.CommunePolice, commune);
        var created = await officer.PostAsJsonAsync("/api/v1/persons", new
        {
            fullName,
            aliases,
            dateOfBirth = "1991-03-04",
            sex = "male",
            citizenId = NewCitizenId(),
            residenceCommuneCode = commune,
            address = "Tổ 1",
            substances = new[] { "heroin" },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    private static async Task<(int Total, List<Guid> Ids)> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/persons?" + query, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        return (body.GetProperty("total").GetInt32(), body.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList());
    }

    private PersonNameIndex Index => app.Services.GetRequiredService<PersonNameIndex>();

    private async Task ListeningAsync()
    {
        for (var i = 0; i < 100 && !Index.IsListening; i++)
            await Task.Delay(100, Cancel);
        Assert.True(Index.IsListening, "the name index's LISTEN connection did not come up");
    }

    [Fact]
    public async Task A_search_from_the_index_sees_only_the_callers_province_and_commune()
    {
        Assert.SkipWhen(App.UsesSqlite, "The person name index is PostgreSQL only.");
        await ListeningAsync();
        var marker = Marker();
        // Two communes of province 19 and one commune of province 01, the same surname in all three; one by alias only.
        var inA = await RegisterAsync("05443", $"{marker} Văn An");
        var inB = await RegisterAsync("01840", $"{marker} Thị Bình");
        var aliasInA = await RegisterAsync("05443", "Đỗ Văn Cảnh", $"{marker} Cảnh");
        var inC = await RegisterAsync("00004", $"{marker} Văn Chung");

        var province19 = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var communeA = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var communeB = await app.ApiAsAsync(Roles.CommunePolice, "01840");
        var province01 = await app.ApiAsAsync(Roles.ProvincePolice, "01");

        var (total, ids) = await SearchAsync(province19, "q=" + marker);
        Assert.Equal(3, total);
        Assert.Equal(new[] { inA, inB, aliasInA }.Order(), ids.Order());
        // The answer came from the index: province 19 is loaded and holds these persons (and nobody of province 01).
        var loaded = await Index.ProvinceAsync("19", Cancel);
        Assert.NotNull(loaded);
        Assert.Contains(loaded, e => e.Id == inA);
        Assert.DoesNotContain(loaded, e => e.Id == inC);

        Assert.Equal(Expect(inA, aliasInA), Sorted(await SearchAsync(communeA, "q=" + marker)));
        Assert.Equal(Expect(inB), Sorted(await SearchAsync(communeB, "q=" + marker)));
        Assert.Equal(Expect(inC), Sorted(await SearchAsync(province01, "q=" + marker)));
        // A commune filter outside the caller's commune finds nobody; within the province it narrows.
        Assert.Equal(Expect(), Sorted(await SearchAsync(communeA, $"q={marker}&commune=01840")));
        Assert.Equal(Expect(inB), Sorted(await SearchAsync(province19, $"q={marker}&commune=01840")));
        Assert.Equal(Expect(), Sorted(await SearchAsync(province01, $"q={marker}&commune=05443")));
        // Paging: the total of all matches, the page's rows only.
        var (pagedTotal, page) = await SearchAsync(province19, $"q={marker}&pageSize=1&page=2");
        Assert.Equal(3, pagedTotal);
        Assert.Single(page);
    }

    /// <summary>"total: ids in order of value", comparable with <see cref="Expect"/>.</summary>
    private static string Sorted((int Total, List<Guid> Ids) result) => result.Total + ": " + string.Join(",", result.Ids.Order());

    private static string Expect(params Guid[] ids) => Sorted((ids.Length, ids.ToList()));

    [Fact]
    public async Task A_write_on_another_connection_shows_once_its_notification_arrives()
    {
        Assert.SkipWhen(App.UsesSqlite, "The person name index is PostgreSQL only.");
        await ListeningAsync();
        var marker = Marker();
        var id = await RegisterAsync("01840", $"{marker} Văn Đông");
        var province19 = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        Assert.Equal(Expect(id), Sorted(await SearchAsync(province19, "q=" + marker)));

        // Another node renames the person: the same UPDATE and the same NOTIFY its AppDbContext would send, on a connection
        // this node knows nothing about.
        var renamed = Marker();
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using (var update = new NpgsqlCommand("UPDATE persons SET search_name = $1 WHERE id = $2", connection))
        {
            update.Parameters.AddWithValue(renamed.ToLowerInvariant() + " van dong");
            update.Parameters.AddWithValue(id);
            await update.ExecuteNonQueryAsync(Cancel);
        }

        // Without a notification this node still answers from its index (this is what the index is): the old name.
        Assert.Equal(Expect(), Sorted(await SearchAsync(province19, "q=" + renamed)));
        Assert.Equal(Expect(id), Sorted(await SearchAsync(province19, "q=" + marker)));

        await using (var notify = new NpgsqlCommand($"SELECT pg_notify('{PersonNameIndex.Channel}', '19')", connection))
            await notify.ExecuteNonQueryAsync(Cancel);
        var found = Expect();
        for (var i = 0; i < 50 && found == Expect(); i++)
        {
            await Task.Delay(100, Cancel);
            found = Sorted(await SearchAsync(province19, "q=" + renamed));
        }

        Assert.Equal(Expect(id), found);
        Assert.Equal(Expect(), Sorted(await SearchAsync(province19, "q=" + marker)));
    }

    [Fact]
    public async Task Saving_a_person_notifies_every_node_of_the_province_and_shows_at_once_on_this_node()
    {
        Assert.SkipWhen(App.UsesSqlite, "The person name index is PostgreSQL only.");
        await ListeningAsync();
        var province01 = await app.ApiAsAsync(Roles.ProvincePolice, "01");
        await SearchAsync(province01, "q=" + Marker()); // province 01 loaded before the write

        await using var listener = new NpgsqlConnection(app.ConnectionString);
        await listener.OpenAsync(Cancel);
        var payloads = new System.Collections.Concurrent.ConcurrentQueue<string>();
        listener.Notification += (_, e) => payloads.Enqueue(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {PersonNameIndex.Channel}", listener))
            await listen.ExecuteNonQueryAsync(Cancel);

        var marker = Marker();
        var id = await RegisterAsync("00004", $"{marker} Thị Hoa");
        // The writer's own next search sees the new person at once (this node dropped the province when the save committed).
        Assert.Equal(Expect(id), Sorted(await SearchAsync(province01, "q=" + marker)));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (!payloads.Any(p => p.Split(',').Contains("01")))
            await listener.WaitAsync(timeout.Token);
        Assert.Contains(payloads, p => p.Split(',').Contains("01"));
    }
}
