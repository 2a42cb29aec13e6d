using GovPortal.Content;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Support;

public static class PortalData
{
    public const string SeedTitle = "相城区召开生态环境保护大会";

    public static async Task<Article> SeedArticleAsync(this RunningPortal portal)
    {
        await using var db = portal.Settings.Database.CreateContext();
        return await db.Articles.AsNoTracking().Include(a => a.RelatedFiles).SingleAsync(a => a.Title == SeedTitle);
    }

    /// <summary>The address name of the seed article's channel, the one to grant a test account.</summary>
    public static async Task<string> SeedChannelSlugAsync(this RunningPortal portal)
    {
        var seed = await portal.SeedArticleAsync();
        await using var db = portal.Settings.Database.CreateContext();
        return (await db.Channels.AsNoTracking().SingleAsync(c => c.Id == seed.ChannelId)).Slug;
    }

    public static async Task<Channel> ChannelAsync(this RunningPortal portal, string slug)
    {
        await using var db = portal.Settings.Database.CreateContext();
        return await db.Channels.AsNoTracking().SingleAsync(c => c.Slug == slug);
    }
}
