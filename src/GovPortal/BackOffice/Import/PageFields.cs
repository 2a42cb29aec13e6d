using System.Globalization;
using System.Text.RegularExpressions;
using GovPortal.Content;

namespace GovPortal.BackOffice.Import;

/// <summary>
/// The wording by which pages of Chinese government sites label their facts: 发布日期/发布时间/日期 with a date (and
/// maybe a time), 来源, and the breadcrumb 当前位置：首页 > 新闻中心 > 相城要闻.
/// </summary>
public static partial class PageFields
{
    [GeneratedRegex(@"(?:发布日期|发布时间|发文日期|日期|时间)\s*[:：]\s*(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]"
        + @"\s*(?<d>\d{1,2})\s*日?(?:\s*(?<h>\d{1,2})\s*[:：]\s*(?<min>\d{2}))?")]
    private static partial Regex LabelledDate();

    [GeneratedRegex(@"^\s*(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?:[ T](?<h>\d{1,2}):(?<min>\d{2}))?")]
    private static partial Regex BareDate();

    [GeneratedRegex(@"(?:来源|信息来源|稿件来源)\s*[:：]\s*(?<source>[^\s|｜/]{1,50})")]
    private static partial Regex LabelledSource();

    [GeneratedRegex(@"(?:当前位置|您现在的位置|您的位置|所在位置)\s*[:：]?\s*(?<path>.*)$", RegexOptions.Singleline)]
    private static partial Regex Breadcrumb();

    private static readonly string[] HomeNames = ["首页", "网站首页", "主页", "返回首页"];

    private static readonly string[] NotAChannel = ["正文", "详情", "文章详情", "内容", "浏览文章", "信息详情"];

    /// <summary>The first labelled date in <paramref name="text"/>, China time, as UTC.</summary>
    public static DateTime? DateIn(string text) => DateOf(LabelledDate().Match(text));

    /// <summary>A date written alone (a meta tag's content: 2023-10-12 19:13).</summary>
    public static DateTime? BareDateIn(string text) => DateOf(BareDate().Match(text));

    private static DateTime? DateOf(Match match)
    {
        if (!match.Success) return null;
        int Part(string name) => match.Groups[name].Success
            ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture)
            : 0;
        var (year, month, day, hour, minute) = (Part("y"), Part("m"), Part("d"), Part("h"), Part("min"));
        if (year is < 1990 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59)
            return null;
        return ChinaTime.ToUtc(year, month, day, hour, minute);
    }

    public static string SourceIn(string text)
    {
        var match = LabelledSource().Match(text);
        if (!match.Success) return "";
        var source = match.Groups["source"].Value;
        // "来源：相城区融媒体中心发布日期：…" when the page put no blank between them.
        foreach (var label in new[] { "发布日期", "发布时间", "日期", "时间", "作者", "浏览", "访问" })
            if (source.IndexOf(label, StringComparison.Ordinal) is > 0 and var at) source = source[..at];
        return source.Trim();
    }

    public static bool IsBreadcrumb(string text) => Breadcrumb().IsMatch(text.Trim()) && text.Trim().Length < 200
        && (text.Contains('>') || text.Contains('＞') || text.Contains('»') || text.Contains('›'));

    /// <summary>The breadcrumb's steps after the home page, without a last step that names no channel (正文).</summary>
    public static IReadOnlyList<string> CrumbsOf(string text)
    {
        var match = Breadcrumb().Match(text.Trim());
        var path = match.Success ? match.Groups["path"].Value : text;
        var steps = path.Split(['>', '＞', '»', '›', '→'], StringSplitOptions.TrimEntries
                | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => Regex.Replace(s, @"\s+", ""))
            .Where(s => s.Length > 0)
            .ToList();
        if (steps.Count > 0 && HomeNames.Contains(steps[0])) steps.RemoveAt(0);
        if (steps.Count > 0 && NotAChannel.Contains(steps[^1])) steps.RemoveAt(steps.Count - 1);
        return steps;
    }

    /// <summary>Text with every run of blanks removed: how bodies are compared.</summary>
    public static string Compact(string text) => Regex.Replace(text, @"[\s\u00A0\u3000]+", "");
}
