using GovPortal.BackOffice;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Channels;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// Moving a channel to the top level gives its address segment a top-level address: the same reserved names and the
/// back office's own prefix are refused as when a top-level channel is created, and nothing changes.
/// </summary>
public sealed class ChannelMoveTests
{
    private static readonly Staff Administrator =
        new("sysadmin", "sysadmin", new HashSet<string> { StaffRoles.Administrator }, new HashSet<int>(), "192.0.2.7");

    private static ChannelSettingsForm MoveTo(string name, int? parentId) =>
        new(name, parentId, "1", 1, "");

    [Fact]
    public async Task A_sub_channel_named_like_the_back_office_or_a_reserved_address_cannot_move_to_the_top_level()
    {
        await using var portal = await RunningPortal.StartAsync(
            adjustSettings: settings => settings with
            {
                BackOffice = settings.BackOffice with { Path = "/houtai-7f3a" },
            });
        var channels = portal.Service<ChannelAdministration>();
        var news = TestAccounts.ChannelId(portal, "xwzx");
        // Under a parent these names are free: only the top level reserves them.
        foreach (var slug in new[] { "houtai-7f3a", "search", "elder", "files", "hdjl" })
            Assert.True((await channels.CreateAsync(Administrator, new NewChannelForm("子栏目" + slug, slug, news)))
                .Succeeded, slug);

        foreach (var slug in new[] { "houtai-7f3a", "search", "elder", "files", "hdjl" })
        {
            var id = TestAccounts.ChannelId(portal, slug);
            var refused = await channels.UpdateAsync(Administrator, id, MoveTo("子栏目" + slug, null));
            Assert.False(refused.Succeeded, slug);
            Assert.Contains($"地址名“{slug}”是网站保留的地址", refused.Message);
        }

        // A free name moves; the refused ones stayed where they were and only the move that happened is audited.
        Assert.True((await channels.CreateAsync(Administrator, new NewChannelForm("专项工作", "zxgz", news))).Succeeded);
        var free = TestAccounts.ChannelId(portal, "zxgz");
        Assert.True((await channels.UpdateAsync(Administrator, free, MoveTo("专项工作", null))).Succeeded);
        await using var db = portal.Settings.Database.CreateContext();
        foreach (var slug in new[] { "houtai-7f3a", "search", "elder", "files", "hdjl" })
            Assert.Equal(news, (await db.Channels.SingleAsync(c => c.Slug == slug)).ParentId);
        Assert.Null((await db.Channels.SingleAsync(c => c.Id == free)).ParentId);
        Assert.Single(await db.AuditEntries.Where(e => e.Action == AuditActions.ChannelChanged
            && e.Details.StartsWith("修改栏目")).ToListAsync());
    }
}
