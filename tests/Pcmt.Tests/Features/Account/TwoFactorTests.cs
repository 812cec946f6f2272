using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Pcmt.Features.Users;

namespace Pcmt.Tests.Features.Account;

/// <summary>The application as deployed: two-factor sign-in required for roles that read person files.</summary>
public sealed class TwoFactorApp : App
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Security:RequireTwoFactor"] = "true" };

    /// <summary>The administrator must use two-factor sign-in here too: enrol an authenticator, then sign in with its code.</summary>
    protected override async Task<string> AdminTokenAsync()
    {
        var key = await EnrolAsync("admin");
        var response = await RequestTokenAsync("admin", AdminPassword, Totp.Now(key));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public Task<string> EnrolAsync(string userName) => WithScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<User>>();
        var user = (await users.FindByNameAsync(userName))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    });
}

public sealed class TwoFactorTests(TwoFactorApp app) : IClassFixture<TwoFactorApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_commune_officer_without_an_authenticator_gets_no_token()
    {
        await app.EnsureUserAsync(Roles.CommunePolice, "05443");
        var response = await app.RequestTokenAsync(App.UserNameFor(Roles.CommunePolice, "05443"), App.UserPassword);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Contains("xác thực hai lớp", errors.GetProperty("otp")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enrolled_officer_needs_the_current_code_and_gets_a_token_with_it()
    {
        await app.EnsureUserAsync(Roles.ProvincePolice, "19");
        var userName = App.UserNameFor(Roles.ProvincePolice, "19");
        var key = await app.EnrolAsync(userName);

        Assert.Equal(HttpStatusCode.BadRequest, (await app.RequestTokenAsync(userName, App.UserPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync(userName, App.UserPassword, otp: Totp.Wrong(key))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync(userName, App.UserPassword, otp: Totp.Now(key))).StatusCode);
    }

    [Fact]
    public async Task An_officer_who_must_enrol_is_sent_to_the_enrolment_page_and_can_open_nothing_else()
    {
        await app.EnsureUserAsync(Roles.CommuneCommittee, "05443");
        var client = await app.PagesAsAsync(App.UserNameFor(Roles.CommuneCommittee, "05443"), App.UserPassword);

        var home = await client.GetAsync("/AdministrativeUnits", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/Account/TwoFactor", home.Headers.Location!.OriginalString);

        var enrol = await client.GetStringAsync("/Account/TwoFactor", Cancel);
        Assert.Contains("bắt buộc bật xác thực hai lớp", enrol, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", enrol, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_must_enrol_too()
    {
        var admin = await app.AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "qtv.tinh", password = App.UserPassword, fullName = "Quản trị tỉnh", role = "admin", scope = "19" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var response = await app.RequestTokenAsync("qtv.tinh", App.UserPassword);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Aggregate_roles_are_not_forced_to_two_factor()
    {
        await app.EnsureUserAsync(Roles.Viewer, "19");
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync(App.UserNameFor(Roles.Viewer, "19"), App.UserPassword)).StatusCode);
    }
}

/// <summary>RFC 6238 time-based codes, computed independently of ASP.NET Core Identity.</summary>
internal static class Totp
{
    public static string Now(string base32Key) => Code(base32Key, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);

    /// <summary>A code from an hour ago: well outside the accepted window.</summary>
    public static string Wrong(string base32Key) => Code(base32Key, (DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30) - 120);

    private static string Code(string base32Key, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
            Array.Reverse(counter);
        // RFC 6238 authenticator codes are defined over HMAC-SHA1.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var output = new List<byte>();
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
