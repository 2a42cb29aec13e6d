using System.Text;
using GovPortal.Chinese;

namespace GovPortal.Tests.Chinese;

public sealed class UnicodeFormsTests
{
    [Theory]
    [InlineData("\uFFFE生态", "生态")]
    [InlineData("Ａ\uFDD0１\uFFFE", "A1")]
    [InlineData("\U0001FFFE号\uFFFE", "号")]
    [InlineData("𠀀〔２０２３〕\uFFFE", "𠀀〔2023〕")]
    public void Text_that_normalization_refuses_is_normalized_without_the_code_points_that_stand_for_no_character(
        string text, string expected)
    {
        Assert.Throws<ArgumentException>(() => text.Normalize(NormalizationForm.FormKC));
        Assert.Equal(expected, UnicodeForms.Normalize(text, NormalizationForm.FormKC));
    }

    [Fact]
    public void Lone_surrogates_go_with_the_noncharacters()
    {
        // Built here: test data strings lose lone surrogates on their way into a theory.
        var text = new string(['\uD800', 'x', '\uFFFE', '\uDFFF']);
        Assert.Equal("x", UnicodeForms.Normalize(text, NormalizationForm.FormKC));
    }

    [Fact]
    public void Ordinary_text_is_normalized_as_usual()
    {
        Assert.Equal("相城区〔2023〕12号", UnicodeForms.Normalize("相城区〔２０２３〕１２号", NormalizationForm.FormKC));
    }
}
