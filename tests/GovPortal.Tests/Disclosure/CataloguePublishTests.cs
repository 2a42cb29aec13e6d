using System.Net;
using GovPortal.Content;
using GovPortal.Content.Disclosure;
using GovPortal.Content.Kinds;
using GovPortal.Content.Organisations;
using GovPortal.Publishing;
using GovPortal.Publishing.Disclosure;
using GovPortal.Publishing.Output;
using GovPortal.Tests.Publishing;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Disclosure;

/// <summary>
/// The catalogue (/zfxxgk/ml/) in the publish plan, on real files: publishing, editing and withdrawing a document
/// changes exactly the planned pages (its old and new 主题分类 and 发布机构 pages, the affected page numbers, the
/// counts), and pagination by 20 with pages removed when no longer needed. Each test uses its own topic and
/// organisation, so the tests of the class share one portal.
/// </summary>
public sealed class CataloguePublishTests(DemoPortalFixture fixture) : IClassFixture<DemoPortalFixture>
{
    private RunningPortal Portal => fixture.Portal;
    private Publisher Publisher => Portal.Service<Publisher>();
    private Manifest Manifest => Portal.Service<Manifest>();

    private static PageKey All(int page = 1) => PageKey.Catalogue(CatalogueScope.All, 0, page);
    private static PageKey Topic(int id, int page = 1) => PageKey.Catalogue(CatalogueScope.Topic, id, page);
    private static PageKey Organisation(int id, int page = 1) =>
        PageKey.Catalogue(CatalogueScope.Organisation, id, page);

    private string FileOf(string path) => Portal.Output.FullPathOf(path);

    private async Task<string> PublishedAsync(string path) => await File.ReadAllTextAsync(FileOf(path));

