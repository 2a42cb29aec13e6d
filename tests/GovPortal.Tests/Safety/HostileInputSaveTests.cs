using System.Net;
using GovPortal.Content.Kinds;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Safety;

/// <summary>
/// What a save refuses before anything is stored: characters XML forbids in any text field, and rich text nested
/// so deep that cleaning it would keep a request busy for long.
/// </summary>
public sealed class HostileInputSaveTests(NewsroomFixture shared) : IClassFixture<NewsroomFixture>
{
    [Theory]
    [InlineData("title", "标题")]
    [InlineData("summary", "摘要")]
    [InlineData("source", "来源")]
    public async Task A_control_character_in_a_field_is_refused_on_save_with_a_message_naming_the_field(
        string field, string label)
    {
        var room = shared.Room;
        var fields = Newsroom.Fields(TestAccounts.ChannelId(room.Portal, "bmdt"), "区政府召开安全生产会议",
            "<p>会议部署了有关工作。</p>");
        var at = fields.FindIndex(f => f.Key == field);
        fields[at] = new(field, fields[at].Value + "区政府\u0001办公室");

        var response = await room.Editor.PostMultipartAsync("articles/new", fields, []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains($"{label}中有不可见的控制字符", page);
        Assert.Contains("区政府召开安全生产会议", page); // what was typed comes back
    }

    [Fact]
    public void Every_character_xml_forbids_is_refused_in_every_kind_of_field_and_line_breaks_are_not()
    {
        var extra = ContentField.Extra("docNumber", "文号");
        foreach (var bad in new[] { "\u0000", "\u0001", "\u001F", "\u000B", "\uFFFE", "\uFFFF", "\uD800", "\uDC00" })
        {
            Assert.Contains("文号", extra.Problem("苏府" + bad + "〔2024〕1号"));
            Assert.Contains("摘要", NewsKind.Kind.Field("summary")!.Problem("第一段" + bad));
            Assert.Contains("正文", NewsKind.Kind.Field("bodyHtml")!.Problem("<p>正文" + bad + "</p>"));
        }
        Assert.Null(NewsKind.Kind.Field("summary")!.Problem("第一段\r\n第二段\t完"));
        Assert.Null(extra.Problem("苏府〔2024〕1号 \U0001F600")); // a surrogate pair is one character, not two halves
    }

    [Fact]
    public async Task A_body_nested_far_too_deep_is_refused_on_save_and_a_normal_deep_one_is_kept()
    {
        var room = shared.Room;
        var channel = TestAccounts.ChannelId(room.Portal, "bmdt");
        const int Deep = 80_000;
        // Opened and never closed, as a parser allows: under the length limit of the body.
        var hostile = string.Concat(Enumerable.Repeat("<blockquote>", Deep)) + "引文";

        var response = await room.Editor.PostMultipartAsync("articles/new",
            Newsroom.Fields(channel, "引文嵌套测试", hostile), []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("正文的标签嵌套超过", await response.Content.ReadAsStringAsync());

        var normal = string.Concat(Enumerable.Repeat("<blockquote>", 20)) + "<p>引文</p>"
            + string.Concat(Enumerable.Repeat("</blockquote>", 20));
        var id = await room.WriteAsync("引文嵌套二十层", normal);
        var stored = (await room.RevisionAsync(id)).BodyHtml;
        Assert.Equal(20, System.Text.RegularExpressions.Regex.Count(stored, "<blockquote>"));
    }
}
