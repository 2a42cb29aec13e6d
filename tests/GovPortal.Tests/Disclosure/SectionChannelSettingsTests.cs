using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.Content;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Disclosure;

/// <summary>
/// 栏目管理 marks what the 政府信息公开 home lists (指南, 制度, 法定主动公开内容), republishing it; a made-up value is
/// refused in Chinese; the section's own names under /zfxxgk/ cannot be taken by a channel.
/// </summary>
public sealed class SectionChannelSettingsTests
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    private static List<KeyValuePair<string, string>> Settings(string name, int parentId, string role) =>
        [F("name", name), F("parentId", parentId.ToString()), F("sortOrder", "9"), F("reviewLevels", "1"),
            F("updateFrequencyDays", ""), F("disclosureRole", role)];

    [Fact]
    public async Task A_channel_marked_as_statutory_content_is_listed_on_the_section_home_and_bad_values_are_refused()
    {
        await using var portal = await RunningPortal.StartAsync();
        await TestAccounts.CreateAsync(portal, "sysadmin", [StaffRoles.Administrator]);
        using var admin = await StaffClient.SignInAsync(portal, "sysadmin");
        var section = TestAccounts.ChannelId(portal, "zfxxgk");
        var notices = TestAccounts.ChannelId(portal, "tzgg");
        int parent;
        await using (var db = portal.Settings.Database.CreateContext())
            parent = db.Channels.Single(c => c.Id == notices).ParentId ?? 0;
        var settings = Html.Parse(await admin.GetPageAsync("channels"));
        Assert.Equal("法定主动公开内容",
            settings.QuerySelector($"#role-{TestAccounts.ChannelId(portal, "zcwjk")} option[selected]").Text());

        Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostAsync($"channels/{notices}",
            Settings("通知公告", parent, "Statutory"))).StatusCode);
        var (_, home) = await portal.Client.GetDocumentAsync("/zfxxgk/");
        Assert.Contains("通知公告", home.QuerySelectorAll("ul.disclosure-entries li li a").Select(a => a.Text()));
        await using (var db = portal.Settings.Database.CreateContext())
            Assert.Equal(ChannelDisclosureRole.Statutory, db.Channels.Single(c => c.Id == notices).DisclosureRole);

        foreach (var bad in new[] { "Bogus", "7", "<script>" })
        {
            var refused = await admin.PostAsync($"channels/{notices}",
                Settings("通知公告", parent, bad));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("信息公开栏目类型无效，请从列表中选择。", await refused.Content.ReadAsStringAsync());
        }
        await using (var db = portal.Settings.Database.CreateContext())
            Assert.Equal(ChannelDisclosureRole.Statutory, db.Channels.Single(c => c.Id == notices).DisclosureRole);

        foreach (var reserved in new[] { "ml", "nb", "ysqgk" })
        {
            var refused = await admin.PostAsync("channels/new",
                [F("name", "保留地址"), F("slug", reserved), F("parentId", section.ToString())]);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("政府信息公开专栏保留的地址", await refused.Content.ReadAsStringAsync());
        }
    }
}
