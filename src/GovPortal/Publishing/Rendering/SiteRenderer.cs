using System.Globalization;
using GovPortal.Content;
using GovPortal.Content.Disclosure;
using GovPortal.Content.Kinds;
using GovPortal.Content.Uploads;
using GovPortal.Publishing.Disclosure;
using GovPortal.Publishing.Interaction;
using GovPortal.Publishing.Output;
using GovPortal.Theme;

namespace GovPortal.Publishing.Rendering;

/// <summary>Turns page keys into files: the one place that knows what each page shows and where it lives.</summary>
public sealed partial class SiteRenderer
{
    private readonly Site _site;
    private readonly ChannelTree _tree;
    private readonly IListingSource _listings;
    private readonly RazorPageRenderer _razor;
    private readonly ThemeAssets _assets;
    private readonly UploadStore _uploads;
    private readonly SiteChrome _chrome;
    private readonly ContentKinds _kinds;
    private readonly DisclosureDirectory _disclosure;
    private readonly Catalogue _catalogue;
    private readonly IReadOnlyList<AnnualReportSnapshot> _annualReports;
    private readonly InteractionSection _interaction;

    public SiteRenderer(Site site, ChannelTree tree, IListingSource listings, RazorPageRenderer razor,
        ThemeAssets assets, UploadStore uploads, ContentKinds? kinds = null, DisclosureDirectory? disclosure = null,
        Catalogue? catalogue = null, IReadOnlyList<AnnualReportSnapshot>? annualReports = null,
        InteractionSection? interaction = null)
    {
        _interaction = interaction ?? InteractionSection.Empty;
        _catalogue = catalogue ?? Catalogue.Empty;
        _annualReports = annualReports ?? [];
        _kinds = kinds ?? ContentKinds.Default;
        _disclosure = disclosure ?? DisclosureDirectory.Empty;
        _site = site;
        _tree = tree;
        _listings = listings;
        _razor = razor;
        _assets = assets;
        _uploads = uploads;
        var navigation = new List<LinkItem> { new("首页", "/") };
        navigation.AddRange(tree.Roots.Select(c => new LinkItem(c.Name, ChannelUrl(c.Id))));
        // Every site carries the 政府信息公开 section; a site without a channel of its own address still links to it.
        if (SectionChannelId is null) navigation.Add(new LinkItem("政府信息公开", "/" + Catalogue.SectionPath + "/"));
        // …and the 互动交流 section (its address is reserved for it: no channel can take it).
        navigation.Add(new LinkItem("互动交流", InteractionHomeUrl));
        _chrome = new SiteChrome(site, navigation, "/" + assets.StylesheetPath, "/" + assets.ScriptPath);
    }

    /// <summary>The site's frame, as every page shows it.</summary>
    public SiteChrome Chrome => _chrome;

    /// <summary>Where a related file is published: a random name that carries no user input.</summary>
    public static string AttachmentPath(RelatedFile file) => $"files/{file.StoredName}.{file.Extension}";

    /// <summary>Where links to a channel lead: its folder, or the address an 外链 channel opens.</summary>
    public string ChannelUrl(int channelId) =>
        _tree[channelId] is { Type: ChannelType.Link } link ? link.LinkUrl : $"/{_tree.PathOf(channelId)}/";

    public static string ChannelPagePath(string channelPath, int page) =>
        page <= 1
            ? $"{channelPath}/index.html"
            : string.Create(CultureInfo.InvariantCulture, $"{channelPath}/index_{page}.html");

