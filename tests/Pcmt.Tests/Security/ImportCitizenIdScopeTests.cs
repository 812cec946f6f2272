using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;

namespace Pcmt.Tests.Security;

/// <summary>
/// The import's national citizen-ID lookup is one of the few reads that switch the area filter off
/// (<c>Persons/ImportPersons.cs</c>, listed in docs/security.md): citizen IDs are unique nationally, so a row whose ID is
/// registered anywhere must be refused. This proves the lookup tells the importing officer only "already registered":
/// persons registered in another commune of the same province (01840) and in another province (Hà Nội, 00004) are refused
/// by a Thái Nguyên commune (05443) import, and neither the answer nor the reject file carries anything of theirs.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class ImportCitizenIdScopeTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string CitizenId(int year) => $"001{(year / 100 - 19) * 2}{year % 100:D2}{Random.Shared.Next(1_000_000):D6}";

    private sealed record Registered(Guid Id, string CitizenId, IReadOnlyList<string> Secrets);

    /// <summary>Registers a person as that commune's police and collects every text of their record that must not leak.</summary>
    private async Task<Registered> RegisterAsync(string commune, string fullName, string alias, string address)
    {
        var police = await app.ApiAsAsync(Roles.CommunePolice, commune);
        var citizenId = CitizenId(1987);
        var response = await police.PostAsJsonAsync("/api/v1/persons", new
        {
            fullName,
            aliases = new[] { alias },
            dateOfBirth = "1987-03-09",
            sex = "male",
            citizenId,
            residenceCommuneCode = commune,
            address,
            substances = new[] { "heroin" },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();

        var record = await police.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{id}", Cancel);
        var secrets = new List<string> { id.ToString(), fullName, alias, address, commune };
        // The file code starts with the commune's code and numbers the commune's files: neither may reach the importer.
        secrets.Add(record.GetProperty("fileCode").GetString()!);
        return new Registered(id, citizenId, secrets);
    }

    [Fact]
    public async Task A_citizen_id_registered_in_another_commune_or_province_refuses_the_row_and_reveals_nothing_of_that_person()
    {
        var mark = Guid.NewGuid().ToString("N")[..8];
        var sameProvince = await RegisterAsync("01840", $"Kín Văn Tỉnh {mark}", $"Tư Tỉnh {mark}", $"Xóm Kín Tỉnh {mark}");
        var otherProvince = await RegisterAsync("00004", $"Kín Văn Thủ Đô {mark}", $"Ba Thủ Đô {mark}", $"Ngõ Kín Thủ Đô {mark}");

        var ownId = CitizenId(1992);
        var rows = new[]
        {
            Row($"Nhập Văn Khác {mark}", "09/03/1987", sameProvince.CitizenId),
            Row($"Nhập Văn Xa {mark}", "09/03/1987", otherProvince.CitizenId),
            Row($"Nhập Văn Mới {mark}", "05/05/1992", ownId),
        };
        var importer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Workbook(rows));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "lien-tinh.xlsx");
        form.Add(new StringContent("true"), "importValidRows");
        form.Add(new StringContent("05443"), "commune");
        var response = await importer.PostAsync("/api/v1/persons/import", form, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        var body = JsonSerializer.Deserialize<JsonElement>(text);

        // Both foreign IDs are refused with the same generic message; the officer's own new person is imported.
        Assert.Equal(1, body.GetProperty("imported").GetInt32());
        var errors = body.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("row").GetInt32(), e => e.GetProperty("message").GetString()!);
        Assert.Equal([2, 3], errors.Keys.Order());
        Assert.Equal(errors[2], errors[3]);
        Assert.Contains("đã có trong sổ đăng ký", errors[2], StringComparison.Ordinal);

        // Nothing of either registered person in the answer…
        AssertNoSecret(text, sameProvince, otherProvince);

        // …nor in the reject file the officer downloads (every cell read back).
        var reject = await importer.GetAsync(body.GetProperty("rejectFile").GetString(), Cancel);
        Assert.Equal(HttpStatusCode.OK, reject.StatusCode);
        await using var stream = await reject.Content.ReadAsStreamAsync(Cancel);
        var rejected = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal([$"Nhập Văn Khác {mark}", $"Nhập Văn Xa {mark}"], rejected.Select(r => r["Họ và tên"]?.ToString()));
        var cells = new StringBuilder();
        foreach (var row in rejected)
            cells.AppendJoin('\n', row.Values.Select(v => v?.ToString())).Append('\n');
        AssertNoSecret(cells.ToString(), sameProvince, otherProvince);

        // The importing officer still cannot find either person, and each still has exactly one record, in their own commune.
        foreach (var (person, commune) in new[] { (sameProvince, "01840"), (otherProvince, "00004") })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await importer.GetAsync($"/api/v1/persons/{person.Id}", Cancel)).StatusCode);
            var owner = await app.ApiAsAsync(Roles.CommunePolice, commune);
            var found = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/persons?q={Uri.EscapeDataString(person.Secrets[1])}", Cancel);
            Assert.Equal(1, found.GetProperty("total").GetInt32());
        }
        var own = await importer.GetFromJsonAsync<JsonElement>($"/api/v1/persons?q={Uri.EscapeDataString($"Nhập Văn Mới {mark}")}", Cancel);
        Assert.Equal(1, own.GetProperty("total").GetInt32());
    }

    private static void AssertNoSecret(string text, params Registered[] persons)
    {
        foreach (var person in persons)
        {
            foreach (var secret in person.Secrets)
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static Dictionary<string, object?> Row(string name, string dob, string citizenId) => new()
    {
        ["Họ và tên"] = name,
        ["Ngày sinh"] = dob,
        ["Giới tính"] = "Nam",
        ["Số CCCD"] = citizenId,
        ["Chất sử dụng"] = "Heroin",
    };

    private static byte[] Workbook(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
