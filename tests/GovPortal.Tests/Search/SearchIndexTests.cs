using System.Net;
using GovPortal.Content;
using GovPortal.Content.Uploads;
using GovPortal.Data.Demo;
using GovPortal.Hosting;
using GovPortal.PublicSite;
using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using GovPortal.Search;
using GovPortal.Storage;
using GovPortal.Tests.Hosting;
using GovPortal.Tests.Support;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GovPortal.Tests.Search;

/// <summary>
/// The index follows every publish, edit and withdrawal, holds the text of related files, and serves on its own.
/// </summary>
public sealed class SearchIndexTests
{
    private static async Task<int> AddDraftAsync(RunningPortal portal, string slug, string title, string bodyHtml,
        params RelatedFile[] files)
    {
        var channel = await portal.ChannelAsync(slug);
        await using var db = portal.Settings.Database.CreateContext();
        var draft = new Article
        {
            SiteId = channel.SiteId, ChannelId = channel.Id, Title = title, Source = "区政府办公室", BodyHtml = bodyHtml,
            PublishedAtUtc =
                ChinaTime.ToUtc(2024, 5, 20, 10, 0), Status = ArticleStatus.Draft, RelatedFiles = [.. files],
        };
        db.Articles.Add(draft);
        await db.SaveChangesAsync();
        return draft.Id;
    }

    /// <summary>
    /// Applies a change and commits the index at once, rather than after <see cref="SearchIndex.CommitDelay"/>.
    /// </summary>
    private static async Task ChangeAsync(RunningPortal portal, int id, Action<Article> change)
    {
        await portal.Service<Publisher>().ApplyArticleChangeAsync(id, change);
        portal.Service<SearchIndex>().CommitPending();
    }

    private static Task PublishAsync(RunningPortal portal, int id) =>
        ChangeAsync(portal, id, a => a.Status = ArticleStatus.Published);

    private static RelatedFile Upload(RunningPortal portal, string name, byte[] bytes, string contentType)
    {
        var stored = portal.Service<UploadStore>().Save(bytes);
        return new RelatedFile { DisplayName = name, StoredName = stored,
            Extension = Path.GetExtension(name).TrimStart('.'), SizeBytes = bytes.Length, ContentType = contentType };
    }

    [Fact]
    public async Task Publishing_editing_and_withdrawing_show_in_search_once_the_index_commits()
    {
        await using var portal = await RunningPortal.StartAsync(
            configureServices: s => s.AddSingleton(new SearchLimits(PermitLimit: 100_000)));
        var id = await AddDraftAsync(portal, "tzgg", "关于开展秸秆禁烧巡查的通知", "<p>请各镇（街道）做好秸秆禁烧巡查。</p>");
        Assert.Equal(0, (await portal.ApiAsync("q=" + Uri.EscapeDataString("秸秆禁烧巡查"))).GetProperty("total").GetInt32());

        await PublishAsync(portal, id);
        var found = await portal.ApiAsync("q=" + Uri.EscapeDataString("秸秆禁烧巡查"));
        Assert.Equal(["关于开展秸秆禁烧巡查的通知"], found.Titles());
        Assert.Equal("通知公告", found.GetProperty("results")[0].GetProperty("channel").GetProperty("name").GetString());

        await ChangeAsync(portal, id, a => a.Title = "关于开展夏季秸秆禁烧专项巡查的通知");
        Assert.Equal(["关于开展夏季秸秆禁烧专项巡查的通知"], (await portal.ApiAsync("q=" + Uri.EscapeDataString("夏季 专项巡查"))).Titles());
        // Replaced, not added beside the old version.
        Assert.Equal(["关于开展夏季秸秆禁烧专项巡查的通知"], (await portal.ApiAsync("q=" + Uri.EscapeDataString("秸秆禁烧 巡查"))).Titles());

        await ChangeAsync(portal, id, a => a.Status = ArticleStatus.Withdrawn);
        Assert.Equal(0,
            (await portal.ApiAsync("q=" + Uri.EscapeDataString("秸秆禁烧 巡查"))).GetProperty("total").GetInt32());
        var (_, page) = await portal.Client.GetDocumentAsync(SearchClient.Query("秸秆禁烧 巡查"));
        Assert.Empty(page.QuerySelectorAll(".search-hit"));
    }

