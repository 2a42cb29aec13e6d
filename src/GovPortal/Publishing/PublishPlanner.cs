using GovPortal.Content;
using GovPortal.Publishing.Disclosure;

namespace GovPortal.Publishing;

/// <summary>
/// Decides which pages one article change touches by comparing what each candidate page would show before and
/// after the change. A page is rendered only if its content differs; pages that no longer exist are removed.
/// Cost depends on the size of the article's channel, never on the size of the site.
/// </summary>
public static class PublishPlanner
{
    public static PublishPlan PlanArticleChange(ChannelTree tree, int articleId, ListingSnapshot before,
        ListingSnapshot after)
    {
        var plan = new PublishPlan();

        if (after.ArticlePublished) plan.Render.Add(PageKey.Article(articleId));
        else if (before.ArticlePublished) plan.Remove.Add(PageKey.Article(articleId));

        // The 政府信息公开 section's channel has no list pages: its address is the section's home.
        var section = Catalogue.SectionChannelId(tree);
        foreach (var channelId in before.OwnLists.Keys.Union(after.OwnLists.Keys))
        {
            var (ownBefore, ownAfter) = (Lookup(before.OwnLists, channelId), Lookup(after.OwnLists, channelId));
            var channel = tree[channelId];
            if (channel.Type == ChannelType.SinglePage) PlanSinglePage(plan, articleId, channelId, ownBefore, ownAfter);
            else PlanOwnList(plan, channelId, ownBefore, ownAfter, listed: channelId != section, channel.ListStyle);
            PlanChannelSitemap(plan, channelId, ownBefore, ownAfter);
        }

        foreach (var channelId in before.SubtreeNewest.Keys.Union(after.SubtreeNewest.Keys))
            PlanSubtreeViews(plan, tree, channelId, Lookup(before.SubtreeNewest, channelId),
                Lookup(after.SubtreeNewest, channelId), section);

        if (!(before.Focus ?? []).SequenceEqual(after.Focus ?? [])) plan.Render.Add(PageKey.Home);

        return plan;
    }

    /// <summary>
    /// The pages of 信息公开 content linked to the changed article (replaced and replacing documents, a policy and its
    /// interpretations, both ways): each is rendered again when what it shows of the article changes — its title,
    /// address, 有效性, links or whether it is live at all. Linked pages that are not live are left alone.
    /// </summary>
    public static void PlanLinkedPages(PublishPlan plan, int articleId, DisclosureLinks before, DisclosureLinks after)
    {
        if (before.Face == after.Face) return;
        foreach (var linked in before.LinkedPages.Union(after.LinkedPages).Where(id => id != articleId))
            plan.Render.Add(PageKey.Article(linked));
    }

    private static void PlanOwnList(PublishPlan plan, int channelId, IReadOnlyList<ArticleListing> before,
        IReadOnlyList<ArticleListing> after, bool listed, ListStyle style)
    {
        int pagesBefore = SiteLayoutRules.PageCount(before.Count), pagesAfter = SiteLayoutRules.PageCount(after.Count);
        for (var page = 1; listed && page <= Math.Max(pagesBefore, pagesAfter); page++)
        {
            if (page > pagesAfter)
                plan.Remove.Add(PageKey.ChannelList(channelId, page));
            else if (page > pagesBefore || !SameWindow(before, after, page, style) || pagesBefore != pagesAfter)
                plan.Render.Add(PageKey.ChannelList(channelId, page));
        }
    }

    /// <summary>
    /// A 单页 shows its first article in full, so any change to that article, or a different first article, makes
    /// the page again. It has one page, whatever the number of articles behind the first.
    /// </summary>
    private static void PlanSinglePage(PublishPlan plan, int articleId, int channelId,
        IReadOnlyList<ArticleListing> before, IReadOnlyList<ArticleListing> after)
    {
        int? firstBefore = SinglePageArticle(before)?.Id, firstAfter = SinglePageArticle(after)?.Id;
        if (firstBefore != firstAfter || firstAfter == articleId)
            plan.Render.Add(PageKey.ChannelList(channelId, 1));
    }

    /// <summary>The article a 单页 shows: its first that has a page (an 外链 has none).</summary>
    public static ArticleListing? SinglePageArticle(IReadOnlyList<ArticleListing> own) =>
        own.FirstOrDefault(a => a.LinkUrl.Length == 0);

    private static void PlanChannelSitemap(PublishPlan plan, int channelId, IReadOnlyList<ArticleListing> before,
        IReadOnlyList<ArticleListing> after)
    {
        if (!before.Select(a => a.SitemapFace).SequenceEqual(after.Select(a => a.SitemapFace)))
            plan.Render.Add(PageKey.Sitemap(channelId));
    }

    private static void PlanSubtreeViews(PublishPlan plan, ChannelTree tree, int channelId,
        IReadOnlyList<ArticleListing> before, IReadOnlyList<ArticleListing> after, int? section)
    {
        if (!Newest(before, SiteLayoutRules.FeedSize).Select(a => a.FeedFace)
            .SequenceEqual(Newest(after, SiteLayoutRules.FeedSize).Select(a => a.FeedFace)))
            plan.Render.Add(PageKey.Feed(channelId));

        if (Newest(before, SiteLayoutRules.BlockSize).Select(a => a.ListFace)
            .SequenceEqual(Newest(after, SiteLayoutRules.BlockSize).Select(a => a.ListFace)))
            return;
        var channel = tree[channelId];
        if (channel.ParentId is { } parent && parent != section) plan.Render.Add(PageKey.ChannelList(parent, 1));
        if (channel.ShowOnHome) plan.Render.Add(PageKey.Home);
    }

    // Every list page shows "第 n 页 / 共 m 页", so a change in the page count touches all of them.
    private static bool SameWindow(IReadOnlyList<ArticleListing> before, IReadOnlyList<ArticleListing> after,
        int page, ListStyle style) =>
        Window(before, page).Select(a => a.FaceIn(style))
            .SequenceEqual(Window(after, page).Select(a => a.FaceIn(style)));

    private static IEnumerable<ArticleListing> Window(IReadOnlyList<ArticleListing> list, int page) =>
        list.Skip((page - 1) * SiteLayoutRules.ListPageSize).Take(SiteLayoutRules.ListPageSize);

    private static IEnumerable<ArticleListing> Newest(IReadOnlyList<ArticleListing> list, int count) =>
        list.Take(count);

    private static IReadOnlyList<ArticleListing> Lookup(IReadOnlyDictionary<int, IReadOnlyList<ArticleListing>> lists,
        int channelId) =>
        lists.TryGetValue(channelId, out var list) ? list : [];
}
