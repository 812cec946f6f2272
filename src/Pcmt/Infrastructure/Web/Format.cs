using System.Globalization;

namespace Pcmt.Infrastructure.Web;

/// <summary>Display formats of the product: dd/MM/yyyy dates, Vietnam time, Vietnamese number format (1.234.567).</summary>
public static class Format
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static readonly TimeZoneInfo VietnamTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string Instant(DateTime? utc) =>
        utc is { } value ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), VietnamTime).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture) : "";

    /// <summary>A legal deadline: the date alone when it falls at a day boundary (a date-only deadline), else date and time.</summary>
    public static string Deadline(DateTime? utc)
    {
        if (utc is not { } value)
            return "";
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), VietnamTime);
        var dateOnly = local.TimeOfDay == TimeSpan.Zero || local.TimeOfDay >= new TimeSpan(0, 23, 59, 59);
        return local.ToString(dateOnly ? "dd/MM/yyyy" : "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>A stored birth date ("1990-05-12" or the year alone) as the product shows it: 12/05/1990 or 1990.</summary>
    public static string BirthDate(string? stored) =>
        Pcmt.Features.Persons.BirthDate.TryParse(stored, out var birth) ? birth.ToDisplay() : stored ?? "";

    /// <summary>"Tên việc (Mẫu 04)" without repeating the form when the title already names it.</summary>
    public static string WithForm(string title, string? form) =>
        form is null || title.Contains("Mẫu " + form, StringComparison.Ordinal) ? title : $"{title} (Mẫu {form})";

    public static string Number(long value) => value.ToString("N0", Vietnamese);
}
