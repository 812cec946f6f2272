using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmt.Features.Audit;
using Pcmt.Tests.Infrastructure;

namespace Pcmt.Tests.Features.Everyday;

/// <summary>The everyday pass: names instead of codes, the pickers' source, the masked citizen ID, all form errors at once.</summary>
[Collection(nameof(AppCollection))]
public sealed class EverydayPagesTests(App app)
{
    private const string Commune = "05443";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string NewCitizenId() => $"019090{Random.Shared.Next(1_000_000):D6}";

    private async Task<Guid> RegisterAsync(string fullName, string citizenId)
    {
        var officer = await app.ApiAsAsync(Roles.CommunePolice, Commune);
        var created = await officer.PostAsJsonAsync("/api/v1/persons", new
        {
            fullName,
            aliases = Array.Empty<string>(),
            dateOfBirth = "1990-05-12",
            sex = "male",
            citizenId,
            residenceCommuneCode = Commune,
            address = "Tổ 7",
            substances = new[] { "methamphetamine" },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task The_person_page_masks_the_citizen_id_until_Hien_is_pressed_and_the_reveal_is_audited()
    {
        var citizenId = NewCitizenId();
        var id = await RegisterAsync("Đinh Văn Mười Hai", citizenId);
        await app.EnsureUserAsync(Roles.CommunePolice, Commune);
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.CommunePolice, Commune), App.UserPassword);

        var html = await pages.GetStringAsync($"/Persons/Details/{id}", Cancel);
        Assert.DoesNotContain(citizenId, html, StringComparison.Ordinal);
        Assert.Contains("••••••••" + citizenId[^4..], html, StringComparison.Ordinal);
        Assert.Contains(">Hiện</button>", html, StringComparison.Ordinal);
        Assert.Contains("Phường Phan Đình Phùng", html, StringComparison.Ordinal);

        var revealed = await pages.PostAsync($"/Persons/Details/{id}?handler=RevealCitizenId", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = App.AntiforgeryToken(html),
        }), Cancel);
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Contains(citizenId, await revealed.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var audited = await app.WithScopeAsync(services => services.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .CountAsync(e => e.PersonId == id && e.Action == "read" && e.Detail == "citizenId", Cancel));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task The_person_list_and_work_items_show_commune_names_not_codes()
    {
        await RegisterAsync("Đinh Văn Danh Sách", NewCitizenId());
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.CommunePolice, Commune), App.UserPassword);
        var html = await pages.GetStringAsync("/Persons?q=dinh van danh sach", Cancel);
        Assert.Contains("<td>Phường Phan Đình Phùng</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>05443</td>", html, StringComparison.Ordinal);
        Assert.Contains("placeholder=\"dd/MM/yyyy hoặc yyyy\"", html, StringComparison.Ordinal);

        var dashboard = await pages.GetStringAsync("/Dashboard", Cancel);
        Assert.Contains("Bảng điều khiển Phường Phan Đình Phùng năm", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_place_lookup_finds_communes_provinces_and_facilities_without_diacritics()
    {
        await app.EnsureUserAsync(Roles.CommunePolice, Commune);
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.CommunePolice, Commune), App.UserPassword);

