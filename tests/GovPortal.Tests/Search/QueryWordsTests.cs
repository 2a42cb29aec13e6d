using GovPortal.Search;

namespace GovPortal.Tests.Search;

public sealed class QueryWordsTests
{
    private static readonly QueryWords Words = new();

    private static IReadOnlyList<string> WordsOf(string query) => Words.Split(query).SelectMany(p => p.Words).ToList();

    [Theory]
    [InlineData("沈志栋", new[] { "沈志栋" })] // a name the segmenter splits into characters stays whole
    [InlineData("相城区", new[] { "相城区" })] // 相 | 城区: a lone character joins the word after it
    [InlineData("区委书记沈志栋出席", new[] { "区委", "书记", "沈志栋", "出席" })]
    [InlineData("相城区疫苗接种时间", new[] { "相城区", "疫苗", "接种", "时间" })]
    [InlineData("生态环境保护大会", new[] { "生态", "环境", "保护", "大会" })]
    [InlineData("垃圾分类在哪里办理", new[] { "垃圾", "分类", "办理" })] // function words are gaps, not words
    [InlineData("2023年", new[] { "2023年" })]
    [InlineData("5G基站建设", new[] { "5G", "基站", "建设" })] // letters and digits stay whole, as the index keeps them
    [InlineData("H7N9防控", new[] { "H7N9", "防控" })]
    [InlineData("PM2.5浓度", new[] { "PM2.5", "浓度" })]
    [InlineData("1.2亿元", new[] { "1.2", "亿元" })]
    [InlineData("王在勇", new[] { "王在勇" })] // a function word inside a name stays in the name
    [InlineData("王𬍛同志", new[] { "王𬍛", "同志" })] // a character beyond the Basic Multilingual Plane is a character
    public void Segments_a_query_into_the_words_that_must_appear(string query, string[] expected) =>
        Assert.Equal(expected, WordsOf(query));

    [Fact]
    public void Spaces_and_punctuation_separate_parts()
    {
        var parts = Words.Split("相城区 生态环境保护大会，\"沈志栋\"((AND*");

        Assert.Equal(["相城区", "生态环境保护大会", "沈志栋", "AND"], parts.Select(p => p.Text));
    }

    [Fact]
    public void A_query_of_nothing_but_symbols_has_no_words()
    {
        Assert.Empty(Words.Split("\"((*?~^:\\//【】、。"));
        Assert.Empty(WordsOf("的"));
    }
}
