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

    public static string Number(long value) => value.ToString("N0", Vietnamese);
}
