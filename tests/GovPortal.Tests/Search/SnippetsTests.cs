using GovPortal.Search;

namespace GovPortal.Tests.Search;

public sealed class SnippetsTests
{
    [Fact]
    public void Marks_every_occurrence_and_encodes_the_rest()
    {
        var html = Snippets.Highlight("<script>alert(1)</script>生态环境与生态文明", ["生态"]);
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt;<mark>生态</mark>环境与<mark>生态</mark>文明", html);
    }

    [Fact]
    public void Overlapping_words_make_one_mark()
    {
        Assert.Equal("<mark>生态环境</mark>保护", Snippets.Highlight("生态环境保护", ["生态", "态环", "环境"]));
    }

    [Fact]
    public void Latin_words_match_without_regard_to_case()
    {
        Assert.Equal("下载 <mark>PDF</mark> 文件", Snippets.Highlight("下载 PDF 文件", ["pdf"]));
    }

    [Fact]
    public void An_excerpt_is_a_window_around_the_first_occurrence()
    {
        var text = new string('甲', 300) + "沈志栋" + new string('乙', 300);
        var excerpt = Snippets.Excerpt(text, ["沈志栋"])!;

        Assert.StartsWith("…", excerpt);
        Assert.EndsWith("…", excerpt);
        Assert.Contains("<mark>沈志栋</mark>", excerpt);
        Assert.InRange(excerpt.Replace("<mark>", "").Replace("</mark>", "").Length, Snippets.ExcerptLength,
            Snippets.ExcerptLength + 2);
        Assert.Null(Snippets.Excerpt(text, ["丙"]));
    }
}
