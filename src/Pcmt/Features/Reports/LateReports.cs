using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.Reports;

/// <summary>Reports past their due date and not yet submitted (draft or returned), within the user's view: for "Việc cần làm" and the dashboard.</summary>
public sealed class LateReports(ReportAccess access, TimeProvider clock)
{
    public async Task<int> CountAsync(CancellationToken ct = default)
    {
        var today = Deadlines.LegalTime.DayOf(clock.GetUtcNow());
        return await access.Visible().AsNoTracking().CountAsync(r => (r.Status == ReviewStatuses.Draft || r.Status == ReviewStatuses.Returned) && r.DueOn < today, ct);
    }
}
