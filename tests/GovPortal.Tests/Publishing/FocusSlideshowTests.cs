using System.Net;
using GovPortal.Content.Uploads;
using GovPortal.Tests.Content;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Publishing;

/// <summary>
/// 焦点图: a publisher features a live article that has a 题图; the home page shows it as a slide (picture with the
/// title as its 替代文字, its smaller copies, a link to the page) and drops it again when it is withdrawn or no longer
/// featured. An article without a 题图 cannot be featured.
/// </summary>
public sealed class FocusSlideshowTests(NewsroomFixture shared) : IClassFixture<NewsroomFixture>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    /// <summary>Published with its picture in the body and chosen as its 题图; returns the id and picture name.</summary>
    private async Task<(int Id, string Picture)> PublishWithLeadImageAsync(string title)
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var id = await room.WriteAsync(title, files: [("题图.jpg", TestPictures.JpegWithExif(1600, 900))]);
        var revision = await room.RevisionAsync(id);
        var file = revision.Files.Single();
        var picture = ArticlePictures.NameOf(file.StoredName, file.Extension);
        var saved = await room.Editor.PostMultipartAsync($"articles/{id}/edit",
            [
                .. Newsroom.Fields(TestAccounts.ChannelId(portal, "bmdt"), title,
                    $"<p><img src=\"/files/{picture}\" alt=\"{title}现场\"></p>", baseRevisionId: revision.Id,
                    baseVersion: revision.Version),
                F("leadImage", picture),
            ], []);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        await room.DoAsync(room.Editor, id, "submit");
        await room.DoAsync(room.Reviewer, id, "approve");
        await room.DoAsync(room.Publisher, id, "publish");
        return (id, picture);
    }

    [Fact]
    public async Task A_featured_article_with_a_lead_image_is_a_slide_on_the_home_page_until_it_leaves_the_site()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var (id, picture) = await PublishWithLeadImageAsync("我区举办重阳节敬老活动");
        Assert.DoesNotContain("alt=\"我区举办重阳节敬老活动\"", await portal.Client.GetStringAsync("/"));

        await room.DoAsync(room.Publisher, id, "rank", F("weight", "0"), F("featured", "1"));
        var url = (await room.ArticleAsync(id)).Url!;
        var stem = picture[..32];
        var home = await portal.Client.GetStringAsync("/");
        Assert.Contains("<section class=\"focus\" aria-roledescription=\"轮播\" aria-label=\"焦点图\" data-focus>", home);
        Assert.Contains($"<a href=\"{url}\"><img src=\"/files/{picture}\" srcset=\"/files/{stem}-480.jpg 480w, "
            + $"/files/{stem}-960.jpg 960w, /files/{picture} 1600w\"", home);
        Assert.Contains("alt=\"我区举办重阳节敬老活动\"", home);
        Assert.Contains("role=\"group\" aria-roledescription=\"幻灯片\" aria-label=\"1 / ", home);

        // Withdrawn, it leaves the home page with its page (the plan knows the home page shows it).
        await room.DoAsync(room.Publisher, id, "withdraw", F("reason", "活动信息有误，核实后重新发布。"));
        Assert.DoesNotContain("alt=\"我区举办重阳节敬老活动\"", await portal.Client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Slides_follow_list_order_unfeaturing_removes_one_and_an_article_without_a_picture_is_refused()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var (first, _) = await PublishWithLeadImageAsync("望亭镇稻田画迎来最佳观赏期");
        var (second, _) = await PublishWithLeadImageAsync("黄埭镇举行乡村振兴成果展");
        await room.DoAsync(room.Publisher, first, "rank", F("weight", "9"), F("featured", "1"));
        await room.DoAsync(room.Publisher, second, "rank", F("weight", "0"), F("featured", "1"));
        var home = await portal.Client.GetStringAsync("/");
        Assert.True(home.IndexOf("alt=\"望亭镇稻田画迎来最佳观赏期\"", StringComparison.Ordinal)
            < home.IndexOf("alt=\"黄埭镇举行乡村振兴成果展\"", StringComparison.Ordinal), "the heavier article first");

        await room.DoAsync(room.Publisher, first, "rank", F("weight", "9"));
        home = await portal.Client.GetStringAsync("/");
        Assert.DoesNotContain("望亭镇稻田画迎来最佳观赏期", home[..home.IndexOf("home-blocks", StringComparison.Ordinal)]);
        Assert.Contains("alt=\"黄埭镇举行乡村振兴成果展\"", home);

        var plain = await room.PublishNewAsync("区政府召开常务会议");
        var refused = await room.ActAsync(room.Publisher, plain, "rank", F("weight", "0"), F("featured", "1"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("焦点图显示文章的题图：请先编辑文章、选择题图并发布，再设为焦点图。",
            await refused.Content.ReadAsStringAsync());
        Assert.False((await room.ArticleAsync(plain)).Featured);
    }
}
