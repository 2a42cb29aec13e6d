using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using GovPortal.Chinese;
using GovPortal.Content;
using GovPortal.Content.Disclosure;
using GovPortal.Publishing.Output;
using GovPortal.Publishing.Rendering;
using GovPortal.PublicSite.Variants;
using GovPortal.Search;
using GovPortal.Theme;
using Microsoft.AspNetCore.RateLimiting;

namespace GovPortal.PublicSite;

/// <summary>How often one client may search: enough for a person, too little for a scraper.</summary>
public sealed record SearchLimits(int PermitLimit = 30, int WindowSeconds = 10);

/// <summary>站内搜索: the results page in each form of the site, and the JSON API for other government systems.</summary>
public static class SearchEndpoints
{
    public const string RateLimitPolicy = "search";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Chinese stays readable; characters that matter to HTML are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private static readonly Dictionary<string, PageVariant> Pages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/search"] = PageVariant.Standard,
        ["/elder/search"] = PageVariant.Elder,
        ["/zh-hant/search"] = PageVariant.Traditional,
    };

    /// <summary>Whether a path is a search page, which the output server must leave to the router.</summary>
    public static bool IsSearchPage(PathString path) => path.HasValue && Pages.ContainsKey(path.Value!.TrimEnd('/'));

    public static IServiceCollection AddSiteSearch(this IServiceCollection services)
    {
        services.AddSingleton(new SearchLimits());
        services.AddSingleton<Shared.ProcessWindowLimits>();
        services.AddSingleton(provider => new SiteSearch(provider.GetRequiredService<OutputLayout>(),
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<SiteSearch>>(),
            provider.GetRequiredService<SearchIndex>()));
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(RateLimitPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<SearchLimits>();
                var client = Content.ClientKey.Of(context.Connection.RemoteIpAddress);
                // Behind a balancer the count is shared by every node, asked by the endpoint filter below.
                if (context.RequestServices.GetService<Shared.ISharedRateLimits>() is not null)
                    return RateLimitPartition.GetNoLimiter(client);
                return RateLimitPartition.GetFixedWindowLimiter(client,
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.PermitLimit,
                        Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                        QueueLimit = 0,
                    });
            });
            options.OnRejected = (rejected, cancellationToken) => TooManyAsync(rejected.HttpContext, cancellationToken);
        });
        return services;
    }

    public static void MapSiteSearch(this WebApplication app)
    {
        foreach (var (path, variant) in Pages)
            app.MapGet(path, (HttpContext context, CancellationToken cancellationToken) =>
                    PageAsync(context, variant, null, cancellationToken))
                .RequireRateLimiting(RateLimitPolicy).AddEndpointFilter(SharedLimitAsync);
        app.MapGet("/api/search", ApiAsync).RequireRateLimiting(RateLimitPolicy).AddEndpointFilter(SharedLimitAsync);
    }

    /// <summary>
    /// With a shared store (Redis), a reader's searches are counted once across every node; while the store is away,
    /// by this process alone, as without one.
    /// </summary>
    private static async ValueTask<object?> SharedLimitAsync(EndpointFilterInvocationContext invocation,
        EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (context.RequestServices.GetService<Shared.ISharedRateLimits>() is not { } shared)
            return await next(invocation);
        var limits = context.RequestServices.GetRequiredService<SearchLimits>();
        var client = Content.ClientKey.Of(context.Connection.RemoteIpAddress);
        var window = TimeSpan.FromSeconds(limits.WindowSeconds);
        var allowed = await shared.TryTakeAsync("search", client, limits.PermitLimit, window)
            ?? context.RequestServices.GetRequiredService<Shared.ProcessWindowLimits>()
                .Take("search", client, limits.PermitLimit, window);
        if (allowed) return await next(invocation);
        await TooManyAsync(context, context.RequestAborted);
        return Results.Empty;
    }

    private static async Task PageAsync(HttpContext context, PageVariant variant, string? limited,
        CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        if (services.GetRequiredService<PublicSites>().For(context) is not { } site)
        {
            await PublicSites.NoSuchSiteAsync(context);
            return;
        }
        var request = SearchRequest.Parse(limited is null ? context.Request.Query : QueryCollection.Empty,
            services.GetRequiredService<ChineseConverter>());
        var sites = services.GetRequiredService<PublicSites>();
        // 站群搜索 is the platform's first site's: it searches every running site's own index at once.
        var offersAllSites = sites.All.Count > 1 && sites.All[0] == site;
        if (request.AllSites && !offersAllSites)
            request = request with { AllSites = false, Notices = [.. request.Notices, "本站只能搜索本站内容。"] };
        if (limited is not null) request = request with { Query = "", MatchText = "", AllSites = false };
        var results = request.AllSites
            ? site.Search.SearchPlatform(request, sites.PublishedSiteOf(site)?.Name ?? "", OtherSites(sites, site))
            : site.Search.Search(request);
        context.Response.Headers.CacheControl = "no-cache";
        if (results.Site is null)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("站内搜索暂时不可用：网站正在首次发布，请稍后再试。", cancellationToken);
            return;
        }
        var html = await services.GetRequiredService<RazorPageRenderer>().RenderHtmlAsync<SearchPage, SearchPageModel>(
            new SearchPageModel(Chrome: results.Site.Chrome, Results: results, Limited: limited,
                OffersAllSites: offersAllSites));
        // The elder and Traditional forms are made as every page's are: on the server, so they need no script.
        html = services.GetRequiredService<VariantTransformer>()
            .Transform(html, variant, site.Mourning.IsMourningToday());
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html, cancellationToken);
    }

    /// <summary>Every running site but <paramref name="home"/>, with the name and address it published.</summary>
    private static List<SiteSearch.PlatformSite> OtherSites(PublicSites sites, PublicSiteOutput home) =>
        [.. sites.All.Where(s => s != home && !sites.IsSuspended(s))
            .Select(s => (Output: s, Published: sites.PublishedSiteOf(s)))
            .Where(s => s.Published is not null)
            .Select(s => new SiteSearch.PlatformSite(s.Output.Search, s.Published!.Name,
                s.Published.BaseUrl.TrimEnd('/')))];

    private static IResult ApiAsync(HttpContext context, PublicSites sites, ChineseConverter converter)
    {
        if (sites.For(context) is not { } site)
            return Results.Json(new { error = "本服务器上没有这个网站。" }, Json, statusCode: StatusCodes.Status404NotFound);
        var results = site.Search.Search(SearchRequest.Parse(context.Request.Query, converter));
        var request = results.Request;
        var baseUrl = results.Site?.Chrome.Site.BaseUrl ?? "";
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Json(new
        {
            query = request.Query,
            words = results.Words,
            channel = request.ChannelId,
            from = request.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            to = request.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            sort = request.Order == SearchOrder.Newest ? "date" : "relevance",
            type = request.DocumentsOnly ? SearchRequest.DocumentsType : null,
            validity = request.Validity is { } wanted ? SearchRequest.ValidityValue(wanted) : null,
            page = request.Page,
            pageSize = SearchRequest.PageSize,
            total = results.Total,
            // An estimate when the search matched too many articles to rank them all; ranked says how many it did.
            totalIsEstimate = results.TotalIsEstimate,
            ranked = results.Ranked,
            pageCount = results.PageCount,
            notices = results.Notices,
            results = results.Hits.Select(hit => new
            {
                id = hit.ArticleId,
                title = hit.Title,
                titleHtml = hit.TitleHtml,
                url = baseUrl + hit.Url,
                channel = new { id = hit.ChannelId, name = hit.ChannelName },
                publishedAt = ChinaTime.Format(hit.PublishedAtUtc),
                snippetHtml = hit.SnippetHtml,
                file = hit.FileName is null ? null : new { name = hit.FileName, url = baseUrl + hit.FileUrl },
                // 信息公开 documents only: their numbers and 有效性 (null for other content).
                document = hit.Validity is not { } validity ? null : new
                {
                    indexNumber = hit.IndexNumber,
                    documentNumber = hit.DocumentNumber,
                    validity = SearchRequest.ValidityValue(validity),
                    validityLabel = DocumentValidities.Label(validity),
                },
            }),
        }, Json, statusCode: results.Site is null ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    private static async ValueTask TooManyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var limits = context.RequestServices.GetRequiredService<SearchLimits>();
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = limits.WindowSeconds.ToString(CultureInfo.InvariantCulture);
        var message = $"您的搜索过于频繁，请等待 {limits.WindowSeconds} 秒后再试。";
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await context.Response.WriteAsJsonAsync(new { error = message }, Json, cancellationToken);
            return;
        }
        var variant = Pages.TryGetValue(context.Request.Path.Value!.TrimEnd('/'), out var v) ? v : PageVariant.Standard;
        await PageAsync(context, variant, message, cancellationToken);
    }
}
