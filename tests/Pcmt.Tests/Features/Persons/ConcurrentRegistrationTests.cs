using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pcmt.Tests.Features.Persons;

/// <summary>Registrations at the same moment (issue 18, item 2): file numbers from the per-commune counter, races on a citizen ID answered 409.</summary>
[Collection(nameof(AppCollection))]
public sealed class ConcurrentRegistrationTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_hundred_registrations_from_64_clients_in_four_communes_get_unique_gapless_numbers_and_409_for_citizen_id_races()
    {
        string[] communes = ["05443", "01840", "01843", "00004"];
        var officers = new Dictionary<string, HttpClient>();
        foreach (var commune in communes)
            officers[commune] = await app.ApiAsAsync(Roles.CommunePolice, commune);

        // 200 different people (50 per commune), plus 8 citizen IDs each sent three times at once in one commune.
        var run = Guid.NewGuid().ToString("N")[..6];
        var work = new List<(string Commune, object Body, string? RaceKey)>();
        string[] given = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Ngọc"];
        for (var i = 0; i < 200; i++)
        {
            var commune = communes[i % 4];
            work.Add((commune, new { fullName = $"Đồng Thời {given[i % 10]} {Letters(run)} {Letters(i.ToString(System.Globalization.CultureInfo.InvariantCulture))}", dateOfBirth = $"19{60 + (i % 40)}-0{1 + (i % 9)}-1{i % 10}", sex = "male", residenceCommuneCode = commune }, null));
        }

        for (var r = 0; r < 8; r++)
        {
            var commune = communes[r % 4];
            var citizenId = $"001090{Random.Shared.Next(1_000_000):D6}"; // Hà Nội, male born 1990
            for (var copy = 0; copy < 3; copy++)
                work.Add((commune, new { fullName = $"Tranh Chấp {given[r]} {Letters(run)}", dateOfBirth = "1990-05-05", sex = "male", citizenId, residenceCommuneCode = commune }, citizenId));
        }

        var results = new System.Collections.Concurrent.ConcurrentBag<(string Commune, string? RaceKey, HttpStatusCode Status, JsonElement Body)>();
        await Parallel.ForEachAsync(work.OrderBy(_ => Random.Shared.Next()), new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = Cancel }, async (item, ct) =>
        {
            using var response = await officers[item.Commune].PostAsJsonAsync("/api/v1/persons", item.Body, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            results.Add((item.Commune, item.RaceKey, response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone()));
        });

        Assert.Equal(224, results.Count);
        Assert.All(results, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)r.Status} {r.Body}"));
        Assert.All(results.Where(r => r.RaceKey is null), r => Assert.Equal(HttpStatusCode.Created, r.Status));
        foreach (var race in results.Where(r => r.RaceKey is not null).GroupBy(r => r.RaceKey))
        {
            var created = Assert.Single(race, r => r.Status == HttpStatusCode.Created);
            // The losers learn which record holds the number (same commune, so they may see it).
            Assert.All(race.Where(r => r.Status == HttpStatusCode.Conflict), r => Assert.Equal(created.Body.GetProperty("id").GetGuid(), r.Body.GetProperty("existingId").GetGuid()));
        }

        // File numbers: unique, and without gaps in each commune (a refused registration gives its number back).
        var codes = results.Where(r => r.Status == HttpStatusCode.Created).Select(r => (r.Commune, Code: r.Body.GetProperty("fileCode").GetString()!)).ToList();
        Assert.Equal(208, codes.Count);
        Assert.Equal(codes.Count, codes.Select(c => c.Code).Distinct().Count());
        foreach (var commune in codes.GroupBy(c => c.Commune))
        {
            Assert.All(commune, c => Assert.StartsWith(commune.Key + "-", c.Code, StringComparison.Ordinal));
            var numbers = commune.Select(c => int.Parse(c.Code[9..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
            Assert.Equal(Enumerable.Range(numbers[0], numbers.Count), numbers);
        }

        var chain = await (await app.AdminAsync()).GetFromJsonAsync<JsonElement>("/api/v1/audit-entries/verify", Cancel);
        Assert.True(chain.GetProperty("intact").GetBoolean(), chain.ToString());
    }

    /// <summary>Digits as letters, so generated names pass the name rules.</summary>
    private static string Letters(string text) =>
        string.Concat(text.Select(c => char.IsAsciiDigit(c) ? "abcdeghikl"[c - '0'] : char.ToLowerInvariant(c))) is var s && s.Length > 0
            ? char.ToUpperInvariant(s[0]) + s[1..] : s;
}
