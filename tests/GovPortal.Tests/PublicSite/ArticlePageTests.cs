using System.Net;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.PublicSite;

/// <summary>The seed article, served from the published output, shows every element of the captured page.</summary>
public sealed class ArticlePageTests(DemoPortalFixture fixture) : IClassFixture<DemoPortalFixture>
{
    private RunningPortal Portal => fixture.Portal;

    [Fact]
    public async Task Seed_article_has_the_header_breadcrumb_title_and_meta_of_the_original()
    {
        var seed = await Portal.SeedArticleAsync();
        Assert.Equal("/xwzx/xcyw/202310/t20231012_" + seed.Id + ".html", seed.Url);
        var (status, page) = await Portal.Client.GetDocumentAsync(seed.Url!);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("苏州市相城区人民政府", page.QuerySelector(".site-name").Text());
        var services = page.QuerySelectorAll(".service-links a").Select(a => a.Text()).ToList();
        // the stylesheet shows those for this form
        Assert.Equal(["用户登录", "网站无障碍", "适老版", "返回标准版", "繁體", "简体"], services);

        var crumbs = page.QuerySelectorAll(".breadcrumb a").Select(a => (a.Text(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("首页", "/"), ("新闻中心", "/xwzx/"), ("相城要闻", "/xwzx/xcyw/")], crumbs);
        Assert.StartsWith("当前位置：", page.QuerySelector(".breadcrumb").Text());

        Assert.Equal(PortalData.SeedTitle, page.QuerySelector("article h1").Text());
        var meta = page.QuerySelector(".article-meta").Text();
        Assert.Contains("来源：相城区融媒体中心", meta);
        Assert.Contains("发布日期：2023-10-12 19:13", meta);
        Assert.Contains("访问量：", meta);
        Assert.Equal(["大", "中", "小"], page.QuerySelectorAll(".font-size label").Select(l => l.Text()).ToList());
    }

    [Fact]
    public async Task Seed_article_body_is_clean_simplified_chinese_with_every_paragraph_and_the_byline()
    {
        var seed = await Portal.SeedArticleAsync();
        var (_, page) = await Portal.Client.GetDocumentAsync(seed.Url!);
        var paragraphs = page.QuerySelectorAll(".article-body p").Select(p => p.Text()).ToList();

        Assert.Equal(9, paragraphs.Count); // the eight paragraphs of the capture, then the byline
        Assert.StartsWith("10月12日，全区生态环境保护大会召开。区委书记沈志栋出席会议并讲话", paragraphs[0]);
        Assert.Equal("相城经开区、苏相合作区、度假区（阳澄湖镇）、望亭镇、区农业农村局、相城生态环境局作表态发言。", paragraphs[6]);
        Assert.EndsWith("参加会议。", paragraphs[7]);
        Assert.Equal("（相城区融媒体中心 庞淑婕）", paragraphs[8]);

        var body = page.QuerySelector(".article-body").Text();
        Assert.DoesNotContain("(qū)", body);
        Assert.DoesNotMatch(@"\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)", body);
        foreach (var traditional in new[] { "區", "發", "環", "會", "書", "棟", "龐" })
            Assert.DoesNotContain(traditional, body);
    }

    [Fact]
    public async Task The_injected_spam_line_is_published_nowhere()
    {
        foreach (var file in Directory.EnumerateFiles(Portal.Output.PublicDirectory, "*",
            SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".html") || f.EndsWith(".xml")))
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain("视频在线观看", text);
            Assert.DoesNotContain("AV在线", text);
        }
    }

    [Fact]
    public async Task Related_files_download_with_their_name_and_size()
    {
        var seed = await Portal.SeedArticleAsync();
        var (_, page) = await Portal.Client.GetDocumentAsync(seed.Url!);
        var link = page.QuerySelector(".related-files a")!;
        Assert.Equal("相城区生态环境保护大会新闻稿.docx", link.Text());
        Assert.Matches(@"（DOCX，\d+(\.\d)? KB）", page.QuerySelector(".related-files .file-info").Text());

        using var download = await Portal.Client.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("相城区生态环境保护大会新闻稿.docx", download.Content.Headers.ContentDisposition.FileNameStar);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(seed.RelatedFiles.Single().SizeBytes, bytes.Length);
        Assert.Equal((byte)'P', bytes[0]); // a real zip (docx) container
        Assert.Equal((byte)'K', bytes[1]);
    }

    [Fact]
    public async Task Qr_code_share_links_page_actions_and_footer_are_present()
    {
        var seed = await Portal.SeedArticleAsync();
        var (_, page) = await Portal.Client.GetDocumentAsync(seed.Url!);
        var absoluteUrl = "https://www.szxc.gov.cn" + seed.Url;

        Assert.Equal("扫一扫在手机打开当前页", page.QuerySelector(".qr-code h2").Text());
        var svg = page.QuerySelector(".qr-code svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.NotEmpty(svg.QuerySelector("path")!.GetAttribute("d")!);

        var share = page.QuerySelectorAll(".share a").ToList();
        Assert.Equal("#qr-code", share[0].GetAttribute("href"));
        Assert.Contains("微信", share[0].Text());
        foreach (var (link, host) in new[] { (share[1], "service.weibo.com"), (share[2], "sns.qzone.qq.com") })
        {
            var href = new Uri(link.GetAttribute("href")!);
            Assert.Equal(host, href.Host);
            var query = System.Web.HttpUtility.ParseQueryString(href.Query);
            Assert.Equal(absoluteUrl, query["url"]);
            Assert.Equal(PortalData.SeedTitle, query["title"]);
        }
        Assert.All(page.QuerySelectorAll("script"), s => Assert.StartsWith("/assets/", s.GetAttribute("src")));

        Assert.Equal(["打印本页", "关闭窗口"], page.QuerySelectorAll(".page-actions button").Select(b => b.Text()).ToList());
        var footer = page.QuerySelector(".site-footer").Text();
        foreach (var fact in new[] { "主办单位：苏州市相城区人民政府办公室", "承办单位：", "网站标识码：3205070001", "苏ICP备", "苏公网安备", "联系电话：" })
            Assert.Contains(fact, footer);
        Assert.Equal(absoluteUrl, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Qr_code_encodes_the_page_address()
    {
        // The same generator, same input, gives the same symbol: the page carries the code of its own address.
        var seed = await Portal.SeedArticleAsync();
        var (_, page) = await Portal.Client.GetDocumentAsync(seed.Url!);
        var expected =
            Html.Parse(GovPortal.Publishing.Rendering.QrCodeSvg.Create("https://www.szxc.gov.cn" + seed.Url, "x"));
        Assert.Equal(expected.QuerySelector("path")!.GetAttribute("d"),
            page.QuerySelector(".qr-code path")!.GetAttribute("d"));
    }
}
