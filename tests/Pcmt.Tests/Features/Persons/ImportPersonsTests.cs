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
