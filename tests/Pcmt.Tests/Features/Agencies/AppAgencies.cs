using System.Net.Http.Json;

namespace Pcmt.Tests;

/// <summary>Agencies (issue 12): a department user's scope is a registered agency code, so tests register it first.</summary>
public partial class App
{
    /// <summary>Registers the agency once per App (409 when it already exists is fine).</summary>
    public async Task EnsureAgencyAsync(string code, string provinceCode, string? name = null, string kind = "department")
    {
        var admin = await AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/agencies", new { code, name = name ?? "Cơ quan " + code, provinceCode, kind });
        if (response.StatusCode is not (System.Net.HttpStatusCode.Created or System.Net.HttpStatusCode.Conflict))
            throw new InvalidOperationException($"Could not register agency {code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
