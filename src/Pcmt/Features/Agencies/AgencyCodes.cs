using System.Text.RegularExpressions;

namespace Pcmt.Features.Agencies;

/// <summary>The shape of an agency code: also the scope of a department user, so it follows the scope format.</summary>
public static partial class AgencyCodes
{
    public const string FormatMessage = "Mã cơ quan chỉ gồm chữ cái không dấu, chữ số và các dấu - _ . (tối đa 64 ký tự), ví dụ so-y-te.";

    public static bool IsWellFormed(string? code) => code is not null && Pattern().IsMatch(code);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Pattern();
}
