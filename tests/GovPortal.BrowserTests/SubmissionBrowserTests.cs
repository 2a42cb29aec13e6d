using GovPortal.BackOffice.Accounts;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>
/// 信息报送 in a browser: a town's editor sends a published article to the district's 镇街动态, a district reviewer
/// reads it and accepts it, the district's page shows 来源 linking back, and the town sees the outcome; under axe.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class SubmissionBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_town_sends_an_article_the_district_accepts_it_and_the_town_sees_it_adopted()
    {
        await using var portal = await RunningPortal.StartAsync(adjustSettings: s => s with { DemoPlatform = true });
        await TestAccounts.CreateOnSiteAsync(portal, "wt", "wt-xiaowang", [StaffRoles.Editor], "zwdt");
        await TestAccounts.CreateAsync(portal, "qu-laoli", [StaffRoles.Reviewer], "zjdt");
        int articleId;
        await using (var db = portal.Settings.Database.CreateContext())
            articleId = await db.Articles.Where(a => a.Title == "望亭镇部署河长制重点工作").Select(a => a.Id)
                .SingleAsync();

        // The town's editor opens the article and sends it, with a note.
        var town = await fixture.SignInAsync("wt-xiaowang", portal: portal);
        await town.GotoAsync($"/admin/articles/{articleId}");
        await town.ClickAsync("text=报送到其他网站");
        await Axe.AssertNoViolationsAsync(town);
        await town.SelectOptionAsync("#channelId", new SelectOptionValue { Label = "苏州市相城区人民政府 · 镇街动态" });
        await town.FillAsync("#note", "河长制工作的最新进展，请审阅。");
        await town.ClickAsync("button:has-text('报送')");
        await PageAddress.ReachedAsync(town, "**/admin/submissions");
        Assert.Contains("待处理", await town.InnerTextAsync("#sent + table"));
        await Axe.AssertNoViolationsAsync(town);

        // The district's reviewer finds it waiting, reads it and accepts it.
        var district = await fixture.SignInAsync("qu-laoli", portal: portal);
        await district.GotoAsync("/admin/submissions");
        Assert.Contains("待您处理", await district.InnerTextAsync("#received + table"));
        await district.ClickAsync("text=望亭镇部署河长制重点工作");
        Assert.Contains("河长制工作的最新进展", await district.InnerTextAsync("main"));
        await Axe.AssertNoViolationsAsync(district);
        await district.CheckAsync("input[name=acknowledged]");
        await district.ClickAsync("button:has-text('采用并发布')");
        await district.WaitForSelectorAsync(".notice:has-text('已采用')");
        Assert.Contains("已采用", await district.InnerTextAsync("main"));
        await district.ClickAsync("text=查看采用后发布的文章");
        var address = await district.GetAttributeAsync("a[href^='/xwzx/zjdt/']", "href");
        Assert.NotNull(address);

        // The reader sees it on the district's site with 来源 linking to the town's page.
        var reader = await fixture.OpenAsync(address!, portal: portal);
        var source = reader.Locator(".article-meta a", new PageLocatorOptions { HasTextString = "望亭镇" });
        Assert.StartsWith("https://wt.szxc.gov.cn/zwdt/", await source.GetAttributeAsync("href"));
        await Axe.AssertNoViolationsAsync(reader);

        // The town sees the outcome.
        await town.ReloadAsync();
        Assert.Contains("已采用", await town.InnerTextAsync("#sent + table"));
    }
}
