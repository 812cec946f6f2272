using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Pcmt.Features.Lifecycle;
using Pcmt.Features.Persons;
using Pcmt.Infrastructure.Protection;

namespace Pcmt.Tests.Features.Lifecycle;

/// <summary><c>pcmt keys rotate</c> re-encrypts the certificates facilities issued (Form 50, kept for re-printing) under the new key (on a database of its own).</summary>
public sealed class FacilityCertificateKeyRotationTests(Pcmt.Tests.Features.Audit.IsolatedApp app) : IClassFixture<Pcmt.Tests.Features.Audit.IsolatedApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Rotation_rewraps_the_issued_certificates_and_they_still_read_as_issued()
    {
        var province = await app.ApiAsAsync(Roles.ProvincePolice, "19");
        var facility = await IdAsync(await province.PostAsJsonAsync("/api/v1/facilities", new { kind = "public-rehab", name = "Cơ sở cai nghiện xoay khóa", provinceCode = "19", capacity = 20 }, Cancel));
        var officer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var person = await IdAsync(await officer.PostAsJsonAsync("/api/v1/persons", new { fullName = "Vũ Văn Xoay Khóa", dateOfBirth = "1990-05-12", sex = "male", citizenId = $"019090{Random.Shared.Next(1_000_000):D6}", residenceCommuneCode = "05443", address = "Tổ 1" }, Cancel));
        var episode = await IdAsync(await officer.PostAsJsonAsync($"/api/v1/persons/{person}/rehab-episodes", new { form = "compulsory", decidedAt = "2026-07-15T14:00:00+07:00", startedOn = "2026-07-16", decisionNumber = "9/2026/QĐ-TA", facilityId = facility }, Cancel));
        var staff = await app.ApiAsAsync(Roles.FacilityStaff, facility.ToString());
        var issued = await staff.PostAsJsonAsync($"/api/v1/persons/{person}/rehab-episodes/{episode}/completion-certificate", new { endedOn = "2026-11-25" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var document = await issued.Content.ReadAsByteArrayAsync(Cancel);

        var rotated = new PersonalDataProtector(
            new Dictionary<int, byte[]> { [1] = Convert.FromBase64String(TestKeys.Key1), [2] = Convert.FromBase64String(PersonalDataProtector.NewKey()) }, 2, Convert.FromBase64String(TestKeys.Index));
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            Assert.Equal(1, BitConverter.ToInt32((await db.Set<FacilityCertificate>().AsNoTracking().SingleAsync(c => c.PersonId == person, Cancel)).DocumentProtected, 0));
            var outcome = await new RotatePersonalDataKeys(db, rotated, NullLogger<RotatePersonalDataKeys>.Instance).HandleAsync(50, Cancel);
            Assert.True(outcome.Others >= 1, $"others = {outcome.Others}");
            var stored = await db.Set<FacilityCertificate>().AsNoTracking().SingleAsync(c => c.PersonId == person, Cancel);
            Assert.Equal(2, BitConverter.ToInt32(stored.DocumentProtected, 0));
            Assert.Equal(document, rotated.DecryptBytes(stored.DocumentProtected));
            // A second run has nothing left to do.
            Assert.Equal(0, (await new RotatePersonalDataKeys(db, rotated, NullLogger<RotatePersonalDataKeys>.Instance).HandleAsync(50, Cancel)).Others);
            return true;
        });
    }
}
