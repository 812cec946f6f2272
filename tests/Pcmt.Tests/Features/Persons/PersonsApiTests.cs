using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Pcmt.Tests.Features.Persons;

[Collection(nameof(AppCollection))]
public sealed class PersonsApiTests(App app)
{
    private const string Commune = "05443";
    private const string OtherCommune = "01840";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A consistent citizen ID for a 1990 male born in Thái Nguyên (019), unique per call.</summary>
    private static string NewCitizenId(int year = 1990, bool female = false) =>
        $"019{((year / 100) - 19) * 2 + (female ? 1 : 0)}{year % 100:D2}{Random.Shared.Next(1_000_000):D6}";

    private Task<HttpClient> OfficerAsync(string commune = Commune) => app.ApiAsAsync(Roles.CommunePolice, commune);

    private static object Body(string fullName, string citizenId, string commune = Commune, string dateOfBirth = "1990-05-12", string sex = "male", string[]? aliases = null) =>
        new { fullName, aliases = aliases ?? [], dateOfBirth, sex, citizenId, residenceCommuneCode = commune, address = "Tổ 5", substances = new[] { "methamphetamine" } };

    [Fact, Trait("Category", "Smoke")]
    public async Task Registers_a_person_and_finds_them_without_diacritics()
    {
        var officer = await OfficerAsync();
        var created = await officer.PostAsJsonAsync("/api/v1/persons", Body("Nguyễn Văn Hùng", NewCitizenId()), Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();

        var found = await officer.GetFromJsonAsync<JsonElement>("/api/v1/persons?q=nguyen%20van%20hung", Cancel);
        var row = found.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal("Nguyễn Văn Hùng", row.GetProperty("fullName").GetString());
        Assert.Equal("1990-05-12", row.GetProperty("dateOfBirth").GetString());
        Assert.Equal("male", row.GetProperty("sex").GetString());
        Assert.Equal(Commune, row.GetProperty("residenceCommuneCode").GetString());
        Assert.Equal("none", row.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Search_pages_by_name_or_alias_in_name_order_with_the_total_for_commune_and_province_officers()
    {
        const string Cao = "01279"; // Cao Bằng: no other test registers here
        var officer = await OfficerAsync(Cao);
        string[] names = ["Phân Trang Gấm", "Phân Trang Ánh", "Phân Trang Dũng", "Phân Trang Bình", "Phân Trang Cúc", "Phân Trang Ế"];
        foreach (var name in names)
            Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/v1/persons", Body(name, NewCitizenId(), Cao), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/v1/persons", Body("Lò Văn Khác", NewCitizenId(), Cao, aliases: ["Phân Trang Hoa"]), Cancel)).StatusCode);

        foreach (var reader in new[] { officer, await app.ApiAsAsync(Roles.ProvincePolice, "04") })
        {
            var pages = new List<string>();
            for (var page = 1; page <= 4; page++)
            {
                var body = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/persons?q=phan%20trang&pageSize=3&page={page}", Cancel);
                Assert.Equal(7, body.GetProperty("total").GetInt32());
                pages.AddRange(body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("fullName").GetString()!));
            }

            // Sorted by the folded name; the alias match is listed under the person's own name.
            Assert.Equal(["Lò Văn Khác", "Phân Trang Ánh", "Phân Trang Bình", "Phân Trang Cúc", "Phân Trang Dũng", "Phân Trang Ế", "Phân Trang Gấm"], pages);
        }
    }

    [Fact]
    public async Task A_1990_birth_with_century_digit_2_is_refused()
    {
        var response = await (await OfficerAsync()).PostAsJsonAsync("/api/v1/persons", Body("Trần Văn Bình", "019290123456"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Contains("không khớp năm sinh 1990", errors.GetProperty("citizenId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_province_officer_may_accept_a_mismatch_with_a_written_reason_a_commune_officer_may_not()
    {
        var withReason = new { fullName = "Lê Văn Cường", dateOfBirth = "1990-01-01", sex = "male", citizenId = "019290" + Random.Shared.Next(1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture), residenceCommuneCode = Commune, citizenIdOverrideReason = "Thẻ căn cước ghi năm sinh 2090 do lỗi in, đã đối chiếu giấy khai sinh." };
        Assert.Equal(HttpStatusCode.BadRequest, (await (await OfficerAsync()).PostAsJsonAsync("/api/v1/persons", withReason, Cancel)).StatusCode);
        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        Assert.Equal(HttpStatusCode.Created, (await province.PostAsJsonAsync("/api/v1/persons", withReason, Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_same_citizen_id_twice_is_409_with_the_existing_id()
    {
        var officer = await OfficerAsync();
        var citizenId = NewCitizenId();
        var first = await officer.PostAsJsonAsync("/api/v1/persons", Body("Phạm Thị Lan", citizenId, sex: "male"), Cancel);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();

        var second = await officer.PostAsJsonAsync("/api/v1/persons", Body("Phạm Văn Lân", citizenId), Cancel);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(id, (await second.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("existingId").GetGuid());
    }

    [Fact]
    public async Task A_citizen_id_registered_in_another_commune_is_409_without_revealing_the_record()
    {
        var citizenId = NewCitizenId();
        await (await OfficerAsync(OtherCommune)).PostAsJsonAsync("/api/v1/persons", Body("Hoàng Văn Nam", citizenId, OtherCommune), Cancel);

        var response = await (await OfficerAsync()).PostAsJsonAsync("/api/v1/persons", Body("Hoàng Văn Nam", citizenId), Cancel);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.False(problem.TryGetProperty("existingId", out _));
        Assert.Contains("liên hệ Công an", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_of_another_commune_gets_404_and_never_sees_the_person_in_search()
    {
        var created = await (await OfficerAsync()).PostAsJsonAsync("/api/v1/persons", Body("Vũ Đình Khoa", NewCitizenId()), Cancel);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();

        var other = await OfficerAsync(OtherCommune);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/persons/{id}", Cancel)).StatusCode);
        var search = await other.GetFromJsonAsync<JsonElement>("/api/v1/persons?q=vu%20dinh%20khoa", Cancel);
        Assert.DoesNotContain(search.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);

        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync($"/api/v1/persons/{id}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Likely_duplicates_are_returned_and_queued_for_review()
    {
        var officer = await OfficerAsync();
        await officer.PostAsJsonAsync("/api/v1/persons", Body("Đặng Văn Đức", NewCitizenId(1985), dateOfBirth: "1985-03-02"), Cancel);
        var second = await officer.PostAsJsonAsync("/api/v1/persons", new { fullName = "Dang Van Duc", dateOfBirth = "1985", sex = "male", residenceCommuneCode = Commune }, Cancel);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var body = await second.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Contains(body.GetProperty("possibleDuplicates").EnumerateArray(), d => d.GetProperty("fullName").GetString() == "Đặng Văn Đức");
    }

    [Fact]
    public async Task Every_read_is_in_the_access_log_with_the_reader()
    {
        var officer = await OfficerAsync();
        var created = await officer.PostAsJsonAsync("/api/v1/persons", Body("Bùi Thị Hoa", NewCitizenId(1992, female: true), dateOfBirth: "1992-08-08", sex: "female"), Cancel);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        await officer.GetAsync($"/api/v1/persons/{id}?purpose=x%C3%A1c%20minh", Cancel);

        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        await province.GetAsync($"/api/v1/persons/{id}", Cancel);
        var log = await province.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{id}/access-log", Cancel);
        var items = log.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, e => e.GetProperty("userName").GetString() == App.UserNameFor(Roles.CommunePolice, Commune) && e.GetProperty("action").GetString() == "read" && e.GetProperty("purpose").GetString() == "xác minh");
        Assert.Contains(items, e => e.GetProperty("userName").GetString() == App.UserNameFor(Roles.ProvincePolice, "19") && e.GetProperty("action").GetString() == "read");
        Assert.Contains(items, e => e.GetProperty("action").GetString() == "create");
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_the_first_edit_kept()
    {
        var officer = await OfficerAsync();
        var created = await officer.PostAsJsonAsync("/api/v1/persons", Body("Đỗ Văn Tài", NewCitizenId()), Cancel);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var version = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{id}", Cancel)).GetProperty("version").GetGuid();

        var edit = new { fullName = "Đỗ Văn Tài", dateOfBirth = "1990-05-12", sex = "male", residenceCommuneCode = Commune, occupation = "Lái xe", version };
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync($"/api/v1/persons/{id}", edit, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PutAsJsonAsync($"/api/v1/persons/{id}", new { fullName = "Đỗ Văn Tài", dateOfBirth = "1990-05-12", sex = "male", residenceCommuneCode = Commune, occupation = "Thợ hàn", version }, Cancel)).StatusCode);
        Assert.Equal("Lái xe", (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{id}", Cancel)).GetProperty("occupation").GetString());
    }

    [Fact]
    public async Task Bad_input_is_400_and_registers_nobody()
    {
        var officer = await OfficerAsync();
        var response = await officer.PostAsJsonAsync("/api/v1/persons", new { fullName = "Không Hợp Lệ", dateOfBirth = "31/02/1990", sex = "khac", residenceCommuneCode = "99999", substances = new[] { "tra-sua" }, flags = new[] { "pregnant" } }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var search = await officer.GetFromJsonAsync<JsonElement>("/api/v1/persons?q=khong%20hop%20le", Cancel);
        Assert.Equal(0, search.GetProperty("total").GetInt32());
    }

    [Fact, Trait("Category", "Smoke")]
    public async Task The_plaintext_citizen_id_is_nowhere_in_the_database_or_the_logs()
    {
        var citizenId = NewCitizenId();
        var officer = await OfficerAsync();
        var created = await officer.PostAsJsonAsync("/api/v1/persons", Body("Ngô Văn Sơn", citizenId), Cancel);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        Assert.Equal(citizenId, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{id}", Cancel)).GetProperty("citizenId").GetString());
        Assert.Single((await officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons?citizenId={citizenId}", Cancel)).GetProperty("items").EnumerateArray());

        Assert.DoesNotContain(app.Logs, line => line.Contains(citizenId, StringComparison.Ordinal));
        if (App.UsesSqlite)
        {
            await app.WithScopeAsync(services => services.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", Cancel));
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
            foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
            {
                var bytes = await File.ReadAllBytesAsync(file, Cancel);
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(citizenId)));
            }
        }
        else
        {
            // Every row of every table, as text.
            var hits = await app.WithScopeAsync(async services =>
            {
                var db = services.GetRequiredService<AppDbContext>();
                var tables = await db.Database.SqlQueryRaw<string>("SELECT tablename AS \"Value\" FROM pg_tables WHERE schemaname = 'public'").ToListAsync(Cancel);
                var count = 0;
                foreach (var table in tables)
                {
                    var sql = "SELECT count(*)::int AS \"Value\" FROM \"" + table + "\" t WHERE t::text LIKE {0}";
                    count += await db.Database.SqlQueryRaw<int>(sql, $"%{citizenId}%").SingleAsync(Cancel);
                }
                return count;
            });
            Assert.Equal(0, hits);
        }
    }
}
