using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Pcmt.Tests.Features.Population;

/// <summary>An import's persons are checked against the national population database in bulk (issue 16), with the simulator.</summary>
[Collection(nameof(AppCollection))]
public sealed class ImportPopulationCheckTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_persons_of_an_import_are_checked_in_the_background_and_each_result_matches_the_simulator()
    {
        const string commune = "05443";
        var officer = await app.ApiAsAsync(Roles.CommunePolice, commune);
        // Simulator: 107 and 109 match; 108 is born 30/12/1993 there (mismatch); the last two are unknown to it.
        var csv = "Họ và tên,Ngày sinh,Giới tính,Số định danh,Mã xã,Địa chỉ\n"
            + $"Vũ Văn Tuấn,09/09/1992,Nam,019092000107,{commune},Tổ 1\n"
            + $"Bùi Văn Long,31/12/1993,Nam,019093000108,{commune},Tổ 2\n"
            + $"Ngô Văn Sơn,04/04/1989,Nam,019089000109,{commune},Tổ 3\n"
            + $"Lò Văn Vắng,01/01/1994,Nam,019094999991,{commune},Tổ 4\n"
            + $"Hà Văn Khuyết,02/02/1994,Nam,019094999992,{commune},Tổ 5\n";
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "danh-sach-5.csv" } };
        var response = await officer.PostAsync("/api/v1/persons/import", form, Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal(5, body.GetProperty("imported").GetInt32());
        var ids = body.GetProperty("personIds").EnumerateArray().Select(i => i.GetGuid()).ToList();
        Assert.Equal(5, ids.Count);
        var byName = new Dictionary<string, Guid>();
        foreach (var id in ids)
            byName[(await officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{id}", Cancel)).GetProperty("fullName").GetString()!] = id;

        // Queued automatically (Population:CheckOnImport defaults to on with the simulator): exactly these five persons.
        var link = body.GetProperty("populationCheck").GetString()!;
        JsonElement status = default;
        for (var i = 0; i < 60; i++)
        {
            status = await officer.GetFromJsonAsync<JsonElement>(link, Cancel);
            if (status.GetProperty("state").GetString() == "done")
                break;
            await Task.Delay(500, Cancel);
        }

        Assert.Equal("done", status.GetProperty("state").GetString());
        Assert.Equal(5, status.GetProperty("total").GetInt32());
        Assert.Equal(5, status.GetProperty("done").GetInt32());
        Assert.Equal(2, status.GetProperty("matched").GetInt32());
        Assert.Equal(1, status.GetProperty("mismatch").GetInt32());
        Assert.Equal(2, status.GetProperty("notFound").GetInt32());
        Assert.Equal("danh-sach-5.csv", status.GetProperty("importFileName").GetString());

        // Per person, as the registry's filter shows them.
        async Task<HashSet<Guid>> WithAsync(string result) =>
            (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/persons?population={result}&commune={commune}&pageSize=500", Cancel))
                .GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).Where(ids.Contains).ToHashSet();
        Assert.Equal(new[] { byName["Vũ Văn Tuấn"], byName["Ngô Văn Sơn"] }.ToHashSet(), await WithAsync("matched"));
        Assert.Equal(new[] { byName["Bùi Văn Long"] }.ToHashSet(), await WithAsync("mismatch"));
        Assert.Equal(new[] { byName["Lò Văn Vắng"], byName["Hà Văn Khuyết"] }.ToHashSet(), await WithAsync("not-found"));

        // Started by hand over a list: only persons of the officer's area.
        var other = await app.ApiAsAsync(Roles.CommunePolice, "01879");
        var refused = await other.PostAsJsonAsync("/api/v1/population-checks", new { persons = ids, purpose = "đối chiếu hồ sơ vừa nhập" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await officer.PostAsJsonAsync("/api/v1/population-checks", new { persons = ids.Take(2), purpose = "đối chiếu lại hồ sơ vừa nhập" }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
    }
}
