using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Pcmt.Tests.Security;

/// <summary>
/// Issue 18, items 3 and 4: every upload route refuses hostile and malformed files with a Vietnamese 400 (413 for an
/// oversize body) before parsing them, changes nothing, and keeps the server's memory bounded.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class HostileUploadTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly string[] PersonHeader = ["Họ và tên", "Ngày sinh", "Giới tính", "Mã xã"];
    private static readonly string[] PopulationHeader = ["Mã xã", "Năm", "Nhân khẩu"];

    /// <summary>The two upload routes: person list (province police of 19) and population (same user).</summary>
    public static TheoryData<string> Routes => new() { "/api/v1/persons/import", "/api/v1/admin-units/population/import" };

    private static byte[] Sample(string route) => route.Contains("population", StringComparison.Ordinal)
        ? HostileFiles.Workbook(PopulationHeader, ["05443", "2025", "1000"])
        : HostileFiles.Workbook(PersonHeader, ["Tải Lên Văn Một", "01/01/1990", "Nam", "05443"]);

    /// <summary>Each hostile file, and what the 400's message must say (null: any answer but 500 will do, as long as nothing changes).</summary>
    public static IEnumerable<(string Name, string FileName, Func<string, byte[]> Build, string? Expect)> Cases()
    {
        yield return ("garbage bytes named .xlsx", "rac.xlsx", _ => HostileFiles.Garbage(), "không phải là tệp Excel");
        yield return ("truncated zip", "cat-ngang.xlsx", route => HostileFiles.Truncated(Sample(route)), "không phải là tệp Excel");
        yield return ("zip with corrupt data", "hong.xlsx", route => HostileFiles.CorruptData(Sample(route)), "không phải là tệp Excel");
        yield return ("xlsx with a DTD", "dtd.xlsx", route => HostileFiles.WithDtd(Sample(route)), "DTD");
        yield return ("cell in column XFD, row 1,048,576", "xa.xlsx", route => HostileFiles.FarCell(Sample(route)), "quá nhiều");
        yield return ("1,500 zip entries", "nhieu-phan.xlsx", _ => HostileFiles.ManyEntries(1_500), "quá nhiều thành phần");
        yield return ("part inflating to 300 MB", "phinh.xlsx", _ => HostileFiles.InflatingPart(300), "giải nén quá lớn");
        // The zip reader stops at the declared size, so this one is harmless (an empty sheet); it must simply not hurt.
        yield return ("part declared 1,000 bytes inflating to 300 MB", "noi-doi.xlsx", _ => HostileFiles.LyingSizes(300), null);
        yield return ("old .xls (OLE) named .xlsx", "cu.xlsx", _ => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], ".xls");
        yield return ("CSV row shorter than the header", "ngan.csv", _ => Encoding.UTF8.GetBytes("Mã xã,Năm,Nhân khẩu\n05443,2025\n"), "dòng 2");
        yield return ("CSV row longer than the header", "dai.csv", _ => Encoding.UTF8.GetBytes("Mã xã,Năm,Nhân khẩu\n05443,2025,1,2,3\n"), "dòng 2");
        yield return ("CSV line of 1 MB", "dong-dai.csv", _ => Encoding.UTF8.GetBytes("Mã xã,Năm,Nhân khẩu\n" + new string('x', 1024 * 1024) + ",1,1\n"), "dòng quá dài");
        yield return ("CSV of 400,000 rows", "nhieu-dong.csv", _ => Encoding.UTF8.GetBytes("a,b\n" + string.Concat(Enumerable.Repeat("1,2\n", 400_000))), "quá nhiều dòng");
        yield return ("CSV of 200 columns", "nhieu-cot.csv", _ => Encoding.UTF8.GetBytes(string.Join(',', Enumerable.Range(1, 200)) + "\n"), "quá nhiều cột");
        yield return ("CSV with an unclosed quote", "ngoac.csv", _ => Encoding.UTF8.GetBytes("Mã xã,Năm,Nhân khẩu\n\"05443,2025,1\n"), "ngoặc kép");
        yield return ("binary bytes named .csv", "rac.csv", _ => HostileFiles.Garbage(), "");
        yield return ("a .exe", "virus.exe", _ => [0x4D, 0x5A, 0x90], "Chỉ nhận tệp");
        yield return ("an empty file", "rong.xlsx", _ => [], "");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_hostile_or_malformed_file_is_a_vietnamese_400_and_changes_nothing(string route)
    {
        var client = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var failures = new List<string>();
        foreach (var (name, fileName, build, expect) in Cases())
        {
            var before = await DataFingerprint.SettledAsync(app);
            using var response = await PostFileAsync(client, route, build(route), fileName);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            var after = await DataFingerprint.TakeAsync(app);
            if (expect is null ? (int)response.StatusCode >= 500 : response.StatusCode != HttpStatusCode.BadRequest)
                failures.Add($"{name}: {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
            else if (expect is not null && (!body.Contains(expect, StringComparison.Ordinal) || !body.Contains("\"title\"", StringComparison.Ordinal)))
                failures.Add($"{name}: the problem does not say '{expect}': {body[..Math.Min(300, body.Length)]}");
            if (!before.Equals(after))
                failures.Add($"{name}: data changed: {before.Difference(after)}");
        }

        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_204_kb_xlsx_inflating_to_200_mb_is_refused_with_bounded_memory(string route)
    {
        var bomb = HostileFiles.ZipBomb(200);
        Assert.True(bomb.Length < 512 * 1024, $"the bomb is {bomb.Length:N0} bytes");
        var client = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var before = await DataFingerprint.SettledAsync(app);

        GC.Collect();
        var baseline = Process.GetCurrentProcess().WorkingSet64;
        long peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                using var process = Process.GetCurrentProcess();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(20, CancellationToken.None);
            }
        }, Cancel);

        var watch = Stopwatch.StartNew();
        using var response = await PostFileAsync(client, route, bomb, "bom.xlsx");
        watch.Stop();
        await sampling.CancelAsync();
        await sampler;

        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("quá dài", body, StringComparison.Ordinal);
        Assert.True(peak - baseline < 512L * 1024 * 1024, $"working set grew by {(peak - baseline) / 1024 / 1024:N0} MB");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal(before, await DataFingerprint.TakeAsync(app));
        TestContext.Current.SendDiagnosticMessage($"zip bomb {bomb.Length:N0} bytes: {(int)response.StatusCode} in {watch.ElapsedMilliseconds} ms, working set +{(peak - baseline) / 1024 / 1024:N0} MB");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_body_larger_than_the_limit_is_413_before_it_is_read(string route)
    {
        var client = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var before = await DataFingerprint.SettledAsync(app);
        using var response = await PostFileAsync(client, route, new byte[51 * 1024 * 1024], "lon.xlsx");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("quá lớn", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(before, await DataFingerprint.TakeAsync(app));
    }

    [Fact]
    public async Task The_import_page_refuses_a_hostile_file_at_once_and_queues_nothing()
    {
        await app.EnsureUserAsync(Roles.ProvincePolice, "19");
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.ProvincePolice, "19"), App.UserPassword);
        var form = await pages.GetStringAsync("/Persons/Import", Cancel);
        var before = await DataFingerprint.SettledAsync(app);
        foreach (var (content, fileName) in new[] { (HostileFiles.ZipBomb(50), "bom.xlsx"), (HostileFiles.Garbage(), "rac.xlsx"), (Encoding.UTF8.GetBytes("a,b\n1\n"), "ngan.csv") })
        {
            using var multipart = new MultipartFormDataContent
            {
                { new StringContent(App.AntiforgeryToken(form)), "__RequestVerificationToken" },
                { new ByteArrayContent(content), "upload", fileName },
            };
            using var response = await pages.PostAsync("/Persons/Import", multipart, Cancel);
            var html = await response.Content.ReadAsStringAsync(Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Tệp", html, StringComparison.Ordinal);
        }

        Assert.Equal(before, await DataFingerprint.TakeAsync(app));
    }

    [Fact]
    public async Task A_clean_population_csv_with_blank_lines_and_crlf_is_still_imported()
    {
        var client = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        using var response = await PostFileAsync(client, "/api/v1/admin-units/population/import", Encoding.UTF8.GetBytes("Mã xã,Năm,Nhân khẩu\r\n05443,2017,\"12.345\"\r\n\r\n"), "dan-so.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("imported").GetInt32());
    }

    internal static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string route, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (route.Contains("persons", StringComparison.Ordinal))
            form.Add(new StringContent("05443"), "commune");
        return await client.PostAsync(route, form, Cancel);
    }
}
