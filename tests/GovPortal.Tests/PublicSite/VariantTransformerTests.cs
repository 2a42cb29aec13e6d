using GovPortal.Chinese;
using GovPortal.PublicSite.Variants;
using GovPortal.Theme;

namespace GovPortal.Tests.PublicSite;

/// <summary>The Traditional form converts the page but gives back what a person typed exactly as typed.</summary>
public sealed class VariantTransformerTests
{
    private static readonly VariantTransformer Transformer =
        new(new ChineseConverter(ChineseConverter.DefaultDictionaryDirectory));

    [Fact]
    public void Typed_values_and_text_areas_stay_as_typed_while_the_page_is_converted()
    {
        const string page = """
            <html lang="zh-CN"><body class="variant-standard"><label for="n">申请人姓名</label>
            <input id="n" name="name" value="张发财" placeholder="请输入姓名">
            <textarea name="description">申请公开发展规划</textarea><p>发展规划</p></body></html>
            """;

        var traditional = Transformer.Transform(page, PageVariant.Traditional);

        Assert.Contains("申請人姓名", traditional);
        Assert.Contains("<p>發展規劃</p>", traditional);
        Assert.Contains("value=\"张发财\"", traditional);
        Assert.Contains(">申请公开发展规划</textarea>", traditional);
        Assert.Contains("placeholder=\"請輸入姓名\"", traditional);
        Assert.DoesNotContain('\uE000', traditional);
    }

    [Fact]
    public void Text_that_looks_like_a_kept_value_placeholder_neither_fails_nor_takes_a_typed_value()
    {
        const string page = "<html lang=\"zh-CN\"><body><p>说明\uE0000\uE001 与 \uE00099999999999\uE001</p>"
                            + "<input name=\"name\" value=\"张发财\"></body></html>";

        var traditional = Transformer.Transform(page, PageVariant.Traditional);

        Assert.Contains("<p>說明&#xE000;0&#xE001; 與 &#xE000;99999999999&#xE001;</p>", traditional);
        Assert.Contains("value=\"张发财\"", traditional);
    }
}
