using System.Net;
using System.Net.Http.Headers;
using GovPortal.Data.Demo;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.PublicSite;

/// <summary>Every public page in its elder (/elder/…) and Traditional (/zh-hant/…) forms, made on the server.</summary>
public sealed class PageFormsTests(DemoPortalFixture fixture) : IClassFixture<DemoPortalFixture>
{
    private RunningPortal Portal => fixture.Portal;

    [Fact]
    public async Task The_traditional_article_page_is_converted_phrase_by_phrase_and_links_stay_traditional()
    {
        var seed = await Portal.SeedArticleAsync();
        var (status, page) = await Portal.Client.GetDocumentAsync("/zh-hant" + seed.Url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("zh-Hant", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("相城區召開生態環境保護大會", page.QuerySelector("article h1").Text());
        Assert.Contains("發佈日期：2023-10-12 19:13", page.QuerySelector(".article-meta").Text());
        Assert.Contains("沈志棟", page.QuerySelector(".article-body").Text());
        Assert.Equal("蘇州市相城區人民政府", page.QuerySelector(".site-name").Text());

        var crumbs = page.QuerySelectorAll(".breadcrumb a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/zh-hant/", "/zh-hant/xwzx/", "/zh-hant/xwzx/xcyw/"], crumbs);
        // Every link into the site stays in the form; an 外链 channel (办事服务) leads out of the site as it is.
        Assert.All(page.QuerySelectorAll(".main-nav a"), a => Assert.StartsWith(
            a.TextContent == "辦事服務" ? DemoChannelTypes.ServicePlatform : "/zh-hant/", a.GetAttribute("href")));
        Assert.Equal("/zh-hant/search", page.QuerySelector("header form[role=search]")!.GetAttribute("action"));
        // Theme files and attachments have one address for every form.
        Assert.StartsWith("/assets/", page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        Assert.StartsWith("/files/", page.QuerySelector(".related-files a")!.GetAttribute("href"));
        // The way back to Simplified.
        var back = page.QuerySelector("[data-show=traditional] a")!;
        Assert.Equal(seed.Url, back.GetAttribute("href"));
    }

    [Fact]
    public async Task The_standard_page_links_to_its_elder_and_traditional_forms()
    {
        var seed = await Portal.SeedArticleAsync();
        var (_, page) = await Portal.Client.GetDocumentAsync(seed.Url!);

        Assert.Equal("variant-standard", page.Body!.ClassName);
        Assert.Equal("/elder" + seed.Url, page.QuerySelector("a[data-variant-link=elder]")!.GetAttribute("href"));
        Assert.Equal("/zh-hant" + seed.Url,
            page.QuerySelector("a[data-variant-link=traditional]")!.GetAttribute("href"));
        Assert.Equal("繁體", page.QuerySelector("a[data-variant-link=traditional]").Text());
    }

    [Theory]
    [InlineData("/elder/", "/")]
    [InlineData("/elder/xwzx/xcyw/", "/xwzx/xcyw/")]
    [InlineData("/elder/xwzx/xcyw/index_2.html", "/xwzx/xcyw/index_2.html")]
    public async Task Elder_pages_use_the_elder_layout_and_lead_back_to_the_standard_page(string path, string standard)
    {
        var (status, page) = await Portal.Client.GetDocumentAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("elder", page.Body!.ClassList);
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        var back = page.QuerySelector("[data-show=elder] a")!;
        Assert.Equal("返回标准版", back.Text());
        Assert.Equal(standard, back.GetAttribute("href"));
        Assert.All(page.QuerySelectorAll("main a[href^='/']")
            .Where(a => !a.GetAttribute("href")!.StartsWith("/files/") && !a.GetAttribute("href")!.EndsWith(".xml")),
            a => Assert.StartsWith("/elder/", a.GetAttribute("href")));
    }

    [Fact]
    public async Task The_elder_form_puts_the_main_navigation_first()
    {
        var (_, standard) = await Portal.Client.GetDocumentAsync("/");
        var (_, elder) = await Portal.Client.GetDocumentAsync("/elder/");

        static string? First(AngleSharp.Dom.IDocument page) =>
            page.QuerySelector(".site-header")!.Children.First(e => e.LocalName != "template").ClassName;
        Assert.Equal("topbar", First(standard));
        Assert.Equal("main-nav", First(elder));
        Assert.Equal(standard.QuerySelectorAll(".main-nav a").Select(a => a.GetAttribute("href")!)
                .Select(href => href.StartsWith('/') ? "/elder" + href : href),
            elder.QuerySelectorAll(".main-nav a").Select(a => a.GetAttribute("href")));
        Assert.Single(elder.QuerySelectorAll(".main-nav"));
    }

    [Fact]
    public async Task Pages_are_the_same_content_in_every_form()
    {
        var (_, standard) = await Portal.Client.GetDocumentAsync("/xwzx/xcyw/");
        var (_, elder) = await Portal.Client.GetDocumentAsync("/elder/xwzx/xcyw/");
        var (_, traditional) = await Portal.Client.GetDocumentAsync("/zh-hant/xwzx/xcyw/");

        var links = standard.QuerySelectorAll(".channel-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(links.Select(l => "/elder" + l),
            elder.QuerySelectorAll(".channel-list a").Select(a => a.GetAttribute("href")));
        Assert.Equal(links.Select(l => "/zh-hant" + l),
            traditional.QuerySelectorAll(".channel-list a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/zh-hant", "/zh-hant/")]
    [InlineData("/elder", "/elder/")]
    [InlineData("/zh-hant/xwzx/xcyw", "/zh-hant/xwzx/xcyw/")]
    public async Task A_form_folder_without_its_slash_is_redirected(string path, string location)
    {
        using var response = await Portal.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/zh-hant/no-such-page.html")]
    [InlineData("/zh-hant/xwzx/rss.xml")] // feeds, theme files and attachments have no forms
    [InlineData("/elder/sitemap.xml")]
    [InlineData("/zh-hantx/index.html")]
    public async Task What_has_no_form_is_a_404_in_the_form_asked_for(string path)
    {
        using var response = await Portal.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        var expected = path.StartsWith("/zh-hant/") ? "頁面未找到" : "页面未找到";
        Assert.Equal(expected, page.QuerySelector("main h1").Text());
    }

    [Fact]
    public async Task Forms_are_compressed_cached_and_revalidated_like_any_page()
    {
        var seed = await Portal.SeedArticleAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/zh-hant" + seed.Url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var response = await Portal.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        var etag = response.Headers.ETag!;
        await using (var brotli = new System.IO.Compression.BrotliStream(await response.Content.ReadAsStreamAsync(),
            System.IO.Compression.CompressionMode.Decompress))
        using (var reader = new StreamReader(brotli))
            Assert.Contains("相城區召開生態環境保護大會", await reader.ReadToEndAsync());

        using var again = new HttpRequestMessage(HttpMethod.Get, "/zh-hant" + seed.Url);
        again.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await Portal.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var plain = await Portal.Client.GetAsync("/zh-hant" + seed.Url);
        Assert.NotEqual(etag, plain.Headers.ETag);
        Assert.Equal("text/html; charset=utf-8", plain.Content.Headers.ContentType!.ToString());
        Assert.Equal(Microsoft.Net.Http.Headers.HeaderNames.AcceptEncoding, Assert.Single(plain.Headers.Vary));
    }

    [Fact]
    public async Task Search_pages_link_to_their_other_forms_with_the_same_search()
    {
        var (_, page) = await Portal.Client.GetDocumentAsync("/zh-hant/search?q=" + Uri.EscapeDataString("沈志栋"));
        Assert.Equal("/search?q=" + Uri.EscapeDataString("沈志栋"),
            page.QuerySelector("[data-show=traditional] a")!.GetAttribute("href"));
        Assert.Equal("/elder/search?q=" + Uri.EscapeDataString("沈志栋"),
            page.QuerySelector("a[data-variant-link=elder]")!.GetAttribute("href"));
    }
}
