using System.Globalization;
using GovPortal.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace GovPortal.Tests.Search;

/// <summary>
/// What a search by relevance ranks first: the document whose number was typed, then the articles whose titles hold
/// more of the query's parts whole, then the words' score, then the newest; on a small index in memory.
/// </summary>
public sealed class SearchProminenceTests
{
    private static readonly DateTime Day = new(2024, 3, 1, 2, 0, 0, DateTimeKind.Utc);

    private static SearchDocument Article(int id, string title, string text) =>
        new(id, 1, [1], title, text, $"/a/{id}.html", Day.AddDays(id), []);

    private static IndexWriter Writer(RAMDirectory directory) =>
        new(directory, new IndexWriterConfig(BigramAnalyzer.Version, new BigramAnalyzer()));

    private static List<int> Ranked(RAMDirectory directory, string words, string numberKey = "")
    {
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var parts = new QueryWords().Split(words);
        Query query = new SearchQueryBuilder().Build(parts)!;
        if (numberKey.Length > 0)
        {
            // As the site's search asks: the words, or the number.
            var either = new BooleanQuery
            {
                { query, Occur.SHOULD },
                { new TermQuery(new Term(SearchFields.NumberKey, numberKey)), Occur.SHOULD },
            };
            query = either;
        }
        return [.. searcher.Search(query, null, 10, SearchSorts.Relevance(parts, numberKey)).ScoreDocs.Select(hit =>
            int.Parse(searcher.Doc(hit.Doc).Get(SearchFields.Id), CultureInfo.InvariantCulture))];
    }

    private static RAMDirectory Indexed(params SearchDocument[] articles)
    {
        var directory = new RAMDirectory();
        using var writer = Writer(directory);
        foreach (var article in articles) writer.AddDocument(SearchFields.ToDocument(article));
        return directory;
    }

    [Fact]
    public void Titles_holding_more_parts_come_first_then_the_words_score_then_the_newest()
    {
        using var directory = Indexed(
            Article(1, "相城区召开生态环境保护大会", "会议部署。"),
            Article(2, "生态环境保护大会召开", "相城区相城区相城区，生态环境保护大会，生态环境保护大会。"),
            Article(3, "工作动态", "相城区生态环境保护大会，相城区生态环境保护大会。"),
            Article(4, "工作动态", "相城区召开生态环境保护大会，会议部署了下一阶段的各项工作任务。"),
            Article(5, "相城区召开生态环境保护大会", "会议部署。"));
        // 5 and 1 hold both parts (the newer first: equal scores), 2 one, 3 and 4 none (3 says both twice, 4 is newer).
        Assert.Equal([5, 1, 2, 3, 4], Ranked(directory, "相城区 生态环境保护大会"));
    }

    [Fact]
    public void A_title_is_compared_folded_as_the_index_folds_it()
    {
        // The text that says it twice, and the newer, comes after the title that holds it.
        using var directory = Indexed(
            Article(1, "ＰＭ２．５浓度月报", "本月各项监测数据汇总如下。"),
            Article(2, "监测通报", "ＰＭ２．５浓度下降，PM2.5达标。"));
        Assert.Equal([1, 2], Ranked(directory, "pm2.5"));
        Assert.Equal([1, 2], Ranked(directory, "ＰＭ２.５"));
    }

    [Theory]
    [InlineData("第3号通告", "3号", true)]
    [InlineData("相政规〔2023〕13号", "3号", false)]
    [InlineData("第13号通告和第3号通告", "3号", true)]
    [InlineData("1.3号线", "3号", false)]
    [InlineData("email地址变更", "ai", false)]
    [InlineData("ai应用", "ai", true)]
    [InlineData("pm2.5浓度", "2.5", false)]
    [InlineData("pm2.5浓度", "pm2.5", true)]
    [InlineData("相城区召开大会", "相城", true)]
    [InlineData("区5g基站", "5g基站", true)]
    public void A_title_holds_a_run_of_letters_or_digits_only_where_it_does_not_run_on(string title, string part,
        bool holds) => Assert.Equal(holds, TitleKey.Holds(title, part));

    [Fact]
    public void A_number_inside_a_longer_one_in_a_title_is_not_held()
    {
        // Both match the words 3号 in their text; only the first's title holds 3号 as the index would find it.
        using var directory = Indexed(
            Article(1, "第3号工作提示", "详见工作提示。"),
            Article(2, "相政规〔2023〕13号解读", "第3号提示，第3号提示。"));
        Assert.Equal([1, 2], Ranked(directory, "3号"));
    }

    [Fact]
    public void The_document_whose_number_was_typed_comes_before_any_title_holding_the_words()
    {
        var numbered = Article(1, "关于加强秸秆禁烧工作的通知", "各镇人民政府。") with
        {
            Disclosure = new SearchDisclosure("11320507MB1234567X/2023-00012", "相政规〔2023〕3号", "Valid"),
        };
        using var directory = Indexed(numbered, Article(2, "相政规2023年3号文件解读", "解读相政规2023年3号。"));
        Assert.Equal([1, 2], Ranked(directory, "相政规〔2023〕3号", NumberKeys.Of("相政规〔2023〕3号")));
    }

    [Fact]
    public void A_changed_title_ranks_by_what_it_says_now()
    {
        const string Long = "各镇开展秸秆禁烧工作，落实网格化巡查责任，加强宣传和执法检查。";
        // Each time the title that holds the words is on the article with the lower score, and the older.
        using var directory = Indexed(Article(1, "秸秆禁烧通告", Long), Article(2, "工作动态", "秸秆禁烧。"));
        Assert.Equal([1, 2], Ranked(directory, "秸秆禁烧"));
        using (var writer = Writer(directory))
        {
            writer.UpdateDocument(new Term(SearchFields.Id, "1"), SearchFields.ToDocument(
                Article(1, "工作通告", "秸秆禁烧。") with { PublishedAtUtc = Day.AddDays(10) }));
            writer.UpdateDocument(new Term(SearchFields.Id, "2"),
                SearchFields.ToDocument(Article(2, "秸秆禁烧专项巡查", Long)));
        }
        Assert.Equal([2, 1], Ranked(directory, "秸秆禁烧"));
    }

    [Fact]
    public void An_index_written_without_the_titles_key_still_ranks_by_the_words()
    {
        var directory = new RAMDirectory();
        using (var writer = Writer(directory))
            foreach (var (id, text) in new[] { (1, "秸秆禁烧。"), (2, "各镇开展秸秆禁烧工作，落实网格化巡查责任，加强宣传和执法检查。") })
                writer.AddDocument(new Document
                {
                    new StringField(SearchFields.Id, id.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
                    new TextField(SearchFields.Words, text, Field.Store.NO),
                    new NumericDocValuesField(SearchFields.DateOrder, Day.AddDays(id).Ticks),
                });
        // The shorter text scores higher; the longer is newer.
        using (directory)
            Assert.Equal([1, 2], Ranked(directory, "秸秆禁烧"));
    }
}
