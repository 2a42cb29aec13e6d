using System.Net;
using System.Text.RegularExpressions;
using GovPortal.Tests.Content;
using GovPortal.Tests.Support;
using SkiaSharp;

namespace GovPortal.Tests.Channels;

/// <summary>
/// 专题: a topic page with its own banner (a picture re-encoded like every upload, with required 替代文字 and
/// smaller copies) and introduction above the blocks of its sub-channels.
/// </summary>
public sealed partial class TopicChannelTests(ChannelTypesFixture shared) : IClassFixture<ChannelTypesFixture>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    private static List<KeyValuePair<string, string>> Settings(string type, string alt, string introduction = "",
        bool removeBanner = false) =>
    [
        F("name", "生态文明专题"), F("parentId", "0"), F("sortOrder", "5"), F("reviewLevels", "1"),
        F("updateFrequencyDays", ""), F("disclosureRole", "None"), F("type", type), F("listStyle", "Titles"),
        F("linkUrl", ""), F("introduction", introduction), F("bannerAlt", alt),
        .. removeBanner ? [F("removeBanner", "1")] : Array.Empty<KeyValuePair<string, string>>(),
    ];

    [Fact]
    public async Task A_topic_shows_its_banner_with_its_alternative_text_and_its_introduction()
    {
        var (portal, admin) = (shared.Portal, shared.Admin);
        var topic = TestAccounts.ChannelId(portal, "stwm");
        var banner = TestPictures.JpegWithExif(2400, 600);

        // A banner without 替代文字 is refused and nothing is saved; the settings open again as typed, with the reason.
        var refused = await admin.PostMultipartAsync($"channels/{topic}", Settings("Topic", "", "先写好的专题简介。"),
            [("横幅.jpg", banner)], fileField: "banner");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await refused.Content.ReadAsStringAsync();
        Assert.Contains("请填写横幅图片的替代文字", again);
        Assert.Contains("请重新选择横幅图片。", again);
        Assert.Contains("<details open>", again);
        Assert.Contains(">先写好的专题简介。</textarea>", again);
        Assert.DoesNotMatch(BannerSource(), await portal.Client.GetStringAsync("/stwm/"));

        // So does a refused new channel, in its own form.
        refused = await admin.PostAsync("channels/new", [F("name", "专题专栏"), F("slug", "专题"), F("parentId", "0"),
            F("type", "Topic"), F("linkUrl", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        again = await refused.Content.ReadAsStringAsync();
        Assert.Contains("地址名只能由小写字母、数字和 - 组成", again);
        Assert.Contains("value=\"专题专栏\"", again);
        Assert.Contains("<option value=\"Topic\" selected>专题</option>", again);

        // Only a 专题 has a banner.
        refused = await admin.PostMultipartAsync($"channels/{topic}", Settings("List", "生态文明建设"),
            [("横幅.jpg", banner)], fileField: "banner");
        Assert.Contains("只有专题栏目可以设置横幅图片", await refused.Content.ReadAsStringAsync());

        var saved = await admin.PostMultipartAsync($"channels/{topic}",
            Settings("Topic", "绿水青山就是金山银山", "相城区持续推进生态文明建设。\r\n欢迎社会各界监督。"),
            [("横幅.jpg", banner)], fileField: "banner");
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var page = await portal.Client.GetStringAsync("/stwm/");
        var picture = BannerSource().Match(page);
        Assert.True(picture.Success, page);
        Assert.Contains("alt=\"绿水青山就是金山银山\" width=\"1920\" height=\"480\"", page);
        Assert.Contains("<p class=\"topic-introduction\">相城区持续推进生态文明建设。 欢迎社会各界监督。</p>", page);
        Assert.Contains("<h2 id=\"block-1\">专题动态</h2>", page);
        Assert.Contains($"-480.jpg 480w, ", page);

        // The published banner is the re-encoded picture: scaled to 1,920 px, its EXIF (GPS) gone.
        var published = await portal.Client.GetByteArrayAsync(picture.Groups["src"].Value);
        Assert.DoesNotContain(TestPictures.HiddenDescription, System.Text.Encoding.ASCII.GetString(published));
        using (var decoded = SKBitmap.Decode(published)) Assert.Equal(1920, decoded.Width);
        Assert.Equal(HttpStatusCode.OK,
            (await portal.Client.GetAsync(picture.Groups["src"].Value.Replace(".jpg", "-960.jpg"))).StatusCode);

        // Removed, the page keeps its name and introduction; the picture's address is gone.
        saved = await admin.PostMultipartAsync($"channels/{topic}",
            Settings("Topic", "", "相城区持续推进生态文明建设。", removeBanner: true), [], fileField: "banner");
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        page = await portal.Client.GetStringAsync("/stwm/");
        Assert.DoesNotContain("<img src=\"/files/", page);
        Assert.Contains("<h1>生态文明专题</h1>", page);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Client.GetAsync(picture.Groups["src"].Value)).StatusCode);
    }

    [GeneratedRegex("<header class=\"topic-banner\">\\s*<img src=\"(?<src>/files/[0-9a-f]{32}\\.jpg)\"")]
    private static partial Regex BannerSource();
}
