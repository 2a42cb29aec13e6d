using System.Net;
using AngleSharp.Dom;
using GovPortal.Content;
using GovPortal.Content.Kinds;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Disclosure;

/// <summary>
/// The demo's 政府信息公开 section as a citizen reads it: the home at /zfxxgk/ with its six entries, and the
/// catalogue at /zfxxgk/ml/ by 主题分类 and by 发布机构, with counts, a real table and the repealed document marked.
/// </summary>
public sealed class DisclosureSectionPageTests(DemoPortalFixture fixture) : IClassFixture<DemoPortalFixture>
{
    private RunningPortal Portal => fixture.Portal;

    private async Task<int> TopicAsync(string name)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        return (await db.Classifications.SingleAsync(c => c.Name == name)).Id;
    }

    private async Task<int> OrganisationAsync(string name)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        return (await db.Organisations.SingleAsync(o => o.Name == name)).Id;
    }

    private async Task<IDocument> PageAsync(string path)
    {
        var (status, page) = await Portal.Client.GetDocumentAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        return page;
    }

    [Theory]
    [InlineData("")]
    [InlineData("/elder")]
    [InlineData("/zh-hant")]
    public async Task The_section_home_links_its_six_entries_and_the_main_navigation_links_it_in_every_form(
        string form)
    {
        var page = await PageAsync(form + "/zfxxgk/");
        Assert.NotNull(page.QuerySelector("ul.disclosure-entries"));
        Assert.Equal(6, page.QuerySelectorAll("ul.disclosure-entries > li").Length);
        var links = page.QuerySelectorAll("ul.disclosure-entries a").Select(a => a.GetAttribute("href")).ToList();
        string[] expected =
        [
            "/zfxxgk/gkzn/", "/zfxxgk/gkzd/", "/zfxxgk/zcwjk/", "/zfxxgk/zcjd/", "/zfxxgk/ml/", "/zfxxgk/nb/",
            "/zfxxgk/ysqgk/",
        ];
        Assert.Equal(expected.Select(e => form + e), links);
        Assert.Contains(form + "/zfxxgk/",
            page.QuerySelectorAll("nav.main-nav a").Select(a => a.GetAttribute("href")));
        if (form == "")
        {
            Assert.Equal("政府信息公开", page.QuerySelector("main h1").Text());
            Assert.Equal(["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开目录", "政府信息公开年报", "依申请公开"],
                page.QuerySelectorAll("ul.disclosure-entries h2").Select(h => h.Text()).ToList());
            Assert.Equal(["政策文件", "政策解读"],
                page.QuerySelectorAll("ul.disclosure-entries li li a").Select(a => a.Text()).ToList());
        }
    }

    [Fact]
    public async Task The_catalogue_is_a_captioned_table_of_every_document_newest_first_with_the_repealed_one_marked()
    {
        await using var db = Portal.Settings.Database.CreateContext();
        var documents = await db.Articles.AsNoTracking()
            .Where(a => a.Kind == DocumentKind.Key && a.Status == ArticleStatus.Published).ToListAsync();
        Assert.Equal(6, documents.Count);
        var page = await PageAsync("/zfxxgk/ml/");
        var table = page.QuerySelector("table.catalogue")!;
        Assert.Equal("政府信息公开目录（共 6 条）", table.QuerySelector("caption").Text());
        Assert.Equal(["索引号", "名称", "发文字号", "发布日期", "有效性"],
            table.QuerySelectorAll("thead th[scope=col]").Select(h => h.Text()).ToList());
        var rows = table.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(6, rows.Count);
        // Newest 发布日期 first.
        var ordered = documents.OrderByDescending(d => d.Disclosure.ReleasedOn).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].Children.ToList();
            var document = ordered[i];
            Assert.Equal(document.Disclosure.IndexNumber, cells[0].Text());
            Assert.Equal("row", cells[1].GetAttribute("scope"));
            Assert.Equal(document.Url, cells[1].QuerySelector("a")!.GetAttribute("href"));
            Assert.Equal(document.Title, cells[1].QuerySelector("a").Text());
            Assert.Equal(document.Disclosure.DocumentNumber, cells[2].Text());
            Assert.Equal(document.Disclosure.ReleasedOn!.Value.ToString("yyyy-MM-dd"), cells[3].Text());
        }
        var repealed = rows.Single(r => r.Children[2].Text() == "相政规〔2021〕2号");
        Assert.Equal("已废止", repealed.Children[4].Text());
        Assert.Contains("out-of-force", repealed.ClassList);
        Assert.Equal("（已废止）", repealed.QuerySelector(".validity-mark").Text());
        Assert.All(rows.Where(r => r != repealed), r =>
        {
            Assert.Equal("有效", r.Children[4].Text());
            Assert.Null(r.QuerySelector(".validity-mark"));
        });
    }

    [Fact]
    public async Task The_catalogue_counts_the_documents_of_every_topic_and_organisation_and_links_their_pages()
    {
        var page = await PageAsync("/zfxxgk/ml/");
        var topics = page.QuerySelectorAll("[aria-labelledby=catalogue-topics] li")
            .ToDictionary(li => li.QuerySelector("a").Text(), li => li.QuerySelector(".count").Text());
        Assert.Equal(22, topics.Count);
        Assert.Equal("（3 条）", topics["综合政务"]);
        Assert.Equal("（2 条）", topics["公安、安全、司法"]);
        Assert.Equal("（1 条）", topics["城乡建设、环境保护"]);
        Assert.Equal("（0 条）", topics["国防"]);
        var organisations = page.QuerySelectorAll("[aria-labelledby=catalogue-organisations] li")
            .ToDictionary(li => li.QuerySelector("a").Text(), li => li.QuerySelector(".count").Text());
        Assert.Equal("（4 条）", organisations["苏州市相城区人民政府办公室"]);
        Assert.Equal("（2 条）", organisations["苏州市相城区司法局"]);
        var topic = await TopicAsync("综合政务");
        Assert.Equal($"/zfxxgk/ml/zt/{topic}/", page.QuerySelectorAll("[aria-labelledby=catalogue-topics] a")
            .Single(a => a.Text() == "综合政务").GetAttribute("href"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/elder")]
    [InlineData("/zh-hant")]
    public async Task A_topic_page_lists_only_that_topics_documents_in_every_form(string form)
    {
        var topic = await TopicAsync("综合政务");
        var page = await PageAsync($"{form}/zfxxgk/ml/zt/{topic}/");
        var rows = page.QuerySelectorAll("table.catalogue tbody tr").ToList();
        Assert.Equal(3, rows.Count);
        await using var db = Portal.Settings.Database.CreateContext();
        var urls = new List<string>();
        foreach (var number in new[] { "相政规〔2023〕3号", "相政办发〔2023〕15号", "相政规〔2021〕2号" })
            urls.Add(form + (await db.Articles.SingleAsync(a => a.Disclosure.DocumentNumber == number)).Url);
        Assert.Equal(urls, rows.Select(r => r.QuerySelector("a")!.GetAttribute("href")!).ToList());
        Assert.Single(rows, r => r.QuerySelector(".validity-mark") is not null);
        Assert.Equal(form + "/zfxxgk/ml/", page.QuerySelector(".catalogue-back a")!.GetAttribute("href"));
        if (form == "")
        {
            Assert.Equal("主题分类：综合政务", page.QuerySelector("main h1").Text());
            Assert.Equal("主题分类：综合政务（共 3 条）", page.QuerySelector("table.catalogue caption").Text());
            Assert.Equal(["首页", "政府信息公开", "政府信息公开目录", "主题分类：综合政务"],
                page.QuerySelectorAll(".breadcrumb li").Select(l => l.Text()).ToList());
        }
    }

    [Fact]
    public async Task An_organisation_page_lists_only_that_organisations_documents()
    {
        var justice = await OrganisationAsync("苏州市相城区司法局");
        var page = await PageAsync($"/zfxxgk/ml/jg/{justice}/");
        Assert.Equal("发布机构：苏州市相城区司法局", page.QuerySelector("main h1").Text());
        Assert.Equal(["相司规〔2023〕1号", "相司发〔2023〕8号"],
            page.QuerySelectorAll("table.catalogue tbody tr").Select(r => r.Children[2].Text()).ToList());
    }

    [Fact]
    public async Task A_topic_without_documents_has_its_page_and_an_unknown_one_has_none()
    {
        var empty = await PageAsync($"/zfxxgk/ml/zt/{await TopicAsync("国防")}/");
        Assert.Equal("暂无文件。", empty.QuerySelector("main .empty").Text());
        Assert.Null(empty.QuerySelector("table.catalogue"));
        var (status, _) = await Portal.Client.GetDocumentAsync("/zfxxgk/ml/zt/999999/");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task The_section_channel_keeps_no_list_of_its_own_and_its_sub_channels_live_under_the_section()
    {
        var channels = Portal.Service<GovPortal.Publishing.Output.Manifest>().Entries
            .Where(e => e.Path == "zfxxgk/index.html").ToList();
        Assert.Equal("DisclosureHome:0:0", Assert.Single(channels).Owner);
        var (status, page) = await Portal.Client.GetDocumentAsync("/zfxxgk/zcwjk/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("/zfxxgk/", page.QuerySelectorAll(".breadcrumb a").Single(a => a.Text() == "政府信息公开")
            .GetAttribute("href"));
    }
}
