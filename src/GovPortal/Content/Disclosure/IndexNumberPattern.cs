using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GovPortal.Content.Disclosure;

/// <summary>
/// A site's 索引号 pattern (a site setting), e.g. the default <c>{统一社会信用代码}/{年份}-{五位序号}</c> →
/// <c>11320507014160024H/2023-00012</c>. Placeholders: {统一社会信用代码} (of the 发布机构), {年份} (the year of the
/// 发布日期), and exactly one sequence, {三位序号} … {六位序号}; everything else is literal and may use letters, digits
/// and / - _ . only.
/// </summary>
public sealed partial class IndexNumberPattern
{
    public const string Default = "{统一社会信用代码}/{年份}-{五位序号}";
    public const int MaxLength = 60;

    private const string CodeToken = "统一社会信用代码";
    private const string YearToken = "年份";

    private static readonly Dictionary<string, int> SequenceTokens = new(StringComparer.Ordinal)
    {
        ["三位序号"] = 3, ["四位序号"] = 4, ["五位序号"] = 5, ["六位序号"] = 6,
    };

    private readonly List<Part> _parts;
    private readonly Regex _matcher;

    private IndexNumberPattern(string text, List<Part> parts)
    {
        Text = text;
        _parts = parts;
        var regex = new StringBuilder("^");
        foreach (var part in parts)
            regex.Append(part.Kind switch
            {
                PartKind.Code => "[0-9A-HJ-NPQRTUWXY]{18}",
                PartKind.Year => "[0-9]{4}",
                PartKind.Sequence => $"[0-9]{{{part.Width}}}",
                _ => Regex.Escape(part.Literal),
            });
        _matcher = new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string Text { get; }

    /// <summary>The pattern, or what is wrong with it in Chinese.</summary>
    public static (IndexNumberPattern? Pattern, string? Problem) Parse(string? text)
    {
        text = (text ?? "").Trim();
        if (text.Length == 0) return (null, "请填写索引号规则。");
        if (text.Length > MaxLength) return (null, $"索引号规则不能超过 {MaxLength} 个字符。");
        var parts = new List<Part>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{')
            {
                var end = text.IndexOf('}', i);
                if (end < 0) return (null, "索引号规则中的“{”没有对应的“}”。");
                var token = text[(i + 1)..end];
                if (literal.Length > 0) parts.Add(new Part(PartKind.Literal, literal.ToString(), 0));
                literal.Clear();
                if (token == CodeToken) parts.Add(new Part(PartKind.Code, "", 18));
                else if (token == YearToken) parts.Add(new Part(PartKind.Year, "", 4));
                else if (SequenceTokens.TryGetValue(token, out var width))
                    parts.Add(new Part(PartKind.Sequence, "", width));
                else
                    return (null, $"索引号规则中的“{{{Shorten(token)}}}”无法识别。可用的占位符：{{{CodeToken}}}、{{{YearToken}}}、"
                        + "{三位序号}、{四位序号}、{五位序号}、{六位序号}。");
                i = end;
            }
            else if (c == '}') return (null, "索引号规则中的“}”没有对应的“{”。");
            else if (IsLiteral(c)) literal.Append(c);
            else return (null, $"索引号规则中不能使用“{c}”：占位符以外只能使用字母、数字和 / - _ . 。");
        }
        if (literal.Length > 0) parts.Add(new Part(PartKind.Literal, literal.ToString(), 0));
        var sequences = parts.Count(p => p.Kind == PartKind.Sequence);
        if (sequences != 1)
            return (null, sequences == 0
                ? "索引号规则必须包含一个序号占位符，例如 {五位序号}，否则无法保证索引号不重复。"
                : "索引号规则只能包含一个序号占位符。");
        for (var i = 1; i < parts.Count; i++)
            if (parts[i].Kind != PartKind.Literal && parts[i - 1].Kind != PartKind.Literal)
                return (null, "索引号规则中相邻的两个占位符之间须有分隔符，例如“/”或“-”。");
        return (new IndexNumberPattern(text, parts), null);
    }

    /// <summary>The default pattern, which always parses.</summary>
    public static IndexNumberPattern DefaultPattern { get; } = Parse(Default).Pattern!;

    /// <summary>
    /// The part of a number that is the same for every document of one counter (all but the sequence).
    /// </summary>
    public string Scope(string creditCode, int year) => Render(creditCode, year, null);

    public string Format(string creditCode, int year, int sequence) => Render(creditCode, year, sequence);

    /// <summary>The largest sequence the pattern can hold (99999 for five digits).</summary>
    public int MaxSequence => (int)Math.Pow(10, _parts.First(p => p.Kind == PartKind.Sequence).Width) - 1;

    /// <summary>Null when <paramref name="number"/> fits the pattern, otherwise why not, in Chinese.</summary>
    public string? Problem(string number) => _matcher.IsMatch(number) ? null
        : $"索引号“{Shorten(number)}”不符合本站的索引号规则 {Text}（例如 {Format("11320507014160024H", 2023, 12)}）。";

    private string Render(string creditCode, int year, int? sequence)
    {
        var text = new StringBuilder();
        foreach (var part in _parts)
            text.Append(part.Kind switch
            {
                PartKind.Code => creditCode,
                PartKind.Year => year.ToString("0000", CultureInfo.InvariantCulture),
                PartKind.Sequence => sequence is { } s
                    ? s.ToString(new string('0', part.Width), CultureInfo.InvariantCulture) : "#",
                _ => part.Literal,
            });
        return text.ToString();
    }

    private static bool IsLiteral(char c) => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.';

    private static string Shorten(string text) => text.Length > 30 ? text[..30] + "…" : text;

    private enum PartKind { Literal, Code, Year, Sequence }

    private sealed record Part(PartKind Kind, string Literal, int Width);
}
