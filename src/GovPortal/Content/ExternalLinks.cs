namespace GovPortal.Content;

/// <summary>
/// 外链文章: a list entry that opens another address (the province's service platform, a national policy page) and
/// has no page of its own. Its list entries, feed items and search result open the address; no article page, site-map
/// entry or view count is made for it.
/// </summary>
public static class ExternalLinks
{
    public const int MaxLength = 500;

    /// <returns>What is wrong with <paramref name="address"/> in Chinese, or null ("" means none).</returns>
    public static string? Problem(string address)
    {
        address = address.Trim(); // kept trimmed (the field's setter trims)
        if (address.Length == 0) return null;
        // Only a complete web address: a relative one would point into this site, and a javascript: or data:
        // address would run in the reader's browser.
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0
            || address.Any(char.IsWhiteSpace) || !string.IsNullOrEmpty(uri.UserInfo))
            return "外链地址须是以 http:// 或 https:// 开头的完整网址，例如 https://www.jiangsu.gov.cn/ 。";
        return null;
    }

    /// <summary>The address a list entry opens: the link when there is one, otherwise the page's own address.</summary>
    public static string Target(string pageUrl, string linkUrl) => linkUrl.Length > 0 ? linkUrl : pageUrl;

    /// <summary>An address as a feed or site map writes it: site-relative ones get the site's base address.</summary>
    public static string Absolute(string baseUrl, string url) => url.StartsWith('/') ? baseUrl + url : url;
}
