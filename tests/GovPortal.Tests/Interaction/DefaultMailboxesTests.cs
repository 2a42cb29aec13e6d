using GovPortal.Content;
using GovPortal.Interaction.Letters;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Interaction;

/// <summary>The mailboxes a site starts with: written once for a site that has none, never over the site's own.
/// </summary>
public sealed class DefaultMailboxesTests
{
    [Fact]
    public async Task A_site_without_mailboxes_gets_the_defaults_once_and_a_site_with_its_own_keeps_them()
    {
        using var folder = new TempDirectory();
        var database = GovPortal.Data.DatabaseOptions.Sqlite(Path.Combine(folder.Path, "test.db"));
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        var bare = new Site { Code = "bare", Name = "无信箱的网站", BaseUrl = "https://bare.example.cn" };
        var own = new Site { Code = "own", Name = "自有信箱的网站", BaseUrl = "https://own.example.cn" };
        db.Sites.AddRange(bare, own);
        await db.SaveChangesAsync();
        db.Mailboxes.Add(new Mailbox { SiteId = own.Id, Code = "szxx", Name = "书记信箱", Active = false });
        await db.SaveChangesAsync();

        var defaults = new DefaultMailboxes();
        Assert.Equal(1, await defaults.EnsureEverySiteAsync(db, CancellationToken.None));
        var mailboxes = await db.Mailboxes.AsNoTracking().Where(m => m.SiteId == bare.Id).OrderBy(m => m.SortOrder)
            .ToListAsync();
        Assert.Equal(["区长信箱", "12345咨询", "投诉信箱", "建议信箱"], mailboxes.Select(m => m.Name));
        Assert.Equal(DefaultMailboxes.DistrictHeadCode, mailboxes[0].Code);
        Assert.All(mailboxes, m => Assert.True(m.Active && m.Description.Length > 0));
        Assert.Equal(5, mailboxes[1].ReplyDaysFor(LetterKinds.Consult));
        Assert.Equal(10, mailboxes[1].ReplyDaysFor(LetterKinds.Complaint));

        // Again: nothing more, and the other site keeps its one (inactive) mailbox.
        Assert.Equal(0, await defaults.EnsureEverySiteAsync(db, CancellationToken.None));
        Assert.False(await defaults.EnsureAsync(db, bare.Id, CancellationToken.None));
        Assert.Equal(4, await db.Mailboxes.CountAsync(m => m.SiteId == bare.Id));
        Assert.Equal(["szxx"], await db.Mailboxes.Where(m => m.SiteId == own.Id).Select(m => m.Code).ToListAsync());
    }
}
