using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.Data;
using GovPortal.Tests.Data;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Platform;

/// <summary>
/// The platform on a real PostgreSQL server: sites kept apart, a town's own calendar days counted on its site only,
/// and a paused site deleted with its days.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class PostgresPlatformTests(PostgresServer postgres)
{
    [Fact]
    public async Task Each_site_sees_its_own_rows_and_a_paused_site_is_deleted_on_postgresql()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var portal = await RunningPortal.StartAsync(DatabaseOptions.Postgres(connectionString),
            adjustSettings: s => s with { DemoPlatform = true });
        await TestAccounts.CreateOnSiteAsync(portal, "hd", "hd-editor", [StaffRoles.Editor], "zwdt");
        using (var town = await StaffClient.SignInAsync(portal, "hd-editor"))
        {
            var list = await town.GetPageAsync("articles");
            Assert.Contains("黄埭镇召开安全生产工作推进会", list);
            Assert.DoesNotContain("生态环境保护大会", list);
        }

        await TestAccounts.CreateOnSiteAsync(portal, "hd", "hd-rili", [StaffRoles.Administrator]);
        using (var town = await StaffClient.SignInAsync(portal, "hd-rili"))
            Assert.Equal(HttpStatusCode.SeeOther,
                (await town.PostAsync("calendar/own/2025", [new("days", "2025-03-31 休 壮族三月三")])).StatusCode);
        Assert.False((await portal.CalendarAsync("hd")).IsWorkingDay(new DateOnly(2025, 3, 31)));
        Assert.True((await portal.CalendarAsync()).IsWorkingDay(new DateOnly(2025, 3, 31)));
        int wt;
        await using (var before = portal.Settings.Database.CreateContext())
        {
            wt = await before.Sites.Where(s => s.Code == "wt").Select(s => s.Id).SingleAsync();
            before.SiteCalendarDays.Add(new GovPortal.Citizens.Calendar.SiteCalendarDay
                { SiteId = wt, Date = new DateOnly(2025, 4, 1), Name = "本地节日" });
            await before.SaveChangesAsync();
        }

        await TestAccounts.CreateAsync(portal, "pingtai", [StaffRoles.PlatformAdministrator]);
        using var platform = await StaffClient.SignInAsync(portal, "pingtai");
        Assert.Equal(HttpStatusCode.SeeOther, (await platform.PostAsync("platform/sites/wt/suspend", [])).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther,
            (await platform.PostAsync("platform/sites/wt/delete", [new("confirm", "wt")])).StatusCode);
        await using var db = portal.Settings.Database.CreateContext();
        Assert.False(await db.Sites.AnyAsync(s => s.Code == "wt"));
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "wtadmin"));
        Assert.False(await db.SiteCalendarDays.AnyAsync(d => d.SiteId == wt));
        Assert.Equal(3, await db.Sites.CountAsync());
    }
}
