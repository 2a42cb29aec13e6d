using System.Globalization;
using System.Text;
using GovPortal.Search;

namespace GovPortal.Theme;

/// <summary>
/// The search page, always rendered in the standard form; its elder and Traditional forms are made from it like any
/// other page's (see PublicSite/Variants/VariantTransformer).
/// </summary>
/// <param name="Limited">Set on the page that answers a reader who searched too often.</param>
/// <param name="OffersAllSites">Whether the page offers 全部站点 (the platform's first site, with several sites).</param>
public sealed record SearchPageModel(SiteChrome Chrome, SearchResults Results, string? Limited = null,
    bool OffersAllSites = false)
{
    public const string SearchPath = "/search";

    /// <summary>The same search on another page of results.</summary>
    public string Link(int page)
    {
        var request = Results.Request;
        var query = new StringBuilder(SearchPath).Append("?q=").Append(Uri.EscapeDataString(request.Query));
        if (request.ChannelId is { } channel)
            query.Append("&channel=").Append(channel.ToString(CultureInfo.InvariantCulture));
        if (request.From is { } from)
            query.Append("&from=").Append(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (request.To is { } to) query.Append("&to=").Append(to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (request.DocumentsOnly) query.Append("&type=").Append(SearchRequest.DocumentsType);
        if (request.Validity is { } validity)
            query.Append("&validity=").Append(SearchRequest.ValidityValue(validity));
        if (request.Order == SearchOrder.Newest) query.Append("&sort=date");
        if (request.AllSites) query.Append("&scope=").Append(SearchRequest.AllSitesScope);
        if (page > 1) query.Append("&page=").Append(page.ToString(CultureInfo.InvariantCulture));
        return query.ToString();
    }
}
