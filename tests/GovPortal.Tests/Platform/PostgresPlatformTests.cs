using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.Data;
using GovPortal.Tests.Data;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Platform;

/// <summary>The platform on a real PostgreSQL server: sites kept apart, and a paused site deleted.</summary>
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

        await TestAccounts.CreateAsync(portal, "pingtai", [StaffRoles.PlatformAdministrator]);
        using var platform = await StaffClient.SignInAsync(portal, "pingtai");
        Assert.Equal(HttpStatusCode.SeeOther, (await platform.PostAsync("platform/sites/wt/suspend", [])).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther,
            (await platform.PostAsync("platform/sites/wt/delete", [new("confirm", "wt")])).StatusCode);
        await using var db = portal.Settings.Database.CreateContext();
        Assert.False(await db.Sites.AnyAsync(s => s.Code == "wt"));
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "wtadmin"));
        Assert.Equal(3, await db.Sites.CountAsync());
    }
}
