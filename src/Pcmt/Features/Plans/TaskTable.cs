using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Pcmt.Infrastructure.Text;

namespace Pcmt.Features.Plans;

/// <summary>
/// Nhập bảng nhiệm vụ: a plan's task table from Excel (columns Nội dung, Cơ quan chủ trì, Cơ quan phối hợp, Thời hạn, Dự án;
/// optional Mục and Lặp lại), every row checked like the form; any refused row refuses the whole file (all or nothing).
/// Agencies are named by code or by their registered name.
/// </summary>
public sealed class ImportTasks(AppDbContext db, PlanScope scope, TimeProvider clock)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;

    public sealed record RowError(int Row, string Message);

    public sealed record Outcome(int Imported, IReadOnlyList<RowError> Errors);

    private static readonly Dictionary<string, string> Columns = new()
    {
        ["noi dung"] = "title",
        ["noi dung nhiem vu"] = "title",
        ["nhiem vu"] = "title",
        ["co quan chu tri"] = "lead",
        ["chu tri"] = "lead",
        ["co quan phoi hop"] = "partners",
        ["phoi hop"] = "partners",
        ["thoi han"] = "due",
        ["thoi gian hoan thanh"] = "due",
        ["du an"] = "project",
        ["muc"] = "section",
        ["lap lai"] = "recurrence",
    };

    public static readonly string[] TemplateHeaders = ["Mục", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn", "Dự án", "Lặp lại"];

    public async Task<Result<Outcome>> HandleAsync(Guid planId, Stream file, CancellationToken cancellationToken)
    {
        var plan = await scope.Plans().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
            return new Failure.NotFound();

        List<IDictionary<string, object?>> rows;
        try
        {
            rows = MiniExcel.Query(file, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
                .Where(r => r.Values.Any(v => !string.IsNullOrWhiteSpace(Text(v))))
                .Take(MaxRows + 1).ToList();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new Failure.Invalid("file", "Không đọc được tệp: hãy dùng tệp Excel (.xlsx) theo mẫu.");
        }

        if (rows.Count == 0)
            return new Failure.Invalid("file", "Tệp không có dòng nhiệm vụ nào.");
        if (rows.Count > MaxRows)
            return new Failure.Invalid("file", $"Tệp có quá {MaxRows:N0} dòng.");
        var mapping = rows[0].Keys.ToDictionary(h => h, h => Columns.GetValueOrDefault(VietnameseText.Fold(h).Trim(' ', ':', '*')));
        var missing = new[] { ("title", "Nội dung"), ("lead", "Cơ quan chủ trì"), ("due", "Thời hạn") }.Where(c => !mapping.ContainsValue(c.Item1)).Select(c => c.Item2).ToList();
        if (missing.Count > 0)
            return new Failure.Invalid("file", "Thiếu cột: " + string.Join(", ", missing) + ". Hãy dùng tệp mẫu.");

        var agencies = await db.Agencies.AsNoTracking().Where(a => a.ProvinceCode == plan.ProvinceCode).Select(a => new { a.Code, a.Name }).ToListAsync(cancellationToken);
        var codes = agencies.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var byName = agencies.GroupBy(a => VietnameseText.Fold(a.Name)).ToDictionary(g => g.Key, g => g.First().Code);
        string Agency(string text) => codes.Contains(text) ? text : byName.GetValueOrDefault(VietnameseText.Fold(text), text);

        var errors = new List<RowError>();
        var tasks = new List<PlanTask>();
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < rows.Count; i++)
        {
            var values = rows[i].Where(c => mapping[c.Key] is not null).GroupBy(c => mapping[c.Key]!).ToDictionary(g => g.Key, g => Text(g.First().Value));
            var projectText = values.GetValueOrDefault("project");
            var project = Projects.FromText(projectText);
            var input = new AddTask.Input(
                values.GetValueOrDefault("title"),
                values.GetValueOrDefault("section"),
                Agency(values.GetValueOrDefault("lead")?.Trim() ?? ""),
                (values.GetValueOrDefault("partners") ?? "").Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Agency).ToList(),
                values.GetValueOrDefault("due"),
                project ?? projectText,
                RecurrenceFromText(values.GetValueOrDefault("recurrence")));
            var check = AddTask.Validate(input, codes, out var task);
            if (!check.Succeeded)
            {
                var messages = check.Failure is Failure.Invalid invalid ? invalid.Errors.SelectMany(e => e.Value) : ["Dòng không hợp lệ."];
                errors.Add(new RowError(i + 2, string.Join(" ", messages))); // the header is row 1, as Excel shows it
                continue;
            }

            tasks.AddRange(AddTask.Occurrences(plan, task!, now));
        }

        if (errors.Count > 0)
            return new Outcome(0, errors);
        db.PlanTasks.AddRange(tasks);
        await db.SaveBulkAsync(nameof(PlanTask), $"Nhập {tasks.Count} nhiệm vụ vào kế hoạch {plan.Id}", cancellationToken);
        return new Outcome(tasks.Count, []);
    }

    private static string? RecurrenceFromText(string? text)
    {
        var folded = VietnameseText.Fold(text);
        return folded switch
        {
            "" => null,
            "hang nam" or "yearly" => Recurrences.Yearly,
            "6 thang" or "6 thang mot lan" or "nua nam" or "half-yearly" => Recurrences.HalfYearly,
            "hang quy" or "quy" or "quarterly" => Recurrences.Quarterly,
            "khong" or "khong lap lai" or "none" => Recurrences.None,
            _ => text,
        };
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number when number == Math.Floor(number) => ((long)number).ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim(),
    };

    /// <summary>The template to fill in: the headers and one example row.</summary>
    public static async Task<byte[]> TemplateAsync(CancellationToken cancellationToken)
    {
        var rows = new List<Dictionary<string, object?>>
        {
            new()
            {
                ["Mục"] = "4.2",
                ["Nội dung"] = "Triển khai các giải pháp điều trị nghiện bằng thuốc thay thế",
                ["Cơ quan chủ trì"] = "Sở Y tế",
                ["Cơ quan phối hợp"] = "Công an tỉnh; Sở Nội vụ",
                ["Thời hạn"] = "2026Q4",
                ["Dự án"] = "DA6",
                ["Lặp lại"] = "",
            },
        };
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, rows, sheetName: "Nhiệm vụ", configuration: new OpenXmlConfiguration { FreezeRowCount = 1 }, cancellationToken: cancellationToken);
        return stream.ToArray();
    }
}

