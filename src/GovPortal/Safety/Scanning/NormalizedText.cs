using System.Globalization;
using GovPortal.Chinese;

namespace GovPortal.Safety.Scanning;

/// <summary>
/// Text as a matcher should see it: without spaces, punctuation, symbols and zero-width characters, full-width
/// letters and digits made plain, lower case, Traditional characters made Simplified. Each normalized character
/// remembers where it came from, so a match can be shown at its place in the original.
/// </summary>
public sealed class NormalizedText
{
    private NormalizedText(string value, int[] origins)
    {
        Value = value;
        Origins = origins;
    }

    public string Value { get; }

    /// <summary>For each character of <see cref="Value"/>, its offset in the original text.</summary>
    public int[] Origins { get; }

    public static NormalizedText From(string text, ChineseConverter converter)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var origins = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // emoji and rare characters carry no keyword
            if (char.IsHighSurrogate(c) && i + 1 < text.Length) { i++; continue; }
            if (IsInvisible(c)) continue;
            if (c is >= '\uFF01' and <= '\uFF5E') c = (char)(c - 0xFEE0); // full-width ASCII
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsSeparator(c)) continue;
            c = char.ToLowerInvariant(c);
            builder.Append(c);
            origins.Add(i);
        }
        // Character-level Traditional → Simplified keeps one character for one, so origins stay aligned.
        var simplified = converter.ToSimplifiedCharacters(builder.ToString());
        return new NormalizedText(simplified, [.. origins]);
    }

    public static string Normalize(string text, ChineseConverter converter) => From(text, converter).Value;

    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u180E'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
