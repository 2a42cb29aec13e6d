using GovPortal.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace GovPortal.Tests.Search;

/// <summary>
/// What a query matches in the one field that holds an article's title, text and related files, and how a title
/// holding the query ranks, on a small index in memory.
/// </summary>
public sealed class SearchMatchingTests
{
    private static readonly DateTime Day = new(2024, 3, 1, 2, 0, 0, DateTimeKind.Utc);

    private static SearchDocument Article(int id, string title, string text, params SearchFile[] files) =>
        new(id, 1, [1], title, text, $"/a/{id}.html", Day.AddDays(id), files);

    private static List<int> Found(string words, params SearchDocument[] articles) =>
        Found(new QueryWords().Split(words), articles);

    private static List<int> Found(IReadOnlyList<QueryPart> parts, params SearchDocument[] articles)
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory,
                   new IndexWriterConfig(BigramAnalyzer.Version, new BigramAnalyzer())))
            foreach (var article in articles) writer.AddDocument(SearchFields.ToDocument(article));
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var query = new SearchQueryBuilder().Build(parts)!;
        return [.. searcher.Search(query, null, 10, SearchSorts.Relevance(parts)).ScoreDocs.Select(hit => int.Parse(
            searcher.Doc(hit.Doc).Get(SearchFields.Id), System.Globalization.CultureInfo.InvariantCulture))];
    }

    [Fact]
    public void A_word_is_found_in_the_title_the_text_or_a_related_file_and_each_word_may_be_in_another()
    {
        var found = Found("秸秆禁烧 巡查",
            Article(1, "秸秆禁烧通告", "各镇开展巡查。"),
            Article(2, "通告", "秸秆禁烧工作。", new SearchFile("巡查记录表", "/f/2.pdf", "")),
            Article(3, "通告", "工作情况。", new SearchFile("附件", "/f/3.pdf", "秸秆禁烧和巡查安排")),
            Article(4, "秸秆禁烧通告", "工作情况。"));
        Assert.Equal([1, 2, 3], found.Order());
    }

    [Fact]
    public void A_phrase_never_runs_from_the_title_into_the_text_or_from_one_file_into_the_next()
    {
        // 2023年 is the phrase 2023 then 年: the only kind of word whose terms could meet across a boundary.
        var found = Found("2023年",
            Article(1, "工作总结2023", "年度计划。"),
            Article(2, "报表", "见附件。", new SearchFile("报表2023", "/f/a.pdf", ""), new SearchFile("年报", "/f/b.pdf", "")),
            Article(3, "报表", "数据2023", new SearchFile("年报", "/f/c.pdf", "")),
            Article(4, "报表", "2023年度计划。"));
        Assert.Equal([4], found);
    }

    [Fact]
    public void A_word_is_matched_by_every_pair_so_punctuation_inside_it_is_no_match()
    {
        // One word as the segmenter may leave it.
        var found = Found([new QueryPart("人居环境整治", ["人居环境整治"])],
            Article(1, "通告", "农村人居，环境整治。"),
            Article(2, "人居，环境整治", "工作情况。"),
            Article(3, "通告", "农村人居环境整治。"));
        Assert.Equal([3], found);
    }

    [Fact]
    public void A_title_holding_a_part_of_the_query_whole_ranks_first()
    {
        // Newest first among equals, so the title must outweigh the later articles' dates and longer texts.
        var found = Found("相城区 生态环境保护大会",
            Article(1, "相城区召开生态环境保护大会", "会议部署工作。"),
            Article(2, "会议报道", "相城区召开生态环境保护大会，生态环境保护大会部署工作。"),
            Article(3, "生态环境工作会议", "相城区召开生态环境保护大会。"));
        Assert.Equal(1, found[0]);

        var one = Found("秸秆禁烧",
            Article(1, "秸秆禁烧通告", "各镇开展工作。"),
            Article(2, "工作通告", "秸秆禁烧，秸秆禁烧，落实秸秆禁烧。"));
        Assert.Equal([1, 2], one);
    }
}
