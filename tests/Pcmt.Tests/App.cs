using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Pcmt.Tests;

/// <summary>
/// The whole application on a real PostgreSQL (the cluster started by test.sh, PCMT_TEST_PG) or, with PCMT_TEST_DB=sqlite,
/// on a temporary SQLite file. Each App gets a database of its own, migrated and seeded exactly as production is.
/// </summary>
public partial class App : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "Admin-Test-2026";
    public const string UserPassword = "Cán-bộ-Test-2026";

    private readonly string _connectionString;
    private readonly string? _sqliteFile;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new();

    public App()
    {
        if (UsesSqlite)
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"pcmt-test-{Guid.NewGuid():N}.db");
            _connectionString = $"Data Source={_sqliteFile}";
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("PCMT_TEST_PG")
                ?? throw new InvalidOperationException("PCMT_TEST_PG is not set: run the tests with ./test.sh, which starts PostgreSQL.");
            DatabaseName = $"pcmt_test_{Guid.NewGuid():N}";
            _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = DatabaseName }.ConnectionString;
        }
    }

    public static bool UsesSqlite => Environment.GetEnvironmentVariable("PCMT_TEST_DB") == "sqlite";

    public string? DatabaseName { get; }

    public string ConnectionString => _connectionString;

    /// <summary>Settings a derived fixture may change (e.g. two-factor on).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:RequireTwoFactor"] = "false",
        // The simulator answers at once; the gateway's rate limit (5/s by default) would keep a commune's bulk check writing
        // for minutes after the test that queued it, under the feet of the tests that compare the whole database.
        ["Population:RequestsPerSecond"] = "500",
    };

    public async ValueTask InitializeAsync()
    {
        if (!UsesSqlite)
        {
            var server = new NpgsqlConnectionStringBuilder(_connectionString) { Database = "postgres" }.ConnectionString;
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        // Starting the server runs the same start-up as production: migrate, load the unit catalogue, create the admin. The
        // server listens before that is done (first start, docs/performance.md); tests that read the database directly wait.
        _ = Server;
        if (WaitsForTheDatabase)
            await Services.GetRequiredService<DatabaseInitializer>().Ready;
    }

    /// <summary>False for a fixture that looks at the app while its database is still being prepared.</summary>
    protected virtual bool WaitsForTheDatabase => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", UsesSqlite ? "Sqlite" : "Postgres");
        builder.UseSetting("ConnectionStrings:Pcmt", _connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("PCMT_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("Security:SignInAttemptsPerMinute", "100000");
        builder.UseSetting("Tips:SubmitsPerHour", "100000"); // Tips: the limit itself is tested with its own fixture
        builder.UseSetting("Protection:Keys:1", TestKeys.Key1);
        builder.UseSetting("Protection:IndexKey", TestKeys.Index);
        builder.UseSetting("Security:TokenLifetimeMinutes", "60"); // the tests cache one token per user for the whole run
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
    }

    /// <summary>Every log message the app wrote, to prove that no personal data reaches the logs.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Logs { get; } = new();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                File.Delete(file);
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            var server = new NpgsqlConnectionStringBuilder(_connectionString) { Database = "postgres" }.ConnectionString;
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>A client without credentials that does not follow redirects.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<HttpResponseMessage> RequestTokenAsync(string userName, string password, string? otp = null) =>
        await Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName, password, otp });

    public async Task<string> TokenAsync(string userName, string password)
    {
        var response = await RequestTokenAsync(userName, password);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    public HttpClient WithToken(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<HttpClient> AdminAsync() =>
        WithToken(await _tokens.GetOrAdd("admin", _ => new Lazy<Task<string>>(AdminTokenAsync)).Value);

    protected virtual Task<string> AdminTokenAsync() => TokenAsync("admin", AdminPassword);

    /// <summary>An API client for a user of the role and scope, created once per App through the real users API.</summary>
    public async Task<HttpClient> ApiAsAsync(string role, string? scope) =>
        WithToken(await CachedTokenAsync($"{role}@{scope}", async () =>
        {
            await EnsureUserAsync(role, scope);
            return UserPassword;
        }, UserNameFor(role, scope)));

    public static string UserNameFor(string role, string? scope) => $"{role}.{scope ?? "all"}";

    public async Task<Guid> EnsureUserAsync(string role, string? scope)
    {
        var admin = await AdminAsync();
        var userName = UserNameFor(role, scope);
        // A department user's scope must be a registered agency (issue 12); tests name agencies of Thái Nguyên unless they register their own.
        if (role == Roles.Department && scope is not null)
            await EnsureAgencyAsync(scope, "19");
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName, password = UserPassword, fullName = "Cán bộ " + role, role, scope });
        if (created.StatusCode == System.Net.HttpStatusCode.Created)
            return (await created.Content.ReadFromJsonAsync<IdBody>())!.Id;

        var existing = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users?q={userName}");
        var match = existing.GetProperty("items").EnumerateArray().Where(u => u.GetProperty("userName").GetString() == userName).ToList();
        if (match.Count == 0)
            throw new InvalidOperationException($"Could not create {userName}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        return match[0].GetProperty("id").GetGuid();
    }

    /// <summary>A page client signed in through the real login form (antiforgery token and cookie included).</summary>
    public async Task<HttpClient> PagesAsAsync(string userName, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    public static string AntiforgeryToken(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    public T Service<T>(Func<IServiceProvider, T> use)
    {
        using var scope = Services.CreateScope();
        return use(scope.ServiceProvider);
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        using var scope = Services.CreateScope();
        return await use(scope.ServiceProvider);
    }

    // One token per user and App; a Lazy per key lets the admin token be fetched while another user's token is being made.
    private Task<string> CachedTokenAsync(string key, Func<Task<string>> password, string? userName = null) =>
        _tokens.GetOrAdd(key, _ => new Lazy<Task<string>>(async () => await TokenAsync(userName ?? key, await password()))).Value;

    private sealed record IdBody(Guid Id);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

[CollectionDefinition(nameof(AppCollection))]
public sealed class AppCollection : ICollectionFixture<App>;

internal static class TestKeys
{
    public static readonly string Key1 = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    public static readonly string Index = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}

internal sealed class CapturingLoggerProvider(System.Collections.Concurrent.ConcurrentQueue<string> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(sink);

    public void Dispose()
    {
    }

    private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
    }
}
