using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pcmt.Tests.Features.Classification;

public sealed class IndicatorApp : App;

/// <summary>Each computed indicator against a fixture whose values were worked out by hand (commune 01864, year 2026).</summary>
public sealed class IndicatorValuesTests(IndicatorApp app) : IClassFixture<IndicatorApp>
{
    private const string Commune = "01864";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<Guid> PersonAsync(HttpClient officer, string name) =>
        (await PostAsync(officer, "/api/v1/persons", new { fullName = name, dateOfBirth = "1991", sex = "male", residenceCommuneCode = Commune })).GetProperty("id").GetGuid();

    [Fact]
    public async Task Every_computed_indicator_matches_the_hand_computed_fixture()
    {
        var officer = await app.ApiAsAsync(Roles.CommunePolice, Commune);
        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");

        // A: under management from 01/03/2026; counselled 01/06.
        var a = await PersonAsync(officer, "Người A");
        await PostAsync(officer, $"/api/v1/persons/{a}/management-decisions", new { decidedAt = "2026-03-01", decisionNumber = "1/QĐ" });
        await PostAsync(officer, $"/api/v1/persons/{a}/support-services", new { kind = "counselling", providedOn = "2026-06-01" });
        // B: addicted 01/04, home rehab from 05/04; legal aid requested 01/06, given 10/06.
        var b = await PersonAsync(officer, "Người B");
        await PostAsync(officer, $"/api/v1/persons/{b}/addiction-determinations", new { concludedAt = "2026-04-01", criteriaMet = new[] { 1, 2, 3 }, result = "addicted" });
        await PostAsync(officer, $"/api/v1/persons/{b}/rehab-episodes", new { form = "home-community", decidedAt = "2026-04-02", startedOn = "2026-04-05", termMonths = 12 });
        await PostAsync(officer, $"/api/v1/persons/{b}/support-services", new { kind = "legal-aid", requestedOn = "2026-06-01", providedOn = "2026-06-10" });
        // C: a positive test only; legal aid requested 01/07, not yet given.
        var c = await PersonAsync(officer, "Người C");
        await PostAsync(officer, $"/api/v1/persons/{c}/drug-tests", new { takenAt = "2026-05-01T09:00:00+07:00", sampleType = "urine", result = "positive" });
        await PostAsync(officer, $"/api/v1/persons/{c}/support-services", new { kind = "legal-aid", requestedOn = "2026-07-01" });

        await PostAsync(officer, "/api/v1/hotspots", new { communeCode = Commune, kind = "harbouring-point", detectedOn = "2026-02-01", clearedOn = "2026-08-01" });
        await PostAsync(officer, "/api/v1/hotspots", new { communeCode = Commune, kind = "retail-selling", detectedOn = "2026-03-01" });
        await PostAsync(officer, "/api/v1/hotspots", new { communeCode = Commune, kind = "harbouring-point", detectedOn = "2025-01-01", clearedOn = "2025-06-01" });
        await PostAsync(officer, "/api/v1/cultivation-finds", new { communeCode = Commune, foundOn = "2026-04-01", areaM2 = 200, destroyedOn = "2026-04-02" });
        await PostAsync(officer, "/api/v1/cultivation-finds", new { communeCode = Commune, foundOn = "2026-05-01", areaM2 = 100 });

        await PostAsync(province, "/api/v1/facilities", new { kind = "counselling-point", name = "Điểm tư vấn xã", provinceCode = "19", communeCode = Commune });
        await PostAsync(province, "/api/v1/facilities", new { kind = "addiction-determination", name = "Trạm y tế xã", provinceCode = "19", communeCode = Commune });
        await PostAsync(province, "/api/v1/facilities", new { kind = "public-rehab", name = "Cơ sở cai nghiện công lập", provinceCode = "19", capacity = 5 });

        var expected = new Dictionary<string, (decimal? Value, decimal? Numerator, decimal? Denominator)>
        {
            ["USERS-TREND"] = (2, 2, null),
            ["REGISTERED"] = (66.67m, 2, 3),
            ["HOTSPOT-CLEARED"] = (50, 1, 2),
            ["CULTIVATION-CLEARED"] = (66.67m, 200, 300),
            ["LEGAL-AID"] = (50, 1, 2),
            ["SUPPORT-COVERAGE"] = (50, 1, 2),
            ["TREATMENT-ACCESS"] = (100, 1, 1),
            ["COUNSELLING-POINT"] = (100, 1, 1),
            ["DETERMINATION-CAPABLE"] = (100, 1, 1),
            ["FACILITY-COMPLIANT"] = (100, 1, 1),
            ["DF-COMMUNE"] = (0, 0, 1),
            ["BORDER-CASES"] = (0, 0, null),
            ["TRANSNATIONAL-CASES"] = (0, 0, null),
            ["CYBER-CASES"] = (0, 0, null),
            ["CASES-TREND"] = (0, 0, null),
        };
        var catalogue = await province.GetFromJsonAsync<JsonElement>("/api/v1/indicators", Cancel);
        var computable = catalogue.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("available").GetBoolean()).Select(i => i.GetProperty("code").GetString()!).ToList();
        Assert.Equal(expected.Keys.Order(), computable.Order());
        foreach (var (code, (value, numerator, denominator)) in expected)
        {
            var actual = await province.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/{code}/values?area={Commune}&period=2026", Cancel);
            decimal? Read(string name) => actual.GetProperty(name).ValueKind == JsonValueKind.Null ? null : actual.GetProperty(name).GetDecimal();
            Assert.True((value, numerator, denominator) == (Read("value"), Read("numerator"), Read("denominator")), $"{code}: {actual}");
        }

