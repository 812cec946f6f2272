using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Pcmt.Features.Community;
using Pcmt.Features.Persons;
using Pcmt.Infrastructure.Protection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Pcmt.Tests.Features.Community;

/// <summary><c>pcmt keys rotate</c> re-encrypts the tips' protected text and photos and the team rosters' phones (on a database of its own).</summary>
public sealed class CommunityKeyRotationTests(Pcmt.Tests.Features.Audit.IsolatedApp app) : IClassFixture<Pcmt.Tests.Features.Audit.IsolatedApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rotation_rewraps_tips_photos_and_roster_phones_under_the_new_key()
    {
        using var image = new Image<Rgba32>(16, 12, new Rgba32(10, 200, 30));
        using var png = new MemoryStream();
        await image.SaveAsPngAsync(png, Cancel);
        var photo = new ByteArrayContent(png.ToArray());
        photo.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("05443"), "communeCode" },
            { new StringContent("selling"), "category" },
            { new StringContent("Bán ma túy ở chợ đêm, cần xác minh."), "text" },
            { new StringContent("0900000001"), "contact" },
            { photo, "photos", "anh.png" },
        };
        var tipResponse = await app.Anonymous().PostAsync("/api/v1/tips", form, Cancel);
        Assert.Equal(System.Net.HttpStatusCode.Created, tipResponse.StatusCode);
        var receipt = (await tipResponse.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("receiptCode").GetString();

        var officer = await app.ApiAsAsync(Roles.CommunePolice, "05443");
        var member = await officer.PostAsJsonAsync("/api/v1/team-members", new { communeCode = "05443", team = "supporters", role = "supporter", fullName = "Vũ Thị Xoay Khóa", phone = "0977000111", joinedOn = "2026-07-01" }, Cancel);
        var memberId = (await member.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();

        var rotated = new PersonalDataProtector(
            new Dictionary<int, byte[]> { [1] = Convert.FromBase64String(TestKeys.Key1), [2] = Convert.FromBase64String(PersonalDataProtector.NewKey()) }, 2, Convert.FromBase64String(TestKeys.Index));
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var outcome = await new RotatePersonalDataKeys(db, rotated, NullLogger<RotatePersonalDataKeys>.Instance).HandleAsync(50, Cancel);
            Assert.True(outcome.Others >= 2, $"others = {outcome.Others}");

            var tip = await db.Tips.Include(t => t.Photos).AsNoTracking().SingleAsync(t => t.ReceiptCode == receipt, Cancel);
            Assert.StartsWith("v2.", tip.TextProtected, StringComparison.Ordinal);
            Assert.Equal("Bán ma túy ở chợ đêm, cần xác minh.", rotated.Decrypt(tip.TextProtected));
            Assert.Equal("0900000001", rotated.Decrypt(tip.ContactProtected!));
            var stored = Assert.Single(tip.Photos);
            Assert.Equal(2, BitConverter.ToInt32(stored.ContentProtected, 0));
            using var decoded = Image.Load(rotated.DecryptBytes(stored.ContentProtected));
            Assert.Equal((16, 12), (decoded.Width, decoded.Height));

            var phone = await db.Set<TeamMember>().AsNoTracking().Where(m => m.Id == memberId).Select(m => m.PhoneProtected).SingleAsync(Cancel);
            Assert.StartsWith("v2.", phone, StringComparison.Ordinal);
            Assert.Equal("0977000111", rotated.Decrypt(phone!));

            // A second run has nothing left to do.
            Assert.Equal(0, (await new RotatePersonalDataKeys(db, rotated, NullLogger<RotatePersonalDataKeys>.Instance).HandleAsync(50, Cancel)).Others);
            return true;
        });
    }
}
