using GovPortal.Content.Identifiers;

namespace GovPortal.Tests.Identifiers;

/// <summary>The check characters of the 居民身份证 number and the 统一社会信用代码, against published examples.</summary>
public sealed class IdentifierTests
{
    [Theory]
    [InlineData("11010519491231002X")] // the example of GB 11643-1999
    [InlineData("11010519491231002x")] // a lower-case x as people type it
    [InlineData("320507198001011231")]
    [InlineData(" 4403 0019 9912 3100 01 ")]
    public void Valid_resident_id_numbers_pass(string number) => Assert.Null(ResidentIdNumber.Problem(number));

    [Theory]
    [InlineData("110105194912310021", "校验位")] // one check character off
    [InlineData("320507198001011232", "校验位")]
    [InlineData("32050719800101123", "18 位")]
    [InlineData("3205071980010112311", "18 位")]
    [InlineData("32050719800A011231", "数字")]
    [InlineData("320507198002301231", "出生日期")] // 30 February
    [InlineData("", "18 位")]
    public void Invalid_resident_id_numbers_say_what_is_wrong(string number, string said) =>
        Assert.Contains(said, ResidentIdNumber.Problem(number));

    [Theory]
    [InlineData("91110000802100433B")] // a registered company's code
    [InlineData("11320507014160024H")]
    [InlineData("91110000802100433b")]
    public void Valid_credit_codes_pass(string code) => Assert.Null(UnifiedSocialCreditCode.Problem(code));

    [Theory]
    [InlineData("91110000802100433C", "校验位")]
    [InlineData("11320507014160024Y", "校验位")]
    [InlineData("9111000080210043", "18 位")]
    [InlineData("91110000802I00433B", "不含 I")] // I is not in the alphabet
    public void Invalid_credit_codes_say_what_is_wrong(string code, string said) =>
        Assert.Contains(said, UnifiedSocialCreditCode.Problem(code));
}
