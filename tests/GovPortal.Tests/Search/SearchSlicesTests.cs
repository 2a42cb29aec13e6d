using GovPortal.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace GovPortal.Tests.Search;

/// <summary>
/// A search read in slices of the segments at once ranks and counts exactly as one read of every segment in turn.
/// </summary>
public sealed class SearchSlicesTests
{
    private static readonly DateTime FirstDay = new(2024, 1, 1, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// 300 articles in five segments of different sizes, with dates out of the order they were written in, and
    /// many published on the same day, so that ties are broken by the segment and document they are in.
    /// </summary>
    private static RAMDirectory FiveSegments()
    {
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory,
            new IndexWriterConfig(BigramAnalyzer.Version, new BigramAnalyzer()));
        var ids = Enumerable.Range(1, 300).OrderBy(id => id * 7919 % 300).ToList();
        foreach (var size in new[] { 30, 90, 20, 110, 50 })
        {
            foreach (var id in ids.Take(size))
                writer.AddDocument(SearchFields.ToDocument(new SearchDocument(id, 1, [1],
                    id % 3 == 0 ? "安全生产检查通报" : $"第{id}号通报",
                    "安全生产检查情况。" + (id % 4 == 0 ? "古籍保护工作。" : "环境保护。") + new string('。', id % 7),
                    $"/a/{id}.html", FirstDay.AddDays(id / 5), [])));
            ids = [.. ids.Skip(size)];
            writer.Commit();
        }
        return directory;
    }

    public static TheoryData<string, bool> Searches => new()
    {
        { "安全生产", true }, { "安全生产", false }, { "古籍保护", true }, { "检查 通报", true }, { "环境保护", false },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public void Slices_rank_and_count_as_one_pass_over_every_segment(string words, bool byRelevance)
    {
        using var directory = FiveSegments();
        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(5, reader.Leaves.Count);
        var searcher = new IndexSearcher(reader);
        var parts = new QueryWords().Split(words);
        var query = new SearchQueryBuilder().Build(parts)!;
        // By relevance, a third of the titles hold 安全生产, or both 检查 and 通报 (the rest 通报 alone): first.
        var sort = byRelevance ? SearchSorts.Relevance(parts) : SearchSorts.Newest;
        // Ranked whole, and (a window of 40, limit 60) within the window where the search matches much.
        foreach (var ranking in new[] { new SearchRanking(50_000, 50_000), new SearchRanking(40, 60, 1) })
        {
            var one = (ranking with { Slices = 1 }).Rank(searcher, query, sort, 30);
            Assert.True(one.Hits.Length > 10, $"{words}: {one.Hits.Length}");
            foreach (var slices in new[] { 2, 3, 8 })
            {
                var sliced = (ranking with { Slices = slices }).Rank(searcher, query, sort, 30);
                Assert.Equal(one.Total, sliced.Total);
                Assert.Equal(one.Ranked, sliced.Ranked);
                Assert.Equal(one.Hits.Select(h => h.Doc), sliced.Hits.Select(h => h.Doc));
            }
        }
    }
}
