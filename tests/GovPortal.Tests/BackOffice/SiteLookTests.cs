using System.Net;
using System.Text.RegularExpressions;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Settings;
using GovPortal.Content;
using GovPortal.Tests.Content;
using GovPortal.Tests.Support;
using SkiaSharp;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// The site's look on 设置, without code: 主题配色 from the accessible schemes, 政务新媒体 in every footer, and the
/// 网站标志 before the site's name in every header (re-encoded, its EXIF gone). A value outside the rules is refused
/// with the reason and what was typed kept.
/// </summary>
public sealed partial class SiteLookTests
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    private static List<KeyValuePair<string, string>> Form(IReadOnlyDictionary<string, string> values,
        string field, string value) =>
        SiteFacts.All.Select(f => F(f.Name, f.Name == field ? value : values.GetValueOrDefault(f.Name) ?? ""))
            .ToList();

    [Fact]
    public async Task The_administrator_sets_the_colours_the_new_media_accounts_and_the_logo_of_every_page()
    {
        await using var portal = await RunningPortal.StartAsync();
        await TestAccounts.CreateAsync(portal, "sysadmin", [StaffRoles.Administrator]);
        using var admin = await StaffClient.SignInAsync(portal, "sysadmin");
        var values = await portal.Service<SiteSettingsAdministration>().SiteFactsAsync();
        Assert.DoesNotContain("data-theme", await portal.Client.GetStringAsync("/"));

        // 主题配色: only a scheme of the list.
        var refused = await admin.PostAsync("settings/site", Form(values, "themeColour", "purple"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("主题配色无效，请从列表中选择。", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostAsync("settings/site",
            Form(values, "themeColour", "blue"))).StatusCode);
        values = await portal.Service<SiteSettingsAdministration>().SiteFactsAsync();
        foreach (var path in new[] { "/", "/xwzx/bmdt/", (await portal.SeedArticleAsync()).Url! })
            Assert.Contains("<html lang=\"zh-CN\" data-theme=\"blue\">", await portal.Client.GetStringAsync(path));
        Assert.Contains("<option value=\"blue\" selected>政务蓝</option>", await admin.GetPageAsync("settings"));

        // 政务新媒体: a line that does not follow the form is named, and what was typed comes back.
        const string wrong = "微信公众号｜相城发布\n政务微博";
        refused = await admin.PostAsync("settings/site", Form(values, "newMedia", wrong));
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Contains("政务新媒体第 2 行应为“平台｜名称｜网址”", text);
        Assert.Contains("政务微博</textarea>", text);
        Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostAsync("settings/site", Form(values, "newMedia",
            "微信公众号｜相城发布\n\n政务微博 | 相城发布 | https://weibo.com/xcfb"))).StatusCode);
        values = await portal.Service<SiteSettingsAdministration>().SiteFactsAsync();
        Assert.Equal("微信公众号｜相城发布\n政务微博｜相城发布｜https://weibo.com/xcfb", values["newMedia"]);
        var home = await portal.Client.GetStringAsync("/");
        Assert.Contains("<li>微信公众号：相城发布</li>", home);
        Assert.Contains("<li>政务微博：<a href=\"https://weibo.com/xcfb\" rel=\"noopener\">相城发布</a></li>", home);

        // 网站标志: a picture only, re-encoded, before the name in every header; removed again.
        var notPicture = await admin.PostMultipartAsync("settings/logo", [],
            [("标志.png", "<svg onload=alert(1)>"u8.ToArray())], fileField: "logo");
        Assert.Equal(HttpStatusCode.BadRequest, notPicture.StatusCode);
        Assert.Contains("网站标志未保存", await notPicture.Content.ReadAsStringAsync());
        var saved = await admin.PostMultipartAsync("settings/logo", [],
            [("标志.jpg", TestPictures.JpegWithExif(400, 100))], fileField: "logo");
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        home = await portal.Client.GetStringAsync("/");
        var logo = Logo().Match(home);
        Assert.True(logo.Success, home);
        Assert.Contains(logo.Value, await portal.Client.GetStringAsync("/xwzx/bmdt/"));
        var bytes = await portal.Client.GetByteArrayAsync(logo.Groups["src"].Value);
        Assert.DoesNotContain(TestPictures.HiddenDescription, System.Text.Encoding.ASCII.GetString(bytes));
        using (var decoded = SKBitmap.Decode(bytes)) Assert.Equal(400, decoded.Width);

        Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostMultipartAsync("settings/logo",
            [F("removeLogo", "1")], [], fileField: "logo")).StatusCode);
        Assert.DoesNotContain("site-logo", await portal.Client.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Client.GetAsync(logo.Groups["src"].Value)).StatusCode);
    }

    [Fact]
    public void New_media_lines_are_read_strictly_and_kept_in_one_form()
    {
        Assert.Null(NewMediaAccounts.Problem(""));
        Assert.Contains("第 1 行", NewMediaAccounts.Problem("相城发布"));
        Assert.Contains("第 1 行的网址", NewMediaAccounts.Problem("抖音｜相城发布｜javascript:alert(1)"));
        Assert.Contains("最多填写 20 个账号",
            NewMediaAccounts.Problem(string.Join('\n', Enumerable.Range(1, 21).Select(i => $"微博｜账号{i}"))));
        Assert.Equal([new NewMediaAccount("抖音", "相城发布", "")], NewMediaAccounts.Parse(" 抖音 | 相城发布 \r\n"));
        Assert.True(SiteLook.IsTheme("") && SiteLook.IsTheme("green") && !SiteLook.IsTheme("red"));
    }

    // An empty alt is written as a bare attribute: the same thing to a browser and a screen reader.
    [GeneratedRegex("<a class=\"site-name\" href=\"/\"><img class=\"site-logo\" "
        + "src=\"(?<src>/files/[0-9a-f]{32}\\.jpg)\" alt width=\"400\" height=\"100\" />")]
    private static partial Regex Logo();
}
