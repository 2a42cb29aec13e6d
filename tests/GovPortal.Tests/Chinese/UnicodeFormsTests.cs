using System.Text;
using GovPortal.Chinese;

namespace GovPortal.Tests.Chinese;

public sealed class UnicodeFormsTests
{
    [Theory]
    [InlineData("\uFFFE生态", "生态")]
    [InlineData("Ａ\uFDD0１", "A1")]
    [InlineData("\uD800x\uDFFF", "x")]
    [InlineData("\U0001FFFE号", "号")]
    [InlineData("𠀀〔２０２３〕", "𠀀〔2023〕")]
    public void Text_with_code_points_that_stand_for_no_character_is_normalized_without_them(string text,
        string expected)
    {
        Assert.Throws<ArgumentException>(() => (text + "\uFFFF").Normalize(NormalizationForm.FormKC));
        Assert.Equal(expected, UnicodeForms.Normalize(text, NormalizationForm.FormKC));
    }
}
