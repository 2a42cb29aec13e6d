using GovPortal.BackOffice;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Channels;
using GovPortal.BackOffice.Settings;
using GovPortal.Publishing.Output;
using GovPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.BackOffice;

/// <summary>The rules of channel, account and settings administration, asked of the services without HTTP.</summary>
public sealed class AdministrationServiceTests
{
    private static Staff Person(string userName, params string[] roles) =>
        new(userName, userName, roles.ToHashSet(), new HashSet<int>(), "192.0.2.7");

    private static readonly Staff Administrator = Person("sysadmin", StaffRoles.Administrator);

    private static ChannelSettingsForm SettingsOf(string name, int? parentId, string sortOrder = "1", int levels = 1,
        string frequency = "") => new(name, parentId, sortOrder, levels, frequency);

    [Fact]
    public void The_public_address_space_keeps_its_own_names_and_the_back_office_prefix_from_top_level_channels()
    {
        Assert.False(PublicAddressSpace.IsFreeForTopLevelChannel("elder", "/admin"));
        Assert.False(PublicAddressSpace.IsFreeForTopLevelChannel("ZH-HANT", "/admin"));
        Assert.False(PublicAddressSpace.IsFreeForTopLevelChannel("search", "/admin"));
        Assert.False(PublicAddressSpace.IsFreeForTopLevelChannel("admin", "/admin"));
        Assert.False(PublicAddressSpace.IsFreeForTopLevelChannel("houtai-7f3a", "/houtai-7f3a"));
        Assert.True(PublicAddressSpace.IsFreeForTopLevelChannel("admin", "/houtai-7f3a"));
        Assert.True(PublicAddressSpace.IsFreeForTopLevelChannel("xwzx", "/admin"));
        Assert.All(PublicAddressSpace.ReservedTopLevel.Values, reason => Assert.NotEqual("", reason.Trim()));
    }

    [Fact]
    public async Task The_channel_service_refuses_what_the_rules_forbid_and_changes_nothing()
    {
        await using var portal = await RunningPortal.StartAsync();
        var channels = portal.Service<ChannelAdministration>();
        var news = TestAccounts.ChannelId(portal, "xwzx");
        var headlines = TestAccounts.ChannelId(portal, "xcyw");
        int before;
        await using (var db = portal.Settings.Database.CreateContext()) before = await db.Channels.CountAsync();

        var editor = Person("lihua", StaffRoles.Editor, StaffRoles.Reviewer, StaffRoles.Publisher);
        var notAllowed = await channels.CreateAsync(editor, new NewChannelForm("专项工作", "zxgz", null));
        Assert.True(notAllowed.Forbidden);
        Assert.True((await channels.DeleteAsync(editor, headlines)).Forbidden);

        foreach (var (form, message) in new[]
        {
            (new NewChannelForm("搜索", "search", null), "保留"),
            (new NewChannelForm("后台", "admin", null), "保留"),
            (new NewChannelForm("相城要闻", "xcyw", news), "已有地址名"),
            (new NewChannelForm("坏地址", "Bad Slug", news), "小写字母"),
            (new NewChannelForm("", "kong", news), "请填写栏目名称"),
            (new NewChannelForm("无上级", "wsj", 99999), "不存在"),
        })
        {
            var refused = await channels.CreateAsync(Administrator, form);
            Assert.False(refused.Succeeded);
            Assert.False(refused.Forbidden);
            Assert.Contains(message, refused.Message);
        }

        // A channel cannot move under itself or its own children.
        var cycle = await channels.UpdateAsync(Administrator, news, SettingsOf("新闻中心", headlines));
        Assert.Contains("不能把栏目移到它自己或它的下级栏目之下", cycle.Message);
        foreach (var (form, message) in new[]
        {
            (SettingsOf("相城要闻", news, levels: 4), "审核级数"),
            (SettingsOf("相城要闻", news, frequency: "每周"), "更新频率"),
            (SettingsOf("相城要闻", news, sortOrder: "第一"), "排序"),
        })
            Assert.Contains(message, (await channels.UpdateAsync(Administrator, headlines, form)).Message);
        Assert.True((await channels.UpdateAsync(Administrator, 99999, SettingsOf("不存在", null))).NotFound);

        // A channel holding articles, or sub-channels, stays.
        var holding = await channels.DeleteAsync(Administrator, headlines);
        Assert.False(holding.Succeeded);
        Assert.Contains("篇文章", holding.Message);
        Assert.Contains("子栏目", (await channels.DeleteAsync(Administrator, news)).Message);
        Assert.True((await channels.DeleteAsync(Administrator, 99999)).NotFound);

        await using (var db = portal.Settings.Database.CreateContext())
        {
            Assert.Equal(before, await db.Channels.CountAsync());
            Assert.Equal(news, db.Channels.Single(c => c.Id == headlines).ParentId);
            Assert.Empty(db.AuditEntries.Where(e => e.Action == AuditActions.ChannelChanged));
        }
    }

