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
    public const string Version = "3";

    /// <param name="mourning">A day of mourning (全站置灰): the page is shown in grayscale.</param>
    public string Transform(string html, PageVariant variant, bool mourning = false)
    {
        if (mourning)
            html = html.Replace("<html lang=\"zh-CN\">", "<html lang=\"zh-CN\" class=\"mourning\">",
                StringComparison.Ordinal);
        if (variant == PageVariant.Standard) return html;
        var prefix = variant.Prefix();
        html = html.Replace("<body class=\"variant-standard\">",
            variant == PageVariant.Elder
                ? "<body class=\"variant-elder elder\">"
                : "<body class=\"variant-traditional\">",
            StringComparison.Ordinal);
        if (variant == PageVariant.Elder) html = MainNavigationFirst(html);
        html = LinkTag().Replace(html, tag => RewriteLinks(tag.Value, prefix));
        if (variant != PageVariant.Traditional) return html;
        html = html.Replace("<html lang=\"zh-CN\"", "<html lang=\"zh-Hant\"", StringComparison.Ordinal);
        return ToTraditionalKeepingInput(html);
    }

    /// <summary>
    /// What a person typed into a form comes back exactly as typed: a name or an address shown again after an error
    /// would otherwise be sent in Traditional characters the next time. Input values and text areas are set aside
    /// (as private-use placeholders the converter leaves alone) while the rest of the page is converted.
    /// </summary>
    private string ToTraditionalKeepingInput(string html)
    {
        // The placeholders' own characters, if some text on the page has them, are written as the character references
        // a browser reads the same way, so that only the placeholders made here look like placeholders.
        html = html.Replace("\uE000", "&#xE000;", StringComparison.Ordinal)
            .Replace("\uE001", "&#xE001;", StringComparison.Ordinal);
        var kept = new List<string>();
        string Keep(string typed)
        {
            kept.Add(typed);
            return $"\uE000{kept.Count - 1}\uE001";
        }
        var masked = TypedValue().Replace(html, m => m.Groups[1].Value + Keep(m.Groups[2].Value) + m.Groups[3].Value);
        var converted = converter.ToTraditional(masked);
        return kept.Count == 0
            ? converted
            : KeptPlaceholder().Replace(converted, m =>
                int.TryParse(m.Groups[1].ValueSpan, System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var index) && index < kept.Count
                    ? kept[index] : m.Value);
    }

    // An input's value (quotes are always encoded inside it) or a text area's text (its < are encoded).
    [GeneratedRegex("""(<input\b[^>]*?\svalue="|<textarea\b[^>]*>)([^"<]*)("|</textarea>)""",
        RegexOptions.IgnoreCase)]
    private static partial Regex TypedValue();

    [GeneratedRegex("\uE000(\\d+)\uE001")]
    private static partial Regex KeptPlaceholder();

    /// <summary>
    /// 适老版 puts the most-used links first: the main navigation moves to the top of the header, in the document
    /// itself, so reading and keyboard order follow what is seen.
    /// </summary>
    private static string MainNavigationFirst(string html)
    {
        const string header = "<header class=\"site-header\">";
        var headerAt = html.IndexOf(header, StringComparison.Ordinal);
        var navAt = html.IndexOf("<nav class=\"main-nav\"", StringComparison.Ordinal);
        var navEnd = navAt < 0 ? -1 : html.IndexOf("</nav>", navAt, StringComparison.Ordinal);
        if (headerAt < 0 || navAt < headerAt || navEnd < 0) return html;
        navEnd += "</nav>".Length;
        var nav = html[navAt..navEnd];
        var insertAt = headerAt + header.Length;
        return html[..insertAt] + "\n  " + nav + html[insertAt..navAt] + html[navEnd..];
    }

    // The links between forms already say where they lead; everything else inside the site stays in this form.
    private static string RewriteLinks(string tag, string prefix) =>
        tag.Contains("data-variant-link", StringComparison.Ordinal)
            ? tag
            : SiteAddress().Replace(tag, address => IsPage(address.Groups["path"].Value)
                ? $"{address.Groups["attribute"].Value}=\"{prefix}/{address.Groups["path"].Value}\""
                : address.Value);

    /// <summary>Pages have forms; theme files, attachments, feeds, sitemaps, CSV downloads and the API are the same for
    /// all.</summary>
    private static bool IsPage(string path) =>
        !path.StartsWith("assets/", StringComparison.Ordinal) && !path.StartsWith("files/", StringComparison.Ordinal)
        && !path.StartsWith("api/", StringComparison.Ordinal) && !path.StartsWith('/')
        && Path.GetExtension(path.Split('?', '#')[0]).ToLowerInvariant() is not (".xml" or ".csv");

    [GeneratedRegex("<(?:a|form)\\s[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LinkTag();

    // href="/…" and action="/…": addresses on this site (not protocol-relative //host).
    [GeneratedRegex("(?<attribute>\\s(?:href|action))=\"/(?<path>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex SiteAddress();
}
