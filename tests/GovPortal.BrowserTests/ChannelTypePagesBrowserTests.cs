using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Channels;
using GovPortal.BackOffice.Files;
using GovPortal.Content;
using GovPortal.Content.Uploads;
using GovPortal.Publishing;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GovPortal.Tests.Browser;

/// <summary>
/// A 专题 with its banner and a 图片列表 of its articles, as a reader sees it: axe finds no violation in the standard
/// and 适老版 forms, and nothing scrolls sideways on a 360 px phone. The topic and its article are taken away again
/// at the end, so the pages other tests visit stay the demo's.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class ChannelTypePagesBrowserTests(BrowserFixture fixture)
{
    private static readonly Staff Administrator =
        new("sysadmin", "sysadmin", new HashSet<string> { StaffRoles.Administrator }, new HashSet<int>(), "192.0.2.7");

    [Fact]
    public async Task A_topic_with_its_banner_and_a_picture_list_passes_axe_and_fits_a_phone()
    {
        var portal = fixture.Portal;
        var channels = portal.Service<ChannelAdministration>();
        var news = await portal.ChannelAsync("xwzx");
        var created = await channels.CreateAsync(Administrator,
            new NewChannelForm("生态文明专题", "stwmzt", news.Id, Type: "Topic"));
        Assert.True(created.Succeeded, created.Message);
        var topic = await portal.ChannelAsync("stwmzt");
        var saved = await channels.UpdateAsync(Administrator, topic.Id,
            new ChannelSettingsForm("生态文明专题", news.Id, "9", 1, "")
            {
                Type = "Topic", ListStyle = "Pictures", BannerAlt = "阳澄湖畔的湿地公园",
                Introduction = "相城区持续推进生态文明建设，建设美丽相城。",
                NewBanner = new PictureUpload("横幅.jpg", SolidPicture.Jpeg(2400, 500, SkiaSharp.SKColors.SeaGreen)),
            });
        Assert.True(saved.Succeeded, saved.Message);
        var article = await PublishWithLeadImageAsync(topic, "湿地公园完成生态修复");
        try
        {
            await CheckTopicPageAsync();
        }
        finally
        {
            await RemoveAsync(topic.Id, article);
        }
    }

    private async Task CheckTopicPageAsync()
    {
        foreach (var form in new[] { "", "/elder" })
        {
            var page = await fixture.OpenAsync(form + "/xwzx/stwmzt/");
            try
            {
                await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "阳澄湖畔的湿地公园" }))
                    .ToBeVisibleAsync();
                await Assertions.Expect(page.Locator(".picture-list .card-picture")).ToHaveCountAsync(1);
                await Axe.AssertNoViolationsAsync(page);
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
        var phone = await fixture.OpenAsync("/xwzx/stwmzt/", width: 360, height: 740);
        try
        {
            var widths = await phone.EvaluateAsync<int[]>(
                "() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"page is {widths[0]} px wide in a {widths[1]} px window");
        }
        finally
        {
            await phone.Context.CloseAsync();
        }
    }

    /// <summary>
    /// The test's topic and article leave the shared demo: withdrawn, deleted, the site published again.
    /// </summary>
    private async Task RemoveAsync(int channelId, int articleId)
    {
        var publisher = fixture.Portal.Service<Publisher>();
        await publisher.ApplyArticleChangeAsync(articleId, a => a.Status = ArticleStatus.Withdrawn);
        await using (var db = fixture.Portal.Settings.Database.CreateContext())
        {
            db.Articles.Remove(await db.Articles.SingleAsync(a => a.Id == articleId));
            db.Channels.Remove(await db.Channels.SingleAsync(c => c.Id == channelId));
            await db.SaveChangesAsync();
        }
        await publisher.PublishAllAsync();
    }

    /// <summary>An article with a 题图, put into the channel and published through the publisher.</summary>
    private async Task<int> PublishWithLeadImageAsync(Channel channel, string title)
    {
        var portal = fixture.Portal;
        var uploads = portal.Service<UploadStore>();
        var picture = SolidPicture.Jpeg(1200, 800, SkiaSharp.SKColors.DarkOliveGreen);
        var stored = uploads.Save(picture);
        foreach (var (width, bytes) in ImageReencoder.SmallerCopies(picture, "jpg"))
            uploads.SaveSmaller(stored, width, bytes);
        int id;
        await using (var db = portal.Settings.Database.CreateContext())
        {
            var article = new Article
            {
                SiteId = channel.SiteId, ChannelId = channel.Id, Title = title, Source = "区生态环境局",
                BodyHtml = "<p>湿地公园生态修复工程完工。</p>", PublishedAtUtc = DateTime.UtcNow,
                UpdatedAtUtc = DateTime.UtcNow, Status = ArticleStatus.Draft,
                LeadImage = ArticlePictures.NameOf(stored, "jpg"),
            };
            article.RelatedFiles.Add(new RelatedFile
            {
                DisplayName = "湿地公园.jpg", StoredName = stored, Extension = "jpg", SizeBytes = picture.Length,
                ContentType = "image/jpeg", Width = 1200, Height = 800,
            });
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            id = article.Id;
        }
        await portal.Service<Publisher>().ApplyArticleChangeAsync(id, a => a.Status = ArticleStatus.Published);
        return id;
    }
}