    [Fact]
    public async Task The_channel_service_creates_and_deletes_an_empty_channel_audited_under_the_person_who_acted()
    {
        await using var portal = await RunningPortal.StartAsync();
        var channels = portal.Service<ChannelAdministration>();

        var created = await channels.CreateAsync(Administrator, new NewChannelForm(" 临时栏目 ", " LSLM ", null));
        Assert.True(created.Succeeded, created.Message);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await portal.Client.GetAsync("/lslm/")).StatusCode);
        var id = TestAccounts.ChannelId(portal, "lslm");
        var order = (await channels.OverviewAsync()).Rows.Single(r => r.Channel.Id == id).Channel.SortOrder.ToString();
        var unchanged = await channels.UpdateAsync(Administrator, id, SettingsOf("临时栏目", null, sortOrder: order));
        Assert.Equal("没有需要保存的修改。", unchanged.Message);
        Assert.True((await channels.DeleteAsync(Administrator, id)).Succeeded);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await portal.Client.GetAsync("/lslm/")).StatusCode);

        await using var db = portal.Settings.Database.CreateContext();
        var entries = db.AuditEntries.Where(e => e.Action == AuditActions.ChannelChanged).OrderBy(e => e.Id).ToList();
        Assert.Equal(["新建栏目“临时栏目”（地址名 lslm）", "删除空栏目“临时栏目”（地址名 lslm）"], entries.Select(e => e.Details));
        Assert.All(entries, e => Assert.Equal(("sysadmin", "192.0.2.7"), (e.Actor, e.IpAddress)));
    }

    [Fact]
    public async Task The_account_service_checks_the_role_and_keeps_an_administrator()
    {
        await using var portal = await RunningPortal.StartAsync();
        await TestAccounts.CreateAsync(portal, "sysadmin", [StaffRoles.Administrator]);
        using var scope = portal.App.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var news = TestAccounts.ChannelId(portal, "xwzx");

        var editor = Person("lihua", StaffRoles.Editor);
        var asEditor = new NewAccountForm("xuqing", "徐青", [StaffRoles.Administrator], []);
        var notAllowed = await accounts.CreateAsync(editor, asEditor);
        Assert.True(notAllowed.Forbidden);
        Assert.Null(await users.FindByNameAsync("xuqing"));
        var nameless = await accounts.CreateAsync(Administrator, new NewAccountForm("xuqing", " ", [], []));
        Assert.Contains("姓名", nameless.Message);

        // 三员分立: the 系统管理员 creates the account, the 安全管理员 gives its roles and channels.
        var withRoles = await accounts.CreateAsync(Administrator,
            new NewAccountForm("xuqing", "徐青", [StaffRoles.Editor], []));
        Assert.Contains("由安全管理员分配", withRoles.Message);
        Assert.Null(await users.FindByNameAsync("xuqing"));
        var created = await accounts.CreateAsync(Administrator, new NewAccountForm("xuqing", "徐青", ["Superuser"], []));
        Assert.True(created.Succeeded, created.Message);
        Assert.Contains("临时密码", created.Message);
        var user = (await users.FindByNameAsync("xuqing"))!;
        Assert.Empty(await users.GetRolesAsync(user));
        var security = Person("secofficer", StaffRoles.SecurityAdministrator);
        Assert.True((await accounts.SetRolesAsync(Administrator, user.Id,
            new AccountRolesForm([StaffRoles.Editor], [news]))).Forbidden);
        var granted = await accounts.SetRolesAsync(security, user.Id,
            new AccountRolesForm([StaffRoles.Editor, "Superuser"], [news, 99999]));
        Assert.True(granted.Succeeded, granted.Message);
        Assert.Equal([StaffRoles.Editor], await users.GetRolesAsync(user));
        var detail = (await accounts.DetailAsync(user.Id))!;
        Assert.Equal([news], detail.Channels);
        var missing = await accounts.UpdateAsync(Administrator, "no-such-id",
            new AccountSettingsForm("某人", Disabled: false));
        Assert.True(missing.NotFound);

        // Nobody disables themselves or the last system administrator, so the system always has someone to manage it.
        var sysadmin = (await users.FindByNameAsync("sysadmin"))!;
        var self = await accounts.UpdateAsync(Administrator, sysadmin.Id,
            new AccountSettingsForm("管理员", Disabled: true));
        Assert.Contains("不能停用自己的账号", self.Message);
        // The demo's 安全管理员 is the only one: its role stays, and nobody holds two of the three.
        var demoSecurity = (await users.FindByNameAsync("security"))!;
        var last = await accounts.SetRolesAsync(security, demoSecurity.Id, new AccountRolesForm([], []));
        Assert.Contains("最后一个可用的安全管理员", last.Message);
        Assert.Equal([StaffRoles.SecurityAdministrator], await users.GetRolesAsync(demoSecurity));
        var twoOfThree = await accounts.SetRolesAsync(security, sysadmin.Id,
            new AccountRolesForm([StaffRoles.Administrator, StaffRoles.AuditAdministrator], []));
        Assert.Contains("三员分立", twoOfThree.Message);
        Assert.Equal([StaffRoles.Administrator], await users.GetRolesAsync(sysadmin));
        Assert.False((await users.FindByIdAsync(sysadmin.Id))!.IsDisabled);

        var reset = await accounts.ResetPasswordAsync(Administrator, user.Id);
        Assert.Contains("临时密码", reset.Message);
        await using var db = portal.Settings.Database.CreateContext();
        var log = db.AuditEntries.Where(e => e.Target == "账号 xuqing").OrderBy(e => e.Id).Select(e => e.Action).ToList();
        Assert.Equal([AuditActions.AccountCreated, AuditActions.AccountChanged, AuditActions.PasswordReset], log);
        Assert.DoesNotContain(db.AuditEntries.Select(e => e.Details).ToList(), d => d.Contains("临时密码"));
    }

    [Fact]
    public async Task The_settings_service_refuses_a_wrong_date_and_keeps_the_days_of_mourning()
    {
        await using var portal = await RunningPortal.StartAsync();
        var settings = portal.Service<SiteSettingsAdministration>();
        Assert.True((await settings.SetMourningDatesAsync(Administrator, "2026-12-13")).Succeeded);

        Assert.True((await settings.SetMourningDatesAsync(Person("lihua", StaffRoles.Editor), "")).Forbidden);
        var wrong = await settings.SetMourningDatesAsync(Administrator, "2026-12-13\n2026-13-01");
        Assert.False(wrong.Succeeded);
        Assert.Contains("“2026-13-01”不是有效的日期", wrong.Message);
        Assert.Equal("2026-12-13", settings.MourningDatesText());

        var cleared = await settings.SetMourningDatesAsync(Administrator, " ");
        Assert.Equal("已清空全站置灰日期。", cleared.Message);
        Assert.Equal("", settings.MourningDatesText());
        await using var db = portal.Settings.Database.CreateContext();
        Assert.Equal(["全站置灰日期：无 → 2026-12-13", "全站置灰日期：2026-12-13 → 无"],
            db.AuditEntries.Where(e => e.Action == AuditActions.SettingsChanged).OrderBy(e => e.Id)
                .Select(e => e.Details).ToList());
    }
}
