using GovPortal.Search;

namespace GovPortal.Tests.Search;

public sealed class HtmlTextTests
{
    [Fact]
    public void Paragraphs_become_lines_and_entities_are_decoded()
    {
        Assert.Equal("第一段 &lt;b&gt;\n第二段：“引号” & 符号\n表格",
            HtmlText.Of("<p>第一段 &amp;lt;b&amp;gt;</p><p class=\"x\">第二段：<strong>“引号”</strong> &amp; " +
                "符号</p><table><tr><td>表格</td></tr></table>"));
    }

    [Fact]
    public void A_greater_than_sign_inside_an_attribute_does_not_end_the_tag()
    {
        Assert.Equal("图片说明", HtmlText.Of("<img alt=\"a > b\" src=\"/x.png\"><span title='c>d'>图片说明</span>"));
    }

    [Fact]
    public void Line_breaks_separate_words()
    {
        Assert.Equal("沈\n志栋", HtmlText.Of("沈<br>志栋"));
    }
}
