using GovPortal.Content;
using GovPortal.Content.Uploads;
using GovPortal.Publishing.Output;
using GovPortal.Theme;

namespace GovPortal.Publishing.Rendering;

// A channel's own pages, by its type: a list (with a 专题's banner above it) or a 单页. An 外链 has none.
public sealed partial class SiteRenderer
{
    /// <summary>
    /// Reads one article in full (its files included) for a 单页, which shows its first article's body. Set by the
    /// publisher; a renderer without it cannot make a 单页.
    /// </summary>
    public Func<int, Task<Article?>>? LoadArticle { get; set; }

    /// <summary>Where a 专题's banner picture is published.</summary>
    public static string BannerPath(string bannerImage) => ArticlePictures.Address(bannerImage).TrimStart('/');

    private async Task RenderChannelPageAsync(PageKey key, OutputBatch batch)
    {
        var channel = _tree[key.Id];
        var own = await _listings.OwnListAsync(channel.Id);
        var pageCount = channel.Type == ChannelType.SinglePage ? 1 : SiteLayoutRules.PageCount(own.Count);
        if (key.Number > pageCount || channel.Id == SectionChannelId || !channel.HoldsArticles())
        {
            batch.Touch(key); // nothing to show any more: its old files are removed
            return;
        }
        if (channel.Type == ChannelType.SinglePage)
        {
            await RenderSinglePageAsync(key, channel, own, batch);
            return;
        }
        var items = own.Skip((key.Number - 1) * SiteLayoutRules.ListPageSize).Take(SiteLayoutRules.ListPageSize)
            .Select(a => a.FaceIn(channel.ListStyle)).ToList();
        var children = new List<ChannelBlock>();
        if (key.Number == 1)
            foreach (var child in _tree.ChildrenOf(channel.Id).Where(c => c.HoldsArticles()))
                children.Add(new ChannelBlock(child.Name, ChannelUrl(child.Id),
                    (await _listings.SubtreeNewestAsync(child.Id, SiteLayoutRules.BlockSize)).Select(ToItem).ToList()));
        var links = key.Number == 1
            ? _tree.ChildrenOf(channel.Id).Where(c => !c.HoldsArticles())
                .Select(c => new LinkItem(c.Name, ChannelUrl(c.Id))).ToList()
            : [];

        var path = _tree.PathOf(channel.Id);
        var model = new ChannelPageModel(
            Chrome: _chrome,
            ChannelName: channel.Name,
            Breadcrumb: Breadcrumb(channel.Id),
            ChildBlocks: children,
            Items: items,
            HoldsArticles: own.Count > 0,
            Pagination: new Pagination(Page: key.Number, PageCount: pageCount, FirstPageUrl: ChannelUrl(channel.Id),
                PagePattern: $"/{path}/index_{{0}}.html"),
            FeedUrl: $"/{path}/rss.xml",
            Style: channel.ListStyle,
            ChildLinks: links,
            Banner: channel.Type == ChannelType.Topic && key.Number == 1
                ? await BannerAsync(key, channel, batch) : null);
        var page = await _razor.RenderAsync<ChannelPage, ChannelPageModel>(model);
        batch.Write(key, ChannelPagePath(path, key.Number), page);
    }

    /// <summary>The 专题's banner, its picture and smaller copies published with the page that shows them.</summary>
    private async Task<TopicBanner> BannerAsync(PageKey key, Channel channel, OutputBatch batch)
    {
        if (!ArticlePictures.IsPictureName(channel.BannerImage))
            return new TopicBanner("", "", "", 0, 0, channel.Introduction);
        var stored = Path.GetFileNameWithoutExtension(channel.BannerImage);
        var source = _uploads.PathOf(stored);
        if (!File.Exists(source))
            throw new PublishException($"专题“{channel.Name}”的横幅图片在上传目录中找不到，请在栏目管理中重新上传。");
        batch.Write(key, BannerPath(channel.BannerImage), await File.ReadAllBytesAsync(source));
        foreach (var width in ArticlePictures.CopyWidths(channel.BannerWidth))
        {
            var copy = _uploads.PathOfSmaller(stored, width);
            if (!File.Exists(copy))
                throw new PublishException($"专题“{channel.Name}”的横幅图片的缩小副本在上传目录中找不到，请在栏目管理中重新上传。");
            batch.Write(key, ArticlePictures.SmallerAddress(channel.BannerImage, width).TrimStart('/'),
                await File.ReadAllBytesAsync(copy));
        }
        return TopicBannerOf(channel);
    }

    /// <summary>
    /// A 专题's banner by the addresses its own page publishes it at; the home page's 专题 block shows it from there.
    /// </summary>
    private static TopicBanner TopicBannerOf(Channel channel) =>
        ArticlePictures.IsPictureName(channel.BannerImage)
            ? new TopicBanner(ArticlePictures.Address(channel.BannerImage),
                ArticlePictures.Srcset(channel.BannerImage, channel.BannerWidth), channel.BannerAlt,
                channel.BannerWidth, channel.BannerHeight, channel.Introduction)
            : new TopicBanner("", "", "", 0, 0, channel.Introduction);

    /// <summary>
    /// A 单页 shows its first article's body in full. The article's own page publishes its files, so the page links
    /// to the same addresses and writes none itself.
    /// </summary>
    private async Task RenderSinglePageAsync(PageKey key, Channel channel, IReadOnlyList<ArticleListing> own,
        OutputBatch batch)
    {
        var first = PublishPlanner.SinglePageArticle(own);
        var article = first is null ? null
            : await (LoadArticle ?? throw new InvalidOperationException("A 单页 needs LoadArticle."))(first.Id);
        var path = _tree.PathOf(channel.Id);
        var model = new SinglePageModel(
            Chrome: _chrome,
            ChannelName: channel.Name,
            Path: ChannelUrl(channel.Id),
            Breadcrumb: Breadcrumb(channel.Id),
            BodyHtml: article is null ? "" : PublishedBody(article),
            Attachments: article is null ? [] : AttachmentLinks(article),
            UpdatedAtUtc: article?.UpdatedAtUtc);
        batch.Write(key, ChannelPagePath(path, 1), await _razor.RenderAsync<SinglePage, SinglePageModel>(model));
    }
}
