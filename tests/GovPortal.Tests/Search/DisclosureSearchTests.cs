using GovPortal.Content;
using GovPortal.Content.Kinds;
using GovPortal.Search;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Search;

/// <summary>
/// Search knows the 信息公开 documents' facts: a 发文字号 however its brackets are typed, or an 索引号, finds the
/// document first; results can be kept to documents and filtered by 有效性, on the page (without script) and the API.
/// </summary>
public sealed class DisclosureSearchTests(SearchPortalFixture fixture) : IClassFixture<SearchPortalFixture>
{
    private const string MeasuresTitle = "苏州市相城区人民政府关于印发《相城区行政规范性文件制定和监督管理办法》的通知";
    private const string RepealedTitle = "苏州市相城区人民政府关于印发《相城区行政规范性文件管理办法》的通知";

    private RunningPortal Portal => fixture.Portal;

    [Theory]
    [InlineData("相政规〔2023〕3号")]
    [InlineData("相政规[2023]3号")]
    [InlineData("相政规【2023】3号")]
    [InlineData("相政规（2023）3号")]
    [InlineData("相政规2023 3号")]
    [InlineData("相政规 2023 3")]
    public async Task A_document_number_however_typed_finds_the_document_first(string typed)
    {
        var results = await Portal.ApiAsync("q=" + Uri.EscapeDataString(typed));
        var first = results.GetProperty("results")[0];
        Assert.Equal(MeasuresTitle, first.GetProperty("title").GetString());
        var document = first.GetProperty("document");
        Assert.Equal("相政规〔2023〕3号", document.GetProperty("documentNumber").GetString());
        Assert.Equal("effective", document.GetProperty("validity").GetString());
    }

    [Fact]
    public async Task An_index_number_finds_its_document_first()
    {
        await using var db = Portal.Settings.Database.CreateContext();
        var repealed = await db.Articles.AsNoTracking().SingleAsync(a => a.Title == RepealedTitle);
        var number = repealed.Disclosure.IndexNumber!;
        foreach (var typed in new[] { number, number.ToLowerInvariant(), " " + number + " " })
        {
            var first = (await Portal.ApiAsync("q=" + Uri.EscapeDataString(typed))).GetProperty("results")[0];
            Assert.Equal(RepealedTitle, first.GetProperty("title").GetString());
            Assert.Equal(number, first.GetProperty("document").GetProperty("indexNumber").GetString());
        }
    }

    [Fact]
    public async Task Results_can_be_kept_to_documents_and_filtered_by_validity()
    {
        await using var db = Portal.Settings.Database.CreateContext();
        var documents = await db.Articles.CountAsync(a => a.Kind == DocumentKind.Key
            && a.Status == ArticleStatus.Published);

        var all = await Portal.ApiAsync("q=" + Uri.EscapeDataString("相城区") + "&type=document");
        Assert.Equal("document", all.GetProperty("type").GetString());
        Assert.Equal(documents, all.GetProperty("total").GetInt32());
        Assert.All(all.GetProperty("results").EnumerateArray(),
            r => Assert.NotEqual(System.Text.Json.JsonValueKind.Null, r.GetProperty("document").ValueKind));
        var everything = await Portal.ApiAsync("q=" + Uri.EscapeDataString("相城区"));
        Assert.True(everything.GetProperty("total").GetInt32() > documents);

        var repealed = await Portal.ApiAsync("q=&validity=repealed");
        Assert.Equal([RepealedTitle], repealed.Titles());
        Assert.Equal("已废止",
            repealed.GetProperty("results")[0].GetProperty("document").GetProperty("validityLabel").GetString());
        var inForce = await Portal.ApiAsync("q=" + Uri.EscapeDataString("规范性文件") + "&validity=effective");
        Assert.Contains(MeasuresTitle, inForce.Titles());
        Assert.DoesNotContain(RepealedTitle, inForce.Titles());

        var wrong = await Portal.ApiAsync("q=" + Uri.EscapeDataString("规范性文件") + "&validity=gone&type=x");
        Assert.Contains("有效性参数无效，已忽略该条件。", wrong.GetProperty("notices").EnumerateArray()
            .Select(n => n.GetString()));
        Assert.Contains("内容类型参数无效，已查找全部内容。", wrong.GetProperty("notices").EnumerateArray()
            .Select(n => n.GetString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/elder")]
    [InlineData("/zh-hant")]
    public async Task The_search_form_offers_the_filters_keeps_them_and_shows_the_documents_facts(string form)
    {
        var (_, page) = await Portal.Client.GetDocumentAsync(form + SearchClient.Query("规范性文件",
            "&type=document&validity=repealed"));
        Assert.Equal("document", page.QuerySelector("#search-type option[selected]")!.GetAttribute("value"));
        Assert.Equal("repealed", page.QuerySelector("#search-validity option[selected]")!.GetAttribute("value"));
        Assert.Equal(5, page.QuerySelectorAll("#search-validity option").Length); // 不限 and the four
        var hits = page.QuerySelectorAll(".search-hit").ToList();
        var hit = Assert.Single(hits);
        if (form == "")
        {
            Assert.Contains("发文字号：相政规〔2021〕2号", hit.QuerySelector(".hit-meta").Text());
            Assert.Equal(RepealedTitle, hit.QuerySelector("h3 a").Text());
            Assert.Equal("有效性：已废止", hit.QuerySelector(".hit-meta .validity-mark").Text());
            Assert.Equal("内容类型", page.QuerySelector("label[for=search-type]").Text());
        }
    }

    [Theory]
    [InlineData("相政发〔2023〕12号", "相政发202312")]
    [InlineData("相政发[2023]12号", "相政发202312")]
    [InlineData("相政发【2023】12号", "相政发202312")]
    [InlineData("相政发2023 12号", "相政发202312")]
    [InlineData("相政发（２０２３）１２号", "相政发202312")]
    [InlineData("11320507014160024H/2023-00012", "11320507014160024h/2023-00012")]
    [InlineData("生态环境保护", "")]
    [InlineData("", "")]
    public void Number_keys_drop_brackets_spaces_and_the_closing_character_and_need_a_digit(string typed,
        string key) =>
        Assert.Equal(key, NumberKeys.Of(typed));
}
