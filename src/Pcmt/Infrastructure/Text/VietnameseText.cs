using System.Globalization;
using System.Text;

namespace Pcmt.Infrastructure.Text;

/// <summary>Folding of Vietnamese text for diacritic- and case-insensitive search, computed in C# so both databases agree.</summary>
public static class VietnameseText
{
    /// <summary>"Nguyễn  Thị ÁNH" → "nguyen thi anh": NFD, drop combining marks, map đ/Đ (which do not decompose), collapse spaces.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString();
    }
}
