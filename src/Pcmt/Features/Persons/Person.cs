using Pcmt.Infrastructure.Auditing;
using Pcmt.Infrastructure.Text;

namespace Pcmt.Features.Persons;

/// <summary>
/// Đối tượng: one record per person the program deals with. The owning commune (<see cref="CommuneCode"/>) decides who sees it.
/// Citizen ID, legacy ID and phone are stored encrypted, with blind indexes for lookup (legal-rules §9, §10).
/// </summary>
public sealed class Person : IUnitScoped, IVersioned, IPersonRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    Guid IPersonRecord.PersonId => Id;

    /// <summary>Mã hồ sơ: a human-readable file code, unique per installation.</summary>
    public string FileCode { get; set; } = "";

    public string FullName { get; set; } = "";

    /// <summary>Folded full name (and aliases in <see cref="Aliases"/>), for diacritic-insensitive search.</summary>
    public string SearchName { get; set; } = "";

    /// <summary>The folded name's words in ordinal order: equal keys ⇔ same name or same name reordered (<see cref="PersonMatching"/>); indexed for duplicate checks.</summary>
    public string NameKey { get; set; } = "";

    public List<PersonAlias> Aliases { get; set; } = [];

    /// <summary>Null when only the year of birth is known.</summary>
    public DateOnly? DateOfBirth { get; set; }

    public int BirthYear { get; set; }

    public Sex Sex { get; set; }

    public string? CitizenIdProtected { get; set; }

    public string? CitizenIdIndex { get; set; }

    /// <summary>Why the citizen ID was accepted although it contradicts the birth year or sex (legal-rules §9.4).</summary>
    public string? CitizenIdOverrideReason { get; set; }

    public string? LegacyIdProtected { get; set; }

    public string? LegacyIdIndex { get; set; }

    public string? PhoneProtected { get; set; }

    public string? Ethnicity { get; set; }

    public string? Occupation { get; set; }

    public string? Education { get; set; }

    public string? MaritalStatus { get; set; }

    public Residence Permanent { get; set; } = new();

    public Residence Temporary { get; set; } = new();

    public Residence Current { get; set; } = new();

    public string? GuardianName { get; set; }

    public string? GuardianRelation { get; set; }

    public string? GuardianPhoneProtected { get; set; }

    /// <summary>Kebab-case codes of <see cref="Substances"/>, comma-separated.</summary>
    public string Substances { get; set; } = "";

    public PersonFlags Flags { get; set; }

    /// <summary>Derived from the legal file (<see cref="Lifecycle.CaseFile"/>) on every change and by the daily job; never typed in.</summary>
    public string Status { get; set; } = PersonStatus.None;

    public string ProvinceCode { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    /// <summary>Set when this record was found to be a duplicate and merged into another; kept, with its history, so the merge can be undone.</summary>
    public Guid? MergedIntoId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid Version { get; set; }

    public void SetNames(string fullName, IEnumerable<string> aliases)
    {
        FullName = Normalize(fullName);
        SearchName = VietnameseText.Fold(FullName);
        NameKey = PersonMatching.NameKey(SearchName);
        var wanted = aliases.Select(Normalize).Where(a => a.Length > 0 && a != FullName).Distinct().ToList();
        Aliases.RemoveAll(a => !wanted.Contains(a.Name));
        foreach (var alias in wanted.Where(w => Aliases.All(a => a.Name != w)))
        {
            var folded = VietnameseText.Fold(alias);
            Aliases.Add(new PersonAlias { Name = alias, SearchName = folded, NameKey = PersonMatching.NameKey(folded) });
        }
    }

    /// <summary>NFC and single spaces: "nguyễn  văn hùng" keyed the same however it was typed.</summary>
    public static string Normalize(string text) =>
        string.Join(' ', text.Normalize(System.Text.NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>Tên gọi khác: an alias or nickname, searchable like the name.</summary>
public sealed class PersonAlias : IPersonRecord
{
    public long Id { get; set; }

    public Guid PersonId { get; set; }

    public string Name { get; set; } = "";

    public string SearchName { get; set; } = "";

    public string NameKey { get; set; } = "";
}

/// <summary>Nơi thường trú / tạm trú / ở hiện tại: a commune in force plus an address line.</summary>
public sealed class Residence
{
    public string? CommuneCode { get; set; }

    public string? Address { get; set; }
}

/// <summary>Circumstances the law attaches consequences to (Law 120 Art 33, 36–38; NĐ 163 Art 58): exclusions from compulsory rehab, stable residence.</summary>
[Flags]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A [Flags] enum of the legal flags; the name says so.")]
public enum PersonFlags
{
    None = 0,
    DrugInducedPsychosis = 1,
    Pregnant = 2,
    SoleCarerOfChildUnder36Months = 4,
    LacksAdministrativeCapacity = 8,
    Foreigner = 16,
    NoStableResidence = 32,
}
