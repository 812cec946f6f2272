using System.Globalization;

namespace Pcmt.Features.Persons;

/// <summary>Ngày sinh: a full date ("1990-05-12", or "12/05/1990" on forms) or the year alone ("1990") when the day is unknown.</summary>
public readonly record struct BirthDate(int Year, DateOnly? Date)
{
    public static bool TryParse(string? text, out BirthDate value)
    {
        value = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
            return false;
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            value = new BirthDate(year, null);
            return year >= DatePlausibility.BirthFloor.Year && year <= DatePlausibility.Ceiling.Year; // DatePlausibility: not before 1900
        }

        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = new BirthDate(date.Year, date);
            return date >= DatePlausibility.BirthFloor && date <= DatePlausibility.Ceiling;
        }

        return false;
    }

    public string ToApi() => Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Year.ToString(CultureInfo.InvariantCulture);

    public string ToDisplay() => Date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? Year.ToString(CultureInfo.InvariantCulture);
}
