using GovPortal.Publishing.Output;
using GovPortal.Publishing.Rendering;
using GovPortal.Search;
using GovPortal.Storage;
using GovPortal.Tests.Support;
using GovPortal.Theme;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovPortal.Tests.Search;

/// <summary>
/// A search that matches much of a large index ranks the matches among the newest articles and estimates its total;
/// any other search is ranked whole and counted exactly.
/// </summary>
public sealed class SearchRankingTests
{
    private const int Articles = 200;
    private static readonly DateTime FirstDay = new(2024, 1, 1, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Article n was published on day n. Every article and its attached file are about 安全生产; the ten oldest are
    /// also about 古籍保护, and the others, by turns, about 古籍 or about 保护 alone, so that the postings promise the
    /// two words in more than half the articles while only ten hold both.
    /// </summary>
    private static SearchDocument Article(int id) => new(id, 1, [1], $"第{id}号通报",
        "安全生产检查情况。" + (id <= 10 ? "古籍保护工作。" : id % 2 == 0 ? "古籍整理。" : "环境保护。"),
        $"/a/{id}.html", FirstDay.AddDays(id), [new SearchFile("检查表", $"/f/{id}.pdf", "安全生产检查表")]);

    /// <summary>Ids in an order that is not their dates', as edits and republishing leave an index.</summary>
    private static IEnumerable<int> Shuffled() => Enumerable.Range(1, Articles).OrderBy(id => id * 7919 % Articles);

    /// <summary>The articles in two segments, written in no particular order of date.</summary>
    private static RAMDirectory TwoSegments()
    {
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory,
            new IndexWriterConfig(BigramAnalyzer.Version, new BigramAnalyzer()));
        var ids = Shuffled().ToList();
        foreach (var id in ids.Take(120)) writer.AddDocument(SearchFields.ToDocument(Article(id)));
        writer.Commit();
        foreach (var id in ids.Skip(120)) writer.AddDocument(SearchFields.ToDocument(Article(id)));
        writer.Commit();
        return directory;
    }

    private static int IdOf(IndexSearcher searcher, ScoreDoc hit) =>
        int.Parse(searcher.Doc(hit.Doc).Get(SearchFields.Id), System.Globalization.CultureInfo.InvariantCulture);

    private static Query QueryFor(string words) => new SearchQueryBuilder().Build(new QueryWords().Split(words))!;

    private static readonly Sort Newest = new(new SortField(SearchFields.DateOrder, SortFieldType.INT64, true));

    [Fact]
    public void The_window_holds_the_newest_articles_of_every_segment_whatever_order_they_were_written_in()
    {
        using var directory = TwoSegments();
        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(2, reader.Leaves.Count);

        var window = NewestWindow.Of(reader, 50);

        Assert.Equal(50, window.Documents);
        Assert.Equal(FirstDay.AddDays(151).Ticks, window.From);
        var inWindow = new List<int>();
        foreach (var leaf in reader.Leaves)
        {
            var set = window.GetDocIdSet(leaf, leaf.AtomicReader.LiveDocs)?.GetIterator();
            for (var doc = set?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS; doc != DocIdSetIterator.NO_MORE_DOCS;
                 doc = set!.NextDoc())
                inWindow.Add(int.Parse(leaf.AtomicReader.Document(doc).Get(SearchFields.Id),
                    System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.Equal(Enumerable.Range(151, 50), inWindow.Order());
        Assert.Equal(Articles, NewestWindow.Of(reader, 500).Documents);
    }

    [Fact]
    public void Articles_published_at_the_same_moment_as_the_windows_oldest_are_all_in_it()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory,
            new IndexWriterConfig(BigramAnalyzer.Version, new BigramAnalyzer())))
        {
            foreach (var id in Enumerable.Range(1, 10))
                writer.AddDocument(SearchFields.ToDocument(Article(id) with
                    { PublishedAtUtc = FirstDay.AddDays(id >= 5 ? 5 : id) }));
        }
        using var reader = DirectoryReader.Open(directory);

        var window = NewestWindow.Of(reader, 3);

        Assert.Equal(6, window.Documents); // articles 5 to 10, all published on day 5
        Assert.Equal(FirstDay.AddDays(5).Ticks, window.From);
    }

