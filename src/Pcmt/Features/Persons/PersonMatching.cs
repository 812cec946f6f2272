using Pcmt.Infrastructure.Text;

namespace Pcmt.Features.Persons;

/// <summary>
/// Trùng hồ sơ: probable-duplicate rules on folded names, birth date/year, sex and commune, combined with AND.
/// A name alone proves nothing (Nguyễn is ~38% of Vietnamese surnames; "Nguyễn Văn Hùng" is common), so a match needs the name
/// (any order, or an alias) AND the same sex AND the same birth year AND either the same exact birth date or the same commune.
/// </summary>
public static class PersonMatching
{
    public sealed record Subject(IReadOnlyCollection<string> Names, int BirthYear, DateOnly? DateOfBirth, Sex Sex, string CommuneCode)
    {
        /// <summary>One key per name or alias; a candidate must share one (<see cref="NameKey"/>).</summary>
        public IReadOnlyList<string> NameKeys { get; } = Names.Select(NameKey).Distinct().ToList();
    }

    public sealed record Match(int Score, IReadOnlyList<string> Reasons);

    public static Subject From(string fullName, IEnumerable<string> aliases, int birthYear, DateOnly? dateOfBirth, Sex sex, string communeCode) =>
        new(new[] { fullName }.Concat(aliases).Select(VietnameseText.Fold).Where(n => n.Length > 0).Distinct().ToList(), birthYear, dateOfBirth, sex, communeCode);

    public static Match? Compare(Subject input, Subject candidate)
    {
        if (input.Sex != candidate.Sex || input.BirthYear != candidate.BirthYear)
            return null;

        var exactName = input.Names.Intersect(candidate.Names).Any();
        var reorderedName = !exactName && input.NameKeys.Intersect(candidate.NameKeys).Any();
        if (!exactName && !reorderedName)
            return null;

        var sameDate = input.DateOfBirth is not null && input.DateOfBirth == candidate.DateOfBirth;
        var sameCommune = input.CommuneCode == candidate.CommuneCode;
        if (!sameDate && !sameCommune)
            return null;

        var reasons = new List<string> { exactName ? "trùng họ tên (không dấu) hoặc tên gọi khác" : "trùng họ tên nhưng khác thứ tự", "cùng giới tính", "cùng năm sinh" };
        if (sameDate)
            reasons.Add("trùng ngày sinh");
        if (sameCommune)
            reasons.Add("cùng xã/phường");
        var score = (exactName ? 40 : 30) + 20 + (sameDate ? 30 : 0) + (sameCommune ? 10 : 0);
        return new Match(score, reasons);
    }

    /// <summary>The words of a folded name in ordinal order: two names match (exactly or reordered) exactly when their keys are equal.</summary>
    public static string NameKey(string foldedName) =>
        string.Join(' ', foldedName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));

}
