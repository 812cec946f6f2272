using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;

namespace Pcmt.Tests.Features.Persons;

[Collection(nameof(AppCollection))]
public sealed class ImportPersonsTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Id(int year, bool female = false) =>
        $"019{((year / 100) - 19) * 2 + (female ? 1 : 0)}{year % 100:D2}{Random.Shared.Next(1_000_000):D6}";

    private static byte[] Workbook(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync(byte[] content, string fileName, bool importValid = false)
    {
        var officer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(importValid ? "true" : "false"), "importValidRows");
        form.Add(new StringContent("05443"), "commune");
        var response = await officer.PostAsync("/api/v1/persons/import", form, Cancel);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Cancel));
    }

    private static Dictionary<string, object?> Row(string name, string dob, string sex, string? citizenId, string? substances = "Ma túy đá") => new()
    {
        ["Họ và tên"] = name,
        ["Ngày sinh"] = dob,
        ["Giới tính"] = sex,
        ["Số CCCD"] = citizenId,
        ["Chất sử dụng"] = substances,
        ["Ghi chú"] = "cột thừa",
    };

    [Fact, Trait("Category", "Smoke")]
    public async Task A_clean_excel_list_is_imported_whole()
    {
        var rows = new[] { Row("Nhập Văn Một", "01/02/1990", "Nam", Id(1990)), Row("Nhập Thị Hai", "1995", "Nữ", Id(1995, female: true)) };
        var (status, body) = await ImportAsync(Workbook(rows), "danh-sach.xlsx");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.GetProperty("imported").GetInt32());
        Assert.Equal(0, body.GetProperty("refused").GetInt32());
        Assert.Contains("Ghi chú", body.GetProperty("unmappedColumns").EnumerateArray().Select(c => c.GetString()));

        var officer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var found = await officer.GetFromJsonAsync<JsonElement>("/api/v1/persons?q=nhap%20thi%20hai", Cancel);
        Assert.Equal("1995", found.GetProperty("items")[0].GetProperty("dateOfBirth").GetString());
    }

    [Fact]
    public async Task One_bad_row_stops_the_whole_file_and_the_reject_file_explains_it_in_vietnamese()
    {
        var rows = new[]
        {
            Row("Hỏng Văn Tốt", "03/03/1991", "Nam", Id(1991)),
            Row("Hỏng Văn Sai", "03/03/1991", "Nam", "019290000001"), // century digit of a 2090 birth
            Row("Hỏng Văn Ba", "ngày xưa", "Nam", null),
        };
        var (status, body) = await ImportAsync(Workbook(rows), "co-loi.xlsx");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetProperty("imported").GetInt32());
        Assert.Equal(2, body.GetProperty("refused").GetInt32());
        var errors = body.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([3, 4], errors.Select(e => e.GetProperty("row").GetInt32()));
        Assert.Contains("không khớp năm sinh 1991", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        var officer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        Assert.Equal(0, (await officer.GetFromJsonAsync<JsonElement>("/api/v1/persons?q=hong%20van%20tot", Cancel)).GetProperty("total").GetInt32());

        var reject = await officer.GetAsync(body.GetProperty("rejectFile").GetString(), Cancel);
        Assert.Equal(HttpStatusCode.OK, reject.StatusCode);
        using var stream = await reject.Content.ReadAsStreamAsync(Cancel);
        var rejected = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Hỏng Văn Sai", "Hỏng Văn Ba"], rejected.Select(r => r["Họ và tên"]?.ToString()));
        Assert.All(rejected, r => Assert.False(string.IsNullOrWhiteSpace(r["Lỗi"]?.ToString())));
    }

    [Fact]
    public async Task Valid_rows_can_be_imported_on_request_and_duplicates_in_the_file_or_registry_are_refused()
    {
        var citizenId = Id(1989);
        var rows = new[]
        {
            Row("Chọn Văn Một", "04/04/1989", "Nam", citizenId),
            Row("Chọn Văn Trùng", "04/04/1989", "Nam", citizenId),
            Row("Chọn Văn Hai", "04/04/1989", "Nam", Id(1989), "trà sữa"),
        };
        var (_, body) = await ImportAsync(Workbook(rows), "chon.xlsx", importValid: true);
        Assert.Equal(1, body.GetProperty("imported").GetInt32());
        var errors = body.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 3 && e.GetProperty("message").GetString()!.Contains("dòng 2", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 4);

        // The same file again: the first row is now in the registry.
        var (_, again) = await ImportAsync(Workbook(rows.Take(1)), "chon-lai.xlsx", importValid: true);
        Assert.Contains("đã có trong sổ đăng ký", again.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_list_is_checked_in_chunks_with_duplicates_matched_across_chunks_and_the_registry()
    {
        // A commune of its own (Cao Bằng), so the queue and the file numbers are this test's alone.
        const string Commune = "01273";
        var officer = await app.ApiAsAsync(Roles.CommunePolice, Commune);
        var existing = await officer.PostAsJsonAsync("/api/v1/persons",
            new { fullName = "Lớn Văn Sẵn", aliases = new[] { "Tư Sẵn" }, dateOfBirth = "1980", sex = "male", residenceCommuneCode = Commune }, Cancel);
        Assert.Equal(HttpStatusCode.Created, existing.StatusCode);
        var existingId = (await existing.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();

        // 2,600 rows: more than one chunk. Row 10 and row 2,400 are the same man with his name reordered (different chunks);
        // row 2,500 is the registered man under his alias, reordered; everyone else is distinct.
        var csv = new StringBuilder("Họ và tên,Năm sinh,Giới tính,Mã xã,Số CCCD\n");
        for (var row = 2; row <= 2601; row++)
        {
            var line = row switch
            {
                10 => "Khối Văn Đầu,1985,Nam",
                2400 => "Đầu Khối Văn,1985,Nam",
                2500 => "Sẵn Tư,1980,Nam",
                _ => $"Khối Văn Số{row},{1960 + (row % 40)},Nam",
            };
            var year = int.Parse(line.Split(',')[1], CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"{line},{Commune},004{((year / 100) - 19) * 2}{year % 100:D2}{row:D6}\n"); // born in Cao Bằng, unique per row

        }

        // All or nothing: one bad row after the first chunk was written takes the whole file back.
        var bad = csv.ToString().Replace("Khối Văn Số2550,", "Khối Văn Số2550 lỗi,", StringComparison.Ordinal).Replace("Khối Văn Số2550 lỗi,1990,Nam", "Khối Văn Số2550 lỗi,199x,Nam", StringComparison.Ordinal);
        var (_, refused) = await ImportCsvAsync(officer, bad, "lon-loi.csv", importValid: false);
        Assert.Equal(0, refused.GetProperty("imported").GetInt32());
        Assert.Equal([2550], refused.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("row").GetInt32()));
        Assert.Equal(1, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons?commune={Commune}", Cancel)).GetProperty("total").GetInt32());

        var (status, body) = await ImportCsvAsync(officer, csv.ToString(), "lon.csv", importValid: false);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2600, body.GetProperty("imported").GetInt32());
        Assert.Equal(2, body.GetProperty("possibleDuplicates").GetInt32());

        var queue = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/duplicate-reviews", Cancel)).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(queue, r => r.GetProperty("personName").GetString() == "Đầu Khối Văn" && r.GetProperty("candidateName").GetString() == "Khối Văn Đầu");
        Assert.Contains(queue, r => r.GetProperty("personName").GetString() == "Sẵn Tư" && r.GetProperty("candidateId").GetGuid() == existingId);

        // File numbers continue the commune's running number without gaps or repeats.
        var listed = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons?commune={Commune}&pageSize=100&page=1", Cancel);
        Assert.Equal(2601, listed.GetProperty("total").GetInt32());
        var codes = new List<string>();
        for (var page = 1; page <= 27; page++)
        {
            var items = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons?commune={Commune}&pageSize=100&page={page}", Cancel)).GetProperty("items");
            codes.AddRange(items.EnumerateArray().Select(i => i.GetProperty("fileCode").GetString()!));
        }

        var numbers = codes.Select(c => int.Parse(c[^5..], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 2601), numbers);
    }

    /// <summary>
    /// Issue 19: the file is read one chunk at a time and only the refused rows are kept. A citizen ID repeated in a later
    /// chunk is still the file's own duplicate (named by its first row, even though that row is already written), blank lines
    /// do not count as rows, and the reject file has every refused row with the file's own values, from either chunk.
    /// </summary>
    [Fact]
    public async Task A_streamed_list_keeps_row_numbers_and_refused_rows_across_chunks()
    {
        const string Commune = "01288"; // Tân Giang, Cao Bằng: this test's alone
        var officer = await app.ApiAsAsync(Roles.CommunePolice, Commune);
        var csv = new StringBuilder("Họ và tên,Năm sinh,Giới tính,Mã xã,Số CCCD,Ghi chú\n");
        string IdOf(int row) => $"004{(1970 + (row % 30)) / 100 - 19}{(1970 + (row % 30)) % 100:D2}{(900_000 + row) % 1_000_000:D6}";
        for (var row = 2; row <= 2201; row++)
        {
            if (row == 1000)
                csv.Append(",,,,,\n"); // a blank row: skipped, not counted
            var id = row == 2150 ? IdOf(7) : IdOf(row);
            var year = row == 2150 ? 1970 + (7 % 30) : 1970 + (row % 30);
            var name = row switch
            {
                30 => "Luồng Văn Sai,19x0",
                _ => $"Luồng Văn Số{row},{year}",
            };
            csv.Append(CultureInfo.InvariantCulture, $"{name},Nam,{Commune},{id},ghi chú {row}\n");
        }

        var (status, body) = await ImportCsvAsync(officer, csv.ToString(), "luong.csv", importValid: true);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2200, body.GetProperty("rows").GetInt32());
        Assert.Equal(2198, body.GetProperty("imported").GetInt32());
        var errors = body.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([30, 2150], errors.Select(e => e.GetProperty("row").GetInt32()));
        Assert.Contains("trùng với dòng 7 trong cùng tệp", errors[1].GetProperty("message").GetString(), StringComparison.Ordinal);

        var reject = await officer.GetAsync(body.GetProperty("rejectFile").GetString(), Cancel);
        using var stream = await reject.Content.ReadAsStreamAsync(Cancel);
        var rejected = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Luồng Văn Sai", "Luồng Văn Số2150"], rejected.Select(r => r["Họ và tên"]?.ToString()));
        Assert.Equal(["ghi chú 30", "ghi chú 2150"], rejected.Select(r => r["Ghi chú"]?.ToString()));
        Assert.All(rejected, r => Assert.False(string.IsNullOrWhiteSpace(r["Lỗi"]?.ToString())));
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ImportCsvAsync(HttpClient officer, string csv, string fileName, bool importValid)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", fileName);
        form.Add(new StringContent(importValid ? "true" : "false"), "importValidRows");
        var response = await officer.PostAsync("/api/v1/persons/import", form, Cancel);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Cancel));
    }

    [Fact]
    public async Task A_csv_list_is_read_with_its_vietnamese_headers()
    {
        var csv = $"Họ tên,Năm sinh,Giới tính,CCCD,Mã xã\nCsv Văn Bốn,1987,nam,{Id(1987)},05443\n";
        var (status, body) = await ImportAsync(Encoding.UTF8.GetBytes(csv), "danh-sach.csv");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task Other_file_types_are_refused()
    {
        var (status, _) = await ImportAsync([1, 2, 3], "danh-sach.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }
}