    [Fact]
    public void A_deleted_article_is_not_in_the_window()
    {
        using var directory = TwoSegments();
        using (var writer = new IndexWriter(directory,
            new IndexWriterConfig(BigramAnalyzer.Version, new BigramAnalyzer())))
            writer.DeleteDocuments(new Term(SearchFields.Id, SearchFields.IdTerm(Articles)));
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);

        var hits = searcher.Search(new FilteredQuery(new MatchAllDocsQuery(), NewestWindow.Of(reader, 10)), 100);

        Assert.DoesNotContain(hits.ScoreDocs, h => IdOf(searcher, h) == Articles);
    }

    [Fact]
    public void A_search_matching_much_of_the_index_ranks_the_newest_matches_and_estimates_its_total()
    {
        using var directory = TwoSegments();
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var ranking = new SearchRanking(WindowSize: 50, MostRankedWhole: 100, CostFactor: 1);

        var relevance = ranking.Rank(searcher, QueryFor("安全生产"), Sort.RELEVANCE, 20);
        var newest = ranking.Rank(searcher, QueryFor("安全生产"), Newest, 20);

        Assert.Equal(50, relevance.Ranked);
        Assert.Equal(Articles, relevance.Total); // every article of the window matches: so do all, about
        Assert.Equal(20, relevance.Hits.Length);
        Assert.All(relevance.Hits, hit => Assert.InRange(IdOf(searcher, hit), 151, Articles));
        Assert.Equal(Enumerable.Range(181, 20).Reverse(), newest.Hits.Select(h => IdOf(searcher, h)));
    }

    [Fact]
    public void A_search_with_few_matches_a_page_beyond_the_window_or_an_estimate_within_the_limit_is_ranked_whole()
    {
        using var directory = TwoSegments();
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var ranking = new SearchRanking(WindowSize: 50, MostRankedWhole: 100, CostFactor: 1);

        // Only the ten oldest articles match, none in the window, while the postings promise 105, over the limit:
        // tried within the window, then ranked whole from the start of every segment again.
        var old = ranking.Rank(searcher, QueryFor("古籍保护"), Newest, 20);
        Assert.Null(old.Ranked);
        Assert.Equal(10, old.Total);
        Assert.Equal(Enumerable.Range(1, 10).Reverse(), old.Hits.Select(h => IdOf(searcher, h)));

        // More hits wanted than the window holds (a page typed into the address).
        var deep = ranking.Rank(searcher, QueryFor("安全生产"), Newest, 60);
        Assert.Null(deep.Ranked);
        Assert.Equal(Articles, deep.Total);
        Assert.Equal(Articles - 59, IdOf(searcher, deep.Hits[^1]));

        // About 200 match, over the limit, but the postings' 200 are not four times it: ranked whole at once.
        var promisedLittle = new SearchRanking(WindowSize: 50, MostRankedWhole: 150).Rank(searcher,
            QueryFor("安全生产"), Newest, 20);
        Assert.Null(promisedLittle.Ranked);
        Assert.Equal(Articles, promisedLittle.Total);
    }

    /// <summary>An index of its own for the site <paramref name="code"/> in <paramref name="data"/>.</summary>
    private static OutputLayout SiteIndex(TempDirectory data, string code, IEnumerable<int> ids)
    {
        var paths = OutputLayout.For(new PortalPaths(data.Path), code);
        var site = new SearchSiteInfo(new GovPortal.Theme.SiteChrome(
            new GovPortal.Content.Site { Name = code, BaseUrl = "https://" + code + ".example.gov.cn" }, [],
            "/a.css", "/a.js"), []);
        using var index = new SearchIndex(paths, NullLogger<SearchIndex>.Instance);
        using var rebuild = index.BeginRebuild();
        foreach (var id in ids) rebuild.Add(Article(id));
        rebuild.Commit(site);
        return paths;
    }

    private static SiteSearch SearchOf(OutputLayout paths) =>
        new(paths, TimeProvider.System, NullLogger<SiteSearch>.Instance)
        {
            Ranking = new SearchRanking(WindowSize: 50, MostRankedWhole: 100, CostFactor: 1),
        };

    [Fact]
    public void The_site_search_says_its_total_is_an_estimate_and_pages_only_through_what_it_ranked()
    {
        using var data = new TempDirectory();
        using var search = SearchOf(SiteIndex(data, OutputLayout.FirstSiteCode, Shuffled()));

        var broad = search.Search(SearchIndexTests.Request("安全生产"));
        var narrow = search.Search(SearchIndexTests.Request("古籍保护"));

        Assert.True(broad.TotalIsEstimate);
        Assert.Equal(50, broad.Ranked);
        Assert.Equal("约 200", broad.TotalText);
        Assert.Equal(5, broad.PageCount);
        Assert.Contains(broad.Notices,
            n => n.StartsWith("结果很多，以下是其中最新发布的 50 条，按相关度排列", StringComparison.Ordinal));
        Assert.All(broad.Hits, hit => Assert.InRange(hit.ArticleId, 151, Articles));
        Assert.False(narrow.TotalIsEstimate);
        Assert.Equal("10", narrow.TotalText);
        Assert.Empty(narrow.Notices);
    }

    [Fact]
    public async Task The_search_page_shows_an_estimate_as_one_and_offers_only_the_pages_ranked()
    {
        using var data = new TempDirectory();
        using var search = SearchOf(SiteIndex(data, OutputLayout.FirstSiteCode, Shuffled()));
        var broad = search.Search(SearchIndexTests.Request("安全生产"));
        var narrow = search.Search(SearchIndexTests.Request("古籍保护"));

        static Task<string> Render(SearchResults results) => new RazorPageRenderer()
            .RenderHtmlAsync<SearchPage, SearchPageModel>(new SearchPageModel(results.Site!.Chrome, results));

        var page = await Render(broad);
        Assert.Contains("找到约 200 条与“安全生产”相关的结果", page);
        Assert.Contains("共 5 页", page);
        Assert.Contains("结果很多，以下是其中最新发布的 50 条", page);
        Assert.Contains("找到 10 条与“古籍保护”相关的结果", await Render(narrow));
    }

    [Fact]
    public void Searching_every_site_ranks_the_newest_of_the_platform_whichever_site_published_them()
    {
        using var data = new TempDirectory();
        // The first site published the older half, the second the newer.
        using var first = SearchOf(SiteIndex(data, OutputLayout.FirstSiteCode, Shuffled().Where(id => id <= 100)));
        using var second = SearchOf(SiteIndex(data, "second", Shuffled().Where(id => id > 100)));

        var results = first.SearchPlatform(SearchIndexTests.Request("安全生产") with { AllSites = true }, "首站",
            [new SiteSearch.PlatformSite(second, "二站", "https://second.example.gov.cn")]);

        Assert.Equal(50, results.Ranked);
        Assert.Equal(Articles, results.Total);
        Assert.All(results.Hits, hit =>
        {
            Assert.InRange(hit.ArticleId, 151, Articles);
            Assert.Equal("二站", hit.SiteName);
        });
    }

    [Theory]
    [InlineData(612_345, "约 61 万")]
    [InlineData(55_300, "约 5.5 万")]
    [InlineData(8_000, "约 8000")]
    public void An_estimated_total_is_written_as_a_reader_says_it(int total, string text)
    {
        var results = new SearchResults(SearchIndexTests.Request("安全"), null, ["安全"], total, [], [])
            { Ranked = 500 };

        Assert.Equal(text, results.TotalText);
        Assert.Equal(SearchRequest.MaxPage, results.PageCount);
    }
}
