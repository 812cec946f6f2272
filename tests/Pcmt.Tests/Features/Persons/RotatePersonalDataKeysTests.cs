using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Pcmt.Features.Persons;
using Pcmt.Infrastructure.Protection;

namespace Pcmt.Tests.Features.Persons;

/// <summary>On a database of its own: after rotation the app's own protector (key 1 only) could not read these rows.</summary>
public sealed class RotatePersonalDataKeysTests(Pcmt.Tests.Features.Audit.IsolatedApp app) : IClassFixture<Pcmt.Tests.Features.Audit.IsolatedApp>
{
    [Fact]
    public async Task Rotation_rewraps_every_value_under_the_new_key_and_keeps_them_readable()
    {
        var officer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var created = await officer.PostAsJsonAsync("/api/v1/persons", new { fullName = "Lý Văn Xoay", dateOfBirth = "1988", sex = "male", citizenId = "019088" + Random.Shared.Next(1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture), phone = "0912345678", residenceCommuneCode = "05443" }, TestContext.Current.CancellationToken);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();

        var newKey = Convert.FromBase64String(PersonalDataProtector.NewKey());
        var rotated = new PersonalDataProtector(
            new Dictionary<int, byte[]> { [1] = Convert.FromBase64String(TestKeys.Key1), [2] = newKey }, 2, Convert.FromBase64String(TestKeys.Index));

        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var outcome = await new RotatePersonalDataKeys(db, rotated, NullLogger<RotatePersonalDataKeys>.Instance).HandleAsync(50, TestContext.Current.CancellationToken);
            Assert.True(outcome.Values >= 2);

            var person = await db.Persons.AsNoTracking().SingleAsync(p => p.Id == id, TestContext.Current.CancellationToken);
            Assert.StartsWith("v2.", person.CitizenIdProtected, StringComparison.Ordinal);
            Assert.Equal("0912345678", rotated.Decrypt(person.PhoneProtected!));
            Assert.Equal(0, (await new RotatePersonalDataKeys(db, rotated, NullLogger<RotatePersonalDataKeys>.Instance).HandleAsync(50, TestContext.Current.CancellationToken)).Persons);
            return true;
        });
    }
}
