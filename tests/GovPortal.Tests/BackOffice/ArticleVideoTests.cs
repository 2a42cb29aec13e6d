using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using GovPortal.Content.Uploads;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.BackOffice;

/// <summary>
/// A video (mp4) in an article, through the back office as an editor works: uploaded beside a picture, inserted with
/// a 文字说明 (required) and the picture as its poster (required), published with the browser's own controls and
/// nothing loaded before the reader presses play, and served in byte ranges so it can be sought and played on an
/// iPhone. Pictures keep the 图注 and the alignment the editor chose.
/// </summary>
public sealed class ArticleVideoTests(NewsroomFixture shared) : IClassFixture<NewsroomFixture>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [Fact]
    public async Task A_video_goes_from_upload_to_the_body_and_the_published_page_with_its_poster_and_caption()
    {
        var (portal, room) = (shared.Portal, shared.Room);
        var channel = TestAccounts.ChannelId(portal, "bmdt");
        var video = TinyVideo.Mp4(5000);
        var id = await room.WriteAsync("防汛演练视频", "<p>演练现场。</p>",
            files: [("封面.jpg", SolidPicture.Jpeg(800, 450)), ("防汛演练.mp4", video)]);
        var revision = await room.RevisionAsync(id);
        var movie = revision.Files.Single(f => f.Extension == "mp4");
        var still = revision.Files.Single(f => f.Extension == "jpg");
        Assert.Equal(("video/mp4", 0), (movie.ContentType, movie.Width));
        // Kept without the place it was shot (in the user data, a track's metadata and the GPS track's samples),
        // every other byte where it was: the media still plays.
        var kept = await File.ReadAllBytesAsync(portal.Service<UploadStore>().PathOf(movie.StoredName));
        Assert.Equal(video.Length, kept.Length);
        Assert.Equal(-1, kept.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(TinyVideo.Location)));
        Assert.Equal(video[^5000..], kept[^5000..]);
        Assert.Equal(video[..24], kept[..24]);
        // When it was shot is gone too: the movie's creation and modification times read as unknown.
        var header = kept.AsSpan().IndexOf("mvhd"u8) + 8;
        Assert.Equal(TinyVideo.CreatedSeconds,
            System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(video.AsSpan(header)));
        Assert.True(kept.AsSpan(header, 8).IndexOfAnyExcept((byte)0) < 0);
        var (movieName, stillName) = (ArticleVideos.NameOf(movie.StoredName),
            ArticlePictures.NameOf(still.StoredName, still.Extension));

        // The form offers it for insertion with its poster choices; staff play it from the back office in parts.
        var form = await room.Editor.GetPageAsync($"articles/{id}/edit");
        var movieStaff = room.Editor.Url($"pictures/{movieName}");
        var stillStaff = room.Editor.Url($"pictures/{stillName}");
        Assert.Contains($"data-video=\"{movieStaff}\"", form);
        Assert.Contains($"<option value=\"{stillStaff}\">封面.jpg</option>", form);
        using var part = new HttpRequestMessage(HttpMethod.Get, movieStaff);
        part.Headers.Range = new RangeHeaderValue(0, 99);
        var staffPart = await room.Editor.Http.SendAsync(part);
        Assert.Equal(HttpStatusCode.PartialContent, staffPart.StatusCode);
        Assert.Equal("video/mp4", staffPart.Content.Headers.ContentType!.MediaType);
        Assert.Equal(kept[..100], await staffPart.Content.ReadAsByteArrayAsync());

        // Without a 文字说明 or a poster the video is saved but stops the article, with the reason.
        List<KeyValuePair<string, string>> Edit(string body, int version) =>
            Newsroom.Fields(channel, "防汛演练视频", body, baseRevisionId: revision.Id, baseVersion: version);
        var bare = $"<figure class=\"video\"><video src=\"{movieStaff}\"></video></figure>";
        Assert.Equal(HttpStatusCode.SeeOther,
            (await room.Editor.PostMultipartAsync($"articles/{id}/edit", Edit(bare, revision.Version), [])).StatusCode);
        var submit = await room.ActAsync(room.Editor, id, "submit");
        Assert.NotEqual(HttpStatusCode.SeeOther, submit.StatusCode);
        var refusal = await submit.Content.ReadAsStringAsync();
        Assert.Contains("正文中的视频缺少文字说明", refusal);
        Assert.Contains("正文中的视频缺少封面图片", refusal);

        // With both, the body keeps the public addresses whatever addresses the editor used.
        revision = await room.RevisionAsync(id);
        var body = $"<figure class=\"video\"><video src=\"{movieStaff}\" poster=\"{stillStaff}\" controls "
            + "preload=\"none\"></video><figcaption>区防汛指挥部组织抢险队伍开展演练。</figcaption></figure>"
            + $"<figure class=\"align-right\"><img src=\"{stillStaff}\" alt=\"演练现场\"><figcaption>演练现场"
            + "</figcaption></figure>";
        Assert.Equal(HttpStatusCode.SeeOther,
            (await room.Editor.PostMultipartAsync($"articles/{id}/edit", Edit(body, revision.Version), [])).StatusCode);
        revision = await room.RevisionAsync(id);
        Assert.Equal($"<figure class=\"video\"><video src=\"/files/{movieName}\" poster=\"/files/{stillName}\">"
            + "</video><figcaption>区防汛指挥部组织抢险队伍开展演练。</figcaption></figure><figure class=\"align-right\">"
            + $"<img src=\"/files/{stillName}\" alt=\"演练现场\"><figcaption>演练现场</figcaption></figure>",
            revision.BodyHtml);
        var preview = await room.Editor.GetPageAsync($"articles/{id}/preview");
        Assert.Contains($"<video src=\"{movieStaff}\" poster=\"{stillStaff}\" controls=\"\" preload=\"none\">",
            preview);

        // A file the body still shows cannot be removed.
        var removing = await room.Editor.PostMultipartAsync($"articles/{id}/edit",
            [
                .. Edit(revision.BodyHtml, revision.Version),
                F("removeFile", movie.Id.ToString(CultureInfo.InvariantCulture)),
            ], []);
        Assert.Equal(HttpStatusCode.BadRequest, removing.StatusCode);
        Assert.Contains("仍在正文中显示", await removing.Content.ReadAsStringAsync());

        await room.DoAsync(room.Editor, id, "submit");
        await room.DoAsync(room.Reviewer, id, "approve");
        await room.DoAsync(room.Publisher, id, "publish");

        var page = await portal.Client.GetStringAsync((await room.ArticleAsync(id)).Url!);
        Assert.Contains($"<figure class=\"video\"><video src=\"/files/{movieName}\" poster=\"/files/{stillName}\" "
            + "controls=\"\" preload=\"none\" playsinline=\"\"></video><figcaption>区防汛指挥部组织抢险队伍开展演练。"
            + "</figcaption></figure>", page);
        Assert.Contains("<figure class=\"align-right\"><img src=", page);
        // Shown in the body, so not listed again among the downloads.
        Assert.DoesNotContain("防汛演练.mp4", page);
        Assert.DoesNotContain("封面.jpg", page);

        await RangesAreServedAsync(portal.Client, $"/files/{movieName}", kept);
    }

    [Fact]
    public void A_video_whose_boxes_do_not_add_up_is_refused_with_a_message()
    {
        var whole = TinyVideo.Mp4();
        var (_, error) = GovPortal.BackOffice.Files.UploadRules.Accept("断开的视频.mp4", whole[..^100]);
        Assert.Contains("不是完整的 MP4 视频", error);
        Assert.Null(GovPortal.BackOffice.Files.UploadRules.Accept("完整的视频.mp4", whole).Error);
    }

    private static async Task RangesAreServedAsync(HttpClient client, string path, byte[] video)
    {
        var whole = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("video/mp4", whole.Content.Headers.ContentType!.MediaType);
        Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
        Assert.Equal(video, await whole.Content.ReadAsByteArrayAsync());
        var etag = whole.Headers.ETag!;

        async Task<HttpResponseMessage> Ask(Action<HttpRequestHeaders> headers)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            headers(request.Headers);
            return await client.SendAsync(request);
        }

        var middle = await Ask(h => h.Range = new RangeHeaderValue(100, 199));
        Assert.Equal(HttpStatusCode.PartialContent, middle.StatusCode);
        Assert.Equal($"bytes 100-199/{video.Length}", middle.Content.Headers.ContentRange!.ToString());
        Assert.Equal(video[100..200], await middle.Content.ReadAsByteArrayAsync());

        var tail = await Ask(h => h.Range = new RangeHeaderValue(null, 16));
        Assert.Equal(HttpStatusCode.PartialContent, tail.StatusCode);
        Assert.Equal(video[^16..], await tail.Content.ReadAsByteArrayAsync());

        var open = await Ask(h => h.Range = new RangeHeaderValue(video.Length - 10, null));
        Assert.Equal(video[^10..], await open.Content.ReadAsByteArrayAsync());

        var beyond = await Ask(h => h.Range = new RangeHeaderValue(video.Length, null));
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, beyond.StatusCode);
        Assert.Equal($"bytes */{video.Length}", beyond.Content.Headers.ContentRange!.ToString());

        // The part of the version the reader holds, or the whole file when it changed since.
        var same = await Ask(h =>
        {
            h.Range = new RangeHeaderValue(0, 9);
            h.IfRange = new RangeConditionHeaderValue(etag);
        });
        Assert.Equal(HttpStatusCode.PartialContent, same.StatusCode);
        var changed = await Ask(h =>
        {
            h.Range = new RangeHeaderValue(0, 9);
            h.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"another-version\""));
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(video.Length, (await changed.Content.ReadAsByteArrayAsync()).Length);

        // Several ranges at once are answered with the whole file.
        var several = await Ask(h =>
        {
            var ranges = new RangeHeaderValue(0, 9);
            ranges.Ranges.Add(new RangeItemHeaderValue(20, 29));
            h.Range = ranges;
        });
        Assert.Equal(HttpStatusCode.OK, several.StatusCode);
    }
}
