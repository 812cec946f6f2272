using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pcmt.Features.Tips;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Pcmt.Tests.Features.Tips;

[Collection(nameof(AppCollection))]
public sealed class TipsApiTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_anonymous_tip_gets_a_receipt_and_secret_and_the_status_answers_only_the_right_pair()
    {
        var (code, secret) = await SubmitAsync(app.Anonymous(), new { communeCode = "05443", category = "selling", text = "Có người bán ma túy ở đầu ngõ 12.", occurredOn = "2026-11-30" });
        Assert.Matches("^TG-[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        Assert.Matches("^([A-Z2-9]{5}-){3}[A-Z2-9]{5}$", secret);

        var status = await app.Anonymous().GetAsync($"/api/v1/tips/status?code={code}&secret={secret}", Cancel);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var body = await status.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("received", body.GetProperty("status").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", body.GetProperty("updatedOn").GetString());

        // The secret typed in lower case and with spaces still matches; a wrong secret or an unknown code is 404.
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync($"/api/v1/tips/status?code={code.ToLowerInvariant()}&secret={Uri.EscapeDataString(secret.Replace('-', ' ').ToLowerInvariant())}", Cancel)).StatusCode);
        var wrongSecret = secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A');
        var wrong = await app.Anonymous().GetAsync($"/api/v1/tips/status?code={code}&secret={wrongSecret}", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Contains("Không tìm thấy", await wrong.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/v1/tips/status?code=TG-2222-2222&secret={secret}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/api/v1/tips/status", Cancel)).StatusCode);

        // Stored encrypted, with the day only and a random (version 4) key.
        var tip = await app.WithScopeAsync(s => s.GetRequiredService<AppDbContext>().Tips.IgnoreQueryFilters().AsNoTracking().SingleAsync(t => t.ReceiptCode == code, Cancel));
        Assert.DoesNotContain("đầu ngõ", tip.TextProtected, StringComparison.Ordinal);
        Assert.Equal(4, tip.Id.Version);
        Assert.Equal("", tip.CommuneCode);
        Assert.Equal("05443", tip.ReportedCommuneCode);
        Assert.Equal("19", tip.ProvinceCode);
        Assert.NotEqual(secret, tip.SecretHash);
    }

    [Fact]
    public async Task Province_police_route_a_tip_and_only_that_communes_police_see_it_then_close_it()
    {
        var (code, secret) = await SubmitAsync(app.Anonymous(), new { communeCode = "05443", category = "harbouring-point", text = "Nhà số 5 thường xuyên tụ tập sử dụng ma túy ban đêm." });
        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var otherProvince = await app.ApiAsAsync(Roles.ProvincePolice, "01");
        var communeA = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var communeB = await app.ApiAsAsync(Roles.CommunePolice, "01840");

        var id = await FindAsync(province, code);
        Assert.NotNull(id);
        Assert.Null(await FindAsync(otherProvince, code));
        Assert.Null(await FindAsync(communeA, code)); // not routed yet: commune police see only what was routed to them
        Assert.Equal(HttpStatusCode.NotFound, (await otherProvince.GetAsync($"/api/v1/tips/{id}", Cancel)).StatusCode);

        // Routing outside the tip's province or to an unknown code is refused; commune police cannot route.
        Assert.Equal(HttpStatusCode.BadRequest, (await province.PostAsJsonAsync($"/api/v1/tips/{id}/route", new { communeCode = "00004" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await province.PostAsJsonAsync($"/api/v1/tips/{id}/route", new { communeCode = "99999" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await communeA.PostAsJsonAsync($"/api/v1/tips/{id}/route", new { communeCode = "05443" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await province.PostAsJsonAsync($"/api/v1/tips/{id}/route", new { communeCode = "05443" }, Cancel)).StatusCode);

        Assert.Equal(id, await FindAsync(communeA, code));
        Assert.Null(await FindAsync(communeB, code));
        Assert.Null(await FindAsync(otherProvince, code));
        Assert.Equal(HttpStatusCode.NotFound, (await communeB.GetAsync($"/api/v1/tips/{id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await communeB.PostAsJsonAsync($"/api/v1/tips/{id}/close", new { outcome = "confirmed", note = "x" }, Cancel)).StatusCode);
        var list = await communeA.GetFromJsonAsync<JsonElement>("/api/v1/tips?status=in-progress&commune=05443", Cancel);
        var row = list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("receiptCode").GetString() == code);
        Assert.Equal("05443", row.GetProperty("communeCode").GetString());
        Assert.Equal("harbouring-point", row.GetProperty("category").GetString());
        Assert.Equal("in-progress", row.GetProperty("status").GetString());
        Assert.True(row.TryGetProperty("receivedAt", out _));
        Assert.Equal("in-progress", (await StatusAsync(code, secret)).GetProperty("status").GetString());

        // The commune officer reads it (audited) and closes it with a point that was then cleared.
        var details = await communeA.GetFromJsonAsync<JsonElement>($"/api/v1/tips/{id}", Cancel);
        Assert.Equal("Nhà số 5 thường xuyên tụ tập sử dụng ma túy ban đêm.", details.GetProperty("text").GetString());
        var hotspot = await communeA.PostAsJsonAsync("/api/v1/hotspots", new { communeCode = "05443", kind = "harbouring-point", detectedOn = "2026-11-01", clearedOn = "2026-11-20" }, Cancel);
        var hotspotId = (await hotspot.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var caseId = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await communeA.PostAsJsonAsync($"/api/v1/tips/{id}/close", new { outcome = "maybe", note = "x" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await communeA.PostAsJsonAsync($"/api/v1/tips/{id}/close", new { outcome = "confirmed", note = "Đã triệt xóa điểm.", hotspotId, caseId }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await communeA.PostAsJsonAsync($"/api/v1/tips/{id}/close", new { outcome = "confirmed", note = "lại" }, Cancel)).StatusCode);
        Assert.Equal("closed", (await StatusAsync(code, secret)).GetProperty("status").GetString());

        var figures = await province.GetFromJsonAsync<JsonElement>("/api/v1/tips/figures", Cancel);
        Assert.True(figures.GetProperty("ledToClearedPoint").GetInt32() >= 1);
        Assert.True(figures.GetProperty("ledToCase").GetInt32() >= 1);

        var audited = await app.WithScopeAsync(s => s.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Tip) && e.EntityKey == id.ToString()).Select(e => e.Action).ToListAsync(Cancel));
        Assert.Contains("read", audited);
        Assert.Equal(2, audited.Count(a => a == "update")); // routed, closed
        Assert.DoesNotContain("create", audited); // the anonymous submission leaves no timed audit entry
    }

    [Fact]
    public async Task A_duplicate_is_marked_against_the_earlier_tip()
    {
        var (first, _) = await SubmitAsync(app.Anonymous(), new { communeCode = "01840", category = "drug-use", text = "Tin lần đầu về nhóm thanh niên." });
        var (second, _) = await SubmitAsync(app.Anonymous(), new { communeCode = "01840", category = "drug-use", text = "Tin lặp lại về nhóm thanh niên." });
        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var secondId = await FindAsync(province, second);
        var response = await province.PostAsJsonAsync($"/api/v1/tips/{secondId}/close", new { outcome = "duplicate", note = "Trùng tin trước.", duplicateOf = first }, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var details = await province.GetFromJsonAsync<JsonElement>($"/api/v1/tips/{secondId}", Cancel);
        Assert.Equal(first, details.GetProperty("duplicateOfReceiptCode").GetString());
    }

    [Fact]
    public async Task Nothing_of_the_senders_address_or_user_agent_is_stored_or_logged_and_no_cookie_is_set()
    {
        var address = $"2001:db8:{Random.Shared.Next(0x1000, 0xffff):x}::{Random.Shared.Next(0x1000, 0xffff):x}";
        var agent = $"PcmtSpyBrowser/{Guid.NewGuid():N}";
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
        client.DefaultRequestHeaders.Add("Cookie", "tracking=" + agent);

        var page = await client.GetAsync("/to-giac?tinh=19", Cancel);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Set-Cookie"), string.Join(";", page.Headers.TryGetValues("Set-Cookie", out var set) ? set : []));
        var html = await page.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Phường Phan Đình Phùng", html, StringComparison.Ordinal); // the province's communes in the datalist
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        var (code, secret) = await SubmitAsync(client, new { communeCode = "05443", category = "other", text = "Tin kiểm tra ẩn danh." });
        var posted = await client.PostAsync("/to-giac", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["tinh"] = "19",
            ["Commune"] = "Phan Đình Phùng",
            ["Category"] = "selling",
            ["Text"] = "Tin gửi từ trang công khai.",
        }), Cancel);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.False(posted.Headers.Contains("Set-Cookie"));
        Assert.Contains("Mã tiếp nhận", await posted.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await StatusAsync(code, secret, client);
        var status = await client.PostAsync("/to-giac/tra-cuu", new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = code, ["Secret"] = secret }), Cancel);
        Assert.Contains("Đã tiếp nhận", await status.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.False(status.Headers.Contains("Set-Cookie"));

        foreach (var needle in new[] { address, agent })
        {
            Assert.DoesNotContain(app.Logs, line => line.Contains(needle, StringComparison.OrdinalIgnoreCase));
            Assert.Empty(await RowsHoldingAsync(needle));
        }

        Assert.DoesNotContain(app.Logs, line => line.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hostile_input_gets_Vietnamese_errors_never_a_500_and_stores_nothing()
    {
        var before = await CountTipsAsync();
        var anonymous = app.Anonymous();

        var huge = await anonymous.PostAsync("/api/v1/tips", new StringContent(JsonSerializer.Serialize(new { communeCode = "05443", category = "other", text = new string('a', 10 * 1024 * 1024) }), Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("quá lớn", await huge.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var tooLong = await anonymous.PostAsJsonAsync("/api/v1/tips", new { communeCode = "05443", category = "other", text = new string('x', 5001) }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("5.000 ký tự", await tooLong.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        foreach (var body in new object[]
        {
            new { communeCode = "05443", category = "weapons", text = "x" },
            new { communeCode = "05443", category = "other", text = "   " },
            new { communeCode = "99999", category = "other", text = "x" },
            new { communeCode = "05443", category = "other", text = "x", occurredOn = "2099-01-01" },
            new { communeCode = "05443", category = "other", text = "x", occurredOn = "2026-02-30" },
            new { communeCode = "05443", category = 5, text = "x" },
        })
        {
            var response = await anonymous.PostAsJsonAsync("/api/v1/tips", body, Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("\"title\":\"Dữ liệu không hợp lệ.\"", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsync("/api/v1/tips", new StringContent("{\"text\": ", Encoding.UTF8, "application/json"), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await anonymous.PostAsync("/api/v1/tips", new StringContent("text", Encoding.UTF8, "text/plain"), Cancel)).StatusCode);

        // A text file named .jpg, sent with a valid tip: refused as a whole, nothing partial stored.
        var fake = Multipart(("05443", "drug-use", "Tin kèm tệp giả."), ("anh.jpg", "image/jpeg", Encoding.UTF8.GetBytes("<?php system($_GET['c']); ?> not a jpeg")));
        var notImage = await anonymous.PostAsync("/api/v1/tips", fake, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, notImage.StatusCode);
        Assert.Contains("không phải là ảnh hợp lệ", await notImage.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var sixMegabytes = await anonymous.PostAsync("/api/v1/tips", Multipart(("05443", "drug-use", "Ảnh quá lớn."), ("to.jpg", "image/jpeg", new byte[6 * 1024 * 1024])), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, sixMegabytes.StatusCode);

        // The page refuses a 10 MB text too: the form shown again with a Vietnamese error, never a 500.
        var pageHuge = await anonymous.PostAsync("/to-giac", new FormUrlEncodedContent(new Dictionary<string, string> { ["tinh"] = "19", ["Category"] = "other", ["Text"] = new string('a', 10 * 1024 * 1024) }), Cancel);
        var pageHugeHtml = await pageHuge.Content.ReadAsStringAsync(Cancel);
        Assert.True(pageHuge.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"got {(int)pageHuge.StatusCode}");
        Assert.Contains("không hợp lệ", pageHugeHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Mã bí mật", pageHugeHtml, StringComparison.Ordinal);

        // The honeypot: a robot gets a receipt that looks real, and nothing is stored.
        var robot = await anonymous.PostAsync("/to-giac", new FormUrlEncodedContent(new Dictionary<string, string> { ["tinh"] = "19", ["Category"] = "other", ["Text"] = "spam", ["website"] = "http://spam.example" }), Cancel);
        Assert.Contains("Mã tiếp nhận", await robot.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        Assert.Equal(before, await CountTipsAsync());

        // A script payload is stored as text and shown escaped to the officer.
        var payload = "<script>alert('xss')</script><img src=x onerror=alert(1)>";
        var (code, _) = await SubmitAsync(anonymous, new { communeCode = "05443", category = "other", text = payload, contact = "<b>0912</b>" });
        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var id = await FindAsync(province, code);
        Assert.Equal(payload, (await province.GetFromJsonAsync<JsonElement>($"/api/v1/tips/{id}", Cancel)).GetProperty("text").GetString());
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.ProvincePolice, "19"), App.UserPassword);
        var html = await pages.GetStringAsync($"/Tips/Details/{id}", Cancel);
        Assert.Contains("&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_is_checked_by_decoding_and_its_GPS_metadata_removed_unless_kept()
    {
        var jpeg = PhotoWithGps();
        Assert.NotNull(Image.Identify(jpeg).Metadata.ExifProfile);
        var response = await app.Anonymous().PostAsync("/api/v1/tips", Multipart(("05443", "cultivation", "Trồng cây thuốc phiện sau nhà."), ("IMG_0001.jpg", "image/jpeg", jpeg)), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("receiptCode").GetString()!;

        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var id = await FindAsync(province, code);
        var details = await province.GetFromJsonAsync<JsonElement>($"/api/v1/tips/{id}", Cancel);
        var photoId = details.GetProperty("photos")[0].GetProperty("id").GetGuid();
        var stored = await province.GetByteArrayAsync($"/api/v1/tips/{id}/photos/{photoId}", Cancel);
        var info = Image.Identify(stored);
        Assert.Equal(64, info.Width);
        Assert.Null(info.Metadata.ExifProfile);
        Assert.Equal(-1, stored.AsSpan().IndexOf("PcmtTestCamera"u8));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync(Roles.ProvincePolice, "01")).GetAsync($"/api/v1/tips/{id}/photos/{photoId}", Cancel)).StatusCode);

        // Kept on request: the sender may choose to leave the position in to help verification.
        var kept = Multipart(("05443", "cultivation", "Ảnh giữ vị trí."), ("IMG_0002.jpg", "image/jpeg", jpeg));
        kept.Add(new StringContent("true"), "keepPhotoMetadata");
        var keptCode = (await (await app.Anonymous().PostAsync("/api/v1/tips", kept, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("receiptCode").GetString()!;
        var keptId = await FindAsync(province, keptCode);
        var keptPhoto = (await province.GetFromJsonAsync<JsonElement>($"/api/v1/tips/{keptId}", Cancel)).GetProperty("photos")[0].GetProperty("id").GetGuid();
        Assert.NotNull(Image.Identify(await province.GetByteArrayAsync($"/api/v1/tips/{keptId}/photos/{keptPhoto}", Cancel)).Metadata.ExifProfile);
    }

    internal static byte[] PhotoWithGps()
    {
        using var image = new Image<Rgba32>(64, 48, new Rgba32(120, 160, 90));
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Make, "PcmtTestCamera");
        image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitudeRef, "N");
        image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitude, [new Rational(21, 1), new Rational(35, 1), new Rational(12, 1)]);
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }

    private static MultipartFormDataContent Multipart((string Commune, string Category, string Text) tip, (string Name, string Type, byte[] Content) file)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(tip.Commune), "communeCode" },
            { new StringContent(tip.Category), "category" },
            { new StringContent(tip.Text), "text" },
        };
        var part = new ByteArrayContent(file.Content);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.Type);
        content.Add(part, "photos", file.Name);
        return content;
    }

    private static async Task<(string Code, string Secret)> SubmitAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/tips", body, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {response.Headers} {await response.Content.ReadAsStringAsync(Cancel)}");
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        return (receipt.GetProperty("receiptCode").GetString()!, receipt.GetProperty("secret").GetString()!);
    }

    private async Task<JsonElement> StatusAsync(string code, string secret, HttpClient? client = null)
    {
        var response = await (client ?? app.Anonymous()).GetAsync($"/api/v1/tips/status?code={code}&secret={secret}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private static async Task<Guid?> FindAsync(HttpClient officer, string code)
    {
        var list = await officer.GetFromJsonAsync<JsonElement>("/api/v1/tips?pageSize=500", Cancel);
        return list.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("receiptCode").GetString() == code)
            .Select(r => (Guid?)r.GetProperty("id").GetGuid()).SingleOrDefault();
    }

    private Task<int> CountTipsAsync() =>
        app.WithScopeAsync(s => s.GetRequiredService<AppDbContext>().Tips.IgnoreQueryFilters().CountAsync(Cancel));

    /// <summary>Every text column of every table (PostgreSQL), or the database file's bytes (SQLite), searched for the needle.</summary>
    private async Task<List<string>> RowsHoldingAsync(string needle)
    {
        if (App.UsesSqlite)
        {
            await app.WithScopeAsync(s => s.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", Cancel));
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
            var bytes = Encoding.UTF8.GetBytes(needle);
            return [.. new[] { path, path + "-wal" }.Where(File.Exists).Where(f => File.ReadAllBytes(f).AsSpan().IndexOf(bytes) >= 0)];
        }

        var found = new List<string>();
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Cancel);
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'inet')", connection))
        await using (var reader = await list.ExecuteReaderAsync(Cancel))
        {
            while (await reader.ReadAsync(Cancel))
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        Assert.Contains(columns, c => c.Table == "tips");
        foreach (var (table, column, type) in columns)
        {
            var text = type == "bytea" ? $"encode(\"{column}\", 'escape')" : $"\"{column}\"::text";
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" WHERE position(lower(@needle) in lower({text})) > 0", connection);
            count.Parameters.AddWithValue("needle", needle);
            if ((long)(await count.ExecuteScalarAsync(Cancel))! > 0)
                found.Add($"{table}.{column}");
        }

        return found;
    }
}
