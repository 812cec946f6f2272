using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Deadlines;

namespace Pcmt.Features.Plans;

/// <summary>
/// What of the plans a user sees: the provincial police and leaders their province's plans, tasks and budget; a department
/// user (an agency) its province's plans but only the tasks it leads and the budget lines it spends; national users all.
/// </summary>
public sealed class PlanScope(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    public CurrentUser User => user;

    /// <summary>Today in Vietnam: a task is overdue from the day after its due day.</summary>
    public DateOnly Today => LegalTime.DayOf(clock.GetUtcNow());

    public bool ManagesPlans => user.Can(Permissions.ManagePlans);

    public IQueryable<Plan> Plans()
    {
        var query = db.Plans.AsNoTracking();
        if (user.SeesWholeInstallation)
            return query;
        var province = user.ProvinceCode;
        return province is null ? query.Where(_ => false) : query.Where(p => p.ProvinceCode == province);
    }

    public IQueryable<PlanTask> Tasks(bool tracking = false)
    {
        var query = tracking ? db.PlanTasks : db.PlanTasks.AsNoTracking();
        if (user.SeesWholeInstallation)
            return query;
        if (user.AgencyCode is { } agency)
            return query.Where(t => t.LeadAgencyCode == agency);
        var province = user.ProvinceCode;
        return province is null ? query.Where(_ => false) : query.Where(t => t.ProvinceCode == province);
    }

    public IQueryable<BudgetLine> Budget(bool tracking = false)
    {
        var query = tracking ? db.BudgetLines : db.BudgetLines.AsNoTracking();
        if (user.SeesWholeInstallation)
            return query;
        if (user.AgencyCode is { } agency)
            return query.Where(b => b.AgencyCode == agency);
        var province = user.ProvinceCode;
        return province is null ? query.Where(_ => false) : query.Where(b => b.ProvinceCode == province);
    }

    /// <summary>Agency names by code for a province (pages show names, never bare codes).</summary>
    public async Task<Dictionary<string, string>> AgencyNamesAsync(string? provinceCode, CancellationToken cancellationToken)
    {
        var query = db.Agencies.AsNoTracking();
        if (provinceCode is not null)
            query = query.Where(a => a.ProvinceCode == provinceCode);
        return await query.ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
    }
}

/// <summary>Checks on amounts given in JSON as numbers: whole, not negative, within range (VND are exact integers).</summary>
public static class Amounts
{
    /// <summary>10^15 VND: far beyond any plan, and sums of many lines stay within a long.</summary>
    public const long Max = 1_000_000_000_000_000 / 1000;

    public static long? Check(decimal? value, string field, string label, Dictionary<string, string[]> errors, bool required)
    {
        if (value is null)
        {
            if (required)
                errors[field] = [$"Bắt buộc nhập {label}."];
            return null;
        }

        if (value < 0)
            errors[field] = [$"{label} không được âm."];
        else if (value != decimal.Truncate(value.Value))
            errors[field] = [$"{label} phải là số nguyên (đồng)."];
        else if (value > Max)
            errors[field] = [$"{label} quá lớn."];
        else
            return (long)value.Value;
        return null;
    }
}
