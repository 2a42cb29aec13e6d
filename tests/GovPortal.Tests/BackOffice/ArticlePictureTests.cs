using System.Globalization;
using System.Net;
using System.Text;
using GovPortal.BackOffice.Accounts;
using GovPortal.Content.Uploads;
using GovPortal.Tests.Content;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// Pictures in an article, through the back office as an editor works: an upload is re-encoded (no EXIF or GPS) and
/// scaled, the editor inserts it into the body with 替代文字 (required), chooses it as the 题图, and the published page
/// offers its smaller copies, loads it lazily and shows the thumbnail in the channel's list.
/// </summary>
public sealed class ArticlePictureTests(NewsroomFixture shared) : IClassFixture<NewsroomFixture>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [Fact]
    public async Task A_picture_goes_from_upload_to_the_body_the_lead_image_and_the_published_page()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var channel = TestAccounts.ChannelId(portal, "bmdt");
        var photo = TestPictures.JpegWithExif(2400, 1200);
        var id = await room.WriteAsync("我区开展防汛应急演练", "<p>演练现场。</p>",
            files: [("演练现场.jpg", photo), ("演练方案.pdf", TestPdf.Create("演练方案"))]);

        // Kept re-encoded and scaled, with its copies beside it; nothing of the EXIF is on the disk.
        var revision = await room.RevisionAsync(id);
        var picture = revision.Files.Single(f => f.Extension == "jpg");
        Assert.Equal((1920, 960), (picture.Width, picture.Height));
        var uploads = portal.Service<UploadStore>();
        var stored = await File.ReadAllBytesAsync(uploads.PathOf(picture.StoredName));
        Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.ASCII.GetBytes(TestPictures.HiddenDescription)));
        Assert.True(File.Exists(uploads.PathOfSmaller(picture.StoredName, 480)));
        Assert.True(File.Exists(uploads.PathOfSmaller(picture.StoredName, 960)));
        var name = ArticlePictures.NameOf(picture.StoredName, picture.Extension);

        // The form offers it for insertion (with 替代文字) and as the 题图; staff see it from the back office.
        var form = await room.Editor.GetPageAsync($"articles/{id}/edit");
        var staffAddress = room.Editor.Url($"pictures/{name}");
        Assert.Contains($"data-picture=\"{staffAddress}\"", form);
        Assert.Contains($"<option value=\"{name}\">演练现场.jpg</option>", form);
        var shown = await room.Editor.GetAsync($"pictures/{name}");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("image/jpeg", shown.Content.Headers.ContentType!.MediaType);
        Assert.Null(shown.Content.Headers.ContentDisposition);

        // Without 替代文字 the picture is saved but stops the article: submitting is refused with the reason.
        List<KeyValuePair<string, string>> Edit(string body, string lead, int version) =>
        [
            .. Newsroom.Fields(channel, "我区开展防汛应急演练", body, baseRevisionId: revision.Id,
                baseVersion: version),
            F("leadImage", lead),
        ];
        var saved = await room.Editor.PostMultipartAsync($"articles/{id}/edit",
            Edit($"<p><img src=\"{staffAddress}\"></p>", name, revision.Version), []);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var view = await room.Editor.GetPageAsync($"articles/{id}");
        Assert.Contains("正文中的图片缺少替代文字", view);
        var submit = await room.ActAsync(room.Editor, id, "submit");
        Assert.NotEqual(HttpStatusCode.SeeOther, submit.StatusCode);
        Assert.Contains("替代文字", await submit.Content.ReadAsStringAsync());

        // With it, the body keeps the public address whatever address the editor showed the picture from.
        revision = await room.RevisionAsync(id);
        saved = await room.Editor.PostMultipartAsync($"articles/{id}/edit",
            Edit($"<p><img src=\"{staffAddress}\" alt=\"演练现场\"></p>", name, revision.Version), []);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        revision = await room.RevisionAsync(id);
        Assert.Equal($"<p><img src=\"/files/{name}\" alt=\"演练现场\"></p>", revision.BodyHtml);
        Assert.Equal(name, revision.LeadImage);
        var preview = await room.Editor.GetPageAsync($"articles/{id}/preview");
        Assert.Contains($"<img src=\"{staffAddress}\" alt=\"演练现场\">", preview);

        await room.DoAsync(room.Editor, id, "submit");
        await room.DoAsync(room.Reviewer, id, "approve");
        await room.DoAsync(room.Publisher, id, "publish");

        var url = (await room.ArticleAsync(id)).Url!;
        var page = await portal.Client.GetStringAsync(url);
        var stem = picture.StoredName;
        Assert.Contains($"<img src=\"/files/{name}\" alt=\"演练现场\" loading=\"lazy\" decoding=\"async\" width=\"1920\" "
            + $"height=\"960\" srcset=\"/files/{stem}-480.jpg 480w, /files/{stem}-960.jpg 960w, /files/{name} 1920w\"",
            page);
        Assert.Contains("演练方案.pdf", page);
        Assert.DoesNotContain("演练现场.jpg", page); // shown in the body, not listed again as a download
        foreach (var path in new[] { $"/files/{name}", $"/files/{stem}-480.jpg", $"/files/{stem}-960.jpg" })
        {
            var published = await portal.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            var bytes = await published.Content.ReadAsByteArrayAsync();
            Assert.Equal(-1, bytes.AsSpan().IndexOf("Exif"u8));
        }
        Assert.Equal((480, 240), TestPictures.SizeOf(await portal.Client.GetByteArrayAsync($"/files/{stem}-480.jpg")));
        var list = await portal.Client.GetStringAsync("/xwzx/bmdt/");
        Assert.Contains($"<a href=\"{url}\"><img class=\"thumb\" src=\"/files/{stem}-480.jpg\" alt loading=\"lazy\"",
            list);

        // Removing the picture while it is the 题图 is refused, with everything typed kept.
        revision = await room.RevisionAsync(id);
        var removing = await room.Editor.PostMultipartAsync($"articles/{id}/edit",
            [
                .. Edit("<p>演练现场（修改）。</p>", name, revision.Version),
                F("removeFile",
                    revision.Files.Single(f => f.Extension == "jpg").Id.ToString(CultureInfo.InvariantCulture)),
            ], []);
        Assert.Equal(HttpStatusCode.BadRequest, removing.StatusCode);
        var refusal = await removing.Content.ReadAsStringAsync();
        Assert.Contains("所选题图不是本文保留的图片", refusal);
        Assert.Contains("演练现场（修改）。", refusal);
    }

    [Fact]
    public async Task Staff_without_the_channel_cannot_see_a_picture_and_a_name_that_is_not_a_picture_is_not_found()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var id = await room.WriteAsync("图片权限测试", files: [("照片.jpg", TestPictures.JpegWithExif(100, 50))]);
        var picture = (await room.RevisionAsync(id)).Files.Single();
        var name = ArticlePictures.NameOf(picture.StoredName, picture.Extension);

        await TestAccounts.CreateAsync(portal, "tzggeditor", [StaffRoles.Editor], "tzgg");
        using var outsider = await StaffClient.SignInAsync(portal, "tzggeditor");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"pictures/{name}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await room.Editor.GetAsync($"pictures/{name}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await room.Editor.GetAsync("pictures/..%2F..%2Fdata.db")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await room.Editor.GetAsync($"pictures/{picture.StoredName}.pdf")).StatusCode);
        // The public site has no unpublished picture.
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Client.GetAsync($"/files/{name}")).StatusCode);
    }

    [Fact]
    public async Task A_picture_in_the_body_cannot_be_removed_and_an_article_from_before_the_rule_keeps_its_pin()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var channel = TestAccounts.ChannelId(portal, "bmdt");
        var id = await room.WriteAsync("区档案馆开展开放日活动", files: [("开放日.jpg", TestPictures.JpegWithExif(800, 600))]);
        var revision = await room.RevisionAsync(id);
        var picture = revision.Files.Single();
        var name = ArticlePictures.NameOf(picture.StoredName, picture.Extension);
        var body = $"<p><img src=\"/files/{name}\" alt=\"开放日\"></p>";
        var saved = await room.Editor.PostMultipartAsync($"articles/{id}/edit",
            Newsroom.Fields(channel, "区档案馆开展开放日活动", body, baseRevisionId: revision.Id,
                baseVersion: revision.Version), []);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        revision = await room.RevisionAsync(id);
        var removing = await room.Editor.PostMultipartAsync($"articles/{id}/edit",
            [
                .. Newsroom.Fields(channel, "区档案馆开展开放日活动（修改）", body, baseRevisionId: revision.Id,
                    baseVersion: revision.Version),
                F("removeFile", revision.Files.Single().Id.ToString(CultureInfo.InvariantCulture)),
            ], []);
        Assert.Equal(HttpStatusCode.BadRequest, removing.StatusCode);
        var refusal = await removing.Content.ReadAsStringAsync();
        Assert.Contains("文件“开放日.jpg”仍在正文中显示（图片、视频或视频封面），不能删除", refusal);
        Assert.Contains("区档案馆开展开放日活动（修改）", refusal);
        Assert.Single((await room.RevisionAsync(id)).Files);

        // Published before pictures needed 替代文字: its pin and weight still change (the rule holds new wording).
        var live = await room.PublishNewAsync("区政府召开年度工作会议");
        await using (var db = portal.Settings.Database.CreateContext())
        {
            var article = await db.Articles.SingleAsync(a => a.Id == live);
            article.BodyHtml += "<p><img src=\"https://www.szxc.gov.cn/old.jpg\"></p>";
            await db.SaveChangesAsync();
        }
        await room.DoAsync(room.Publisher, live, "rank", F("pinned", "1"), F("weight", "3"));
        Assert.True((await room.ArticleAsync(live)).Pinned);
    }
}
