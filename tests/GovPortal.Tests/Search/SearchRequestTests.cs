using GovPortal.Chinese;
using GovPortal.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace GovPortal.Tests.Search;

public sealed class SearchRequestTests
{
    private static readonly ChineseConverter Converter = new(ChineseConverter.DefaultDictionaryDirectory);

    private static SearchRequest Parse(string queryString) =>
        SearchRequest.Parse(new QueryCollection(QueryHelpers.ParseQuery(queryString)), Converter);

    [Fact]
    public void Traditional_input_is_matched_in_simplified_and_shown_as_typed()
    {
        var request = Parse("q=" + Uri.EscapeDataString("環境保護"));
        Assert.Equal("環境保護", request.Query);
        Assert.Equal("环境保护", request.MatchText);
    }

    [Fact]
    public void A_ten_thousand_character_query_is_cut_with_a_notice()
    {
        var request = Parse("q=" + Uri.EscapeDataString(new string('政', 10_000)));
        Assert.Equal(SearchRequest.MaxQueryLength, request.Query.Length);
        Assert.Contains(request.Notices, n => n.Contains("检索词过长"));
    }

    [Fact]
    public void Control_characters_zero_width_characters_and_broken_surrogates_are_dropped()
    {
        var request = Parse("q=" + Uri.EscapeDataString("环\u200B境\u0000\u0007保护") + "%0D%0A%09"
            + Uri.EscapeDataString("\uD800大会\uFFFD"));
        Assert.Equal("环境保护 大会", request.Query);
        Assert.Empty(request.Notices);
    }

    [Fact]
    public void Invalid_percent_encoding_is_read_as_the_text_it_is()
    {
        var request = Parse("q=%ED%A0%80%FF%zz%" + Uri.EscapeDataString("大会"));
        Assert.EndsWith("大会", request.Query);
    }

    [Fact]
    public void A_lone_surrogate_at_the_cut_is_not_kept()
    {
        var request = Parse("q=" + Uri.EscapeDataString(new string('a', SearchRequest.MaxQueryLength - 1) + "😀😀"));
        Assert.Equal(SearchRequest.MaxQueryLength - 1, request.Query.Length);
        Assert.False(char.IsSurrogate(request.Query[^1]));
    }

    [Theory]
    [InlineData("from=2023-13-45", "开始日期格式不正确")]
    [InlineData("to=yesterday", "结束日期格式不正确")]
    [InlineData("channel=abc", "栏目参数无效")]
    [InlineData("channel=-3", "栏目参数无效")]
    [InlineData("page=51", "最多显示前 50 页")]
    public void Bad_parameters_are_explained_and_ignored(string queryString, string notice)
    {
        var request = Parse("q=x&" + queryString);
        Assert.Contains(request.Notices, n => n.Contains(notice));
        Assert.Null(request.ChannelId);
        Assert.InRange(request.Page, 1, SearchRequest.MaxPage);
    }

    [Fact]
    public void Dates_in_the_wrong_order_are_swapped()
    {
        var request = Parse("from=2023-12-31&to=2023-01-01");
        Assert.Equal(new DateOnly(2023, 1, 1), request.From);
        Assert.Equal(new DateOnly(2023, 12, 31), request.To);
        Assert.Contains(request.Notices, n => n.Contains("已对调"));
    }

    [Theory]
    [InlineData("page=-1", 1)]
    [InlineData("page=0", 1)]
    [InlineData("page=99999999999999999999", 1)]
    [InlineData("page=2", 2)]
    [InlineData("page=%20", 1)]
    public void Odd_page_numbers_become_a_page_that_exists(string queryString, int page) =>
        Assert.Equal(page, Parse(queryString).Page);

    [Fact]
    public void Sort_is_by_relevance_unless_date_is_asked_for()
    {
        Assert.Equal(SearchOrder.Relevance, Parse("q=x").Order);
        Assert.Equal(SearchOrder.Relevance, Parse("q=x&sort=%27;DROP").Order);
        Assert.Equal(SearchOrder.Newest, Parse("q=x&sort=date").Order);
    }
}