        // Drill-down: the people behind USERS-TREND, for the province police; not listed for an officer of another commune.
        var behind = await province.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/USERS-TREND/records?area={Commune}&period=2026", Cancel);
        Assert.Equal(["Người A", "Người B"], behind.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("label").GetString()).Order());
        var elsewhere = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var hidden = await elsewhere.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/USERS-TREND/records?area={Commune}&period=2026", Cancel);
        Assert.Equal(0, hidden.GetProperty("total").GetInt32());
        var viewer = await app.ApiAsAsync(Roles.Viewer, "19");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"/api/v1/indicators/USERS-TREND/records?area={Commune}&period=2026", Cancel)).StatusCode);

        // A quarter: the hotspot cleared on 01/08 was not yet cleared at the end of Q2.
        var q2 = await province.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/HOTSPOT-CLEARED/values?area={Commune}&period=2026Q2", Cancel);
        Assert.Equal((0m, 2m), (q2.GetProperty("numerator").GetDecimal(), q2.GetProperty("denominator").GetDecimal()));
        // A reported indicator has no value until it is reported.
        var reported = await province.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/SCHOOL-EDUCATION/values?area=19&period=2026", Cancel);
        Assert.Equal(JsonValueKind.Null, reported.GetProperty("value").ValueKind);
    }

    [Theory]
    [InlineData("2026", "2026-01-01", "2026-12-31")]
    [InlineData("2026H2", "2026-07-01", "2026-12-31")]
    [InlineData("2026Q3", "2026-07-01", "2026-09-30")]
    [InlineData("202602", "2026-02-01", "2026-02-28")]
    public void Periods_are_years_halves_quarters_and_months(string period, string from, string to)
    {
        var parsed = Pcmt.Features.Indicators.ComputeIndicator.ParsePeriod(period)!.Value;
        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), (parsed.From, parsed.To));
        Assert.Null(Pcmt.Features.Indicators.ComputeIndicator.ParsePeriod("2026Q5"));
        Assert.Null(Pcmt.Features.Indicators.ComputeIndicator.ParsePeriod("202613"));
    }
}
