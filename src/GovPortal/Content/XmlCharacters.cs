namespace GovPortal.Content;

/// <summary>
/// The characters XML 1.0 cannot carry: the C0 controls other than tab, line feed and carriage return, U+FFFE,
/// U+FFFF and surrogates that are not half of a pair. One of them in a title makes an XML writer throw and is an
/// error in HTML too, so a save refuses them and every writer (feeds, sitemaps, pages, search documents) drops them.
/// </summary>
public static class XmlCharacters
{
    /// <returns>The index of the first character XML cannot carry, or -1 when there is none.</returns>
    public static int IndexOfForbidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= '\u0020' && c < '\uD800') continue; // the common case, first
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (!IsAllowedAlone(c)) return i;
        }
        return -1;
    }

    /// <returns>
    /// <paramref name="text"/> without the characters XML cannot carry (the same string when it has none).
    /// </returns>
    public static string WithoutForbidden(string text)
    {
        var first = IndexOfForbidden(text);
        if (first < 0) return text;
        var kept = new System.Text.StringBuilder(text.Length);
        kept.Append(text, 0, first);
        for (var i = first + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
                continue;
            }
            if (IsAllowedAlone(c)) kept.Append(c);
        }
        return kept.ToString();
    }

    /// <summary>Whether a code point below U+10000 (not a surrogate pair) may stand in an XML document.</summary>
    public static bool IsAllowedCodePoint(int codePoint) =>
        codePoint is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD)
            or (>= 0x10000 and <= 0x10FFFF);

    private static bool IsAllowedAlone(char c) => IsAllowedCodePoint(c);
}
