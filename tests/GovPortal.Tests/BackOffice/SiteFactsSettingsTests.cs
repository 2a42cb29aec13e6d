using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Settings;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// 网站信息: the system administrator changes the site's name and footer facts on the settings page (no code, no
/// restart); every public page shows them at once, the registry numbers link where the rules require, a fact that
/// breaks its rule is refused beside the form with everything typed kept, and the change is audited.
/// </summary>
public sealed class SiteFactsSettingsTests
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    private static List<KeyValuePair<string, string>> Form(IReadOnlyDictionary<string, string> values) =>
        SiteFacts.All.Select(f => F(f.Name, values.GetValueOrDefault(f.Name) ?? "")).ToList();

    [Fact]
    public async Task The_administrator_changes_the_site_facts_and_every_page_shows_them_at_once()
    {
        await using var portal = await RunningPortal.StartAsync();
        await TestAccounts.CreateAsync(portal, "sysadmin", [StaffRoles.Administrator]);
        using var admin = await StaffClient.SignInAsync(portal, "sysadmin");
        var page = await admin.GetPageAsync("settings");
        Assert.Contains("value=\"苏州市相城区人民政府办公室\"", page);

        var values = new Dictionary<string, string>
        {
            ["name"] = "苏州市相城区人民政府", ["baseUrl"] = "https://www.szxc.gov.cn/",
            ["hostNames"] = "www.szxc.gov.cn, szxc.gov.cn，localhost", ["sponsor"] = "苏州市相城区人民政府办公室",
            ["organizer"] = "苏州市相城区大数据管理中心", ["siteCode"] = "32050700O1",
            ["icpNumber"] = "苏ICP备05004813号-2", ["publicSecurityNumber"] = "苏公网安备32050702010001号",
            ["contactPhone"] = "0512-65866001", ["contactAddress"] = "苏州市相城区阳澄湖东路8号",
            ["contactEmail"] = "xczfb@szxc.gov.cn", ["userLoginUrl"] = "https://www.jszwfw.gov.cn/",
            ["conacId"] = "0A1F7D0C3E2C5C4BE053012819AC4F18",
        };
        // A 网站标识码 with a letter O for a zero: refused beside its field, everything typed kept, nothing saved.
        var refused = await admin.PostAsync("settings/site", Form(values));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Contains("网站标识码应为 10 位", text);
        Assert.Contains("id=\"site-siteCode\" name=\"siteCode\" value=\"32050700O1\"", text);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"site-facts-problem", text);
        Assert.Contains("value=\"苏州市相城区大数据管理中心\"", text);
        Assert.DoesNotContain("大数据管理中心", await portal.Client.GetStringAsync("/"));

        values["siteCode"] = "3205070001";
        var saved = await admin.PostAsync("settings/site", Form(values));
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        foreach (var path in new[] { "/", "/xwzx/bmdt/", (await portal.SeedArticleAsync()).Url! })
        {
            var shown = await portal.Client.GetStringAsync(path);
            Assert.Contains("<a class=\"conac-mark\" href=\"https://bszs.conac.cn/sitename?method=show&amp;"
                + "id=0A1F7D0C3E2C5C4BE053012819AC4F18\" rel=\"noopener\">党政机关</a>", shown);
            // 找错 names the site and the page the reader is on.
            Assert.Contains("https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3205070001&amp;url="
                + Uri.EscapeDataString("https://www.szxc.gov.cn" + path) + "\"", shown);
            Assert.Contains("承办单位：苏州市相城区大数据管理中心", shown);
            Assert.Contains("<a href=\"https://beian.miit.gov.cn/\" rel=\"noopener\">苏ICP备05004813号-2</a>", shown);
            Assert.Contains("https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=32050702010001", shown);
            Assert.Contains("联系电话：0512-65866001", shown);
        }

        await using var db = portal.Settings.Database.CreateContext();
        var site = await db.Sites.SingleAsync();
        Assert.Equal("https://www.szxc.gov.cn", site.BaseUrl); // kept without the trailing slash
        Assert.Equal("www.szxc.gov.cn,szxc.gov.cn,localhost", site.HostNames);
        var entry = await db.AuditEntries.OrderBy(e => e.Id).LastAsync(e => e.Action == AuditActions.SettingsChanged);
        Assert.Equal("sysadmin", entry.Actor);
        Assert.Contains("承办单位：苏州市相城区数据局 → 苏州市相城区大数据管理中心", entry.Details);
        Assert.DoesNotContain("网站名称", entry.Details); // unchanged facts are not listed
    }

    [Theory]
    [InlineData("baseUrl", "www.szxc.gov.cn", "网站地址须是以 http:// 或 https:// 开头")]
    [InlineData("baseUrl", "https://www.szxc.gov.cn/xxgk/", "不带路径")]
    [InlineData("hostNames", "http://www.szxc.gov.cn", "不是有效的域名")]
    [InlineData("siteCode", "bm1200001", "网站标识码应为 10 位")]
    [InlineData("icpNumber", "ICP备05004813号", "ICP备案号的格式")]
    [InlineData("publicSecurityNumber", "苏公网安备3205070201号", "公安机关备案号的格式")]
    [InlineData("contactEmail", "xczfb@", "电子邮箱的格式不正确")]
    [InlineData("contactPhone", "请拨打热线", "联系电话只能包含")]
    [InlineData("conacId", "id=0A1F7D0C\"><script>", "党政机关网站标识编号只能包含字母和数字")]
    [InlineData("userLoginUrl", "javascript:alert(1)", "用户登录地址须是以 http:// 或 https:// 开头")]
    [InlineData("name", "", "请填写网站名称")]
    public void Each_fact_that_breaks_its_rule_is_named(string field, string value, string message)
    {
        var values = SiteFacts.All.ToDictionary(f => f.Name, f => f.Name switch
        {
            "name" => "苏州市相城区人民政府", "baseUrl" => "https://www.szxc.gov.cn", _ => "",
        });
        Assert.Null(SiteFacts.Problem(values));
        values[field] = value;
        var problem = SiteFacts.Problem(values);
        Assert.NotNull(problem);
        Assert.Equal(field, problem.Value.Field);
        Assert.Contains(message, problem.Value.Message);
    }
}
