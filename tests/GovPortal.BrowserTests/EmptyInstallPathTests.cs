using GovPortal.BackOffice.Accounts;
using GovPortal.Hosting;
using GovPortal.Tests.Support;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>
/// A town's web team sets up its real site from an empty install, in the browser, without code: the site made by
/// <c>init</c> (the same start-up path, <see cref="PortalSettings.NewSite"/>), then 网站信息 with its 主题配色 and
/// 政务新媒体, channels of each type (列表, 单页, 外链, 专题 with its banner), the 单页's text written, reviewed and
/// published, the home page's blocks chosen, previewed and published on 首页布局, and the public site checked page by
/// page: navigation, home blocks, footer, 网站地图, and axe on every new page.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class EmptyInstallPathTests(BrowserFixture fixture)
{
    private const string Admin = "hd-xtgly";

    [Fact]
    public async Task A_web_team_builds_its_site_from_an_empty_install_in_the_back_office()
    {
        await using var site = await RunningPortal.StartAsync(adjustSettings: s => s with
        {
            CreateDemo = false, NewSite = new NewSite("苏州市相城区黄埭镇人民政府", "hd.szxc.gov.cn", "黄埭镇人民政府"),
        });
        await TestAccounts.CreateAsync(site, Admin, [StaffRoles.Administrator]);
        var admin = await fixture.SignInAsync(Admin, portal: site);
        try
        {
            await SetSiteFactsAsync(admin);
            await CreateChannelAsync(admin, "镇情概况", "zqgk", "单页");
            await CreateChannelAsync(admin, "新闻动态", "xwdt", "列表");
            await CreateChannelAsync(admin, "乡村振兴", "xczx", "专题");
            await CreateChannelAsync(admin, "办事服务", "bsfw", "外链", "https://www.jszwfw.gov.cn/");
            await GiveTheTopicItsHeadAsync(admin);
            await Axe.AssertNoViolationsAsync(admin);

            // A mistake (an address name already taken) comes back in the form, as typed, with the reason.
            await admin.FillAsync("#newName", "镇情介绍");
            await admin.FillAsync("#newSlug", "zqgk");
            await admin.GetByRole(AriaRole.Button, new() { Name = "新建" }).ClickAsync();
            await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("已有地址名为“zqgk”的栏目");
            await Assertions.Expect(admin.Locator("#newName")).ToHaveValueAsync("镇情介绍");
            await Axe.AssertNoViolationsAsync(admin);
            await BuildTheHomePageAsync(admin);
        }
        finally
        {
            await admin.Context.CloseAsync();
        }

        // The 单页's text goes through the workflow like every article.
        await using (var room = await Newsroom.StartAsync(site, "zqgk"))
        {
            var id = await room.WriteAsync("黄埭镇概况", "<p>黄埭镇位于相城区西部，历史悠久。</p>", channel: "zqgk");
            await room.DoAsync(room.Editor, id, "submit");
            await room.DoAsync(room.Reviewer, id, "approve");
            await room.DoAsync(room.Publisher, id, "publish");
        }

        var home = await fixture.OpenAsync("/", portal: site);
        try
        {
            var nav = home.Locator(".main-nav a");
            await Assertions.Expect(nav)
                .ToHaveTextAsync(["首页", "镇情概况", "新闻动态", "乡村振兴", "办事服务", "政府信息公开", "互动交流"]);
            await Assertions.Expect(home.GetByRole(AriaRole.Link, new() { Name = "办事服务" }))
                .ToHaveAttributeAsync("href", "https://www.jszwfw.gov.cn/");
            await Assertions.Expect(home.Locator("html")).ToHaveAttributeAsync("data-theme", "green");
            await Assertions.Expect(home.Locator(".site-footer")).ToContainTextAsync("网站标识码：3205070101");
            await Assertions.Expect(home.Locator(".footer-media")).ToContainTextAsync("微信公众号：黄埭发布");
            // The home page as 首页布局 made it: the 专题 across the top, then the news and the links side by side.
            await Assertions.Expect(home.Locator("main h2"))
                .ToHaveTextAsync(["乡村振兴", "新闻动态", "便民服务"]);
            await Assertions.Expect(home.GetByRole(AriaRole.Link, new() { Name = "苏州市民卡" }))
                .ToHaveAttributeAsync("href", "https://www.sipspf.org.cn/");
            await Axe.AssertNoViolationsAsync(home);
            // The same blocks in 适老版 and 繁體, each passing axe.
            foreach (var form in new[] { "/elder/", "/zh-hant/" })
            {
                await home.GotoAsync(form);
                await Assertions.Expect(home.Locator("main h2")).ToHaveCountAsync(3);
                await Axe.AssertNoViolationsAsync(home);
            }
            await home.GotoAsync("/");

            await home.GetByRole(AriaRole.Link, new() { Name = "镇情概况" }).ClickAsync();
            await Assertions.Expect(home.GetByRole(AriaRole.Heading, new() { Name = "镇情概况", Level = 1 }))
                .ToBeVisibleAsync();
            await Assertions.Expect(home.Locator(".article-body")).ToContainTextAsync("黄埭镇位于相城区西部");
            await Axe.AssertNoViolationsAsync(home);

            await home.GotoAsync("/xczx/");
            await Assertions.Expect(home.GetByRole(AriaRole.Img, new() { Name = "黄埭镇高标准农田" })).ToBeVisibleAsync();
            await Assertions.Expect(home.Locator(".topic-introduction")).ToHaveTextAsync("建设宜居宜业和美乡村。");
            await Axe.AssertNoViolationsAsync(home);

            await home.GetByRole(AriaRole.Link, new() { Name = "网站地图" }).ClickAsync();
            foreach (var name in new[] { "镇情概况", "新闻动态", "乡村振兴", "办事服务" })
                await Assertions.Expect(home.Locator("main").GetByRole(AriaRole.Link, new() { Name = name }))
                    .ToHaveCountAsync(1);
            await Axe.AssertNoViolationsAsync(home);
        }
        finally
        {
            await home.Context.CloseAsync();
        }
    }

    private static async Task SetSiteFactsAsync(IPage admin)
    {
        await admin.GotoAsync("/admin/settings");
        await admin.GetByLabel("网站标识码").FillAsync("3205070101");
        await admin.GetByLabel("联系电话").FillAsync("0512-65431234");
        await admin.GetByLabel("主题配色").SelectOptionAsync(new SelectOptionValue { Label = "生态绿" });
        await admin.GetByLabel("政务新媒体").FillAsync("微信公众号｜黄埭发布");
        await admin.Locator("form[aria-labelledby=site-facts] button[type=submit]").ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("已保存");
    }

    private static async Task CreateChannelAsync(IPage admin, string name, string slug, string type,
        string link = "")
    {
        await admin.GotoAsync("/admin/channels");
        await admin.FillAsync("#newName", name);
        await admin.FillAsync("#newSlug", slug);
        await admin.SelectOptionAsync("#newType", new SelectOptionValue { Label = type });
        if (link.Length > 0) await admin.FillAsync("#newLink", link);
        await admin.GetByRole(AriaRole.Button, new() { Name = "新建" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync($"已新建栏目“{name}”");
    }

    /// <summary>
    /// 首页布局 from nothing: a new site's home page shows no blocks until the web team chooses them, previews the
    /// draft and publishes it.
    /// </summary>
    private static async Task BuildTheHomePageAsync(IPage admin)
    {
        await admin.GotoAsync("/admin/home-layout");
        await admin.GetByLabel("专题横幅", new() { Exact = true }).CheckAsync();
        await admin.GetByLabel("专题（专题横幅区块）").SelectOptionAsync(new SelectOptionValue { Label = "乡村振兴" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "添加到草稿" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("已在草稿末尾添加区块“专题横幅：乡村振兴”");
        await admin.GetByLabel("栏目", new() { Exact = true }).CheckAsync();
        await admin.GetByLabel("栏目（栏目区块").SelectOptionAsync(new SelectOptionValue { Label = "新闻动态" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "添加到草稿" }).ClickAsync();
        await admin.GetByLabel("链接", new() { Exact = true }).CheckAsync();
        await admin.GetByLabel("标题（链接区块）").FillAsync("便民服务");
        await admin.GetByLabel("链接（链接区块").FillAsync("苏州市民卡｜https://www.sipspf.org.cn/");
        await admin.GetByRole(AriaRole.Button, new() { Name = "添加到草稿" }).ClickAsync();
        // The default layout's 焦点图 stays first; it shows once an article is featured.
        await Assertions.Expect(admin.Locator("table tbody td:nth-child(3)"))
            .ToHaveTextAsync(new Regex[] { new("^焦点图"), new("^专题横幅：乡村振兴"), new("^栏目：新闻动态"),
                new("^链接：便民服务") });
        await Axe.AssertNoViolationsAsync(admin);

        await admin.GetByRole(AriaRole.Link, new() { Name = "预览首页" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("预览：首页布局草稿");
        await Assertions.Expect(admin.Locator("main h2")).ToHaveTextAsync(["乡村振兴", "新闻动态", "便民服务"]);
        await Axe.AssertNoViolationsAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "返回首页布局" }).ClickAsync();
        // With the keyboard alone: the links block goes up one place, before 新闻动态, and back down again.
        await KeyboardUse.TabToAsync(admin, "button[aria-label='上移“链接：便民服务”']", most: 120);
        await admin.Keyboard.PressAsync("Enter");
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("已上移区块“链接：便民服务”");
        await KeyboardUse.TabToAsync(admin, "button[aria-label='下移“链接：便民服务”']", most: 120);
        await admin.Keyboard.PressAsync("Enter");
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("已下移区块“链接：便民服务”");
        await admin.GetByRole(AriaRole.Button, new() { Name = "发布布局" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("首页布局已发布");
    }

    private static async Task GiveTheTopicItsHeadAsync(IPage admin)
    {
        await admin.GotoAsync("/admin/channels");
        await admin.GetByText("修改“乡村振兴”").ClickAsync();
        var form = admin.Locator("details[open] form");
        await form.GetByLabel("专题简介").FillAsync("建设宜居宜业和美乡村。");
        await form.GetByLabel("横幅图片（").SetInputFilesAsync(new FilePayload
        {
            Name = "横幅.jpg", MimeType = "image/jpeg",
            Buffer = SolidPicture.Jpeg(1600, 400, SkiaSharp.SKColors.OliveDrab),
        });
        await form.GetByLabel("横幅图片的替代文字").FillAsync("黄埭镇高标准农田");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("已保存栏目“乡村振兴”");
    }
}
