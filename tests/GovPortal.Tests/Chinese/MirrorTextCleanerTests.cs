using GovPortal.Chinese;

namespace GovPortal.Tests.Chinese;

public sealed class MirrorTextCleanerTests
{
    [Theory]
    [InlineData("蘇州市相城區(qū)人民政府", "蘇州市相城區人民政府")]
    [InlineData("網(wǎng)站無障礙", "網站無障礙")]
    [InlineData("當(dāng)前位置", "當前位置")]
    [InlineData("度假區(qū)(陽澄湖鎮(zhèn))", "度假區(陽澄湖鎮)")]
    [InlineData("(相城區(qū)融媒體中心 龐淑婕)", "(相城區融媒體中心 龐淑婕)")]
    [InlineData("GDP(gross)", "GDP(gross)")] // a Latin word in brackets after Latin text is not a reading
    public void Pinyin_readings_after_characters_are_removed(string captured, string clean) =>
        Assert.Equal(clean, MirrorTextCleaner.RemovePinyinReadings(captured));

    [Theory]
    [InlineData("10月12日,全区生态环境保护大会召开。", "10月12日，全区生态环境保护大会召开。")]
    [InlineData("发布日期: 2023-10-12 19:13", "发布日期: 2023-10-12 19:13")]
    [InlineData("度假区(阳澄湖镇)、望亭镇", "度假区（阳澄湖镇）、望亭镇")]
    [InlineData("各镇(街道、区)设分会场", "各镇（街道、区）设分会场")]
    [InlineData("要求,要提高站位;始终", "要求，要提高站位；始终")]
    public void Half_width_punctuation_in_chinese_prose_becomes_full_width(string captured, string clean) =>
        Assert.Equal(clean, MirrorTextCleaner.UseFullWidthPunctuation(captured));
}
