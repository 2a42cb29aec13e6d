using GovPortal.Chinese;
using GovPortal.Publishing.Rendering;
using GovPortal.PublicSite;
using GovPortal.PublicSite.Variants;
using GovPortal.Search;
using GovPortal.Theme;

namespace GovPortal.Citizens.Pages;

/// <summary>
/// Renders the public pages of citizens' services (forms, receipts, lookups) per request in the site's frame, like
/// the search page: the frame comes from the published site, the elder and Traditional forms are made by the same
/// transformation as every page's, and nothing is cached (the pages carry a form token or a person's case).
/// </summary>
public sealed class CitizenPages(PublicSites sites, ChineseConverter converter, RazorPageRenderer razor,
    VariantTransformer variants)
{
    /// <summary>The three forms of a path: standard, 适老版 and 繁體.</summary>
    public static IEnumerable<(string Path, PageVariant Variant)> FormsOf(string path) =>
    [
        (path, PageVariant.Standard),
        (PageVariant.Elder.Prefix() + path, PageVariant.Elder),
        (PageVariant.Traditional.Prefix() + path, PageVariant.Traditional),
    ];

    /// <summary>The site's frame, or null before the site's first publish.</summary>
    public SiteChrome? ChromeFor(HttpContext context) =>
        sites.For(context) is { } site
            ? site.Search.Search(SearchRequest.Parse(QueryCollection.Empty, converter)).Site?.Chrome
            : null;

    public async Task WriteAsync<TComponent, TModel>(HttpContext context, PageVariant variant,
        Func<SiteChrome, TModel> model, int statusCode = StatusCodes.Status200OK)
        where TComponent : PageComponent<TModel>
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        // The page may show a person's case: no address of another site learns it through the Referer.
        response.Headers["Referrer-Policy"] = "no-referrer";
        if (sites.For(context) is not { } site)
        {
            await PublicSites.NoSuchSiteAsync(context);
            return;
        }
        if (ChromeFor(context) is not { } chrome)
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync("网站正在首次发布，请稍后再试。", context.RequestAborted);
            return;
        }
        var html = await razor.RenderHtmlAsync<TComponent, TModel>(model(chrome));
        html = variants.Transform(html, variant, site.Mourning.IsMourningToday());
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(html, context.RequestAborted);
    }
}
