using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Pcmt.Tests.Features.Tips;

/// <summary>The app with the production-like limit of a few tips per address and hour (its own database).</summary>
public sealed class TipLimitApp : App
{
    public const int Limit = 5;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Tips:SubmitsPerHour"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

[CollectionDefinition(nameof(TipLimitCollection))]
public sealed class TipLimitCollection : ICollectionFixture<TipLimitApp>;

[Collection(nameof(TipLimitCollection))]
public sealed class TipRateLimitTests(TipLimitApp app)
{
    [Fact]
    public async Task A_thousand_rapid_posts_from_one_address_get_429_after_the_limit_never_a_500()
    {
        var cancel = TestContext.Current.CancellationToken;
        var client = app.Anonymous();
        var statuses = new List<HttpStatusCode>();
        // Ten at a time, as a script flooding the form would.
        for (var batch = 0; batch < 100; batch++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => client.PostAsJsonAsync("/api/v1/tips",
                new { communeCode = "05443", category = "other", text = $"Tin lặp {batch}-{i}" }, cancel)));
            statuses.AddRange(responses.Select(r => r.StatusCode));
        }

        Assert.Equal(1000, statuses.Count);
        Assert.Equal(TipLimitApp.Limit, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(1000 - TipLimitApp.Limit, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        var rejected = await client.PostAsJsonAsync("/api/v1/tips", new { communeCode = "05443", category = "other", text = "x" }, cancel);
        Assert.Equal("60", rejected.Headers.RetryAfter?.ToString());
        Assert.Contains("Quá nhiều yêu cầu", await rejected.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);
        Assert.Equal(TipLimitApp.Limit, await app.WithScopeAsync(s => s.GetRequiredService<AppDbContext>().Tips.IgnoreQueryFilters().CountAsync(cancel)));

        // The page's form is limited by the same per-address budget; viewing it is not.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/to-giac", cancel)).StatusCode);
        var page = await client.PostAsync("/to-giac", new FormUrlEncodedContent(new Dictionary<string, string> { ["Category"] = "other", ["Text"] = "x" }), cancel);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
    }
}