    /// <summary>
    /// Renders every key except articles, which need their full content (<see cref="RenderArticleAsync"/>).
    /// </summary>
    public async Task RenderAsync(PageKey key, OutputBatch batch)
    {
        switch (key.Kind)
        {
            case PageKind.Home:
                var home = new HomePageModel(_chrome, await HomeRowsAsync(HomeLayout.Effective(_site, _tree)));
                batch.Write(key, "index.html", await _razor.RenderAsync<HomePage, HomePageModel>(home));
                break;
            case PageKind.SiteMapPage:
                batch.Write(key, OutputLayout.SiteMapPage, await _razor.RenderAsync<SiteMapPage, SiteMapPageModel>(
                    new SiteMapPageModel(_chrome, SiteMapEntries())));
                break;
            case PageKind.Statement:
                await RenderStatementAsync(key, batch);
                break;
            case PageKind.NotFound:
                batch.Write(key, OutputLayout.NotFoundPage, await RenderNoticeAsync(
                    path: "/" + OutputLayout.NotFoundPage, title: "页面未找到",
                    ["您访问的页面不存在，可能已被删除或地址有误。", "请检查地址，或从首页和栏目导航查找所需内容。"]));
                // The notice for the addresses of withdrawn articles, answered with 410 Gone.
                batch.Write(key, OutputLayout.GonePage, await RenderNoticeAsync(
                    path: "/" + OutputLayout.GonePage, title: "此文章已撤稿",
                    ["您访问的文章已由本站撤下，不再公开。", "如需了解相关信息，请从首页和栏目导航查找最新内容，或通过页面底部的联系方式咨询。"]));
                break;
            case PageKind.ServiceNotice:
                batch.Write(key, "service/accessibility.html", await RenderNoticeAsync(
                    path: "/service/accessibility.html", title: "网站无障碍",
                    ["本站每个页面都有适老版（大字体、大按钮、简洁版面）和繁體版，可从页面顶部的链接切换。",
                     "本站页面支持读屏软件和仅用键盘浏览；您也可以使用浏览器自带的缩放功能（按 Ctrl 和加号键）放大页面。",
                     "每个页面顶部的“网站无障碍”打开无障碍工具条（需要浏览器启用脚本），提供页面缩放、行距、高对比度配色、大鼠标、十字线、大字幕和语音朗读，设置会被记住。"]));
                break;
            case PageKind.ThemeAssets:
                batch.Write(key, _assets.StylesheetPath, _assets.Stylesheet);
                batch.Write(key, _assets.ScriptPath, _assets.Script);
                await WriteLogoAsync(key, batch);
                break;
            case PageKind.ChannelList:
                await RenderChannelPageAsync(key, batch);
                break;
            case PageKind.DisclosureHome:
                await RenderDisclosureHomeAsync(key, batch);
                break;
            case PageKind.CatalogueIndex or PageKind.CatalogueTopic or PageKind.CatalogueOrganisation:
                await RenderCataloguePageAsync(key, batch);
                break;
            case PageKind.ChannelFeed or PageKind.ChannelSitemap when !_tree[key.Id].HoldsArticles():
                batch.Touch(key); // an 外链 has neither: files it had as another type are removed
                break;
            case PageKind.ChannelFeed:
                var channel = _tree[key.Id];
                var newest = await _listings.SubtreeNewestAsync(key.Id, SiteLayoutRules.FeedSize);
                batch.Write(key, $"{_tree.PathOf(key.Id)}/rss.xml",
                    FeedWriter.Write(_site, channel.Name, ChannelUrl(key.Id), newest.Select(a => a.FeedFace)));
                break;
            case PageKind.ChannelSitemap:
                var own = await _listings.OwnListAsync(key.Id);
                var urls = new List<(string, DateTime?)> { (_site.BaseUrl + ChannelUrl(key.Id), null) };
                urls.AddRange(own.Where(a => a.LinkUrl.Length == 0)
                    .Select(a => (_site.BaseUrl + a.Url, (DateTime?)a.UpdatedAtUtc)));
                batch.Write(key, $"{_tree.PathOf(key.Id)}/sitemap.xml", SitemapWriter.UrlSet(urls));
                break;
            case PageKind.SitemapIndex:
                batch.Write(key, "sitemap-site.xml", SitemapWriter.UrlSet([(_site.BaseUrl + "/", null)]));
                var sitemaps = new List<string> { _site.BaseUrl + "/sitemap-site.xml" };
                sitemaps.AddRange(_tree.All.Where(c => c.HoldsArticles())
                    .OrderBy(c => _tree.PathOf(c.Id), StringComparer.Ordinal)
                    .Select(c => $"{_site.BaseUrl}/{_tree.PathOf(c.Id)}/sitemap.xml"));
                batch.Write(key, "sitemap.xml", SitemapWriter.Index(sitemaps));
                break;
            case PageKind.AnnualReport or PageKind.AnnualReportIndex:
                await RenderAnnualReportAsync(key, batch);
                break;
            case PageKind.InteractionHome or PageKind.PublishedLetterList or PageKind.PublishedLetter
                or PageKind.LetterStatistics:
                await RenderInteractionAsync(key, batch);
                break;
            case PageKind.ConsultationIndex or PageKind.Consultation:
                await RenderConsultationAsync(key, batch);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(key), key, "Articles are rendered with their content.");
        }
    }

    /// <summary>The site's 标志, which every header shows, is published with the theme's files.</summary>
    private async Task WriteLogoAsync(PageKey key, OutputBatch batch)
    {
        if (!ArticlePictures.IsPictureName(_site.LogoImage)) return;
        var source = _uploads.PathOf(Path.GetFileNameWithoutExtension(_site.LogoImage));
        if (!File.Exists(source))
            throw new PublishException("网站标志在上传目录中找不到，请在“设置 → 网站标志”中重新上传。");
        batch.Write(key, ArticlePictures.Address(_site.LogoImage).TrimStart('/'), await File.ReadAllBytesAsync(source));
    }

    /// <summary>
    /// The 网站地图: the home page, each channel under its parent in the order of the navigation, and the sections
    /// every site carries (政府信息公开 when no channel holds it, 互动交流).
    /// </summary>
    private List<SiteMapEntry> SiteMapEntries()
    {
        SiteMapEntry Entry(Channel channel) => new(channel.Name, ChannelUrl(channel.Id),
            _tree.ChildrenOf(channel.Id).Select(Entry).ToList());
        var entries = new List<SiteMapEntry> { new("首页", "/", []) };
        entries.AddRange(_tree.Roots.Select(Entry));
        if (SectionChannelId is null) entries.Add(new("政府信息公开", "/" + Catalogue.SectionPath + "/", []));
        entries.Add(new("互动交流", InteractionHomeUrl, []));
        return entries;
    }

    private Task<byte[]> RenderNoticeAsync(string path, string title, IReadOnlyList<string> paragraphs) =>
        _razor.RenderAsync<NoticePage, NoticePageModel>(
            new NoticePageModel(Chrome: _chrome, Title: title, Paragraphs: paragraphs, Path: path));

    /// <summary>The keys of a complete site, articles excepted.</summary>
    public async Task<List<PageKey>> AllPageKeysAsync()
    {
        var keys = new List<PageKey>
        {
            PageKey.Home, PageKey.NotFound, PageKey.ServiceNotice, PageKey.ThemeAssets, PageKey.SitemapIndex,
            PageKey.SiteMapPage,
        };
        keys.AddRange(StatementKeys());
        keys.AddRange(DisclosurePageKeys());
        keys.AddRange(InteractionPageKeys());
        foreach (var channel in _tree.All)
        {
            if (!channel.HoldsArticles()) continue; // an 外链 has no pages
            // The section's channel has no list of its own: its address is the section's home. A 单页 is one page.
            var pages = channel.Id == SectionChannelId ? 0
                : channel.Type == ChannelType.SinglePage ? 1
                : SiteLayoutRules.PageCount((await _listings.OwnListAsync(channel.Id)).Count);
            for (var page = 1; page <= pages; page++) keys.Add(PageKey.ChannelList(channel.Id, page));
            keys.Add(PageKey.Feed(channel.Id));
            keys.Add(PageKey.Sitemap(channel.Id));
        }
        if (_annualReports.Count > 0) keys.AddRange(AnnualReportKeys());
        keys.AddRange(ConsultationKeys());
        return keys;
    }

    public async Task RenderArticleAsync(Article article, OutputBatch batch)
    {
        var key = PageKey.Article(article.Id);
        if (article.Url is null) throw new InvalidOperationException($"Article {article.Id} has no address yet.");
        if (article.LinkUrl.Length > 0)
        {
            batch.Touch(key); // an 外链 has no page: a page it had before is removed
            return;
        }
        foreach (var file in article.RelatedFiles.OrderBy(f => f.SortOrder).ThenBy(f => f.Id))
        {
            var path = AttachmentPath(file);
            var source = _uploads.PathOf(file.StoredName);
            if (!File.Exists(source))
                throw new PublishException($"文章《{article.Title}》的相关文件“{file.DisplayName}”在上传目录中找不到，请重新上传后再发布。");
            batch.Write(key, path, await File.ReadAllBytesAsync(source), file.DisplayName);
            if (file.Width > 0)
                foreach (var width in ArticlePictures.CopyWidths(file.Width))
                {
                    var copy = _uploads.PathOfSmaller(file.StoredName, width);
                    if (!File.Exists(copy))
                        throw new PublishException(
                            $"文章《{article.Title}》的图片“{file.DisplayName}”的缩小副本在上传目录中找不到，请重新上传后再发布。");
                    batch.Write(key, ArticlePictures.SmallerAddress(PictureName(file), width).TrimStart('/'),
                        await File.ReadAllBytesAsync(copy), file.DisplayName);
                }
        }

        var model = ArticleModel(article, article.Id, AttachmentLinks(article)) with
        {
            BodyHtml = PublishedBody(article),
        };
        var page = await _razor.RenderAsync<ArticlePage, ArticlePageModel>(model);
        batch.Write(key, article.Url.TrimStart('/'), page);
    }

    private static string PictureName(RelatedFile file) => ArticlePictures.NameOf(file.StoredName, file.Extension);

    /// <summary>The files a page lists for download; a picture shown in the body is not listed again.</summary>
    private static List<AttachmentLink> AttachmentLinks(Article article)
    {
        var shown = PicturesShown(article);
        return article.RelatedFiles.OrderBy(f => f.SortOrder).ThenBy(f => f.Id)
            .Where(f => !shown.Contains(PictureName(f)))
            .Select(f => new AttachmentLink(f.DisplayName, "/" + AttachmentPath(f), f.Extension.ToUpperInvariant(),
                FormatSize(f.SizeBytes)))
            .ToList();
    }

    /// <summary>The body as published: each picture with its size, smaller copies and lazy loading.</summary>
    private static string PublishedBody(Article article) =>
        BodyPictures.Published(article.BodyHtml, article.RelatedFiles.Where(f => f.Width > 0)
            .ToDictionary(PictureName, f => new PictureSize(f.Width, f.Height)));

    /// <summary>
    /// The pictures the article page shows in its body, by name. A 题图 shows in lists, not on the page, so a
    /// picture used only as the 题图 stays among the downloads.
    /// </summary>
    public static IReadOnlySet<string> PicturesShown(IArticleContent article) =>
        BodyPictures.NamesIn(article.BodyHtml);

    /// <summary>
    /// The article page as it would be published, for staff to preview: nothing is written anywhere. The page has no
    /// article id, so the preview is not counted as a view.
    /// </summary>
    /// <param name="staffAddress">Where staff see one of the article's pictures, by name.</param>
    public Task<string> RenderArticlePreviewAsync(Article article, IReadOnlyList<AttachmentLink> attachments,
        PreviewBanner banner, Func<string, string>? staffAddress = null) =>
        _razor.RenderHtmlAsync<ArticlePage, ArticlePageModel>(
            ArticleModel(article, 0, attachments) with
            {
                Preview = banner,
                BodyHtml = staffAddress is null
                    ? article.BodyHtml
                    : BodyPictures.Previewed(article.BodyHtml, staffAddress),
            });

    private ArticlePageModel ArticleModel(Article article, int countedId, IReadOnlyList<AttachmentLink> attachments)
    {
        var url = article.Url ?? "/";
        var absoluteUrl = _site.BaseUrl + url;
        var facts = DisclosurePageContent.Facts(article, _disclosure)
            ?? _kinds.Of(article).Facts(article).Select(f => new PageFact(f.Label, f.Value)).ToList();
        return new ArticlePageModel(
            Chrome: _chrome,
            ArticleId: countedId,
            Breadcrumb: Breadcrumb(article.ChannelId),
            Title: article.Title,
            Subtitle: article.Subtitle,
            Source: article.Source,
            Author: article.Author,
            PublishedAtUtc: article.PublishedAtUtc,
            BodyHtml: article.BodyHtml,
            Facts: facts,
            Attachments: attachments,
            AbsoluteUrl: absoluteUrl,
            QrCodeSvg: QrCodeSvg.Create(absoluteUrl, "本页地址的二维码"),
            Path: url,
            Disclosure: DisclosurePageContent.Notes(article, _disclosure),
            Byline: BylineOf(article));
    }

    // Fields a kind may not have (a 信息公开 document has no 引题) read as empty.
    private ArticleByline BylineOf(Article article)
    {
        var kind = _kinds.Of(article);
        string Field(string name) => kind.Field(name)?.Get(article) ?? "";
        return new ArticleByline(Field("kicker"), TitleLook.ClassOf(article.TitleColour, article.TitleBold),
            Field("photographer"), Field("editorInCharge"), Field("keywords"), Field(NewsKind.SourceUrlName));
    }

    /// <summary>
    /// The home page as it would be published with <paramref name="layout"/>, for staff to preview a 首页布局 before
    /// publishing it: nothing is written anywhere.
    /// </summary>
    public async Task<string> RenderHomePreviewAsync(IReadOnlyList<HomeBlock> layout, PreviewBanner banner) =>
        await _razor.RenderHtmlAsync<HomePage, HomePageModel>(
            new HomePageModel(_chrome, await HomeRowsAsync(layout), banner));

    /// <summary>
    /// The home page's rows for <paramref name="layout"/>: the 焦点图 and 专题 banners across the page, channel and link
    /// blocks side by side between them. A block whose channel was deleted or no longer fits (an 外链, a 专题 turned
    /// into a list) is left out, as is a 焦点图 without featured articles.
    /// </summary>
    private async Task<List<HomeRow>> HomeRowsAsync(IReadOnlyList<HomeBlock> layout)
    {
        var rows = new List<HomeRow>();
        List<HomeGridBlock>? grid = null;
        void Across(HomeRow row)
        {
            grid = null;
            rows.Add(row);
        }
        void Beside(HomeGridBlock block)
        {
            if (grid is null) rows.Add(new HomeRow(Grid: grid = []));
            grid.Add(block);
        }
        foreach (var block in layout)
        {
            var channel = _tree.Contains(block.ChannelId) ? _tree[block.ChannelId] : null;
            switch (block.Kind)
            {
                case HomeBlockKind.Focus when await _listings.FocusAsync() is { Count: > 0 } slides:
                    Across(new HomeRow(Focus: slides));
                    break;
                case HomeBlockKind.Topic when channel is { Type: ChannelType.Topic }:
                    Across(new HomeRow(Topic: new HomeTopicBlock(channel.Name, ChannelUrl(channel.Id),
                        TopicBannerOf(channel))));
                    break;
                case HomeBlockKind.Channel when channel is not null && channel.HoldsArticles():
                    Beside(new HomeGridBlock(Channel: new ChannelBlock(channel.Name, ChannelUrl(channel.Id),
                        (await _listings.SubtreeNewestAsync(channel.Id, SiteLayoutRules.BlockSize))
                            .Select(ToItem).ToList())));
                    break;
                case HomeBlockKind.Links:
                    Beside(new HomeGridBlock(Links: new HomeLinksBlock(block.Title,
                        HomeLayout.Links(block.LinkLines).Select(l => new LinkItem(l.Text, l.Url)).ToList())));
                    break;
            }
        }
        return rows;
    }

    private List<LinkItem> Breadcrumb(int channelId)
    {
        var crumbs = new List<LinkItem> { new("首页", "/") };
        crumbs.AddRange(_tree.AncestorsAndSelf(channelId).Select(c => new LinkItem(c.Name, ChannelUrl(c.Id))));
        return crumbs;
    }

    /// <summary>The pages of the published annual reports: the index and one per year.</summary>
    public IEnumerable<PageKey> AnnualReportKeys() =>
        [PageKey.AnnualReportIndex, .. _annualReports.Select(r => PageKey.AnnualReport(r.Year))];

    private async Task RenderAnnualReportAsync(PageKey key, OutputBatch batch)
    {
        var crumbs = new List<LinkItem> { new("首页", "/") };
        var section = _tree.All.FirstOrDefault(c => _tree.PathOf(c.Id) == "zfxxgk");
        if (section is not null) crumbs.Add(new LinkItem(section.Name, ChannelUrl(section.Id)));
        crumbs.Add(new LinkItem("政府信息公开年报", AnnualReportAddresses.IndexUrl));
        if (key.Kind == PageKind.AnnualReportIndex)
        {
            var index = new AnnualReportIndexPageModel(Chrome: _chrome,
                Reports: [.. _annualReports.OrderByDescending(r => r.Year)], Breadcrumb: crumbs,
                Path: AnnualReportAddresses.IndexUrl);
            batch.Write(key, AnnualReportAddresses.Folder + "/index.html",
                await _razor.RenderAsync<AnnualReportIndexPage, AnnualReportIndexPageModel>(index));
            return;
        }
        if (_annualReports.FirstOrDefault(r => r.Year == key.Id) is not { } report)
        {
            batch.Touch(key); // no longer published: its old files are removed
            return;
        }
        crumbs.Add(new LinkItem(report.Year + "年", report.Url));
        var model = new AnnualReportPageModel(Chrome: _chrome, Report: report, Breadcrumb: crumbs, Path: report.Url);
        batch.Write(key, report.Url.Trim('/') + "/index.html",
            await _razor.RenderAsync<AnnualReportPage, AnnualReportPageModel>(model));
    }

    private static ListItem ToItem(ArticleListing a) => a.ListFace;

    public static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB"),
    };
}