    private async Task<int> TopicAsync(string name)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        return (await db.Classifications.SingleAsync(c => c.Name == name)).Id;
    }

    private async Task<int> NewOrganisationAsync(string name)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        var organisation = new Organisation { SiteId = 1, Name = name, CreditCode = "", SortOrder = 90 };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    /// <summary>A document of the demo's 政策文件 channel, as a draft or already live (without an address yet).</summary>
    private async Task<int> DocumentAsync(string title, int topic, int organisation, DateOnly released, string number,
        ArticleStatus status = ArticleStatus.Draft)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        var channel = await db.Channels.SingleAsync(c => c.Slug == "zcwjk");
        var article = new Article
        {
            SiteId = 1, ChannelId = channel.Id, Kind = DocumentKind.Key, Title = title, Source = "区政府办公室",
            BodyHtml = "<p>现将有关事项通知如下。</p>", PublishedAtUtc = ChinaTime.ToUtc(released.Year, released.Month,
                released.Day, 9, 0),
            Status = status,
            Disclosure = new DisclosureFacts
            {
                IndexNumber = $"TEST/{number}", DocumentNumber = number,
                OrganisationId = organisation, TopicId = topic, ReleasedOn = released, WrittenOn = released,
                Validity = DocumentValidity.Effective,
            },
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article.Id;
    }

    /// <summary>
    /// Applies a change and checks the files on disk: nothing changed outside the plan, and the catalogue pages that
    /// changed are exactly the catalogue pages the plan named (other planned pages may come out byte for byte the
    /// same, e.g. a sitemap whose dates did not move).
    /// </summary>
    private async Task<PublishPlan> ChangeAsync(int articleId, Action<Article> change)
    {
        var before = OutputSnapshot.Hashes(Manifest);
        var beforeEntries = Manifest.Entries.ToList();
        var plan = await Publisher.ApplyArticleChangeAsync(articleId, change);
        var changed = new HashSet<PageKey>();
        var after = OutputSnapshot.Hashes(Manifest);
        foreach (var entry in Manifest.Entries)
            if (!before.TryGetValue(entry.Path, out var sha) || sha != entry.Sha256)
                changed.Add(PageKey.Parse(entry.Owner));
        foreach (var entry in beforeEntries.Where(e => !after.ContainsKey(e.Path)))
            changed.Add(PageKey.Parse(entry.Owner));
        // The withdrawn list is a side file written with the change, not a planned page.
        changed.Remove(PageKey.WithdrawnList);
        var planned = plan.Render.Union(plan.Remove).ToHashSet();
        Assert.Subset(planned, changed);
        Assert.Equal(Names(planned.Where(IsCatalogue)), Names(changed.Where(IsCatalogue)));
        return plan;
    }

    [Fact]
    public async Task Publishing_editing_and_withdrawing_a_document_rewrites_exactly_the_catalogue_pages_it_touches()
    {
        var defence = await TopicAsync("国防");
        var foreign = await TopicAsync("对外事务");
        var bureau = await NewOrganisationAsync("相城区目录测试局");
        var id = await DocumentAsync("目录测试：关于国防教育的通知", defence, bureau, new DateOnly(2024, 6, 3),
            "相测发〔2024〕1号");

        // Published: the whole catalogue's page, its topic's and organisation's pages, and the counts.
        var plan = await ChangeAsync(id, a => a.Status = ArticleStatus.Published);
        Assert.Contains(All(), plan.Render);
        Assert.Contains(Topic(defence), plan.Render);
        Assert.Contains(Organisation(bureau), plan.Render);
        Assert.DoesNotContain(Topic(foreign), plan.Render);
        Assert.Contains("目录测试：关于国防教育的通知", await PublishedAsync($"zfxxgk/ml/zt/{defence}/index.html"));
        Assert.Contains("目录测试：关于国防教育的通知", await PublishedAsync($"zfxxgk/ml/jg/{bureau}/index.html"));
        var index = Html.Parse(await PublishedAsync("zfxxgk/ml/index.html"));
        Assert.Equal("（1 条）", index.QuerySelectorAll("[aria-labelledby=catalogue-topics] li")
            .Single(li => li.QuerySelector("a").Text() == "国防").QuerySelector(".count").Text());
        Assert.Contains("相城区目录测试局", index.QuerySelector("[aria-labelledby=catalogue-organisations]").Text());

        // Its topic moves: the old and the new topic's pages, the counts; the organisation's page shows the row's
        // new 发文字号.
        plan = await ChangeAsync(id, a =>
        {
            a.Disclosure.TopicId = foreign;
            a.Disclosure.DocumentNumber = "相测发〔2024〕2号";
        });
        Assert.Contains(Topic(defence), plan.Render);
        Assert.Contains(Topic(foreign), plan.Render);
        Assert.Contains(Organisation(bureau), plan.Render);
        Assert.Contains(All(), plan.Render);
        Assert.DoesNotContain("目录测试：关于国防教育的通知", await PublishedAsync($"zfxxgk/ml/zt/{defence}/index.html"));
        Assert.Contains("相测发〔2024〕2号", await PublishedAsync($"zfxxgk/ml/zt/{foreign}/index.html"));

        // Repealed: the row is marked wherever it is listed; no topic or organisation page elsewhere is touched.
        plan = await ChangeAsync(id, a =>
        {
            a.Disclosure.Validity = DocumentValidity.Repealed;
            a.Disclosure.ValidityChangedOn = new DateOnly(2024, 9, 1);
        });
        Assert.DoesNotContain(Topic(defence), plan.Render);
        Assert.Contains(Topic(foreign), plan.Render);
        var row = Html.Parse(await PublishedAsync($"zfxxgk/ml/jg/{bureau}/index.html"))
            .QuerySelector("table.catalogue tbody tr")!;
        Assert.Equal("已废止", row.Children[4].Text());
        Assert.Equal("（已废止）", row.QuerySelector(".validity-mark").Text());

        // An edit the catalogue does not show (the body) touches none of its pages.
        plan = await ChangeAsync(id, a => a.BodyHtml = "<p>正文修改，目录不变。</p>");
        Assert.DoesNotContain(plan.Render, IsCatalogue);

        // Withdrawn: no catalogue page lists it any more.
        plan = await ChangeAsync(id, a => a.Status = ArticleStatus.Withdrawn);
        Assert.Contains(Topic(foreign), plan.Render);
        Assert.Contains(Organisation(bureau), plan.Render);
        foreach (var entry in Manifest.Entries.Where(e => e.Path.StartsWith("zfxxgk/ml/", StringComparison.Ordinal)))
            Assert.DoesNotContain("目录测试：关于国防教育的通知", await PublishedAsync(entry.Path));
        var (status, page) = await Portal.Client.GetDocumentAsync($"/zfxxgk/ml/jg/{bureau}/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("暂无文件。", page.QuerySelector("main .empty").Text());
    }

    [Fact]
    public async Task Lists_are_paginated_by_twenty_and_a_page_no_longer_needed_is_removed_with_its_address()
    {
        var topic = await TopicAsync("民族、宗教");
        var bureau = await NewOrganisationAsync("相城区分页测试局");
        var ids = new List<int>();
        for (var i = 1; i <= 21; i++)
            ids.Add(await DocumentAsync($"分页测试文件第{i}号", topic, bureau, new DateOnly(2010, 1, i),
                $"相分发〔2010〕{i}号", ArticleStatus.Published));
        await Publisher.PublishAllAsync();

        var first = Html.Parse(await PublishedAsync($"zfxxgk/ml/zt/{topic}/index.html"));
        Assert.Equal(20, first.QuerySelectorAll("table.catalogue tbody tr").Length);
        Assert.Equal("主题分类：民族、宗教（共 21 条，第 1 页 / 共 2 页）",
            first.QuerySelector("table.catalogue caption").Text());
        Assert.Equal("分页测试文件第21号", first.QuerySelector("table.catalogue tbody tr a").Text());
        Assert.Equal($"/zfxxgk/ml/zt/{topic}/index_2.html",
            first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href"));
        var (status, second) = await Portal.Client.GetDocumentAsync($"/zfxxgk/ml/zt/{topic}/index_2.html");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["分页测试文件第1号"],
            second.QuerySelectorAll("table.catalogue tbody tr a").Select(a => a.Text()).ToList());
        Assert.True(File.Exists(FileOf($"zfxxgk/ml/jg/{bureau}/index_2.html")));

        // One withdrawn: twenty are left, so the second pages go, and their addresses answer 404.
        var plan = await ChangeAsync(ids[^1], a => a.Status = ArticleStatus.Withdrawn);
        Assert.Contains(Topic(topic, 2), plan.Remove);
        Assert.Contains(Organisation(bureau, 2), plan.Remove);
        Assert.Contains(Topic(topic), plan.Render);
        Assert.False(File.Exists(FileOf($"zfxxgk/ml/zt/{topic}/index_2.html")));
        Assert.False(File.Exists(FileOf($"zfxxgk/ml/jg/{bureau}/index_2.html")));
        (status, _) = await Portal.Client.GetDocumentAsync($"/zfxxgk/ml/zt/{topic}/index_2.html");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("主题分类：民族、宗教（共 20 条）", Html.Parse(await PublishedAsync(
            $"zfxxgk/ml/zt/{topic}/index.html")).QuerySelector("table.catalogue caption").Text());
    }

    [Fact]
    public void Planner_renders_the_pages_whose_rows_changed_and_every_page_when_the_count_changed()
    {
        static CatalogueRow Row(int id, int day, int topic = 1, int organisation = 1, string title = "文件") =>
            new(id, title + id, $"/a/{id}.html", $"I/{id}", $"N{id}", new DateOnly(2020, 1, 1).AddDays(day),
                DocumentValidity.Effective, topic, organisation);
        // 45 documents of topic 1: three pages, newest first.
        var before = Enumerable.Range(1, 45).Select(i => Row(i, i)).ToList();

        // The oldest one retitled: only the last page of each of its lists.
        var retitled = before.Select(r => r.Id == 1 ? r with { Title = "新标题" } : r).ToList();
        var plan = new PublishPlan();
        CataloguePlanner.Plan(plan, 1, Sorted(before), Sorted(retitled));
        Assert.Equal(Names([All(3), Topic(1, 3), Organisation(1, 3)]), Names(plan.Render));

        // One more (the newest): every page of each list shifts, and the counts change.
        plan = new PublishPlan();
        CataloguePlanner.Plan(plan, 46, Sorted(before), Sorted([.. before, Row(46, 100)]));
        Assert.Equal(9, plan.Render.Count);
        Assert.Empty(plan.Remove);

        // Of 41, the oldest moved to topic 2: topic 1's pages (their count changed) and its third page goes; topic
        // 2's first page; the row on the last page of the whole catalogue and of its organisation; the catalogue's
        // first page, which shows the counts.
        var fortyOne = before.Take(41).ToList();
        plan = new PublishPlan();
        CataloguePlanner.Plan(plan, 1, Sorted(fortyOne),
            Sorted(fortyOne.Select(r => r.Id == 1 ? r with { TopicId = 2 } : r).ToList()));
        Assert.Equal(Names([All(1), All(3), Organisation(1, 3), Topic(1, 1), Topic(1, 2), Topic(2, 1)]),
            Names(plan.Render));
        Assert.Equal([Topic(1, 3)], plan.Remove);

        // A news article or an unchanged document: nothing.
        plan = new PublishPlan();
        CataloguePlanner.Plan(plan, 999, Sorted(before), Sorted(before));
        Assert.True(plan.IsEmpty);
    }

    private static bool IsCatalogue(PageKey key) =>
        key.Kind is PageKind.CatalogueIndex or PageKind.CatalogueTopic or PageKind.CatalogueOrganisation
            or PageKind.DisclosureHome;

    private static List<string> Names(IEnumerable<PageKey> keys) => keys.Select(k => k.ToString()).Order().ToList();

    private static List<CatalogueRow> Sorted(List<CatalogueRow> rows) => new Catalogue(rows, [], []).Rows.ToList();
}
