using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Deadlines;

namespace Pcmt.Features.Lifecycle;

/// <summary>The parameters and holiday calendar in force: the shipped values with administrators' changes from the database (read per use, so every node agrees).</summary>
public sealed class LegalSettings(AppDbContext db)
{
    public async Task<LegalParameters> ParametersAsync(CancellationToken cancellationToken)
    {
        var settings = await db.LegalParameterSettings.AsNoTracking().ToListAsync(cancellationToken);
        return settings.Count == 0 ? LegalParameters.Defaults : new LegalParameters(settings.ToDictionary(s => (s.Key, s.Regime), s => s.Value));
    }

    public async Task<HolidayCalendar> CalendarAsync(CancellationToken cancellationToken)
    {
        var edits = await db.PublicHolidays.AsNoTracking().ToListAsync(cancellationToken);
        if (edits.Count == 0)
            return HolidayCalendar.Shipped;
        var removed = edits.Where(e => e.Removed).Select(e => e.Date).ToHashSet();
        return new HolidayCalendar(HolidayCalendar.LoadShipped().Select(h => h.Date).Concat(edits.Where(e => !e.Removed).Select(e => e.Date)).Where(d => !removed.Contains(d)));
    }

    public async Task<IReadOnlyList<HolidayCalendar.Holiday>> HolidaysAsync(int year, CancellationToken cancellationToken)
    {
        var edits = await db.PublicHolidays.AsNoTracking().Where(h => h.Date >= new DateOnly(year, 1, 1) && h.Date <= new DateOnly(year, 12, 31)).ToListAsync(cancellationToken);
        var byDate = HolidayCalendar.LoadShipped().Where(h => h.Date.Year == year).ToDictionary(h => h.Date);
        foreach (var edit in edits)
        {
            if (edit.Removed)
                byDate.Remove(edit.Date);
            else
                byDate[edit.Date] = new HolidayCalendar.Holiday(edit.Date, edit.Name, edit.Provisional);
        }

        return byDate.Values.OrderBy(h => h.Date).ToList();
    }
}

/// <summary>Parses the API's moments: an instant with offset ("2026-08-03T10:00:00+07:00"), a local Vietnam time without offset, or a date (00:00 Vietnam time).</summary>
public static class LegalInput
{
    public static DateTimeOffset? Instant(string? text, string field, Dictionary<string, string[]> errors, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
                errors[field] = ["Bắt buộc nhập thời điểm (yyyy-MM-dd hoặc yyyy-MM-ddTHH:mm:ss+07:00)."];
            return null;
        }

        text = text.Trim();
        DateTimeOffset? parsed = null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            parsed = DatePlausibility.InRange(day) ? LegalTime.EndOf(day.AddDays(-1)) : DateTimeOffset.MinValue;
        var hasOffset = text.EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}$");
        if (parsed is null && hasOffset && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var instant))
            parsed = instant;
        if (parsed is null && !hasOffset && DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local))
            parsed = new DateTimeOffset(local, TimeSpan.FromHours(7));
        if (parsed is null)
        {
            errors[field] = ["Thời điểm không hợp lệ; dùng yyyy-MM-dd hoặc yyyy-MM-ddTHH:mm:ss+07:00."];
            return null;
        }

        // Plausible dates only (DatePlausibility): a year 0001 or 9999 is a typing error and would overflow the deadlines.
        if (parsed.Value.Year is < 1900 or > 9000 || !DatePlausibility.InRange(LegalTime.DayOf(parsed.Value)))
        {
            errors[field] = [DatePlausibility.FactRangeMessage];
            return null;
        }

        return parsed;
    }

    public static DateOnly? Date(string? text, string field, Dictionary<string, string[]> errors, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
                errors[field] = ["Bắt buộc nhập ngày (yyyy-MM-dd)."];
            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            && !DateOnly.TryParseExact(text.Trim(), "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out day))
        {
            errors[field] = ["Ngày không hợp lệ; dùng yyyy-MM-dd."];
            return null;
        }

        // Plausible dates only (DatePlausibility): from 01/01/2000 to 31/12/2100; whether a fact may lie ahead is the caller's rule.
        if (!DatePlausibility.InRange(day))
        {
            errors[field] = [DatePlausibility.FactRangeMessage];
            return null;
        }

        return day;
    }

    public static string? OneOf(string? value, string field, IEnumerable<string> allowed, Dictionary<string, string[]> errors, string what)
    {
        var options = allowed.ToList();
        if (value is { Length: > 0 } && options.Contains(value))
            return value;
        errors[field] = [(string.IsNullOrEmpty(value) ? "Bắt buộc chọn " : "Giá trị không hợp lệ cho ") + what + ". Các giá trị: " + string.Join(", ", options) + "."];
        return null;
    }
}
