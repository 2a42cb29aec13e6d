using System.Globalization;
using System.Text;

namespace GovPortal.Search;

/// <summary>
/// The exact key of a 发文字号 or 索引号, however it is typed: 相政发〔2023〕12号, 相政发[2023]12号,
/// 相政发【2023】12号, 相政发(2023)12号 and 相政发2023 12号 all become 相政发202312. Brackets, spaces and the closing 号
/// are dropped, full-width forms made plain, letters lower-cased; the rest (the issuer's abbreviation, the year, the
/// number, the 索引号's / and -) is kept in order, so two different numbers never share a key.
/// </summary>
public static class NumberKeys
{
    // 六角括号 and the brackets people type for them.
    private const string Brackets = "〔〕[]【】()（）［］﹝﹞｛｝{}<>《》〈〉";

    public static string Of(string text)
    {
        var plain = Chinese.UnicodeForms.Normalize(text, NormalizationForm.FormKC);
        var key = new StringBuilder(plain.Length);
        foreach (var c in plain)
        {
            if (char.IsWhiteSpace(c) || Brackets.Contains(c)) continue;
            if (char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format) continue;
            key.Append(char.ToLowerInvariant(c));
        }
        if (key.Length > 1 && key[^1] == '号') key.Length--;
        // A key needs a digit: a query of words alone is never taken for a number.
        return key.ToString().Any(char.IsAsciiDigit) ? key.ToString() : "";
    }
}
