using GovPortal.Content;
using GovPortal.Publishing;

namespace GovPortal.Tests.Publishing;

/// <summary>The publish plan re-renders exactly the pages whose content a change alters, and no others.</summary>
public sealed class PublishPlannerTests
{
    private const int News = 1, Headlines = 2, Departments = 3, Policies = 4;

    private static readonly ChannelTree Tree = new([
        new Channel { Id = News, Name = "新闻中心", Slug = "xwzx" },
        new Channel { Id = Headlines, ParentId = News, Name = "相城要闻", Slug = "xcyw", ShowOnHome = true },
        new Channel { Id = Departments, ParentId = News, Name = "部门动态", Slug = "bmdt", ShowOnHome = true },
        new Channel { Id = Policies, Name = "政策文件", Slug = "zcwj" },
    ]);

    private static readonly DateTime Start = new(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Articles 1..count in a channel, article n published n hours after the start (so n is newest for the highest n).
    /// </summary>
    private static List<ArticleListing> Articles(int channel, int count, int firstId = 1) =>
        Enumerable.Range(firstId, count).Select(n => Listing(n, channel, Start.AddHours(n))).ToList();

    private static ArticleListing Listing(int id, int channel, DateTime published, string? title = null,
        string summary = "") =>
        new(id, channel, title ?? $"文章{id}", published, $"/a/{id}.html", summary, published);

    private static List<ArticleListing> Sorted(IEnumerable<ArticleListing> list)
    {
        var sorted = list.ToList();
        sorted.Sort(ArticleListing.ListOrder);
        return sorted;
    }

    /// <summary>Builds the snapshot the publisher would read, from the whole state of the headline channel.</summary>
    private static ListingSnapshot Snapshot(int articleId, IEnumerable<ArticleListing> headlines,
        IEnumerable<ArticleListing>? departments = null)
    {
        var own = new Dictionary<int, List<ArticleListing>> { [Headlines] = Sorted(headlines),
            [Departments] = Sorted(departments ?? []) };
        var published = own.Values.Any(l => l.Any(a => a.Id == articleId));
        var newest = new Dictionary<int, IReadOnlyList<ArticleListing>>
        {
            [Headlines] = own[Headlines].Take(SiteLayoutRules.FeedSize).ToList(),
            [Departments] = own[Departments].Take(SiteLayoutRules.FeedSize).ToList(),
            [News] = Sorted(own[Headlines].Concat(own[Departments])).Take(SiteLayoutRules.FeedSize).ToList(),
        };
        var ownLists = own.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<ArticleListing>)kv.Value);
        return new ListingSnapshot(published, ownLists, newest);
    }

    /// <summary>An edit as the publisher saves it: the change, and a new modification time.</summary>
    private static IEnumerable<ArticleListing> Replace(IEnumerable<ArticleListing> list, int id,
        Func<ArticleListing, ArticleListing> change) =>
        list.Select(a => a.Id == id ? change(a) with { UpdatedAtUtc = a.UpdatedAtUtc.AddDays(1) } : a);

    [Fact]
    public void Editing_only_the_body_of_an_old_article_renders_its_page_and_its_sitemap_only()
    {
        var before = Articles(Headlines, 50);
        // The body is not in any listing; only the modification time (sitemap lastmod) moves.
        var after = Replace(before, 5, a => a).ToList();
        var plan = PublishPlanner.PlanArticleChange(Tree, 5, Snapshot(5, before), Snapshot(5, after));

        Assert.Equal(new HashSet<PageKey> { PageKey.Article(5), PageKey.Sitemap(Headlines) }, plan.Render);
        Assert.Empty(plan.Remove);
    }

    [Fact]
    public void Retitling_an_article_on_the_third_list_page_renders_that_page_and_not_the_others()
    {
        var before = Articles(Headlines, 50); // newest first: ids 50..31 on page 1, 30..11 on page 2, 10..1 on page 3
        var after = Replace(before, 5, a => a with { Title = "新标题" });
        var plan = PublishPlanner.PlanArticleChange(Tree, 5, Snapshot(5, before), Snapshot(5, after));

        Assert.Equal(
            new HashSet<PageKey> { PageKey.Article(5), PageKey.ChannelList(Headlines, 3), PageKey.Sitemap(Headlines) },
            plan.Render);
    }

    [Fact]
    public void Retitling_one_of_the_newest_articles_also_renders_feeds_the_parent_page_and_home()
    {
        var before = Articles(Headlines, 50);
        var after = Replace(before, 49, a => a with { Title = "新标题" });
        var plan = PublishPlanner.PlanArticleChange(Tree, 49, Snapshot(49, before), Snapshot(49, after));

        Assert.Equal(new HashSet<PageKey>
        {
            PageKey.Article(49), PageKey.ChannelList(Headlines, 1), PageKey.Sitemap(Headlines),
            PageKey.Feed(Headlines), PageKey.Feed(News), PageKey.ChannelList(News, 1), PageKey.Home,
        }, plan.Render);
    }

    [Fact]
    public void Changing_only_the_summary_of_a_newest_article_renders_feeds_and_sitemap_but_no_list()
    {
        var before = Articles(Headlines, 50);
        var after = Replace(before, 50, a => a with { Summary = "新的摘要" });
        var plan = PublishPlanner.PlanArticleChange(Tree, 50, Snapshot(50, before), Snapshot(50, after));

        Assert.Equal(new HashSet<PageKey> { PageKey.Article(50), PageKey.Feed(Headlines), PageKey.Feed(News),
            PageKey.Sitemap(Headlines) }, plan.Render);
    }

    [Fact]
    public void Publishing_a_new_newest_article_shifts_every_list_page_of_its_channel_only()
    {
        var before = Articles(Headlines, 50);
        var departments = Articles(Departments, 10, firstId: 100);
        var after = before.Append(Listing(51, Headlines, Start.AddHours(1000))).ToList();
        var plan = PublishPlanner.PlanArticleChange(Tree, 51, Snapshot(51, before, departments),
            Snapshot(51, after, departments));

        Assert.Equal(new HashSet<PageKey>
        {
            PageKey.Article(51),
            PageKey.ChannelList(Headlines, 1), PageKey.ChannelList(Headlines, 2), PageKey.ChannelList(Headlines, 3),
            PageKey.Sitemap(Headlines), PageKey.Feed(Headlines), PageKey.Feed(News),
                PageKey.ChannelList(News, 1), PageKey.Home,
        }, plan.Render);
        Assert.Empty(plan.Remove);
    }

    [Fact]
    public void A_new_article_that_opens_a_new_list_page_renders_every_page_for_the_new_page_count()
    {
        var before = Articles(Headlines, 40);
        // Backdated: it lands at the very end, but "共 3 页" changes on pages 1 and 2 too.
        var after = before.Append(Listing(41, Headlines, Start.AddHours(-5))).ToList();
        var plan = PublishPlanner.PlanArticleChange(Tree, 41, Snapshot(41, before), Snapshot(41, after));

        Assert.Equal(new HashSet<PageKey>
        {
            PageKey.Article(41), PageKey.ChannelList(Headlines, 1), PageKey.ChannelList(Headlines, 2),
            PageKey.ChannelList(Headlines, 3), PageKey.Sitemap(Headlines),
        }, plan.Render);
    }

    [Fact]
    public void Withdrawing_removes_the_article_page_and_the_list_page_that_is_no_longer_needed()
    {
        var before = Articles(Headlines, 41);
        var after = before.Where(a => a.Id != 3).ToList();
        var plan = PublishPlanner.PlanArticleChange(Tree, 3, Snapshot(3, before), Snapshot(3, after));

        Assert.Equal(new HashSet<PageKey> { PageKey.Article(3), PageKey.ChannelList(Headlines, 3) }, plan.Remove);
        Assert.Equal(new HashSet<PageKey> { PageKey.ChannelList(Headlines, 1), PageKey.ChannelList(Headlines, 2),
            PageKey.Sitemap(Headlines) }, plan.Render);
    }

    [Fact]
    public void Moving_an_article_between_channels_renders_both_channels_pages()
    {
        var headlines = Articles(Headlines, 10);
        var departments = Articles(Departments, 10, firstId: 100);
        var moved = headlines.Single(a => a.Id == 10) with { ChannelId = Departments };
        var plan = PublishPlanner.PlanArticleChange(Tree, 10,
            Snapshot(10, headlines, departments),
            Snapshot(10, headlines.Where(a => a.Id != 10), departments.Append(moved)));

        Assert.Contains(PageKey.Article(10), plan.Render);
        Assert.Contains(PageKey.ChannelList(Headlines, 1), plan.Render);
        Assert.Contains(PageKey.ChannelList(Departments, 1), plan.Render);
        Assert.Contains(PageKey.Sitemap(Headlines), plan.Render);
        Assert.Contains(PageKey.Sitemap(Departments), plan.Render);
        Assert.DoesNotContain(PageKey.Feed(News), plan.Render); // the parent's newest twenty are the same articles
        Assert.Empty(plan.Remove);
    }

    [Fact]
    public void A_change_to_an_unpublished_article_touches_nothing()
    {
        var list = Articles(Headlines, 10);
        var plan = PublishPlanner.PlanArticleChange(Tree, 999, Snapshot(999, list), Snapshot(999, list));
        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Page_keys_round_trip_through_their_manifest_text()
    {
        foreach (var key in new[] { PageKey.Home, PageKey.ChannelList(3, 7), PageKey.Article(12345), PageKey.Feed(2) })
            Assert.Equal(key, PageKey.Parse(key.ToString()));
    }
}
