using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Pcmt.Infrastructure.Text;

namespace Pcmt.Features.AdministrativeUnits;

/// <summary>
/// Nạp danh mục đơn vị hành chính: loads the 34 provinces and 3,321 communes in force since 01/07/2025 (QĐ 19/2025/QĐ-TTg),
/// the 63 provinces, districts and 10,035 communes before it, and the old→new mapping, from the CSV files shipped in the
/// assembly (see Data/SOURCES.md). Idempotent: does nothing when the catalogue is already loaded.
/// </summary>
public sealed class LoadUnitCatalog(AppDbContext db, ILogger<LoadUnitCatalog> logger)
{
    public const int ExpectedProvinces = 34;
    public const int ExpectedCommunes = 3321;

    private static readonly DateOnly LegacyValidTo = AdministrativeUnit.ReformDate.AddDays(-1);

    public sealed record Outcome(bool Loaded, int Units, int Successions);

    public async Task<Outcome> HandleAsync(CancellationToken cancellationToken)
    {
        if (await db.AdministrativeUnits.AnyAsync(cancellationToken))
            return new Outcome(false, 0, 0);

        var provinces = Read<ProvinceRow>("vn-provinces-2025.csv")
            .ToDictionary(r => r.Code, r => New(r.Code, r.Name, UnitLevel.Province, null, r.Code, AdministrativeUnit.ReformDate, null));
        var communes = Read<CommuneRow>("vn-admin-units-2025.csv")
            .ToDictionary(r => r.Code, r => New(r.Code, r.Name, UnitLevel.Commune, provinces[r.ProvinceCode], r.ProvinceCode, AdministrativeUnit.ReformDate, null));

        var legacyProvinces = new Dictionary<string, AdministrativeUnit>();
        var successions = new List<UnitSuccession>();
        foreach (var row in Read<ProvinceMappingRow>("vn-provinces-2025-old-to-new.csv"))
        {
            var old = New(row.OldCode, row.OldName, UnitLevel.Province, null, row.OldCode, null, LegacyValidTo);
            legacyProvinces.Add(row.OldCode, old);
            successions.Add(new UnitSuccession { Predecessor = old, Successor = provinces[row.NewCode], IsWhole = true });
        }

        var legacyDistricts = new Dictionary<string, AdministrativeUnit>();
        var legacyCommunes = new Dictionary<string, AdministrativeUnit>();
        foreach (var row in Read<CommuneMappingRow>("vn-admin-units-2025-old-to-new.csv"))
        {
            if (!legacyDistricts.TryGetValue(row.OldDistrictCode, out var district))
            {
                district = New(row.OldDistrictCode, row.OldDistrictName, UnitLevel.District, legacyProvinces[row.OldProvinceCode], row.OldProvinceCode, null, LegacyValidTo);
                legacyDistricts.Add(row.OldDistrictCode, district);
            }

            // Five island districts had no communes; they map as districts straight onto a special zone (đặc khu).
            var predecessor = row.OldLevel == "district"
                ? district
                : legacyCommunes.TryGetValue(row.OldCode, out var known) ? known
                : legacyCommunes[row.OldCode] = New(row.OldCode, row.OldName, UnitLevel.Commune, district, row.OldProvinceCode, null, LegacyValidTo);
            successions.Add(new UnitSuccession { Predecessor = predecessor, Successor = communes[row.NewCode], IsWhole = row.Relation == "full" });
        }

        var units = provinces.Count + communes.Count + legacyProvinces.Count + legacyDistricts.Count + legacyCommunes.Count;
        var summary = $"catalogue 2025: {units} units, {successions.Count} successions";
        if (db.Database.IsSqlite())
        {
            // The embedded database's first start: numbered here and written with one prepared statement per table
            // (parents before children), so the first page is not kept waiting for the change tracker.
            var all = provinces.Values.Concat(communes.Values).Concat(legacyProvinces.Values).Concat(legacyDistricts.Values).Concat(legacyCommunes.Values).ToList();
            for (var i = 0; i < all.Count; i++)
                all[i].Id = i + 1;
            foreach (var unit in all)
                unit.ParentId = unit.Parent?.Id;
            for (var i = 0; i < successions.Count; i++)
                (successions[i].Id, successions[i].PredecessorId, successions[i].SuccessorId) = (i + 1, successions[i].Predecessor.Id, successions[i].Successor.Id);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await SqliteBulkInsert.WriteAsync(db, all, cancellationToken);
            await SqliteBulkInsert.WriteAsync(db, successions, cancellationToken);
            await db.SaveBulkAsync(nameof(AdministrativeUnit), summary, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            db.AdministrativeUnits.AddRange(provinces.Values);
            db.AdministrativeUnits.AddRange(communes.Values);
            db.AdministrativeUnits.AddRange(legacyProvinces.Values);
            db.AdministrativeUnits.AddRange(legacyDistricts.Values);
            db.AdministrativeUnits.AddRange(legacyCommunes.Values);
            db.UnitSuccessions.AddRange(successions);
            await db.SaveBulkAsync(nameof(AdministrativeUnit), summary, cancellationToken);
        }

        logger.LogInformation("Loaded administrative unit catalogue: {Units} units, {Successions} successions", units, successions.Count);
        return new Outcome(true, units, successions.Count);
    }

    private static AdministrativeUnit New(string code, string name, UnitLevel level, AdministrativeUnit? parent, string provinceCode, DateOnly? validFrom, DateOnly? validTo) => new()
    {
        Code = code,
        Name = name,
        SearchName = VietnameseText.Fold(UnitTypes.ShortName(name)),
        Level = level,
        Type = UnitTypes.FromName(name),
        Parent = parent,
        ProvinceCode = provinceCode,
        ValidFrom = validFrom,
        ValidTo = validTo,
    };

    private static List<T> Read<T>(string file)
    {
        using var stream = typeof(LoadUnitCatalog).Assembly.GetManifestResourceStream($"Pcmt.AdministrativeUnits.{file}")
            ?? throw new InvalidOperationException($"Embedded resource {file} is missing.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = args => args.Header.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() });
        return csv.GetRecords<T>().ToList();
    }

    private sealed record ProvinceRow(string Code, string Name, string Type);

    private sealed record CommuneRow(string Code, string Name, string Type, string ProvinceCode, string ProvinceName);

    private sealed record ProvinceMappingRow(string OldCode, string OldName, string NewCode, string NewName);

    private sealed record CommuneMappingRow(
        string OldCode, string OldName, string OldLevel, string OldDistrictCode, string OldDistrictName, string OldProvinceCode, string OldProvinceName,
        string NewCode, string NewName, string NewProvinceCode, string NewProvinceName, string Relation);
}
