using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmt.Cli;

namespace Pcmt.Tests.Features.Audit;

/// <summary>Tampering tests get a database of their own, so the shared one stays intact.</summary>
public sealed class IsolatedApp : App;

public sealed class AuditChainIntegrityTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<int> VerifyAsync() => PcmtCommands.RunAsync(app.Services, ["audit", "verify"]);

    private Task<int> ExecuteSqlAsync(string sql) =>
        app.WithScopeAsync(services => services.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(sql, Cancel));

    [Fact, Trait("Category", "Smoke")]
    public async Task Audit_verify_passes_then_fails_after_a_row_is_edited_by_hand()
    {
        // Some writes and reads first, through the real API.
        var admin = await app.AdminAsync();
        for (var year = 2020; year <= 2024; year++)
            await admin.PutAsJsonAsync($"/api/v1/admin-units/05443/population/{year}", new { residents = 10_000 + year }, Cancel);
        var chain = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit-entries/verify", Cancel);
        Assert.True(chain.GetProperty("intact").GetBoolean(), chain.ToString()); // the message shows the break, if any
        Assert.True(chain.GetProperty("entries").GetInt64() >= 6);
        Assert.Equal(0, await VerifyAsync());

        Assert.Equal(1, await ExecuteSqlAsync("UPDATE audit_entries SET user_name = 'ke-gia-mao' WHERE sequence = 3"));
        Assert.Equal(2, await VerifyAsync());
        var broken = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit-entries/verify", Cancel);
        Assert.False(broken.GetProperty("intact").GetBoolean());
        Assert.Equal(3, broken.GetProperty("brokenAt").GetInt64());
    }
}

/// <summary>A second tampered database: removing a row must not be hidden by the edit test above.</summary>
public sealed class AuditChainRemovalTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Removing_a_row_is_detected()
    {
        var admin = await app.AdminAsync();
        await admin.PutAsJsonAsync("/api/v1/admin-units/01843/population/2022", new { residents = 1 }, Cancel);
        await admin.PutAsJsonAsync("/api/v1/admin-units/01843/population/2023", new { residents = 2 }, Cancel);
        var last = await app.WithScopeAsync(services => services.GetRequiredService<AppDbContext>().AuditEntries.MaxAsync(e => e.Sequence, Cancel));

        Assert.Equal(0, await PcmtCommands.RunAsync(app.Services, ["audit", "verify"]));
        Assert.Equal(1, await app.WithScopeAsync(services => services.GetRequiredService<AppDbContext>().Database.ExecuteSqlAsync($"DELETE FROM audit_entries WHERE sequence = {last - 1}", Cancel)));
        Assert.Equal(2, await PcmtCommands.RunAsync(app.Services, ["audit", "verify"]));
    }
}
