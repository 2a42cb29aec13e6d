using System.Net;
using System.Xml.Linq;
using GovPortal.Data.Demo;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.PublicSite;

/// <summary>Every other page type of the demo site: home, channel lists, 404, feeds, sitemaps, notices.</summary>
public sealed class SitePagesTests(DemoPortalFixture fixture) : IClassFixture<DemoPortalFixture>
{
    private RunningPortal Portal => fixture.Portal;

    [Fact]
    public async Task Home_page_has_a_block_per_home_channel_with_its_newest_articles()
    {
        var (status, page) = await Portal.Client.GetDocumentAsync("/");
        Assert.Equal(HttpStatusCode.OK, status);
        var blocks = page.QuerySelectorAll(".channel-block").ToList();
        Assert.Equal(["相城要闻", "部门动态", "通知公告", "政策文件"], blocks.Select(b => b.QuerySelector("h2").Text()).ToList());
        foreach (var block in blocks)
        {
            var dates = block.QuerySelectorAll("time").Select(t => t.Text()).ToList();
            Assert.Equal(8, dates.Count);
            Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
        }
        Assert.Equal(["首页", "新闻中心", "政策文件", "政府信息公开", "走进相城", "办事服务", "互动交流"],
            page.QuerySelectorAll(".main-nav a").Select(a => a.Text()).ToList());
    }

    [Fact]
    public async Task Headline_channel_spans_several_list_pages_of_twenty_newest_first()
    {
        var expectedArticles = DemoSiteSeeder.GeneratedCounts["xcyw"] + 1;
        var pageCount = (expectedArticles + 19) / 20;
        Assert.True(pageCount >= 3);

        var seen = new List<string>();
        string? previousLast = null;
        for (var n = 1; n <= pageCount; n++)
        {
            var url = n == 1 ? "/xwzx/xcyw/" : $"/xwzx/xcyw/index_{n}.html";
            var (status, page) = await Portal.Client.GetDocumentAsync(url);
            Assert.Equal(HttpStatusCode.OK, status);
            var items = page.QuerySelectorAll(".channel-list .article-list li").ToList();
            Assert.Equal(n < pageCount ? 20 : expectedArticles - 20 * (pageCount - 1), items.Count);
            var stamps = items.Select(i => i.QuerySelector("time")!.GetAttribute("datetime")!).ToList();
            Assert.Equal(stamps.OrderByDescending(s => s, StringComparer.Ordinal), stamps);
            if (previousLast is not null) Assert.True(string.CompareOrdinal(previousLast, stamps[0]) >= 0);
            previousLast = stamps[^1];
            seen.AddRange(items.Select(i => i.QuerySelector("a")!.GetAttribute("href")!));
            Assert.Contains($"第 {n} 页 / 共 {pageCount} 页", page.QuerySelector(".pagination").Text());
            Assert.Equal("page", page.QuerySelector($".pagination a[aria-current]")!.GetAttribute("aria-current"));
            if (n < pageCount) Assert.Equal($"/xwzx/xcyw/index_{n + 1}.html",
                page.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href"));
        }
        Assert.Equal(expectedArticles, seen.Distinct().Count());
        Assert.Contains((await Portal.SeedArticleAsync()).Url, seen);

        using var beyond = await Portal.Client.GetAsync($"/xwzx/xcyw/index_{pageCount + 1}.html");
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
    }

    [Fact]
    public async Task Parent_channel_shows_a_block_per_sub_channel()
    {
        var (_, page) = await Portal.Client.GetDocumentAsync("/xwzx/");
        Assert.Equal("新闻中心", page.QuerySelector("main h1").Text());
        Assert.Equal(["相城要闻", "部门动态", "通知公告"],
            page.QuerySelectorAll(".channel-block h2").Select(h => h.Text()).ToList());
        Assert.Equal("/xwzx/xcyw/", page.QuerySelector(".channel-block .more")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Missing_pages_get_the_themed_404_page_with_status_404()
    {
        using var response = await Portal.Client.GetAsync("/no/such/page.html");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("页面未找到", page.QuerySelector("main h1").Text());
        Assert.Equal("苏州市相城区人民政府", page.QuerySelector(".site-name").Text());
    }

    [Fact]
    public async Task Each_channel_has_an_rss_feed_of_its_newest_articles()
    {
        var feed = XDocument.Parse(await Portal.Client.GetStringAsync("/xwzx/xcyw/rss.xml"));
        var items = feed.Descendants("item").ToList();
        Assert.Equal(20, items.Count);
        Assert.All(items, i => Assert.StartsWith("https://www.szxc.gov.cn/xwzx/xcyw/", i.Element("link")!.Value));
        var dates = items.Select(i => DateTime.Parse(i.Element("pubDate")!.Value,
            System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);

        // A parent channel's feed carries its sub-channels' news.
        var parent = XDocument.Parse(await Portal.Client.GetStringAsync("/xwzx/rss.xml"));
        Assert.Equal(20, parent.Descendants("item").Count());
        using var response = await Portal.Client.GetAsync("/zcwj/rss.xml");
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Sitemap_index_lists_channel_sitemaps_that_list_every_article()
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var index = XDocument.Parse(await Portal.Client.GetStringAsync("/sitemap.xml"));
        var sitemaps = index.Descendants(ns + "loc").Select(l => new Uri(l.Value).AbsolutePath).ToList();
        Assert.Contains("/xwzx/xcyw/sitemap.xml", sitemaps);
        // the site itself, five news channels, the 单页 走进相城 and the 政府信息公开 section's five (an 外链 has none)
        Assert.Equal(7 + DemoDisclosureSeeder.ChannelCount, sitemaps.Count);

        var urls = new List<string>();
        foreach (var path in sitemaps)
            urls.AddRange(XDocument.Parse(await Portal.Client.GetStringAsync(path)).Descendants(ns + "loc")
                .Select(l => l.Value));
        var articleCount = DemoSiteSeeder.GeneratedCounts.Values.Sum() + 1 + DemoDisclosureSeeder.ArticleCount
            + DemoChannelTypes.ArticleCount;
        Assert.Equal(articleCount, urls.Count(u => u.EndsWith(".html")));
        Assert.Contains("https://www.szxc.gov.cn" + (await Portal.SeedArticleAsync()).Url, urls);
    }

    [Fact]
    public async Task The_accessibility_entry_says_what_each_page_offers()
    {
        var (status, page) = await Portal.Client.GetDocumentAsync("/service/accessibility.html");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("网站无障碍", page.QuerySelector("main h1").Text());
        Assert.Contains("适老版", page.QuerySelector("main").Text());
        Assert.Contains("语音朗读", page.QuerySelector("main").Text());
        Assert.DoesNotContain("建设中", page.QuerySelector("main").Text()); // the toolbar exists now
        using var gone = await Portal.Client.GetAsync("/service/elder.html"); // the elder form of each page replaced it
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
