using System.Globalization;
using System.Text;
using GovPortal.Chinese;

namespace GovPortal.Safety.Scanning;

/// <summary>
/// Text as a matcher should see it: without spaces, punctuation, symbols and zero-width characters, full-width
/// letters and digits made plain, lookalike letters (Cyrillic а, Greek Α, 𝐚, Ⓐ, 祼 for 裸) made the letter they
/// imitate, accents dropped (bǎi → bai), lower case, Traditional characters made Simplified. Each normalized character
/// remembers where it came from, so a match can be shown at its place in the original, and whether it was disguised.
/// </summary>
public sealed class NormalizedText
{
    private readonly string _original;
    private readonly bool[] _changed;

    private NormalizedText(string original, string value, int[] origins, bool[] changed)
    {
        _original = original;
        Value = value;
        Origins = origins;
        _changed = changed;
    }

    public string Value { get; }

    /// <summary>For each character of <see cref="Value"/>, its offset in the original text.</summary>
    public int[] Origins { get; }

    public static NormalizedText From(string text, ChineseConverter converter)
    {
        var builder = new StringBuilder(text.Length);
        var origins = new List<int>(text.Length);
        var changed = new List<bool>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var start = i;
            string folded;
            bool wasChanged;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // Mathematical letters (𝐚𝐯) fold to plain ones; emoji and rare characters carry no keyword.
                folded = FoldCompatibility(text.Substring(i, 2));
                i++;
                if (folded.Length == 2 && char.IsHighSurrogate(folded[0])) continue;
                wasChanged = true;
            }
            else if (IsInvisible(c)) continue;
            else (folded, wasChanged) = Fold(c);
            foreach (var f in folded)
            {
                if (char.IsWhiteSpace(f) || char.IsPunctuation(f) || char.IsSymbol(f) || char.IsSeparator(f)
                    || IsSeparatorStroke(f) || CharUnicodeInfo.GetUnicodeCategory(f) == UnicodeCategory.NonSpacingMark)
                    continue;
                builder.Append(char.ToLowerInvariant(f));
                origins.Add(start);
                changed.Add(wasChanged);
            }
        }
        // Character-level Traditional → Simplified keeps one character for one, so origins stay aligned.
        var simplified = converter.ToSimplifiedCharacters(builder.ToString());
        return new NormalizedText(text, simplified, [.. origins], [.. changed]);
    }

    public static string Normalize(string text, ChineseConverter converter) => From(text, converter).Value;

    /// <summary>
    /// Whether the characters from <paramref name="start"/> to <paramref name="end"/> (exclusive) were disguised in
    /// the original: something was put between them (spaces, punctuation, zero-width characters, emoji) or one of
    /// them was written in another form (full-width, a lookalike letter, an accent). Ordinary prose never does that
    /// inside a word; spam does it to slip past filters.
    /// </summary>
    public bool IsDisguised(int start, int end)
    {
        for (var k = start; k < end; k++)
            if (_changed[k]) return true;
        for (var k = start + 1; k < end; k++)
            if (Origins[k] - Origins[k - 1] > 1 && !IsEnumeration(Origins[k - 1] + 1, Origins[k])) return true;
        return false;
    }

    /// <summary>一区、二区、三区: one comma of a list (and a space) between the words is no disguise.</summary>
    private bool IsEnumeration(int from, int to)
    {
        var between = _original.AsSpan(from, to - from).Trim();
        return between.Length == 1 && between[0] is '、' or '，' or ',';
    }

    private static (string Folded, bool Changed) Fold(char c)
    {
        if (c <= '\u007F') return (c.ToString(), false);
        if (c is >= '\uFF01' and <= '\uFF5E') return (((char)(c - 0xFEE0)).ToString(), true); // full-width ASCII
        if (Lookalikes.TryGetValue(c, out var plain)) return (plain.ToString(), true);
        if (c is >= '\u4E00' and <= '\u9FFF') return (c.ToString(), false); // ordinary CJK characters
        var single = c.ToString();
        var folded = FoldCompatibility(single);
        return (folded, folded != single);
    }

    /// <summary>Compatibility forms (Ⓐ, ㊙, ⾚, 𝐚) to the ordinary ones, and letters without their accents.</summary>
    private static string FoldCompatibility(string text)
    {
        var compatible = Chinese.UnicodeForms.Normalize(text, NormalizationForm.FormKC);
        var decomposed = Chinese.UnicodeForms.Normalize(compatible, NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                plain.Append(Lookalikes.TryGetValue(c, out var l) ? l : c);
        return plain.ToString();
    }

    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u180E' or '\u034F'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>丨 and 〡: strokes that spam puts between keywords as separators; never part of a word.</summary>
    private static bool IsSeparatorStroke(char c) => c is '\u4E28' or '\u3021' or '\u2223' or '\u01C0';

    /// <summary>
    /// Letters of other scripts that look like Latin ones, and characters that look like the one a keyword needs.
    /// </summary>
    private static readonly Dictionary<char, char> Lookalikes = new()
    {
        // Cyrillic
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p',
        ['с'] = 'c', ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['і'] = 'i', ['ј'] = 'j', ['ѕ'] = 's', ['ԁ'] = 'd',
        ['ԛ'] = 'q', ['ԝ'] = 'w', ['А'] = 'a', ['В'] = 'b', ['Е'] = 'e', ['К'] = 'k', ['М'] = 'm', ['Н'] = 'h',
        ['О'] = 'o', ['Р'] = 'p', ['С'] = 'c', ['Т'] = 't', ['Х'] = 'x', ['І'] = 'i', ['Ѕ'] = 's', ['У'] = 'y',
        // Greek
        ['α'] = 'a', ['ο'] = 'o', ['ν'] = 'v', ['ι'] = 'i', ['κ'] = 'k', ['ρ'] = 'p', ['τ'] = 't', ['χ'] = 'x',
        ['Α'] = 'a', ['Β'] = 'b', ['Ε'] = 'e', ['Ζ'] = 'z', ['Η'] = 'h', ['Ι'] = 'i', ['Κ'] = 'k', ['Μ'] = 'm',
        ['Ν'] = 'n', ['Ο'] = 'o', ['Ρ'] = 'p', ['Τ'] = 't', ['Υ'] = 'y', ['Χ'] = 'x',
        // Chinese characters used in spam for the one they resemble
        ['祼'] = '裸', ['娯'] = '娱', ['澚'] = '澳',
    };
}
