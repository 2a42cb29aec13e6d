using GovPortal.Chinese;

namespace GovPortal.BackOffice.Import;

/// <summary>
/// Repairs what copying mirrors leave in Chinese text (<see cref="MirrorTextCleaner"/>: pinyin readings after
/// characters, half-width punctuation) and, for a page in Traditional script, converts it to Simplified. Only a page
/// that is plainly Traditional is converted: converting Simplified text changes a few characters that both scripts
/// use.
/// </summary>
public sealed class MirrorTextRepair(ChineseConverter converter)
{
    /// <summary>The repair for the text of one page, chosen from the page's own text.</summary>
    public Func<string, string> For(string pageText)
    {
        var traditional = LooksTraditional(MirrorTextCleaner.RemovePinyinReadings(pageText));
        return text =>
        {
            var cleaned = MirrorTextCleaner.UseFullWidthPunctuation(MirrorTextCleaner.RemovePinyinReadings(text));
            return traditional ? converter.ToSimplified(cleaned) : cleaned;
        };
    }

    /// <summary>At least 3 characters, and 2 in a hundred, are Traditional forms.</summary>
    public bool LooksTraditional(string text)
    {
        var chinese = text.Where(c => c is >= '\u4E00' and <= '\u9FFF').ToArray();
        if (chinese.Length == 0) return false;
        var simplified = converter.ToSimplifiedCharacters(new string(chinese));
        var changed = chinese.Where((c, i) => i < simplified.Length && simplified[i] != c).Count();
        return changed >= 3 && changed * 50 >= chinese.Length;
    }
}
