using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Classification;
using Pcmt.Features.Lifecycle;
using Pcmt.Features.SupplySide;
using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Features.Indicators;

/// <summary>
/// Từ số liệu đến hồ sơ: the records behind an indicator's numerator, limited by the viewer's scope (person records only for
/// roles that read person files; the list view is audited).
/// </summary>
public sealed class IndicatorRecords(AppDbContext db, CurrentUser user, AuditLog audit)
{
    public sealed record Row(string Kind, string Id, string Label, string CommuneCode, string? Detail);

    public static IReadOnlyList<string> Supported { get; } = ["USERS-TREND", "REGISTERED", "DF-COMMUNE", "HOTSPOT-CLEARED"];

    public async Task<Result<IReadOnlyList<Row>>> HandleAsync(string code, string? area, string? period, CancellationToken cancellationToken)
    {
        if (IndicatorCatalog.Find(code) is null)
            return new Failure.NotFound();
        if (!Supported.Contains(code))
            return new Failure.Invalid("code", "Chỉ tiêu này chưa hỗ trợ xem chi tiết; hỗ trợ: " + string.Join(", ", Supported) + ".");
        if (ComputeIndicator.ParsePeriod(period) is not { } parsed)
            return new Failure.Invalid("period", "Kỳ phải có dạng 2026, 2026H1, 2026Q3 hoặc 202608.");
        var (from, to, year) = parsed;
        area = string.IsNullOrWhiteSpace(area) ? "VN" : area.Trim();
        string? province = area.Length == 2 ? area : null;
        string? commune = area.Length == 5 ? area : null;
        if (area != "VN" && province is null && commune is null)
            return new Failure.Invalid("area", "Địa bàn phải là VN, mã tỉnh hoặc mã xã.");

        switch (code)
        {
            case "DF-COMMUNE":
                {
                    var rows = await db.CommuneClassifications.AsNoTracking()
                        .Where(c => c.Year == year && c.Status == "approved" && c.Class == CommuneClasses.DrugFree && (province == null || c.ProvinceCode == province) && (commune == null || c.CommuneCode == commune))
                        .OrderBy(c => c.CommuneCode).Select(c => new Row("commune", c.CommuneCode, c.CommuneCode, c.CommuneCode, c.DecisionNumber)).ToListAsync(cancellationToken);
                    return rows;
                }

            case "HOTSPOT-CLEARED":
                {
                    var rows = await db.Set<Hotspot>().AsNoTracking()
                        .Where(h => h.DetectedOn <= to && (h.ClearedOn == null || h.ClearedOn >= from) && h.ClearedOn != null && h.ClearedOn <= to && (province == null || h.ProvinceCode == province) && (commune == null || h.CommuneCode == commune))
                        .OrderBy(h => h.CommuneCode).ToListAsync(cancellationToken);
                    return rows.Select(h => new Row("hotspot", h.Id.ToString(), h.Kind == "retail-selling" ? "Đối tượng bán lẻ" : "Điểm tổ chức, chứa chấp", h.CommuneCode,
                        $"Phát hiện {Format.Date(h.DetectedOn)}, triệt xóa {Format.Date(h.ClearedOn)}")).ToList();
                }

            default:
                {
                    if (!user.Can(Permissions.ViewPersons))
                        return new Failure.Forbidden();
                    var (start, end) = code == "USERS-TREND" ? (to, to) : (from, to);
                    string[] lists = code == "USERS-TREND" ? [LegalLists.Users, LegalLists.Addicted] : [.. LegalLists.All];
                    var ids = db.ListEntries.AsNoTracking()
                        .Where(l => lists.Contains(l.List) && l.FromOn <= end && (l.ToOn == null || l.ToOn >= start) && (province == null || l.ProvinceCode == province) && (commune == null || l.CommuneCode == commune))
                        .Select(l => l.PersonId).Distinct();
                    // The persons query carries the scope filter: people outside the viewer's area are not listed.
                    var persons = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.SearchName)
                        .Select(p => new { p.Id, p.FullName, p.CommuneCode, p.Status }).ToListAsync(cancellationToken);
                    await audit.RecordListAsync(nameof(Persons.Person), persons.Select(p => p.Id), $"indicator={code};area={area};period={period}", cancellationToken);
                    return persons.Select(p => new Row("person", p.Id.ToString(), p.FullName, p.CommuneCode, Persons.PersonStatus.DisplayName(p.Status))).ToList();
                }
        }
    }
}
