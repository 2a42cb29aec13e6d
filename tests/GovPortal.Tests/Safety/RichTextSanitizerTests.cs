using GovPortal.Safety;

namespace GovPortal.Tests.Safety;

public sealed class RichTextSanitizerTests
{
    private static readonly RichTextSanitizer Sanitizer = new();

    [Theory]
    [InlineData("<p>正文<script>alert(1)</script></p>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">链接</a>")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">文字</p>")]
    [InlineData("<iframe src=\"https://evil.example/\"></iframe>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    [InlineData("<p onclick=\"alert(1)\">点击</p>")]
    [InlineData("<form action=\"https://evil.example\"><input name=q></form>")]
    [InlineData("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>")]
    [InlineData("<object data=\"x.swf\"></object><embed src=\"x.swf\">")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">")]
    [InlineData("<video src=\"javascript:alert(1)\" poster=\"javascript:alert(1)\" onplay=\"alert(1)\"></video>")]
    public void Script_vectors_are_removed(string hostile)
    {
        // Parse the output as a browser would: what is left may be text, but never an active element or attribute.
        var document = GovPortal.Tests.Support.Html.Parse("<body>" + Sanitizer.Sanitize(hostile) + "</body>");
        var elements = document.Body!.QuerySelectorAll("*").ToList();
        var forbiddenElements =
            new[] { "script", "iframe", "form", "input", "object", "embed", "meta", "svg", "math", "style" };
        Assert.DoesNotContain(elements, e => forbiddenElements.Contains(e.LocalName));
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes),
            a => a.Name.StartsWith("on") || a.Name == "style");
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes),
            a => a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Ordinary_article_markup_is_kept()
    {
        const string body = "<p>第一段<strong>加粗</strong></p><h2>小标题</h2><ul><li>一</li></ul>"
            + "<table><tbody><tr><td colspan=\"2\">表格</td></tr></tbody></table>"
            + "<p><a href=\"https://www.szxc.gov.cn/\">链接</a><img src=\"/files/a.png\" alt=\"图\"></p>";
        Assert.Equal(body, Sanitizer.Sanitize(body));
    }

    [Fact]
    public void Pictures_and_videos_keep_their_caption_alignment_and_poster_and_nothing_else()
    {
        const string body = "<figure class=\"align-left\"><img src=\"/files/a.png\" alt=\"图\">"
            + "<figcaption>图注</figcaption></figure><figure class=\"video\">"
            + "<video src=\"/files/b.mp4\" poster=\"/files/a.png\"></video><figcaption>说明</figcaption></figure>";
        Assert.Equal(body, Sanitizer.Sanitize(body));
        // The editor's and the browser's playing attributes are the page's business; other classes are not kept.
        Assert.Equal("<figure class=\"video\"><video src=\"/files/b.mp4\"></video></figure><p>字</p>",
            Sanitizer.Sanitize("<figure class=\"video\"><video src=\"/files/b.mp4\" controls autoplay loop "
                + "preload=\"auto\"></video></figure><p class=\"MsoNormal site-header\">字</p>"));
    }

    [Theory]
    [InlineData("<p>正文</p><script>var secret = 'alert(1)';</script>", "secret")]
    [InlineData("<p>正文</p><style>p { color: red; }</style>", "color")]
    [InlineData("<style type=\"text/css\">.MsoNormal{mso-style-name:正文}</style><p>正文</p>", "MsoNormal")]
    [InlineData("<p>正文<script>document.write('x')</script></p>", "document")]
    [InlineData("<p>正文</p><noscript>请启用脚本</noscript>", "请启用脚本")]
    [InlineData("<p>正文</p><template><p>模板内容</p></template>", "模板内容")]
    [InlineData("<p>正文</p><iframe>框架替代文字</iframe>", "框架替代文字")]
    [InlineData("<p>正文</p><textarea>输入框内容</textarea>", "输入框内容")]
    [InlineData("<p>正文</p><svg><text>图形文字</text></svg>", "图形文字")]
    public void Script_and_style_go_with_their_content_instead_of_showing_as_text(string hostile, string code)
    {
        var clean = Sanitizer.Sanitize(hostile);
        Assert.DoesNotContain(code, clean);
        Assert.Contains("正文", clean);
        Assert.DoesNotContain("&lt;", clean);
    }

    [Fact]
    public void Word_formatting_is_dropped_but_its_text_kept()
    {
        var clean = Sanitizer.Sanitize("<p class=\"MsoNormal\" style=\"mso-line-height:1.5\"><span " +
            "lang=\"EN-US\"><font face=\"宋体\">会议</font></span>召开</p>");
        Assert.Equal("<p>会议召开</p>", clean);
    }

    [Theory]
    [InlineData("blockquote", 80_000)]
    [InlineData("b", 65)]
    [InlineData("div", 10_000)]
    public void Markup_nested_beyond_the_limit_is_refused_before_it_is_parsed(string tag, int depth)
    {
        var hostile = string.Concat(Enumerable.Repeat($"<{tag}>", depth)) + "文字";
        var refused = Assert.Throws<RichTextRefusedException>(() => Sanitizer.Sanitize(hostile));
        Assert.Contains($"嵌套超过 {RichTextSanitizer.MaxNesting} 层", refused.Message);
    }

    [Fact]
    public void Ordinary_documents_are_not_taken_for_deep_nesting()
    {
        var twenty = string.Concat(Enumerable.Repeat("<blockquote>", 20)) + "<p>引文</p>"
            + string.Concat(Enumerable.Repeat("</blockquote>", 20));
        Assert.Equal(20, System.Text.RegularExpressions.Regex.Count(Sanitizer.Sanitize(twenty), "<blockquote>"));
        // Paragraphs, list items and cells whose end tags were left out stand side by side, as a parser reads them.
        var unclosed = "<ul>" + string.Concat(Enumerable.Repeat("<li>条目<p>一段<p>又一段", 500)) + "</ul>"
            + "<table>" + string.Concat(Enumerable.Repeat("<tr><td>格<td>格", 500)) + "</table>";
        Assert.True(RichTextSanitizer.NestingDepth(unclosed) <= 4);
        Assert.Contains("又一段", Sanitizer.Sanitize(unclosed));
        Assert.Equal(3, RichTextSanitizer.NestingDepth("<p><a title=\"<b><b><b>\"><img src=x><br/><b>粗</b></a></p>"));
        Assert.Equal(1, RichTextSanitizer.NestingDepth("<p>a < b <!-- <b><b> --></p>"));
    }

    [Theory]
    [InlineData("<b x=a\">")]
    [InlineData("<b \">")]
    [InlineData("<b x = a'b>")]
    public void A_quote_that_opens_no_attribute_value_does_not_hide_the_nesting_after_it(string opening)
    {
        // As a browser reads it, a quote starts a value only right after '='; elsewhere the tag ends at the next '>'.
        var hostile = opening + string.Concat(Enumerable.Repeat("<blockquote>", 80_000)) + "文字";
        Assert.Throws<RichTextRefusedException>(() => Sanitizer.Sanitize(hostile));
        Assert.Equal(1, RichTextSanitizer.NestingDepth("<b x='>'>"));
    }
}
