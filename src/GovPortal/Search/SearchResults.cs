using System.Globalization;

namespace GovPortal.Search;

/// <summary>One found article. The *Html members are encoded text with the reader's words in &lt;mark&gt;.</summary>
/// <param name="FileName">Set when the words were found in a related file rather than the article itself.</param>
public sealed record SearchHit(
    int ArticleId,
    string Title,
    string TitleHtml,
    string Url,
    int ChannelId,
    string ChannelName,
    DateTime PublishedAtUtc,
    string SnippetHtml,
    string? FileName,
    string? FileUrl)
{
    /// <summary>A 信息公开 document's 索引号, or null for other content.</summary>
    public string? IndexNumber { get; init; }

    /// <summary>A 信息公开 document's 发文字号 (empty when it has none), or null for other content.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>A 信息公开 document's 有效性, or null for other content.</summary>
    public Content.Disclosure.DocumentValidity? Validity { get; init; }

    /// <summary>The site the article is on, when the search covered every site of the platform; else null.</summary>
    public string? SiteName { get; init; }
}

/// <summary>The answer to a <see cref="SearchRequest"/>.</summary>
/// <param name="Site">Null only when no index has been published yet.</param>
/// <param name="Words">The words that were looked for, for the reader to see how the query was understood.</param>
public sealed record SearchResults(
    SearchRequest Request,
    SearchSiteInfo? Site,
    IReadOnlyList<string> Words,
    int Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<string> Notices)
{
    /// <summary>
    /// Set when the search matched too many articles to rank them all: how many it ranked, the matches among the
    /// newest articles (see <see cref="SearchRanking"/>). <see cref="Total"/> is then an estimate.
    /// </summary>
    public int? Ranked { get; init; }

    public bool TotalIsEstimate => Ranked is not null;

    /// <summary>The total as a reader reads it: "1234", or "约 61 万" for an estimate.</summary>
    public string TotalText => Ranked is null
        ? Total.ToString(CultureInfo.InvariantCulture)
        : Total >= 100_000 ? $"约 {Math.Round(Total / 10_000.0):0} 万"
        : Total >= 10_000 ? $"约 {Math.Round(Total / 10_000.0, 1).ToString("0.#", CultureInfo.InvariantCulture)} 万"
        : $"约 {Total.ToString(CultureInfo.InvariantCulture)}";

    public int PageCount =>
        Math.Min(SearchRequest.MaxPage, ((Ranked ?? Total) + SearchRequest.PageSize - 1) / SearchRequest.PageSize);

    /// <summary>Whether anything was looked for: words, or at least a filter to browse by.</summary>
    public bool Searched => Words.Count > 0 || Request.HasFilters;
}
