using System.Globalization;
using System.Text;
using GovPortal.Chinese;
using GovPortal.Content.Disclosure;
using Microsoft.Extensions.Primitives;

namespace GovPortal.Search;

public enum SearchOrder
{
    Relevance,
    Newest,
}

/// <summary>A search as the reader asked it, cleaned: whatever arrived, this is safe to show and to run.</summary>
/// <param name="Query">What the reader typed, without control characters and at most
/// <see cref="SearchRequest.MaxQueryLength"/> long.</param>
/// <param name="MatchText">The query in Simplified characters, lower case: what is matched against the index.</param>
/// <param name="Notices">What was wrong with the request and what was done about it, in Chinese.</param>
public sealed record SearchRequest(
    string Query,
    string MatchText,
    int? ChannelId,
    DateOnly? From,
    DateOnly? To,
    SearchOrder Order,
    int Page,
    IReadOnlyList<string> Notices,
    bool DocumentsOnly = false,
    DocumentValidity? Validity = null,
    bool AllSites = false)
{
    /// <summary>The value of <c>scope</c> that searches every site of the platform (站群搜索).</summary>
    public const string AllSitesScope = "all";

    /// <summary>The value of <c>type</c> that keeps 信息公开 documents only.</summary>
    public const string DocumentsType = "document";

    public const int MaxQueryLength = 100;
    public const int PageSize = 10;
    public const int MaxPage = 50;

    public bool HasFilters => ChannelId is not null || From is not null || To is not null || DocumentsOnly
        || Validity is not null;

    /// <summary>The value of <c>validity</c> for a 有效性: its name in lower case (effective, repealed …).</summary>
    public static string ValidityValue(DocumentValidity validity) =>
        validity.ToString().ToLowerInvariant();

    /// <summary>Reads q, channel, from, to, sort and page; never throws.</summary>
    public static SearchRequest Parse(IQueryCollection query, ChineseConverter converter)
    {
        var notices = new List<string>();
        var typed = Clean(First(query["q"]));
        if (typed.Length > MaxQueryLength)
        {
            typed = typed[..MaxQueryLength];
            if (char.IsHighSurrogate(typed[^1])) typed = typed[..^1];
            notices.Add($"检索词过长，只按前 {MaxQueryLength} 个字查找。");
        }

        int? channel = null;
        var channelText = First(query["channel"]).Trim();
        if (channelText.Length > 0)
        {
            if (int.TryParse(channelText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
                channel = id;
            else notices.Add("栏目参数无效，已在全站范围内查找。");
        }

        var from = ParseDate(First(query["from"]), "开始日期", notices);
        var to = ParseDate(First(query["to"]), "结束日期", notices);
        if (from is not null && to is not null && from > to)
        {
            (from, to) = (to, from);
            notices.Add("开始日期晚于结束日期，已对调后查找。");
        }

        var order = First(query["sort"]).Trim() == "date" ? SearchOrder.Newest : SearchOrder.Relevance;

        var page = 1;
        var pageText = First(query["page"]).Trim();
        if (pageText.Length > 0 && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page)
            || page < 1))
            page = 1;
        if (page > MaxPage)
        {
            page = MaxPage;
            notices.Add($"最多显示前 {MaxPage} 页结果，请增加检索词或筛选条件缩小范围。");
        }

        var typeText = First(query["type"]).Trim();
        var documentsOnly = typeText == DocumentsType;
        if (typeText.Length > 0 && !documentsOnly) notices.Add("内容类型参数无效，已查找全部内容。");
        DocumentValidity? validity = null;
        var validityText = First(query["validity"]).Trim();
        if (validityText.Length > 0)
        {
            validity = Enum.GetValues<DocumentValidity>().Where(v => ValidityValue(v) == validityText)
                .Select(v => (DocumentValidity?)v).FirstOrDefault();
            if (validity is null) notices.Add("有效性参数无效，已忽略该条件。");
        }

        var scopeText = First(query["scope"]).Trim();
        var allSites = scopeText == AllSitesScope;
        if (scopeText.Length > 0 && !allSites && scopeText != "site") notices.Add("搜索范围参数无效，已在本站查找。");

        var match = converter.ToSimplified(typed).ToLowerInvariant();
        return new SearchRequest(typed, match, channel, from, to, order, page, notices,
            // Only 信息公开 documents have a 有效性: filtering by it keeps documents only.
            documentsOnly || validity is not null, validity, allSites);
    }

    private static string First(StringValues values) => values.Count > 0 ? values[0] ?? "" : "";

    /// <summary>Drops control and format characters and broken surrogates, folds runs of white space.</summary>
    public static string Clean(string raw)
    {
        var text = new StringBuilder(Math.Min(raw.Length, 4 * MaxQueryLength));
        var space = false;
        for (var i = 0; i < raw.Length && text.Length < 2 * MaxQueryLength; i++)
        {
            var c = raw[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1])) { Flush(); text.Append(c).Append(raw[++i]); }
                continue;
            }
            if (char.IsLowSurrogate(c) || c == '\uFFFD') continue;
            if (char.IsWhiteSpace(c))
            {
                space = text.Length > 0;
                continue;
            }
            // Zero-width and control characters vanish without a trace: 环\u200B境 is 环境.
            if (char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format) continue;
            Flush();
            text.Append(c);
        }
        return text.ToString();

        void Flush()
        {
            if (space) text.Append(' ');
            space = false;
        }
    }

    private static DateOnly? ParseDate(string text, string label, List<string> notices)
    {
        text = text.Trim();
        if (text.Length == 0) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (date.Year is >= 1900 and <= 2999) return date;
            notices.Add($"{label}超出范围（1900 年至 2999 年），已忽略该条件。");
            return null;
        }
        notices.Add($"{label}格式不正确，应为“年-月-日”（例如 2023-10-12），已忽略该条件。");
        return null;
    }
}
