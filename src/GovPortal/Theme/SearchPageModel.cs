using System.Globalization;
using System.Text;
using GovPortal.Search;

namespace GovPortal.Theme;

/// <param name="Limited">Set on the page that answers a reader who searched too often.</param>
public sealed record SearchPageModel(SiteChrome Chrome, SearchResults Results, PageVariant Variant, string? Limited = null)
{
    public string SearchPath => Variant.Prefix() + "/search";

    /// <summary>The same search on another page or in another form of the site.</summary>
    public string Link(int page, PageVariant? variant = null)
    {
        var request = Results.Request;
        var query = new StringBuilder((variant ?? Variant).Prefix()).Append("/search?q=").Append(Uri.EscapeDataString(request.Query));
        if (request.ChannelId is { } channel) query.Append("&channel=").Append(channel.ToString(CultureInfo.InvariantCulture));
        if (request.From is { } from) query.Append("&from=").Append(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (request.To is { } to) query.Append("&to=").Append(to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (request.Order == SearchOrder.Newest) query.Append("&sort=date");
        if (page > 1) query.Append("&page=").Append(page.ToString(CultureInfo.InvariantCulture));
        return query.ToString();
    }
}
