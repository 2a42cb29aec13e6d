using System.Text.RegularExpressions;

namespace GovPortal.Chinese;

/// <summary>
/// Undoes what copying mirrors do to Chinese pages: pinyin readings glued after characters (區(qū)) and
/// half-width punctuation inside Chinese prose.
/// </summary>
public static partial class MirrorTextCleaner
{
    // A parenthesised run of lower-case pinyin letters (with tone marks) directly after a CJK character.
    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]+\)")]
    private static partial Regex PinyinReading();

    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}”’）])([,;:!?])(?=[\p{IsCJKUnifiedIdeographs}“‘（\d])")]
    private static partial Regex HalfWidthPunctuationInProse();

    [GeneratedRegex(@"\(([^()]*\p{IsCJKUnifiedIdeographs}[^()]*)\)")]
    private static partial Regex HalfWidthParenthesesAroundChinese();

    public static string RemovePinyinReadings(string text) => PinyinReading().Replace(text, "");

    public static string UseFullWidthPunctuation(string text)
    {
        var punctuated = HalfWidthPunctuationInProse().Replace(text, m => m.Value switch
        {
            "," => "，",
            ";" => "；",
            ":" => "：",
            "!" => "！",
            _ => "？",
        });
        // Apply twice so that nested pairs such as (陽澄湖鎮(街道)) are both converted.
        for (var i = 0; i < 2; i++)
            punctuated = HalfWidthParenthesesAroundChinese().Replace(punctuated, "（$1）");
        return punctuated;
    }
}
