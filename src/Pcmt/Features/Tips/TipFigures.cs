using Microsoft.EntityFrameworkCore;
using Pcmt.Features.SupplySide;

namespace Pcmt.Features.Tips;

/// <summary>Số liệu tin tố giác in the caller's area: by category, commune and outcome, and how many led to a cleared point or a case.</summary>
public sealed class TipFigures(AppDbContext db)
{
    public sealed record Count(string Key, int Tips);

    public sealed record Figures(
        int Total, int Received, int InProgress, int Closed, IReadOnlyList<Count> ByCategory, IReadOnlyList<Count> ByCommune, IReadOnlyList<Count> ByOutcome,
        int LedToClearedPoint, int LedToCase);

    public async Task<Figures> HandleAsync(int? year, CancellationToken cancellationToken)
    {
        var tips = db.Tips.AsNoTracking();
        if (year is { } y)
            tips = tips.Where(t => t.ReceivedOn >= new DateOnly(y, 1, 1) && t.ReceivedOn <= new DateOnly(y, 12, 31));
        var rows = await tips.Select(t => new { t.Status, t.Category, Commune = t.CommuneCode.Length > 0 ? t.CommuneCode : t.ReportedCommuneCode, t.Outcome, t.HotspotId, t.CaseId })
            .ToListAsync(cancellationToken);
        var hotspotIds = rows.Where(r => r.HotspotId is not null).Select(r => r.HotspotId!.Value).Distinct().ToList();
        var cleared = hotspotIds.Count == 0
            ? []
            : (await db.Set<Hotspot>().AsNoTracking().Where(h => hotspotIds.Contains(h.Id) && h.ClearedOn != null).Select(h => h.Id).ToListAsync(cancellationToken)).ToHashSet();

        static IReadOnlyList<Count> By<TKey>(IEnumerable<TKey> keys) =>
            [.. keys.GroupBy(k => k?.ToString() ?? "").Select(g => new Count(g.Key, g.Count())).OrderByDescending(c => c.Tips).ThenBy(c => c.Key, StringComparer.Ordinal)];

        return new Figures(
            rows.Count,
            rows.Count(r => r.Status == TipStatuses.Received),
            rows.Count(r => r.Status == TipStatuses.InProgress),
            rows.Count(r => r.Status == TipStatuses.Closed),
            By(rows.Select(r => r.Category)),
            By(rows.Select(r => r.Commune)),
            By(rows.Where(r => r.Outcome is not null).Select(r => r.Outcome)),
            rows.Count(r => r.HotspotId is { } h && cleared.Contains(h)),
            rows.Count(r => r.CaseId is not null));
    }
}
