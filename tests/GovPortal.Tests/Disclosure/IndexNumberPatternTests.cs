using GovPortal.Content.Disclosure;

namespace GovPortal.Tests.Disclosure;

public sealed class IndexNumberPatternTests
{
    [Fact]
    public void The_default_pattern_makes_the_catalogue_numbers_of_the_example()
    {
        var pattern = IndexNumberPattern.DefaultPattern;
        Assert.Equal("11320507014160024H/2023-00012", pattern.Format("11320507014160024H", 2023, 12));
        Assert.Equal("11320507014160024H/2023-#", pattern.Scope("11320507014160024H", 2023));
        Assert.Equal(99_999, pattern.MaxSequence);
        Assert.Null(pattern.Problem("11320507014160024H/2023-00012"));
        Assert.NotNull(pattern.Problem("11320507014160024H/2023-12"));
        Assert.NotNull(pattern.Problem("11320507014160024H/23-00012"));
        Assert.NotNull(pattern.Problem("11320507014160024H/2023-00012 "));
    }

    [Theory]
    [InlineData("", "请填写索引号规则。")]
    [InlineData("{统一社会信用代码}/{年份}", "索引号规则必须包含一个序号占位符")]
    [InlineData("{五位序号}-{四位序号}", "只能包含一个序号占位符")]
    [InlineData("{机构代码}/{五位序号}", "“{机构代码}”无法识别")]
    [InlineData("{统一社会信用代码}/{年份}{五位序号}", "相邻的两个占位符之间须有分隔符")]
    [InlineData("XC {五位序号}", "不能使用“ ”")]
    [InlineData("{统一社会信用代码/{五位序号}", "无法识别")]
    [InlineData("XC/{五位序号}}", "“}”没有对应的“{”")]
    [InlineData("XC/{五位序号", "“{”没有对应的“}”")]
    public void A_broken_pattern_is_refused_with_the_reason(string text, string reason)
    {
        var (pattern, problem) = IndexNumberPattern.Parse(text);
        Assert.Null(pattern);
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void Other_patterns_put_the_parts_where_they_are_written()
    {
        var (pattern, problem) = IndexNumberPattern.Parse("XCQ-{年份}-{四位序号}");
        Assert.Null(problem);
        Assert.Equal("XCQ-2024-0007", pattern!.Format("11320507014160024H", 2024, 7));
        Assert.Null(pattern.Problem("XCQ-2024-0007"));
        Assert.Contains("不符合本站的索引号规则 XCQ-{年份}-{四位序号}", pattern.Problem("XCQ-2024-07"));
    }
}
