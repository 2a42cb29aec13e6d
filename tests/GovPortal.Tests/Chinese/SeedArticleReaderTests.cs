using GovPortal.Chinese;
using GovPortal.Content;
using GovPortal.Data.Demo;

namespace GovPortal.Tests.Chinese;

public sealed class SeedArticleReaderTests
{
    private static readonly ChineseConverter Converter = new(ChineseConverter.DefaultDictionaryDirectory);

    [Fact]
    public void The_captured_page_yields_the_clean_simplified_article()
    {
        var seed = SeedArticleReader.Read(SeedArticleReader.ReadEmbeddedCapture(), Converter);

        Assert.Equal("相城区召开生态环境保护大会", seed.Title);
        Assert.Equal("相城区融媒体中心", seed.Source);
        Assert.Equal("新闻中心 > 相城要闻", seed.ChannelPath);
        Assert.Equal("2023-10-12 19:13", ChinaTime.Format(seed.PublishedAtUtc));
        Assert.Equal(new DateTime(2023, 10, 12, 11, 13, 0, DateTimeKind.Utc), seed.PublishedAtUtc);
        Assert.Equal("庞淑婕", seed.Author);
        Assert.Equal(8, seed.Paragraphs.Count);
        Assert.EndsWith("参加会议。", seed.Paragraphs[^1]);
        Assert.All(seed.Paragraphs, p => Assert.Equal(p, Converter.ToSimplified(p))); // nothing Traditional left
    }

    [Fact]
    public void Text_after_the_page_furniture_is_never_read_as_content()
    {
        var capture = SeedArticleReader.ReadEmbeddedCapture();
        var spam = capture.TrimEnd().Split('\n')[^1];
        Assert.Contains("在线观看", spam); // the capture really ends with the injected line

        var seed = SeedArticleReader.Read(capture, Converter);
        var all = string.Join("", seed.Paragraphs) + seed.Title + seed.Source + seed.Author;
        foreach (var keyword in new[] { "在线观看", "AV在线", "喷液", "人伦", "一区二区" })
            Assert.DoesNotContain(keyword, all);
    }

    [Fact]
    public void A_page_without_the_article_structure_is_refused()
    {
        Assert.Throws<FormatException>(() => SeedArticleReader.Read("一区二区三区视频在线观看\n国产不卡AV在线", Converter));
    }
}
