using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Indicators;
using Pcmt.Features.Tips;

namespace Pcmt.Features.Community;

/// <summary>
/// Dashboard block (issue 15): tips new / being verified / closed and by category, and communication coverage (activities,
/// participants, the three education indicators), within the viewer's scope (UnitScope filter; tips only for roles that read them).
/// </summary>
public sealed class CommunityBlockViewComponent(AppDbContext db, CurrentUser user, TipFigures tips, ComputeIndicator compute) : ViewComponent
{
    public sealed record ActivityCount(string Kind, int Activities, long Participants);

    public sealed record Model(int Year, TipFigures.Figures? Tips, IReadOnlyList<ActivityCount>? Activities, IReadOnlyList<ComputeIndicator.Value> Indicators);

    public async Task<IViewComponentResult> InvokeAsync(int year) =>
        await ComputeAsync(db, user, tips, compute, year, HttpContext.RequestAborted) is { } model ? View("/Features/Community/_CommunityBlock.cshtml", model) : Content("");

    /// <summary>The block's figures, or null when the viewer's role reads neither tips nor communication; the dashboard caches them with its other figures.</summary>
    public static async Task<Model?> ComputeAsync(AppDbContext db, CurrentUser user, TipFigures tips, ComputeIndicator compute, int year, CancellationToken ct)
    {
        var seesTips = user.Can(Permissions.ViewTips);
        var seesActivities = user.Can(Permissions.ViewCommunication);
        if (!seesTips && !seesActivities)
            return null;
        var tipFigures = seesTips ? await tips.HandleAsync(year, ct) : null;
        IReadOnlyList<ActivityCount>? activities = null;
        var indicators = new List<ComputeIndicator.Value>();
        if (seesActivities)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            activities = await db.Set<CommunicationActivity>().AsNoTracking().Where(a => a.HeldOn >= from && a.HeldOn <= to)
                .GroupBy(a => a.Kind).Select(g => new ActivityCount(g.Key, g.Count(), g.Sum(a => (long)a.Participants))).ToListAsync(ct);
            var area = user.CommuneCode ?? user.ProvinceCode ?? "VN";
            foreach (var code in new[] { CommunicationIndicators.School, CommunicationIndicators.Worker, CommunicationIndicators.Media })
            {
                var value = await compute.HandleAsync(code, area, year.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
                if (value.Succeeded)
                    indicators.Add(value.Value);
            }
        }

        return new Model(year, tipFigures, activities, indicators);
    }
}
