using System.Text.RegularExpressions;
using GovPortal.Chinese;
using GovPortal.Theme;

namespace GovPortal.PublicSite.Variants;

/// <summary>
/// Makes the elder or Traditional form of a published page from its standard bytes (already proved genuine by the
/// tamper guard): the body's form class, links that stay within the form, and for Traditional the language and a
/// phrase-level conversion of all text (OpenCC). Done on the server, so readers without script and search engines
/// get it too; done at serving time, so publishing writes each page once.
/// </summary>
public sealed partial class VariantTransformer(ChineseConverter converter)
{
    /// <summary>Part of every form's ETag: a change to this class gives every transformed page a new one.</summary>
    public const string Version = "2";

    /// <param name="mourning">A day of mourning (全站置灰): the page is shown in grayscale.</param>
    public string Transform(string html, PageVariant variant, bool mourning = false)
    {
        if (mourning) html = html.Replace("<html lang=\"zh-CN\">", "<html lang=\"zh-CN\" class=\"mourning\">", StringComparison.Ordinal);
        if (variant == PageVariant.Standard) return html;
        var prefix = variant.Prefix();
        html = html.Replace("<body class=\"variant-standard\">",
            variant == PageVariant.Elder ? "<body class=\"variant-elder elder\">" : "<body class=\"variant-traditional\">", StringComparison.Ordinal);
        html = LinkTag().Replace(html, tag => RewriteLinks(tag.Value, prefix));
        if (variant != PageVariant.Traditional) return html;
        html = html.Replace("<html lang=\"zh-CN\"", "<html lang=\"zh-Hant\"", StringComparison.Ordinal);
        return converter.ToTraditional(html);
    }

    // The links between forms already say where they lead; everything else inside the site stays in this form.
    private static string RewriteLinks(string tag, string prefix) =>
        tag.Contains("data-variant-link", StringComparison.Ordinal)
            ? tag
            : SiteAddress().Replace(tag, address => IsPage(address.Groups["path"].Value)
                ? $"{address.Groups["attribute"].Value}=\"{prefix}/{address.Groups["path"].Value}\""
                : address.Value);

    /// <summary>Pages have forms; theme files, attachments, feeds, sitemaps and the API are the same for all.</summary>
    private static bool IsPage(string path) =>
        !path.StartsWith("assets/", StringComparison.Ordinal) && !path.StartsWith("files/", StringComparison.Ordinal)
        && !path.StartsWith("api/", StringComparison.Ordinal) && !path.StartsWith('/')
        && !Path.GetExtension(path.Split('?', '#')[0]).Equals(".xml", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("<(?:a|form)\\s[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LinkTag();

    // href="/…" and action="/…": addresses on this site (not protocol-relative //host).
    [GeneratedRegex("(?<attribute>\\s(?:href|action))=\"/(?<path>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex SiteAddress();
}
