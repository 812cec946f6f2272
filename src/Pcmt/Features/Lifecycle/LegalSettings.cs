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
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            return LegalTime.EndOf(day.AddDays(-1));
        var hasOffset = text.EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}$");
        if (hasOffset && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var instant))
            return instant;
        if (!hasOffset && DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local))
            return new DateTimeOffset(local, TimeSpan.FromHours(7));
        errors[field] = ["Thời điểm không hợp lệ; dùng yyyy-MM-dd hoặc yyyy-MM-ddTHH:mm:ss+07:00."];
        return null;
    }

    public static DateOnly? Date(string? text, string field, Dictionary<string, string[]> errors, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
                errors[field] = ["Bắt buộc nhập ngày (yyyy-MM-dd)."];
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            return day;
        if (DateOnly.TryParseExact(text.Trim(), "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out day))
            return day;
        errors[field] = ["Ngày không hợp lệ; dùng yyyy-MM-dd."];
        return null;
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
