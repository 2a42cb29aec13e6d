using System.Globalization;
using System.Text.RegularExpressions;
using GovPortal.Content;

namespace GovPortal.Publishing.Rendering;

/// <summary>
/// Drops from a rendered page what XML (and HTML) forbids: the characters themselves, which a stored body can hold,
/// and references to them (<c>&amp;#x1;</c>), which the HTML encoder writes for such a character in a title. A
/// browser reads both as the same character, so both go.
/// </summary>
public static partial class PageCharacters
{
    public static string Clean(string html)
    {
        var cleaned = XmlCharacters.WithoutForbidden(html);
        return cleaned.Contains("&#", StringComparison.Ordinal)
            ? CharacterReference().Replace(cleaned, m => IsForbidden(m) ? "" : m.Value)
            : cleaned;
    }

    private static bool IsForbidden(Match reference)
    {
        var hex = reference.Groups["hex"];
        var parsed = hex.Success
            ? int.TryParse(hex.Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            : int.TryParse(reference.Groups["decimal"].Value, NumberStyles.None, CultureInfo.InvariantCulture,
                out value);
        // A surrogate code point named alone is never a character; a browser shows U+FFFD for it.
        return !parsed || !XmlCharacters.IsAllowedCodePoint(value) || value is >= 0xD800 and <= 0xDFFF;
    }

    [GeneratedRegex("&#(?:[xX](?<hex>[0-9A-Fa-f]{1,8})|(?<decimal>[0-9]{1,10}));")]
    private static partial Regex CharacterReference();
}
