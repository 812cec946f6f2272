using Microsoft.EntityFrameworkCore;
using Pcmt.Infrastructure.Uploads;

namespace Pcmt.Features.AdministrativeUnits;

/// <summary>
/// Nhập dân số từ Excel: one row per commune and year ("Mã xã", "Năm", "Nhân khẩu"), checked row by row; any bad row and
/// nothing is saved (the report names each row and why). Existing figures are overwritten, and the change is audited.
/// </summary>
public sealed class ImportPopulation(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    public sealed record Outcome(int Rows, int Imported, IReadOnlyDictionary<string, string[]> Errors);

    private static readonly string[] CodeHeaders = ["mã xã", "ma xa", "mã đơn vị", "code"];
    private static readonly string[] YearHeaders = ["năm", "nam", "year"];
    private static readonly string[] ResidentHeaders = ["nhân khẩu", "nhan khau", "số dân", "so dan", "dân số", "residents"];

    public async Task<Outcome> HandleAsync(Stream file, bool csv, CancellationToken cancellationToken)
    {
        // Limits checked before parsing, and parser failures refused as the user's error (Infrastructure/Uploads).
        var rows = UploadGuard.ReadTable(file, csv ? UploadFormat.Csv : UploadFormat.Xlsx, UploadLimits.Population);
        var errors = new Dictionary<string, string[]>();
        if (rows.Count == 0)
            return new Outcome(0, 0, new Dictionary<string, string[]> { ["file"] = ["Tệp không có dòng dữ liệu nào."] });
        string? Column(string[] names) => rows[0].Keys.FirstOrDefault(k => names.Contains(k.Trim().ToLowerInvariant()));
        var (codeColumn, yearColumn, residentColumn) = (Column(CodeHeaders), Column(YearHeaders), Column(ResidentHeaders));
        if (codeColumn is null || yearColumn is null || residentColumn is null)
            return new Outcome(rows.Count, 0, new Dictionary<string, string[]> { ["file"] = ["Tệp cần các cột \"Mã xã\", \"Năm\", \"Nhân khẩu\"."] });

        var codes = rows.Select(r => Convert.ToString(r[codeColumn], System.Globalization.CultureInfo.InvariantCulture)?.Trim().PadLeft(5, '0')).OfType<string>().Distinct().ToList();
        var units = await db.AdministrativeUnits.AsNoTracking().Where(u => codes.Contains(u.Code) && u.Level == UnitLevel.Commune && u.ValidTo == null).ToDictionaryAsync(u => u.Code, cancellationToken);
        var seen = new HashSet<(string, int)>();
        var valid = new List<(AdministrativeUnit Unit, int Year, int Residents)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var line = $"dòng {i + 2}";
            var code = Convert.ToString(rows[i][codeColumn], System.Globalization.CultureInfo.InvariantCulture)?.Trim().PadLeft(5, '0') ?? "";
            var problems = new List<string>();
            if (!units.TryGetValue(code, out var unit))
                problems.Add($"Mã xã \"{code}\" không đúng hoặc không còn hiệu lực.");
            else if (!user.Covers(unit.ProvinceCode, unit.Code))
                problems.Add($"Xã {code} ngoài địa bàn của bạn.");
            if (!int.TryParse(Convert.ToString(rows[i][yearColumn], System.Globalization.CultureInfo.InvariantCulture), out var year) || year is < SetPopulation.MinYear or > SetPopulation.MaxYear)
                problems.Add($"Năm phải từ {SetPopulation.MinYear} đến {SetPopulation.MaxYear}.");
            var residentText = Convert.ToString(rows[i][residentColumn], System.Globalization.CultureInfo.InvariantCulture)?.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            if (!int.TryParse(residentText, out var residents) || residents is < 0 or > 5_000_000)
                problems.Add("Số nhân khẩu phải là số nguyên từ 0 đến 5.000.000.");
            if (problems.Count == 0 && !seen.Add((code, year)))
                problems.Add($"Xã {code} năm {year} đã có ở dòng trước.");
            if (problems.Count > 0)
                errors[line] = [.. problems];
            else
                valid.Add((unit!, year, residents));
        }

        if (errors.Count > 0)
            return new Outcome(rows.Count, 0, errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var unitIds = valid.Select(v => v.Unit.Id).Distinct().ToList();
        // Read under the scope filter: every unit was checked above to be in the caller's area (CurrentUser.Covers, the same rule).
        var existing = await db.CommunePopulations.Where(p => unitIds.Contains(p.UnitId)).ToListAsync(cancellationToken);
        foreach (var (unit, year, residents) in valid)
        {
            var row = existing.FirstOrDefault(p => p.UnitId == unit.Id && p.Year == year);
            if (row is null)
                db.CommunePopulations.Add(row = new CommunePopulation { UnitId = unit.Id, ProvinceCode = unit.ProvinceCode, CommuneCode = unit.Code, Year = year });
            row.Residents = residents;
            row.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(rows.Count, valid.Count, errors);
    }
}
