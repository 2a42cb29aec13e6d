using GovPortal.BackOffice.Articles;
using GovPortal.BackOffice.Pages;
using GovPortal.BackOffice.Workflow;
using GovPortal.Chinese;
using GovPortal.Content;
using GovPortal.Content.Kinds;
using GovPortal.Content.Uploads;
using GovPortal.Publishing;
using GovPortal.Publishing.Rendering;
using GovPortal.Safety.Scanning;
using GovPortal.Search;
using GovPortal.Storage;
using GovPortal.Tests.Support;
using GovPortal.Theme;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;

namespace GovPortal.Tests.Kinds;

/// <summary>
/// A kind is described in one place: a field added to a (test-only) kind description reaches the form, the form
/// reader, the copy to the live record, the content checks, the diff, the search document and the page, with no
/// other edit anywhere.
/// </summary>
public sealed class ContentKindTests
{
    private const string Remark = "该文件由区司法局合法性审查";

    // The news kind plus one field that exists only in this test.
    private static readonly ContentKind Annotated = new("annotated-news", "带批注的文章",
        [.. NewsKind.Kind.Fields, ContentField.Extra("remark", "审查批注") with { Searchable = true }]);

    private static readonly ContentKinds Kinds = new([Annotated]);

    private static readonly Site Site = new() { Name = "测试区人民政府", BaseUrl = "https://www.example.gov.cn" };

    private static readonly ChannelTree Tree = new([new Channel { Id = 1, SiteId = 1, Name = "通知公告", Slug = "tzgg" }]);

    private static Revision RevisionWith(string remark)
    {
        var revision = new Revision { ArticleId = 7, ChannelId = 1, Kind = Annotated.Key, Title = "关于开展安全检查的通知",
            CreatedBy = "bianji" };
        revision.BodyHtml = "<p>各镇、街道：现将有关事项通知如下。</p>";
        Annotated.Field("remark")!.Set(revision, remark);
        return revision;
    }

    private static Article LiveArticle(string remark)
    {
        var article = new Article { Id = 7, SiteId = 1, Title = "", Url = "/tzgg/202405/t20240520_7.html",
            PublishedAtUtc = DateTime.UtcNow };
        Annotated.Copy(RevisionWith(remark), article);
        return article;
    }

    [Fact]
    public async Task The_form_shows_the_new_field_and_reads_it_back()
    {
        var form =
            new ArticleForm { ChannelId = 1, Kind = Annotated, Values = Annotated.ValuesOf(RevisionWith(Remark)) };
        var shell = new Shell("/admin", "写文章", "bianji", "编辑", new HashSet<string>(), "__token", "t", null, false);
        var model = new ArticleEditPageModel(Shell: shell, ArticleId: 0, Form: form,
            Channels: [new ChannelOption(1, "通知公告")], Files: [], Error: null, StateNote: null, EditorInstalled: false);

        var html = await new RazorPageRenderer().RenderHtmlAsync<ArticleEditPage, ArticleEditPageModel>(model);

        Assert.Contains("<label for=\"remark\">审查批注</label>", html);
        Assert.Contains($"id=\"remark\" name=\"remark\" value=\"{Remark}\"", html);
        Assert.Contains("name=\"kind\" value=\"annotated-news\"", html);

        var posted = new FormCollection(new Dictionary<string, StringValues>
        {
            ["kind"] = "annotated-news", ["channelId"] = "1", ["title"] = "标题", ["remark"] = "新的批注",
        });
        var (read, error) = await ArticleFormReader.ReadAsync(posted, Kinds, "/admin/pictures/",
            CancellationToken.None);
        Assert.Null(error);
        Assert.Same(Annotated, read.Kind);
        Assert.Equal("新的批注", read.Value("remark"));
        Assert.Equal("审查批注不能超过 500 个字。",
            (read with
            {
                Values = new Dictionary<string, string> { ["title"] = "标题", ["remark"] = new string('字', 501) },
            }).Problem());
    }

    [Fact]
    public void The_copy_to_the_live_record_and_the_checks_carry_the_new_field()
    {
        var article = LiveArticle(Remark);
        Assert.Equal(Remark, article.Extras["remark"]);
        Assert.Equal("annotated-news", article.Kind);

        var checks = new ArticleChecks(
            new PageScanner(new ChineseConverter(ChineseConverter.DefaultDictionaryDirectory)), Kinds);
        Assert.Contains($"<p>{Remark}</p>", checks.ContentOf(article));
    }

    [Fact]
    public void The_diff_lists_the_new_field()
    {
        var (fields, bodies) = RevisionDiff.Of(Annotated, RevisionWith("旧批注"), RevisionWith(Remark), _ => "通知公告");

        var remark = Assert.Single(fields, f => f.Label == "审查批注");
        Assert.Contains(remark.Segments, s => s.Kind == DiffKind.Inserted);
        Assert.Contains(remark.Segments, s => s.Kind == DiffKind.Deleted);
        Assert.Equal("正文", Assert.Single(bodies).Label);
    }

    [Fact]
    public void The_search_document_holds_the_new_field()
    {
        using var data = new TempDirectory();
        var documents = new SearchDocuments(new UploadStore(new PortalPaths(data.Path)),
            new AttachmentText(NullLogger<AttachmentText>.Instance), Kinds);

        var document = documents.From(LiveArticle(Remark), Tree);

        Assert.Contains(Remark, document.Text);
        Assert.Contains("现将有关事项通知如下", document.Text);
    }

    [Fact]
    public async Task The_page_shows_the_new_field_in_its_table_of_facts()
    {
        using var data = new TempDirectory();
        var renderer = new SiteRenderer(Site, Tree, new InMemoryListingSource(Tree, []), new RazorPageRenderer(),
            new ThemeAssets(), new UploadStore(new PortalPaths(data.Path)), Kinds);

        var html = await renderer.RenderArticlePreviewAsync(LiveArticle(Remark), [],
            new PreviewBanner("预览", "/admin/articles/7"));

        Assert.Contains($"<th scope=\"row\">审查批注</th><td>{Remark}</td>", html);
    }

    [Fact]
    public void A_kind_without_a_required_title_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ContentKind("broken", "无标题", [ContentField.Extra("remark", "批注")]));
    }
}
