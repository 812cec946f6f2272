using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Indicators;
using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Features.Enforcement;

/// <summary>
/// Tổng hợp thu giữ: seizures by substance and unit (masses in kg) for an area ("VN", a province, a commune) and a period, with
/// the number of cases; cases and suspects by offence; the UNODC ARQ-shaped yearly seizures table as a workbook.
/// </summary>
public sealed class SeizureSummary(ReadDbContext db, CurrentUser user, AuditLog audit)
{
    /// <summary>Cells counting fewer cases than this are suppressed in anything that leaves the agency.</summary>
    public const int SmallCell = 3;

    public sealed record Item(string Substance, string SubstanceName, string Unit, decimal Quantity, int Cases);

    public sealed record OffenceItem(string Article, string Name, int Cases, int Suspects);

    public sealed record Summary(string Area, string Period, IReadOnlyList<Item> Items, IReadOnlyList<OffenceItem> Offences, int Cases, int Suspects);

    public async Task<Result<Summary>> HandleAsync(string? area, string? period, string? route, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var parsed = ComputeIndicator.ParsePeriod(period);
        if (parsed is null)
            errors["period"] = ["Kỳ phải có dạng 2026 (năm), 2026H1 (6 tháng), 2026Q3 (quý) hoặc 202608 (tháng)."];
        if (route is { Length: > 0 })
            Lifecycle.LegalInput.OneOf(route, "route", CaseRoutes.All.Keys, errors, "tuyến phát hiện");
        area = string.IsNullOrWhiteSpace(area) ? "VN" : area.Trim();
        var level = area == "VN" ? (UnitLevel?)null : area.Length == 2 ? UnitLevel.Province : area.Length == 5 ? UnitLevel.Commune : UnitLevel.District;
        string? province = null;
        if (level == UnitLevel.District)
            errors["area"] = ["Địa bàn phải là VN, mã tỉnh (2 số) hoặc mã xã (5 số) hiện hành."];
        else if (level is not null)
        {
            province = await db.AdministrativeUnits.AsNoTracking().Where(u => u.Code == area && u.Level == level && u.ValidTo == null).Select(u => u.ProvinceCode).FirstOrDefaultAsync(cancellationToken);
            if (province is null)
                errors["area"] = ["Địa bàn phải là VN, mã tỉnh (2 số) hoặc mã xã (5 số) hiện hành."];
        }

        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        if (!user.SeesWholeInstallation && (province is null || province != user.ProvinceCode))
            return new Failure.NotFound();
        var commune = level == UnitLevel.Commune ? area : null;
        var (from, to, _) = parsed!.Value;

        // The scope filter on cases applies as well: a commune user sees their commune's share only.
        var cases = db.Set<DrugCase>().AsNoTracking().Where(c => c.DetectedOn >= from && c.DetectedOn <= to
            && (province == null || c.ProvinceCode == province) && (commune == null || c.CommuneCode == commune) && (route == null || route == "" || c.Route == route));
        // Summed in C#: SQLite cannot sum decimals, and g and kg are converted first.
        var seizures = await cases.Join(db.Set<Seizure>(), c => c.Id, s => s.CaseId, (c, s) => new { s.CaseId, s.Substance, s.Unit, s.Quantity }).ToListAsync(cancellationToken);
        var items = seizures.GroupBy(s => (s.Substance, Unit: SeizureUnits.TotalUnit(s.Unit)))
            .Select(g => new Item(g.Key.Substance, SeizedSubstances.Name(g.Key.Substance), g.Key.Unit, g.Sum(s => SeizureUnits.InTotalUnit(s.Quantity, s.Unit)), g.Select(s => s.CaseId).Distinct().Count()))
            .OrderBy(i => i.Substance, StringComparer.Ordinal).ThenBy(i => i.Unit, StringComparer.Ordinal).ToList();
        var caseRows = await cases.Select(c => new { c.Offences, Suspects = c.Suspects.Count }).ToListAsync(cancellationToken);
        var offences = caseRows.SelectMany(c => Offences.Split(c.Offences).Select(o => (Article: o, c.Suspects)))
            .GroupBy(o => o.Article).Select(g => new OffenceItem(g.Key, Offences.All.GetValueOrDefault(g.Key, g.Key), g.Count(), g.Sum(o => o.Suspects)))
            .OrderBy(o => o.Article, StringComparer.Ordinal).ToList();
        return new Summary(area, period!, items, offences, caseRows.Count, caseRows.Sum(c => c.Suspects));
    }

    /// <summary>
    /// The ARQ-shaped table (UNODC Annual Report Questionnaire, seizures): drug group, substance, quantity, unit, cases. Rows with
    /// fewer than <see cref="SmallCell"/> cases show "&lt; 3" instead of their figures, as the file leaves the agency; the export is audited.
    /// </summary>
    public async Task<Result<byte[]>> ArqWorkbookAsync(string? area, int? year, CancellationToken cancellationToken)
    {
        if (year is not (>= 2000 and <= 2100))
            return new Failure.Invalid("year", "Năm không hợp lệ.");
        var summary = await HandleAsync(area, year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), null, cancellationToken);
        if (!summary.Succeeded)
            return summary.Failure;
        await audit.RecordExportAsync(nameof(Seizure), $"arq;area={summary.Value.Area};year={year}", null, cancellationToken);
        var sheet = summary.Value.Items.OrderBy(i => SeizedSubstances.ArqGroup(i.Substance), StringComparer.Ordinal).Select((i, n) => new Dictionary<string, object?>
        {
            ["STT"] = n + 1,
            ["Nhóm chất (ARQ)"] = SeizedSubstances.ArqGroup(i.Substance),
            ["Chất ma túy"] = i.SubstanceName,
            ["Đơn vị"] = SeizureUnits.Name(i.Unit),
            ["Số lượng thu giữ"] = i.Cases < SmallCell ? "< 3 vụ" : i.Quantity,
            ["Số vụ"] = i.Cases < SmallCell ? "< 3" : i.Cases,
        }).ToList();
        if (sheet.Count == 0)
            sheet.Add(new Dictionary<string, object?> { ["STT"] = null, ["Nhóm chất (ARQ)"] = "Không có số liệu thu giữ trong năm", ["Chất ma túy"] = null, ["Đơn vị"] = null, ["Số lượng thu giữ"] = null, ["Số vụ"] = null });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: $"ARQ {year} thu giữ", excelType: ExcelType.XLSX,
            configuration: new OpenXmlConfiguration { FreezeRowCount = 1 }, cancellationToken: cancellationToken);
        return stream.ToArray();
    }
}
