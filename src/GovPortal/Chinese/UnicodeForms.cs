using System.Text;

namespace GovPortal.Chinese;

/// <summary>
/// Unicode normalization of text anyone may have typed. <see cref="string.Normalize(NormalizationForm)"/> throws on
/// a lone surrogate or a noncharacter such as U+FFFE, which a search box or a form happily carries: those code units
/// stand for no character, so they are dropped and the rest is normalized.
/// </summary>
public static class UnicodeForms
{
    public static string Normalize(string text, NormalizationForm form)
    {
        try
        {
            return text.Normalize(form);
        }
        catch (ArgumentException)
        {
            return CharactersOnly(text).Normalize(form);
        }
    }

    /// <summary>The text without lone surrogates and noncharacters (U+FDD0–U+FDEF, and the last two of each plane).
    /// </summary>
    public static string CharactersOnly(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            int codePoint;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
                if (!IsNoncharacter(codePoint)) kept.Append(text[i]).Append(text[i + 1]);
                i++;
                continue;
            }
            if (char.IsSurrogate(text[i])) continue;
            codePoint = text[i];
            if (!IsNoncharacter(codePoint)) kept.Append(text[i]);
        }
        return kept.ToString();
    }

    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
