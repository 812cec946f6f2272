using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Pcmt.Features.Persons;

namespace Pcmt.Tests.Features.Persons;

[Collection(nameof(AppCollection))]
public sealed class BackgroundImportsTests(App app)
{
    [Fact]
    public async Task A_queued_import_runs_in_the_background_as_the_uploader_and_reports_progress()
    {
        var cancel = TestContext.Current.CancellationToken;
        var officerId = await app.EnsureUserAsync(Roles.CommunePolice, "05443");
        var officer = new CurrentUser(officerId, App.UserNameFor(Roles.CommunePolice, "05443"), Roles.CommunePolice, ScopeKind.Commune, "05443", "19", "05443");
        var rows = new[]
        {
            // Excel often stores a citizen ID as a number: 19090123456 lost its leading zero.
            new Dictionary<string, object?> { ["Họ và tên"] = "Nền Văn Một", ["Năm sinh"] = "1990", ["Giới tính"] = "Nam", ["CCCD"] = 19090000000d + Random.Shared.Next(1_000_000), ["Mã xã"] = "05443" },
            new Dictionary<string, object?> { ["Họ và tên"] = "Nền Văn Ngoài", ["Năm sinh"] = "1990", ["Giới tính"] = "Nam", ["CCCD"] = null, ["Mã xã"] = "01840" },
        };
        using var file = new MemoryStream();
        file.SaveAs(rows, excelType: ExcelType.XLSX);

        var imports = app.Services.GetRequiredService<BackgroundImports>();
        var job = await imports.EnqueueAsync(officer, "nen.xlsx", file.ToArray(), importValidRows: true, null, cancel);

        BackgroundImports.Status? status = null;
        for (var i = 0; i < 100 && status?.State is not (ImportJob.DoneStatus or ImportJob.FailedStatus); i++)
        {
            await imports.RunNextAsync(cancel); // the hosted job may have claimed it already; claiming is safe either way
            status = await imports.StatusAsync(job, officer, cancel);
            await Task.Delay(100, cancel);
        }

        Assert.Equal(ImportJob.DoneStatus, status!.State);
        Assert.Equal(2, status.Total);
        var result = status.Result!.Value;
        Assert.Equal(1, result.GetProperty("imported").GetInt32());
        // The job ran with the officer's area: the row for another commune was refused.
        Assert.Contains("không thuộc địa bàn", result.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.NotNull(status.RejectId);

        // Someone else cannot see the job; the uploaded file is gone from the database once run.
        Assert.Null(await imports.StatusAsync(job, new CurrentUser(Guid.NewGuid(), "x", Roles.CommunePolice, ScopeKind.Commune, "05443", "19", "05443"), cancel));
        var content = await app.WithScopeAsync(s => s.GetRequiredService<AppDbContext>().ImportJobs.Where(j => j.Id == job).Select(j => j.Content).SingleAsync(cancel));
        Assert.Empty(content);
    }
}
