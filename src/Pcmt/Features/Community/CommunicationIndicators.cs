using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Community;

/// <summary>
/// SCHOOL-EDUCATION, WORKER-EDUCATION and MEDIA-COVERAGE (program-indicators.md) computed from the communication registers.
/// Which source wins (ADR 0013): the registers, when they hold data for the area and period — the sites or outlets that make the
/// denominator are registered in the area and (for schools and workers) at least one session of the kind was recorded there in
/// the period; otherwise the approved periodic reports (Reports.ReportedIndicators); otherwise no value. Null here = no data.
/// </summary>
public static class CommunicationIndicators
{
    public const string School = "SCHOOL-EDUCATION";
    public const string Worker = "WORKER-EDUCATION";
    public const string Media = "MEDIA-COVERAGE";

    public sealed record Computed(decimal Numerator, decimal Denominator, string Note);

    public static bool Handles(string code) => code is School or Worker or Media;

    public static async Task<Computed?> ComputeAsync(AppDbContext db, string code, string? province, string? commune, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (code == Media)
        {
            // % main outlets (cơ quan truyền thông chủ lực, báo chí lớn) running a drug-prevention column at the end of the period.
            var outlets = In(db.Set<MediaOutlet>().AsNoTracking(), province, commune).Where(o => o.Active && o.Main);
            var total = await outlets.CountAsync(ct);
            if (total == 0)
                return null;
            var covered = await outlets.CountAsync(o => o.ColumnSince != null && o.ColumnSince <= to, ct);
            return new Computed(covered, total, $"Tính từ sổ cơ quan báo chí: {covered}/{total} cơ quan chủ lực có chuyên trang, chuyên mục phòng, chống ma túy đến {Format.Date(to)}.");
        }

        var (siteKind, activityKind) = code == School ? (SiteKinds.School, ActivityKinds.SchoolSession) : (SiteKinds.IndustrialZone, ActivityKinds.WorkplaceSession);
        var sites = await In(db.Set<EducationSite>().AsNoTracking(), province, commune).Where(s => s.Active && s.Kind == siteKind)
            .Select(s => new { s.Id, s.People }).ToListAsync(ct);
        if (sites.Count == 0)
            return null;
        var ids = sites.Select(s => s.Id).ToList();
        var sessions = await db.Set<CommunicationActivity>().AsNoTracking()
            .Where(a => a.Kind == activityKind && a.HeldOn >= from && a.HeldOn <= to && a.SiteId != null && ids.Contains(a.SiteId.Value))
            .GroupBy(a => a.SiteId!.Value).Select(g => new { Site = g.Key, Participants = g.Sum(a => a.Participants) }).ToListAsync(ct);
        if (sessions.Count == 0)
            return null;
        if (code == School)
            return new Computed(sessions.Count, sites.Count, $"Tính từ sổ tuyên truyền: {sessions.Count}/{sites.Count} trường có buổi tuyên truyền, giáo dục trong kỳ.");
        // Workers reached: the session participants of each zone, at most its workers (repeat sessions do not count a worker twice).
        var people = sites.ToDictionary(s => s.Id, s => s.People);
        var reached = sessions.Sum(s => (long)Math.Min(s.Participants, people[s.Site]));
        var workers = sites.Sum(s => (long)s.People);
        return new Computed(reached, workers, $"Tính từ sổ tuyên truyền: {reached:N0}/{workers:N0} người lao động tại {sites.Count} khu công nghiệp, khu chế xuất (mỗi khu tính tối đa bằng số lao động).");
    }

    private static IQueryable<T> In<T>(IQueryable<T> query, string? province, string? commune) where T : IUnitScoped =>
        commune is not null ? query.Where(e => e.CommuneCode == commune) : province is not null ? query.Where(e => e.ProvinceCode == province) : query;
}