        var communes = await pages.GetFromJsonAsync<JsonElement>("/lookup/places?kinds=commune&q=phan dinh phung", Cancel);
        Assert.Equal("05443", communes.GetProperty("items")[0].GetProperty("code").GetString());
        Assert.Equal("Phường Phan Đình Phùng", communes.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal("Tỉnh Thái Nguyên", communes.GetProperty("items")[0].GetProperty("detail").GetString());

        var provinces = await pages.GetFromJsonAsync<JsonElement>("/lookup/places?kinds=province&q=thai nguyen", Cancel);
        Assert.Equal("19", provinces.GetProperty("items")[0].GetProperty("code").GetString());

        var inProvince = await pages.GetFromJsonAsync<JsonElement>("/lookup/places?kinds=commune&province=01&q=phan dinh phung", Cancel);
        Assert.Empty(inProvince.GetProperty("items").EnumerateArray());

        Assert.Equal(HttpStatusCode.BadRequest, (await pages.GetAsync("/lookup/places?kinds=planets&q=x", Cancel)).StatusCode);

        // An agency registered a moment ago is found by its name without diacritics (the register refreshes the names at once).
        await pages.GetFromJsonAsync<JsonElement>("/lookup/places?kinds=agency&q=so", Cancel);
        await app.EnsureAgencyAsync("lk-ldtbxh", "19", "Sở Lao động – Thương binh và Xã hội (tra cứu)");
        var agencies = await pages.GetFromJsonAsync<JsonElement>("/lookup/places?kinds=agency&q=thuong binh va xa hoi (tra cuu", Cancel);
        var agency = Assert.Single(agencies.GetProperty("items").EnumerateArray());
        Assert.Equal("lk-ldtbxh", agency.GetProperty("code").GetString());
        Assert.Equal("Tỉnh Thái Nguyên", agency.GetProperty("detail").GetString());
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/lookup/places?q=phan", Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_user_form_reports_a_weak_password_and_a_wrong_scope_together()
    {
        var admin = await app.AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "everyday.weak", password = "yeu", fullName = "Cán bộ yếu", role = Roles.CommunePolice, scope = "19" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("password", out _) || errors.TryGetProperty("Password", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("scope", out _), errors.ToString());
    }

    [Fact]
    public async Task Empty_validation_summaries_and_empty_tables_render_no_stray_bullet_but_a_message()
    {
        await app.EnsureUserAsync(Roles.ProvincePolice, "19");
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.ProvincePolice, "19"), App.UserPassword);
        foreach (var url in new[] { "/Persons/Transfers", "/Persons/Duplicates", "/Classification" })
        {
            var html = await pages.GetStringAsync(url, Cancel);
            Assert.DoesNotContain("style=\"display:none\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("validation-summary-valid", html, StringComparison.Ordinal);
        }

        var empty = await pages.GetStringAsync("/Persons?q=khong co ai ten nhu the nay", Cancel);
        Assert.Contains("Không tìm thấy đối tượng nào khớp với điều kiện tìm.", empty, StringComparison.Ordinal);
        var favicon = await app.CreateClient().GetAsync("/favicon.ico", Cancel);
        Assert.Equal(HttpStatusCode.OK, favicon.StatusCode);
    }

    [Fact]
    public async Task The_legal_list_export_is_a_printable_form_with_a_vietnamese_file_name()
    {
        await app.EnsureUserAsync(Roles.CommunePolice, Commune);
        var pages = await app.PagesAsAsync(App.UserNameFor(Roles.CommunePolice, Commune), App.UserPassword);
        var export = await pages.GetAsync("/Lifecycle/Lists?handler=Export&list=addicted&state=all", Cancel);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("danh-sach-nguoi-nghien-ma-tuy.xlsx", export.Content.Headers.ContentDisposition?.FileNameStar ?? export.Content.Headers.ContentDisposition?.FileName);
        var book = new XlsxReader(await export.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal("PHƯỜNG PHAN ĐÌNH PHÙNG, TỈNH THÁI NGUYÊN", book.Cell("A1"));
        Assert.Equal("DANH SÁCH NGƯỜI NGHIỆN MA TÚY", book.Cell("A3"));
        Assert.StartsWith("Tất cả người đã có tên trong danh sách, tính đến ngày ", book.Cell("A4"), StringComparison.Ordinal);
        Assert.Equal(["STT", "Mã hồ sơ", "Họ và tên", "Ngày sinh", "Xã/phường", "Từ ngày", "Đến ngày", "Lý do đưa ra khỏi danh sách"],
            Enumerable.Range(1, 8).Select(c => book.Cell(ExcelForm.ColumnName(c) + ExcelForm.HeaderRow)));
        Assert.True(book.Width(3) >= 24, "the name column is wide enough for a full name");
        Assert.Equal("9", (string?)book.Element("pageSetup")!.Attribute("paperSize"));
        Assert.Equal("1", (string?)book.Element("pageSetup")!.Attribute("fitToWidth"));
        Assert.Contains("Trang &P/&N", book.Element("oddFooter")!.Value, StringComparison.Ordinal);
        Assert.Equal("'Danh sách'!$7:$7", book.PrintTitles);
        Assert.Contains("NGƯỜI LẬP BIỂU", book.AllText);
    }

    [Fact]
    public void Audit_details_read_in_vietnamese_without_identity_plumbing()
    {
        Assert.Equal("Hồ sơ đối tượng", AuditLabels.Entity("Person"));
        Assert.Equal("Phát hiện trồng cây có chất ma túy", AuditLabels.Entity("CultivationFind"));
        Assert.Equal("họ và tên, khóa đến", AuditLabels.Detail("FullName,AccessFailedCount,ConcurrencyStamp,SecurityStamp,PasswordHash,LockoutEnd"));
        Assert.Equal("list=users;commune=05443", AuditLabels.Detail("list=users;commune=05443"));
    }
}
