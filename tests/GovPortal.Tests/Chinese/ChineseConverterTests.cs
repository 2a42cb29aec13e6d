using GovPortal.Chinese;

namespace GovPortal.Tests.Chinese;

public sealed class ChineseConverterTests
{
    private static readonly ChineseConverter Converter = new(ChineseConverter.DefaultDictionaryDirectory);

    [Theory]
    [InlineData("头发", "頭髮")]
    [InlineData("发展", "發展")]
    [InlineData("干部", "幹部")]
    [InlineData("后面", "後面")]
    [InlineData("皇后", "皇后")]
    [InlineData("相城区召开生态环境保护大会", "相城區召開生態環境保護大會")]
    [InlineData("沈志栋出席会议并讲话", "沈志棟出席會議並講話")]
    [InlineData("10月12日，全区", "10月12日，全區")]
    public void Simplified_becomes_traditional_phrase_by_phrase(string simplified, string traditional) =>
        Assert.Equal(traditional, Converter.ToTraditional(simplified));

    [Theory]
    [InlineData("頭髮", "头发")]
    [InlineData("發展", "发展")]
    [InlineData("幹部", "干部")]
    [InlineData("後面", "后面")]
    [InlineData("相城區融媒體中心 龐淑婕", "相城区融媒体中心 庞淑婕")]
    [InlineData("陽澄湖鎮", "阳澄湖镇")]
    public void Traditional_becomes_simplified(string traditional, string simplified) =>
        Assert.Equal(simplified, Converter.ToSimplified(traditional));

    [Fact]
    public void Text_without_chinese_and_characters_outside_the_dictionary_pass_through()
    {
        Assert.Equal("GovPortal 2023-10-12 19:13 😀 𠀀", Converter.ToTraditional("GovPortal 2023-10-12 19:13 😀 𠀀"));
        Assert.Equal("", Converter.ToSimplified(""));
    }

    [Fact]
    public void Missing_dictionaries_are_reported_in_chinese()
    {
        var converter = new ChineseConverter("/nonexistent");
        var error = Assert.Throws<FileNotFoundException>(() => converter.ToTraditional("发展"));
        Assert.Contains("繁简转换词典", error.Message);
    }
}
