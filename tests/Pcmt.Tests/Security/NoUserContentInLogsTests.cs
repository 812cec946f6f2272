using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Pcmt.Infrastructure.Logging;

namespace Pcmt.Tests.Security;

/// <summary>
/// Issue 18, item 8: nothing a user sends reaches the logs. Payloads carrying a unique marker go through every upload
/// (API, page, background import) and some JSON routes with bad input; no log line may contain the marker.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class NoUserContentInLogsTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_log_line_carries_uploaded_or_posted_content()
    {
        var marker = "MKR" + Guid.NewGuid().ToString("N");
        var client = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var admin = await app.AdminAsync();

        var cell = marker + new string('x', 40);
        var files = new (string Name, byte[] Content)[]
        {
            ("ds.csv", Encoding.UTF8.GetBytes($"Họ và tên,Ngày sinh,Giới tính,Mã xã\n{cell},{marker},{marker},{marker}\n{cell},1990\n")),
            ("ds2.csv", Encoding.UTF8.GetBytes($"Mã xã,Năm,Nhân khẩu\n{marker},{marker},{marker}\n")),
            ("ds.xlsx", HostileFiles.Workbook(["Họ và tên", "Ngày sinh", "Mã xã", "Năm", "Nhân khẩu"], [cell, marker, marker, marker, marker])),
            ("hong.xlsx", HostileFiles.CorruptData(HostileFiles.Workbook(["Họ và tên", marker], [cell, marker]))),
            ("dtd.xlsx", HostileFiles.WithDtd(HostileFiles.Workbook(["Họ và tên", marker], [cell, marker]))),
            ("bom.xlsx", HostileFiles.ZipBomb(20, marker)),
            ("rac.xlsx", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(marker, 100)))),
            (marker + ".xlsx", Encoding.UTF8.GetBytes(marker)),
        };
        foreach (var route in new[] { "/api/v1/persons/import", "/api/v1/admin-units/population/import" })
        {
            foreach (var (name, content) in files)
                (await HostileUploadTests.PostFileAsync(client, route, content, name)).Dispose();
        }

        // The page queues valid-looking files for the background import, which reads them later: the same rule holds there.
        await app.EnsureUserAsync(Roles.ProvincePolice, "19");
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.ProvincePolice, "19"), App.UserPassword);
        var form = await pages.GetStringAsync("/Persons/Import", Cancel);
        foreach (var (name, content) in files)
        {
            using var multipart = new MultipartFormDataContent
            {
                { new StringContent(App.AntiforgeryToken(form)), "__RequestVerificationToken" },
                { new StringContent("05443"), "commune" },
                { new ByteArrayContent(content), "upload", name },
            };
            (await pages.PostAsync("/Persons/Import", multipart, Cancel)).Dispose();
        }

        var imports = app.Services.GetRequiredService<Pcmt.Features.Persons.BackgroundImports>();
        for (var i = 0; i < 100 && await app.WithScopeAsync(services => services.GetRequiredService<AppDbContext>().ImportJobs
                 .CountAsync(j => j.Status == Pcmt.Features.Persons.ImportJob.QueuedStatus || j.Status == Pcmt.Features.Persons.ImportJob.RunningStatus, Cancel)) > 0; i++)
        {
            await imports.RunNextAsync(Cancel); // the hosted job may have claimed it already
            await Task.Delay(100, Cancel);
        }

        // JSON routes with bad input carrying the marker: wrong types, malformed JSON, unknown ids, impossible values.
        var bodies = new[]
        {
            $"{{\"fullName\":\"{marker}\",\"dateOfBirth\":\"{marker}\",\"sex\":\"{marker}\",\"residenceCommuneCode\":\"{marker}\",\"citizenId\":\"{marker}\"}}",
            $"{{\"fullName\":{{\"{marker}\":1}},\"substances\":\"{marker}\"}}",
            $"{{\"{marker}\": [1, 2, \"{marker}\"",
            $"[\"{marker}\"]",
            $"\"{marker}\"",
        };
        foreach (var (http, route) in new[] { (client, "/api/v1/persons"), (client, $"/api/v1/persons/{Guid.NewGuid()}/violations"), (client, "/api/v1/hotspots"), (admin, "/api/v1/users"), (client, "/api/v1/admin-units/05443/population/2025") })
        {
            foreach (var body in bodies)
            {
                using var request = new HttpRequestMessage(route.Contains("population", StringComparison.Ordinal) ? HttpMethod.Put : HttpMethod.Post, route)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                (await http.SendAsync(request, Cancel)).Dispose();
            }
        }

        (await app.Anonymous().PostAsync("/api/v1/auth/token", new StringContent($"{{\"userName\":\"{marker}\",\"password\":\"{marker}\"}}", Encoding.UTF8, "application/json"), Cancel)).Dispose();

        await Task.Delay(200, Cancel); // asynchronous writers (read audit) finish
        var leaked = app.Logs.Where(line => line.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.True(leaked.Count == 0, "log lines carrying user content:\n" + string.Join("\n", leaked.Take(5).Select(l => l[..Math.Min(400, l.Length)])));
    }

    [Fact]
    public void The_production_json_formatter_never_throws_and_never_writes_exception_messages()
    {
        var formatter = new SafeJsonConsoleFormatter(new StaticOptions(new JsonConsoleFormatterOptions { UseUtcTimestamp = true }));
        var secret = "MKR" + Guid.NewGuid().ToString("N");
        var huge = new string('A', 4 * 1024 * 1024) + "\uD800"; // 4 M characters ending in a lone surrogate
        var output = new StringWriter();
        var exception = new InvalidOperationException("parser says: " + secret + huge, new FormatException(secret));
        formatter.Write(new LogEntry<string>(LogLevel.Error, "Test", new EventId(1), huge, exception, (s, _) => s), null, output);

        var line = output.ToString();
        Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
        Assert.True(line.Length < 3 * SafeJsonConsoleFormatter.MaxChars, $"{line.Length} characters");
        using var json = System.Text.Json.JsonDocument.Parse(line);
        Assert.Equal("Error", json.RootElement.GetProperty("LogLevel").GetString());
        Assert.Contains(nameof(InvalidOperationException), json.RootElement.GetProperty("Exception").GetString(), StringComparison.Ordinal);
    }

    private sealed class StaticOptions(JsonConsoleFormatterOptions value) : IOptionsMonitor<JsonConsoleFormatterOptions>
    {
        public JsonConsoleFormatterOptions CurrentValue => value;

        public JsonConsoleFormatterOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<JsonConsoleFormatterOptions, string?> listener) => null;
    }
}
