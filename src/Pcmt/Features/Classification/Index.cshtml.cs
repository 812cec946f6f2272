using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Classification;

/// <summary>Phân loại địa bàn: run the year's classification for the province, review the communes the text leaves open, record the approval; export the report for the Ministry.</summary>
[Authorize(Permissions.ClassifyCommunes)]
public sealed class IndexModel(ClassifyCommunes classify, CurrentUser user, TimeProvider clock, PlaceNames placeNames) : PageModel
{
    public int Year { get; private set; }

    public string Province => user.ProvinceCode ?? "";

    public IReadOnlyList<ClassifyCommunes.Row> Rows { get; private set; } = [];

    public string? Filter { get; private set; }

    public ClassifyCommunes.ProvinceResult? ProvinceResult { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, string? filter, CancellationToken cancellationToken)
    {
        Year = year ?? DefaultYear();
        Filter = filter;
        var result = await classify.ListAsync(user.ProvinceCode, Year, cancellationToken);
        if (result.Succeeded)
        {
            Rows = filter is { Length: > 0 } ? result.Value.Where(r => r.Class == filter).ToList() : result.Value;
            if (result.Value.Count > 0)
                ProvinceResult = await classify.ProvinceAsync(user.ProvinceCode!, Year, result.Value, cancellationToken);
        }
        else
            ModelState.AddFailure(result.Failure, prefix: "");
        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(int year, CancellationToken cancellationToken)
    {
        var result = await classify.RunAsync(user.ProvinceCode, year, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddFailure(result.Failure, prefix: "");
            return await OnGetAsync(year, null, cancellationToken);
        }

        TempData["Notice"] = $"Đã tính đề xuất phân loại cho {result.Value.Count} xã, phường, đặc khu.";
        return RedirectToPage(new { year });
    }

    public async Task<IActionResult> OnPostClassAsync(int year, string commune, string? @class, string? reason, CancellationToken cancellationToken)
    {
        var result = await classify.SetClassAsync(user.ProvinceCode ?? "", year, commune, @class, reason, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddFailure(result.Failure, prefix: "");
            return await OnGetAsync(year, null, cancellationToken);
        }

        TempData["Notice"] = "Đã ghi nhận kết quả xem xét.";
        return RedirectToPage(new { year });
    }

    public async Task<IActionResult> OnPostApproveAsync(int year, string? decisionNumber, string? decidedOn, CancellationToken cancellationToken)
    {
        var result = await classify.ApproveAsync(user.ProvinceCode ?? "", year, decisionNumber, decidedOn, null, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddFailure(result.Failure, prefix: "");
            return await OnGetAsync(year, null, cancellationToken);
        }

        TempData["Notice"] = $"Đã ghi nhận phê duyệt cho {result.Value} xã, phường, đặc khu.";
        return RedirectToPage(new { year });
    }

    /// <summary>Báo cáo phân loại gửi Bộ Công an: communes by class with their criteria values (.xlsx).</summary>
    public async Task<IActionResult> OnGetExportAsync(int year, CancellationToken cancellationToken)
    {
        var result = await classify.ListAsync(user.ProvinceCode, year, cancellationToken);
        if (!result.Succeeded)
            return NotFound();
        var places = await placeNames.GetAsync(cancellationToken);
        var province = places.Unit(user.ProvinceCode);
        return File(ClassificationReport.Build(result.Value, year, province, clock.GetUtcNow().UtcDateTime), ExcelForm.ContentType,
            ExcelForm.FileName("phan loai xa", province, year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private int DefaultYear()
    {
        // After 14/12 the assessment concerns the next year's period.
        var today = Deadlines.LegalTime.DayOf(clock.GetUtcNow());
        return today > new DateOnly(today.Year, 12, 14) ? today.Year + 1 : today.Year;
    }
}