/// <summary>Xuất bảng theo dõi: the tasks the caller sees of a plan, as .xlsx with names, not codes.</summary>
public sealed class ExportTasks(PlanScope scope, ListTasks list)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<byte[]?> HandleAsync(Guid planId, CancellationToken cancellationToken)
    {
        var plan = await scope.Plans().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
            return null;
        var names = await scope.AgencyNamesAsync(plan.ProvinceCode, cancellationToken);
        var today = scope.Today;
        var tasks = await list.Query(new ListTasks.Filter(planId, null, null, null, null), out _)!
            .OrderBy(t => t.DueOn).ThenBy(t => t.Title).ToListAsync(cancellationToken);
        var rows = tasks.Select(t => new Dictionary<string, object?>
        {
            ["Mục"] = t.Section,
            ["Nội dung"] = t.Title,
            ["Cơ quan chủ trì"] = names.GetValueOrDefault(t.LeadAgencyCode, t.LeadAgencyCode),
            ["Cơ quan phối hợp"] = string.Join("; ", t.Partners.Select(p => names.GetValueOrDefault(p, p))),
            ["Thời hạn"] = t.DueOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            ["Dự án"] = t.ProjectCode is null ? "" : Projects.NameOf(t.ProjectCode),
            ["Trạng thái"] = TaskStatuses.Names[t.Status],
            ["Tỷ lệ hoàn thành (%)"] = t.Percent,
            ["Quá hạn"] = TaskStatuses.IsOverdue(t.DueOn, t.Status, today) ? "Quá hạn" : "",
            ["Báo cáo gần nhất"] = t.LastReportedOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        }).ToList();
        if (rows.Count == 0)
            rows.Add(ImportTasks.TemplateHeaders.ToDictionary(h => h, _ => (object?)null));
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, rows, sheetName: "Theo dõi nhiệm vụ", configuration: new OpenXmlConfiguration { FreezeRowCount = 1 }, cancellationToken: cancellationToken);
        return stream.ToArray();
    }
}