    [Fact]
    public async Task A_change_is_committed_by_itself_shortly_after_publishing()
    {
        await using var portal = await RunningPortal.StartAsync();
        var index = portal.Service<SearchIndex>();
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        index.Committed += () => committed.TrySetResult();
        var id = await AddDraftAsync(portal, "bmdt", "区城管局整治共享单车停放", "<p>共享单车停放秩序整治。</p>");
        var pending = portal.Output.SearchPendingMarker;

        await portal.Service<Publisher>().ApplyArticleChangeAsync(id, a => a.Status = ArticleStatus.Published);

        // Waits for the commit event (due after SearchIndex.CommitDelay); the timeout only guards a hang. (That the
        // marker is there until the commit is shown without timing in the marker test below.)
        await committed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["区城管局整治共享单车停放"], (await portal.ApiAsync("q=" + Uri.EscapeDataString("共享单车"))).Titles());
        Assert.False(File.Exists(pending));
    }

    [Fact]
    public async Task An_index_left_behind_the_pages_is_rebuilt_at_the_next_start()
    {
        using var data = new TempDirectory();
        int id;
        await using (var portal = await RunningPortal.StartAsync(dataDirectory: data.Path))
        {
            id = await AddDraftAsync(portal, "bmdt", "区城管局整治共享单车停放", "<p>共享单车停放秩序整治。</p>");
            await PublishAsync(portal, id);
        }
        // As if the process had stopped after publishing the page and before committing the index.
        var paths = OutputLayout.For(new PortalPaths(data.Path), OutputLayout.FirstSiteCode);
        using (var reader = new SiteSearch(paths, TimeProvider.System, NullLogger<SiteSearch>.Instance))
        using (var index = new SearchIndex(paths, NullLogger<SearchIndex>.Instance))
            index.Apply(id, null, reader.Search(Request("x")).Site!); // committed when disposed
        File.WriteAllText(paths.SearchPendingMarker, "");
        using (var search = new SiteSearch(paths, TimeProvider.System, NullLogger<SiteSearch>.Instance))
            Assert.Empty(search.Search(Request("共享单车")).Hits);

        await using (var portal = await RunningPortal.StartAsync(dataDirectory: data.Path))
            Assert.Equal(["区城管局整治共享单车停放"], (await portal.ApiAsync("q=" + Uri.EscapeDataString("共享单车"))).Titles());
        Assert.False(File.Exists(paths.SearchPendingMarker));
    }

    [Fact]
    public async Task A_name_matches_only_where_its_characters_stand_together_and_the_seed_ranks_first()
    {
        await using var portal = await RunningPortal.StartAsync(
            configureServices: s => s.AddSingleton(new SearchLimits(PermitLimit: 100_000)));
        // 沈, 志 and 栋 all occur, apart; 相城区, 生态环境保护 and 大会 all occur, apart from each other.
        var apart = await AddDraftAsync(portal, "bmdt", "沈阳市志愿者走进相城区栋梁社区",
            "<p>沈阳市的志愿者来到栋梁社区，宣传生态环境保护知识。</p><p>社区居民大会同日召开。</p>");
        await PublishAsync(portal, apart);

        Assert.Equal([PortalData.SeedTitle], (await portal.ApiAsync("q=" + Uri.EscapeDataString("沈志栋"))).Titles());
        var ranked = (await portal.ApiAsync("q=" + Uri.EscapeDataString("相城区 生态环境保护大会"))).Titles();
        Assert.Equal(PortalData.SeedTitle, ranked[0]);
        Assert.Equal(2, ranked.Count);
        Assert.Contains("沈阳市志愿者走进相城区栋梁社区", (await portal.ApiAsync("q=" + Uri.EscapeDataString("志愿者 栋梁"))).Titles());
    }

    [Fact]
    public async Task The_text_of_related_pdf_and_word_files_is_searchable_and_the_result_names_the_file()
    {
        await using var portal = await RunningPortal.StartAsync(
            configureServices: s => s.AddSingleton(new SearchLimits(PermitLimit: 100_000)));
        var pdf =
            Upload(portal, "望亭镇防汛预案.pdf", TestPdf.Create("望亭镇二〇二四年防汛抢险应急预案", "太湖沿岸圩区排涝泵站启用顺序"), "application/pdf");
        var docx = Upload(portal, "征求意见稿.docx", SimpleDocx.Create("相城区养犬管理办法", ["犬只免疫登记办理地点"]),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var id = await AddDraftAsync(portal, "zcwj", "关于公布防汛和养犬管理有关文件的通知", "<p>详见附件。</p>", pdf, docx);
        await PublishAsync(portal, id);

        var byPdf = await portal.ApiAsync("q=" + Uri.EscapeDataString("圩区排涝泵站"));
        var hit = Assert.Single(byPdf.GetProperty("results").EnumerateArray());
        Assert.Equal(id, hit.GetProperty("id").GetInt32());
        Assert.Equal("望亭镇防汛预案.pdf", hit.GetProperty("file").GetProperty("name").GetString());
        Assert.Contains("<mark>圩区排涝泵站</mark>", hit.GetProperty("snippetHtml").GetString());

        var (_, page) = await portal.Client.GetDocumentAsync(SearchClient.Query("犬只免疫登记"));
        var meta = Assert.Single(page.QuerySelectorAll(".search-hit")).QuerySelector(".hit-meta a")!;
        Assert.Equal("征求意见稿.docx", meta.Text());
        using var download = await portal.Client.GetAsync(meta.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task Letters_and_digits_in_chinese_text_are_found_as_written()
    {
        await using var portal = await RunningPortal.StartAsync(
            configureServices: s => s.AddSingleton(new SearchLimits(PermitLimit: 100_000)));
        var id = await AddDraftAsync(portal, "bmdt", "区数据局推进5G基站建设", "<p>全区PM2.5平均浓度下降，投入1.2亿元建设H7N9监测点。</p>");
        await PublishAsync(portal, id);

        foreach (var query in new[] { "5G基站", "5G", "PM2.5", "1.2亿元", "H7N9 监测点" })
            Assert.Equal(["区数据局推进5G基站建设"], (await portal.ApiAsync("q=" + Uri.EscapeDataString(query))).Titles());
    }

    [Fact]
    public async Task A_damaged_index_is_rebuilt_at_the_next_start()
    {
        using var data = new TempDirectory();
        await using (var portal = await RunningPortal.StartAsync(dataDirectory: data.Path)) { }
        var index = OutputLayout.For(new PortalPaths(data.Path), OutputLayout.FirstSiteCode).SearchIndexDirectory;
        foreach (var file in Directory.EnumerateFiles(index)
            .Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)))
            File.WriteAllBytes(file, "damaged"u8.ToArray());

        await using (var portal = await RunningPortal.StartAsync(dataDirectory: data.Path))
            Assert.Equal([PortalData.SeedTitle], (await portal.ApiAsync("q=" + Uri.EscapeDataString("沈志栋"))).Titles());
    }

    [Fact]
    public async Task An_index_of_an_earlier_format_is_rebuilt_at_the_next_start()
    {
        using var data = new TempDirectory();
        await using (var portal = await RunningPortal.StartAsync(dataDirectory: data.Path)) { }
        var index = OutputLayout.For(new PortalPaths(data.Path), OutputLayout.FirstSiteCode).SearchIndexDirectory;
        // As format 2 wrote it: the words in the title and text fields, none in the one field searched now.
        using (var directory = SearchDirectory.Open(index))
        {
            IDictionary<string, string> committed;
            using (var reader = DirectoryReader.Open(directory))
                committed = reader.IndexCommit.UserData;
            using var writer = new IndexWriter(directory,
                new IndexWriterConfig(BigramAnalyzer.Version, new BigramAnalyzer())
                    { OpenMode = OpenMode.CREATE });
            writer.AddDocument(new Document
            {
                new StringField(SearchFields.Id, "1", Field.Store.YES),
                new TextField(SearchFields.Title, PortalData.SeedTitle, Field.Store.YES),
                new TextField(SearchFields.Text, "沈志栋", Field.Store.YES),
            });
            writer.SetCommitData(new Dictionary<string, string>(committed) { [SearchFields.FormatKey] = "2" });
            writer.Commit();
        }

        await using (var portal = await RunningPortal.StartAsync(dataDirectory: data.Path))
            Assert.Equal([PortalData.SeedTitle], (await portal.ApiAsync("q=" + Uri.EscapeDataString("沈志栋"))).Titles());
    }

    /// <summary>
    /// An index of its own in <paramref name="data"/>, written directly, and the site info it commits.
    /// </summary>
    private static (OutputLayout Paths, SearchSiteInfo Site) IndexAlone(TempDirectory data) =>
        (OutputLayout.For(new PortalPaths(data.Path), OutputLayout.FirstSiteCode),
            new SearchSiteInfo(new GovPortal.Theme.SiteChrome(
                new Site { Name = "站", BaseUrl = "https://example.gov.cn" }, [], "/a.css", "/a.js"), []));

    /// <summary>
    /// How many articles a search of the index in <paramref name="paths"/> finds, as a public node sees it.
    /// </summary>
    private static int Total(OutputLayout paths, string query)
    {
        using var search = new SiteSearch(paths, TimeProvider.System, NullLogger<SiteSearch>.Instance);
        return search.Search(Request(query)).Total;
    }

    [Fact]
    public void The_pending_marker_stays_until_every_begun_change_is_committed_or_a_rebuild_succeeds()
    {
        using var data = new TempDirectory();
        var (paths, site) = IndexAlone(data);
        var document = new SearchDocument(1, 1, [1], "标题", "正文", "/a/1.html", DateTime.UtcNow, []);
        using var index = new SearchIndex(paths, NullLogger<SearchIndex>.Instance);

        using (var rebuild = index.BeginRebuild()) rebuild.Add(document); // not committed: rolled back
        Assert.True(index.NeedsRebuild);
        using (var rebuild = index.BeginRebuild())
        {
            rebuild.Add(document);
            rebuild.Commit(site);
        }
        Assert.False(index.NeedsRebuild);

        index.BeginChange();
        index.BeginChange(); // a second change whose pages went out but which never reached the index
        index.Apply(1, document with { Title = "新标题" }, site);
        index.CommitPending();
        Assert.True(index.NeedsRebuild);

        index.BeginChange();
        index.Apply(1, document, site);
        index.CommitPending();
        Assert.True(index.NeedsRebuild); // later changes do not make up for the lost one

        using (var rebuild = index.BeginRebuild())
        {
            rebuild.Add(document);
            rebuild.Commit(site);
        }
        Assert.False(index.NeedsRebuild);

        index.BeginChange();
        index.Apply(1, document with { Title = "再改" }, site);
        index.CommitPending();
        Assert.False(index.NeedsRebuild);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_reader_has_their_own_limit()
    {
        await using var portal = await RunningPortal.StartAsync(
            configureServices: s => s.AddSingleton(new SearchLimits(PermitLimit: 2, WindowSeconds: 60)),
            adjustSettings: settings => settings with { TrustedProxies = [IPAddress.Loopback] });
        async Task<HttpStatusCode> SearchAs(string reader)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=x");
            request.Headers.Add("X-Forwarded-For", reader);
            using var response = await portal.Client.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await SearchAs("203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await SearchAs("203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SearchAs("203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await SearchAs("198.51.100.20"));
        // Addresses of one IPv6 /64 are one reader.
        Assert.Equal(HttpStatusCode.OK, await SearchAs("2001:db8:1:2::1"));
        Assert.Equal(HttpStatusCode.OK, await SearchAs("2001:db8:1:2::ffff"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SearchAs("2001:db8:1:2:abcd::9"));
    }

    [Fact]
    public async Task A_public_node_with_a_copy_of_the_output_answers_without_a_database()
    {
        using var node = new TempDirectory();
        await using (var portal = await RunningPortal.StartAsync())
        {
            await portal.StopAsync();
            CopyDirectory(portal.Output.SearchIndexDirectory, NodeOutput(node).SearchIndexDirectory);
        }
        Assert.False(File.Exists(Path.Combine(node.Path, "govportal.db")));

        using var search = new SiteSearch(NodeOutput(node), TimeProvider.System, NullLogger<SiteSearch>.Instance);
        var results = search.Search(Request("沈志栋"));

        Assert.Equal(PortalData.SeedTitle, Assert.Single(results.Hits).Title);
        Assert.Equal("相城要闻", results.Hits[0].ChannelName);
        Assert.Equal("苏州市相城区人民政府", results.Site!.Chrome.Site.Name);
        Assert.Contains(results.Site.Channels, c => c.Name == "部门动态" && c.Depth == 1);
    }

    [Fact]
    public async Task A_rebuild_leaves_one_segment_and_changes_never_more_than_three()
    {
        await using var portal = await RunningPortal.StartAsync();
        int Segments()
        {
            using var directory = SearchDirectory.Open(portal.Output.SearchIndexDirectory);
            return Lucene.Net.Index.DirectoryReader.ListCommits(directory)[^1].SegmentCount;
        }
        await portal.Service<Publisher>().RebuildSearchIndexAsync();
        Assert.Equal(1, Segments());

        // Each change commits a small segment of its own; the smallest are merged as they come.
        var titles = new List<string>();
        for (var i = 1; i <= 6; i++)
        {
            var title = $"区水务局第{i}次河道巡查情况通报";
            titles.Add(title);
            await PublishAsync(portal, await AddDraftAsync(portal, "bmdt", title, $"<p>第{i}次巡查。</p>"));
            Assert.InRange(Segments(), 1, 3);
        }
        var found = await portal.ApiAsync("q=" + Uri.EscapeDataString("河道巡查情况通报"));
        Assert.Equal(titles.Order(), found.Titles().Order());
    }

    [Fact]
    public async Task A_large_index_is_merged_after_its_commit_and_the_merge_is_committed_as_the_publisher_records()
    {
        using var data = new TempDirectory();
        var (paths, site) = IndexAlone(data);
        SearchDocument Document(int id) => new(id, 1, [1], $"河道巡查第{id}号通报",
            string.Concat(Enumerable.Repeat($"第{id}次巡查，沿河排查排污口与违章搭建。", 20)), $"/a/{id}.html",
            DateTime.UtcNow, []);
        int Segments()
        {
            using var directory = SearchDirectory.Open(paths.SearchIndexDirectory);
            return Lucene.Net.Index.DirectoryReader.ListCommits(directory)[^1].SegmentCount;
        }
        int Found() => Total(paths, "河道巡查");

        // "Large" from 5 documents, and a segment every 20: a rebuild of 400 leaves 20 segments to merge.
        using (var index = new SearchIndex(paths, NullLogger<SearchIndex>.Instance)
                   { SmallIndexDocuments = 5, MaxBufferedDocuments = 20 })
        {
            using (var rebuild = index.BeginRebuild())
            {
                for (var id = 1; id <= 400; id++) rebuild.Add(Document(id));
                rebuild.Commit(site);
            }
            // The sweep, while the merge writes files no commit holds yet, waits for it rather than report them.
            Assert.Empty(await index.VerifyFilesAsync(full: false));
            Assert.True(index.BackgroundMerge.IsCompleted);
            Assert.Equal(1, Segments());
            Assert.Empty(await index.VerifyFilesAsync(full: true));
            Assert.Equal(400, Found());

            // Each change commits a segment of its own; the smallest are merged after the commit.
            for (var id = 401; id <= 406; id++)
            {
                index.BeginChange();
                index.Apply(id, Document(id), site);
                index.CommitPending();
                await index.BackgroundMerge;
                Assert.InRange(Segments(), 1, 3);
            }
            Assert.Empty(await index.VerifyFilesAsync(full: true));
            Assert.False(index.NeedsRebuild);
            Assert.Equal(406, Found());
        }

        // Closed and opened again: the commit searched is the one recorded, and nothing in the folder is foreign.
        using var reopened = new SearchIndex(paths, NullLogger<SearchIndex>.Instance);
        Assert.False(reopened.NeedsRebuild);
        Assert.Empty(await reopened.VerifyFilesAsync(full: true));
        Assert.Equal(406, Found());
    }

    [Fact]
    public void Closing_commits_what_was_applied_and_a_change_after_it_is_refused_and_left_for_a_rebuild()
    {
        using var data = new TempDirectory();
        var (paths, site) = IndexAlone(data);
        SearchDocument Document(int id) => new(id, 1, [1], $"蓝藻打捞第{id}号", "正文", $"/a/{id}.html",
            DateTime.UtcNow, []);
        int Found() => Total(paths, "蓝藻打捞");

        var index = new SearchIndex(paths, NullLogger<SearchIndex>.Instance);
        using (var rebuild = index.BeginRebuild())
        {
            rebuild.Add(Document(1));
            rebuild.Commit(site);
        }
        index.BeginChange();
        index.Apply(2, Document(2), site); // its commit would come 200 ms later
        index.Dispose();
        Assert.False(index.NeedsRebuild);
        Assert.Equal(2, Found());

        // A change arriving after the close never reopens the index behind the owner's back.
        index.BeginChange();
        Assert.Throws<ObjectDisposedException>(() => index.Apply(3, Document(3), site));
        using var reopened = new SearchIndex(paths, NullLogger<SearchIndex>.Instance);
        Assert.True(reopened.NeedsRebuild);
        Assert.Equal(2, Found());
    }

    [Fact]
    public async Task A_searcher_in_another_process_sees_a_commit_once_its_refresh_interval_has_passed()
    {
        await using var portal = await RunningPortal.StartAsync();
        var clock = new FakeTimeProvider();
        // Not subscribed to the publisher: it learns of commits only by looking, as a public node does.
        using var node = new SiteSearch(portal.Output, clock, NullLogger<SiteSearch>.Instance);
        Assert.Empty(node.Search(Request("蓝藻打捞")).Hits);

        var id = await AddDraftAsync(portal, "bmdt", "区水务局开展蓝藻打捞", "<p>蓝藻打捞工作有序推进。</p>");
        await PublishAsync(portal, id);
        Assert.Empty(node.Search(Request("蓝藻打捞")).Hits);

        clock.Advance(TimeSpan.FromMilliseconds(500));
        node.Search(Request("蓝藻打捞")); // this search notices the change; the next one sees it
        Assert.Single(node.Search(Request("蓝藻打捞")).Hits);
    }

    [Fact]
    public async Task The_reindex_command_rebuilds_a_deleted_index()
    {
        using var data = new TempDirectory();
        var (published, _, publishErrors) = await ExecutableTests.RunAsync("publish", "--demo", "--data", data.Path);
        Assert.True(published == 0, publishErrors);
        var paths = OutputLayout.For(new PortalPaths(data.Path), OutputLayout.FirstSiteCode);
        Directory.Delete(paths.SearchIndexDirectory, recursive: true);

        var (exitCode, output, errors) = await ExecutableTests.RunAsync("reindex", "--demo", "--data", data.Path);

        Assert.True(exitCode == 0, errors);
        // The demo's 129 news articles and the 10 pages of its 政府信息公开 section.
        var demoArticles = GovPortal.Data.Demo.DemoSiteSeeder.GeneratedCounts.Values.Sum() + 1
            + GovPortal.Data.Demo.DemoDisclosureSeeder.ArticleCount + GovPortal.Data.Demo.DemoChannelTypes.ArticleCount;
        Assert.Contains($"已重建站内搜索索引：{demoArticles} 篇文章", output);
        using var search = new SiteSearch(paths, TimeProvider.System, NullLogger<SiteSearch>.Instance);
        Assert.Equal(PortalData.SeedTitle, Assert.Single(search.Search(Request("沈志栋")).Hits).Title);
    }

    [Fact]
    public async Task Too_many_searches_from_one_client_get_a_clear_429_page_and_other_pages_still_load()
    {
        await using var portal = await RunningPortal.StartAsync(
            configureServices: s => s.AddSingleton(new SearchLimits(PermitLimit: 3, WindowSeconds: 60)));
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await portal.Client.GetAsync(SearchClient.Query("工作"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await portal.Client.GetAsync(SearchClient.Query("工作"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.GetValues("Retry-After").Single());
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("您的搜索过于频繁，请等待 60 秒后再试。", page.QuerySelector("[role=alert]").Text());
        Assert.NotNull(page.QuerySelector("header form[role=search]"));

        using var api = await portal.Client.GetAsync("/api/search?q=x");
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Contains("搜索过于频繁", await api.Content.ReadAsStringAsync());

        using var home = await portal.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    /// <summary>A search for <paramref name="q"/>, as the search page would parse it.</summary>
    internal static SearchRequest Request(string q) =>
        SearchRequest.Parse(
            new QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues> { ["q"] = q }),
            new GovPortal.Chinese.ChineseConverter(GovPortal.Chinese.ChineseConverter.DefaultDictionaryDirectory));

    /// <summary>The output of the site in another node's data folder.</summary>
    private static OutputLayout NodeOutput(TempDirectory node) =>
        OutputLayout.For(new PortalPaths(node.Path), OutputLayout.FirstSiteCode);

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from).Where(f => Path.GetFileName(f) != "write.lock"))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
