using Pcmt.Features.Persons;

namespace Pcmt.Features.Population;

/// <summary>Which of the contract's fields (citizenId, fullName, dateOfBirth, sex) differ between the record and the national citizen.</summary>
public static class PopulationComparison
{
    public const string CitizenIdField = "citizenId";
    public const string FullNameField = "fullName";
    public const string DateOfBirthField = "dateOfBirth";
    public const string SexField = "sex";

    /// <summary>The fields an officer may take over from the national record (the citizen ID is the key, not a value).</summary>
    public static IReadOnlyList<string> Acceptable { get; } = [FullNameField, DateOfBirthField, SexField];

    public static IReadOnlyList<string> Compare(string? citizenId, string fullName, BirthDate birth, Sex sex, NationalCitizen national)
    {
        var differences = new List<string>();
        if (citizenId is not null && national.CitizenId != citizenId)
            differences.Add(CitizenIdField);
        // Same letters and diacritics, whatever the case or spacing ("NGUYỄN VĂN DÂN" = "Nguyễn Văn Dân"; "Nguyen Van Dan" is not).
        if (!string.Equals(Person.Normalize(fullName), Person.Normalize(national.FullName), StringComparison.OrdinalIgnoreCase))
            differences.Add(FullNameField);
        // A record holding the year alone differs from a national full date: accepting fills the day in.
        if (!BirthDate.TryParse(national.DateOfBirth, out var nationalBirth) || nationalBirth.Year != birth.Year || nationalBirth.Date != birth.Date)
            differences.Add(DateOfBirthField);
        if (national.Sex is "male" or "female" && national.Sex != (sex == Sex.Female ? "female" : "male"))
            differences.Add(SexField);
        return differences;
    }
}
