using System.Net;
using GovPortal.BackOffice.Audit;
using GovPortal.Content;
using GovPortal.Content.Disclosure;
using GovPortal.Content.Kinds;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Disclosure;

/// <summary>
/// 信息公开 documents and interpretations through the back office and onto the public site: the 索引号, the refusals,
/// the workflow, the metadata table in every form, and the links both ways republished through the publish plan.
/// </summary>
public sealed class DisclosureDocumentTests(DisclosureFixture fixture) : IClassFixture<DisclosureFixture>
{
    private const string OfficeCode = GovPortal.Data.Demo.DemoDisclosureSeeder.OfficeCode;

    [Fact]
    public async Task The_index_number_counts_up_per_organisation_and_year_and_is_never_given_again()
    {
        // 2031: a year no other test uses, so the counter starts at 1.
        var first = await fixture.CreatedAsync(fixture.DocumentFields("索引号测试一", written: "2031-01-05",
            released: "2031-01-06"));
        var second = await fixture.CreatedAsync(fixture.DocumentFields("索引号测试二", written: "2031-01-05",
            released: "2031-01-06"));
        var otherOrganisation = await fixture.CreatedAsync(fixture.DocumentFields("索引号测试司法局",
            organisation: fixture.JusticeBureau, written: "2031-02-01", released: "2031-02-01"));
        Assert.Equal($"{OfficeCode}/2031-00001", (await fixture.Room.RevisionAsync(first)).Disclosure.IndexNumber);
        Assert.Equal($"{OfficeCode}/2031-00002", (await fixture.Room.RevisionAsync(second)).Disclosure.IndexNumber);
        Assert.Equal("113205070141602276/2031-00001",
            (await fixture.Room.RevisionAsync(otherOrganisation)).Disclosure.IndexNumber);

        // The second document is deleted: its number is not given to the next one, nor may it be typed in again.
        await using (var db = fixture.Portal.Settings.Database.CreateContext())
        {
            db.Articles.Remove(await db.Articles.SingleAsync(a => a.Id == second));
            await db.SaveChangesAsync();
        }
        var third = await fixture.CreatedAsync(fixture.DocumentFields("索引号测试三", written: "2031-03-01",
            released: "2031-03-02"));
        Assert.Equal($"{OfficeCode}/2031-00003", (await fixture.Room.RevisionAsync(third)).Disclosure.IndexNumber);
        var reused = await fixture.CreateAsync(fixture.DocumentFields("索引号测试重复", written: "2031-03-01",
            released: "2031-03-02", changes: (DocumentKind.IndexNumber, $"{OfficeCode}/2031-00002")));
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("已被本站其他文件使用过", await reused.Content.ReadAsStringAsync());

        // A number typed for a migrated document is kept when it fits the pattern and is free.
        var migrated = await fixture.CreatedAsync(fixture.DocumentFields("迁移的文件", written: "2031-03-01",
            released: "2031-03-02", changes: (DocumentKind.IndexNumber, $"{OfficeCode}/2031-00090")));
        Assert.Equal($"{OfficeCode}/2031-00090", (await fixture.Room.RevisionAsync(migrated)).Disclosure.IndexNumber);

        // The database itself refuses a second use of a number in the site.
        await using (var db = fixture.Portal.Settings.Database.CreateContext())
        {
            db.IssuedIndexNumbers.Add(new IssuedIndexNumber { SiteId = 1, Value = $"{OfficeCode}/2031-00001",
                ArticleId = 999_999 });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task A_save_that_fails_after_its_index_number_was_issued_does_not_use_the_number_up()
    {
        var id = await fixture.CreatedAsync(fixture.DocumentFields("索引号回滚测试", organisation: fixture.JusticeBureau,
            written: "2033-01-05", released: "2033-01-06"));
        var given = (await fixture.Room.RevisionAsync(id)).Disclosure.IndexNumber;
        Assert.EndsWith("/2033-00001", given);
        const string refusedTitle = "数据库拒绝保存的标题";
        await using (var db = fixture.Portal.Settings.Database.CreateContext())
        {
            // A document brought in without a number: its next save issues one. The database then refuses the
            // revision itself, after the number was issued, as a failing disk or a lost connection would.
            await db.Database.ExecuteSqlAsync(
                $"UPDATE Revisions SET Disclosure_IndexNumber = '' WHERE ArticleId = {id}");
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_revision BEFORE UPDATE ON Revisions " +
                $"WHEN NEW.Title = '{refusedTitle}' BEGIN SELECT RAISE(ABORT, 'refused'); END");
        }
        try
        {
            var failed = await fixture.SaveAsync(id, (revision, version) => fixture.DocumentFields(refusedTitle,
                organisation: fixture.JusticeBureau, written: "2033-01-05", released: "2033-01-06",
                baseRevisionId: revision, baseVersion: version));
            Assert.NotEqual(HttpStatusCode.SeeOther, failed.StatusCode);
        }
        finally
        {
            await using var db = fixture.Portal.Settings.Database.CreateContext();
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse_revision");
        }
        var saved = await fixture.SaveAsync(id, (revision, version) => fixture.DocumentFields("索引号回滚测试",
            organisation: fixture.JusticeBureau, written: "2033-01-05", released: "2033-01-06",
            baseRevisionId: revision, baseVersion: version));
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        // The refused save's number went back with it: the next one follows on without a gap.
        Assert.EndsWith("/2033-00002", (await fixture.Room.RevisionAsync(id)).Disclosure.IndexNumber);
    }

    [Fact]
    public async Task A_release_date_before_the_written_date_is_refused_in_chinese_and_the_form_keeps_what_was_typed()
    {
        var response = await fixture.CreateAsync(fixture.DocumentFields("日期有误的文件草稿", written: "2023-05-10",
            released: "2023-05-01"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Html.Parse(html);
        Assert.Equal("发布日期（2023-05-01）不能早于成文日期（2023-05-10），请核对两个日期。",
            page.QuerySelector("[role=alert]").Text());
        Assert.Equal("日期有误的文件草稿", page.QuerySelector("#title")!.GetAttribute("value"));
        Assert.Equal("2023-05-01", page.QuerySelector("#releasedOn")!.GetAttribute("value"));
        Assert.Equal(fixture.Office.ToString(),
            page.QuerySelector("#organisationId option[selected]")!.GetAttribute("value"));
        await using var db = fixture.Portal.Settings.Database.CreateContext();
        Assert.False(await db.Articles.AnyAsync(a => a.Title == "日期有误的文件草稿"));
    }

    [Fact]
    public async Task An_index_number_that_does_not_fit_the_pattern_is_refused_with_the_pattern()
    {
        var response = await fixture.CreateAsync(fixture.DocumentFields("索引号格式有误",
            changes: (DocumentKind.IndexNumber, "XC-2023-12")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var alert = Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[role=alert]").Text();
        Assert.Contains("索引号“XC-2023-12”不符合本站的索引号规则 {统一社会信用代码}/{年份}-{五位序号}", alert);
    }

    [Fact]
    public async Task A_document_goes_through_review_and_its_revisions_diff_shows_a_changed_document_number()
    {
        var id = await fixture.CreatedAsync(fixture.DocumentFields("关于做好2023年度政务公开工作的通知",
            written: "2023-06-01", released: "2023-06-05"));
        await fixture.PublishAsync(id);
        var live = await fixture.ArticleAsync(id);
        Assert.Equal((ArticleStatus.Published, DocumentKind.Key), (live.Status, live.Kind));
        Assert.Equal("相政发〔2023〕12号", live.Disclosure.DocumentNumber);
        Assert.Equal(new DateOnly(2023, 6, 5), live.Disclosure.ReleasedOn);
        Assert.StartsWith($"{OfficeCode}/2023-", live.Disclosure.IndexNumber);
        Assert.Contains($"索引号：{live.Disclosure.IndexNumber}", await fixture.Room.Editor.GetPageAsync($"articles/{id}"));

        var saved = await fixture.SaveAsync(id, (revision, version) => fixture.DocumentFields(
            "关于做好2023年度政务公开工作的通知", written: "2023-06-01", released: "2023-06-05",
            baseRevisionId: revision, baseVersion: version,
            changes: (DocumentKind.DocumentNumber, "相政发〔2023〕19号")));
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var draft = await fixture.Room.RevisionAsync(id);
        Assert.Equal(live.Disclosure.IndexNumber, draft.Disclosure.IndexNumber); // the number stays
        var diff = Html.Parse(await fixture.Room.Editor.GetPageAsync($"articles/{id}/diff"));
        var field = diff.QuerySelectorAll(".diff .field").Single(f => f.QuerySelector("strong").Text() == "发文字号：");
        Assert.Equal("2", field.QuerySelector("del").Text());
        Assert.Equal("9", field.QuerySelector("ins").Text());
        Assert.StartsWith("发文字号：相政发〔2023〕1", field.Text());

        await using var db = fixture.Portal.Settings.Database.CreateContext();
        var actions = await db.AuditEntries.Where(e => e.Target == $"文章 {id}").Select(e => e.Action).ToListAsync();
        Assert.Contains(AuditActions.ArticleSubmitted, actions);
        Assert.Contains(AuditActions.ArticleApproved, actions);
        Assert.Contains(AuditActions.ArticlePublished, actions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/elder")]
    [InlineData("/zh-hant")]
    public async Task The_document_page_starts_with_its_metadata_table_in_every_form(string form)
    {
        await using var db = fixture.Portal.Settings.Database.CreateContext();
        var document = await db.Articles.AsNoTracking()
            .SingleAsync(a => a.Disclosure.DocumentNumber == "相政规〔2023〕3号");
        var (status, page) = await fixture.Portal.Client.GetDocumentAsync(form + document.Url);
        Assert.Equal(HttpStatusCode.OK, status);
        var table = page.QuerySelector("article table.article-facts")!;
        var headers = table.QuerySelectorAll("th[scope=row]").Select(h => h.Text()).ToList();
        string[] labels = form == "/zh-hant"
            ? ["索引號", "主題分類", "發佈機構", "成文日期", "發文字號", "發佈日期", "有效性"]
            : ["索引号", "主题分类", "发布机构", "成文日期", "发文字号", "发布日期", "有效性"];
        Assert.Equal(labels, headers);
        var values = table.QuerySelectorAll("td").Select(d => d.Text()).ToList();
        Assert.Equal(document.Disclosure.IndexNumber, values[0]);
        Assert.Equal("2023-08-18", values[3]);
        Assert.Equal("2023-08-25", values[5]);
        Assert.Same(table, page.QuerySelector("article")!.FirstElementChild);
    }

    [Fact]
    public async Task A_repealed_document_links_its_replacement_and_the_replacement_links_back_through_the_plan()
    {
        var old = await fixture.CreatedAsync(fixture.DocumentFields("相城区旧办法（废止测试）", written: "2022-01-04",
            released: "2022-01-10"));
        var current = await fixture.CreatedAsync(fixture.DocumentFields("相城区新办法（废止测试）", written: "2024-02-01",
            released: "2024-02-05"));
        await fixture.PublishAsync(old);
        await fixture.PublishAsync(current);
        Assert.DoesNotContain("旧办法（废止测试）", await fixture.PublishedPageAsync(current));

        var saved = await fixture.SaveAsync(old, (revision, version) => fixture.DocumentFields(
            "相城区旧办法（废止测试）", written: "2022-01-04", released: "2022-01-10", baseRevisionId: revision,
            baseVersion: version, changes: [(DocumentKind.Validity, nameof(DocumentValidity.Repealed)),
                (DocumentKind.ValidityChangedOn, "2024-03-01"), (DocumentKind.ReplacedBy, current.ToString())]));
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        await fixture.PublishAsync(old);

        var oldPage = Html.Parse(await fixture.PublishedPageAsync(old));
        var notice = oldPage.QuerySelector(".validity-notice")!;
        Assert.Equal("本文件已于 2024年3月1日 废止，现行文件：相城区新办法（废止测试）", notice.Text());
        Assert.Equal((await fixture.ArticleAsync(current)).Url, notice.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("已废止", oldPage.QuerySelectorAll("table.article-facts td").Last().Text());
        // The replacement's page was rendered again by the plan, without anyone touching it.
        var currentPage = Html.Parse(await fixture.PublishedPageAsync(current));
        var replaced = currentPage.QuerySelector(".validity-replaces a")!;
        Assert.Equal("相城区旧办法（废止测试）", replaced.Text());
        Assert.Equal((await fixture.ArticleAsync(old)).Url, replaced.GetAttribute("href"));
        Assert.Contains("2024年3月1日废止", currentPage.QuerySelector(".validity-replaces").Text());

        // And the other way: renaming the replacement changes the repealed document's notice.
        await fixture.SaveAsync(current, (revision, version) => fixture.DocumentFields("相城区新办法（修订后名称）",
            written: "2024-02-01", released: "2024-02-05", baseRevisionId: revision, baseVersion: version));
        await fixture.PublishAsync(current);
        Assert.Contains("现行文件：相城区新办法（修订后名称）",
            Html.Parse(await fixture.PublishedPageAsync(old)).QuerySelector(".validity-notice").Text());
    }

    [Fact]
    public async Task Publishing_repointing_and_withdrawing_an_interpretation_republishes_the_policy_pages()
    {
        var policy = await fixture.CreatedAsync(fixture.DocumentFields("解读测试政策甲", written: "2023-09-01",
            released: "2023-09-02"));
        var otherPolicy = await fixture.CreatedAsync(fixture.DocumentFields("解读测试政策乙", written: "2023-09-01",
            released: "2023-09-03"));
        await fixture.PublishAsync(policy);
        await fixture.PublishAsync(otherPolicy);
        var interpretation = await fixture.CreatedAsync(fixture.InterpretationFields("一图读懂解读测试政策",
            policy, nameof(InterpretationType.Graphic)));
        await fixture.PublishAsync(interpretation);

        var policyPage = Html.Parse(await fixture.PublishedPageAsync(policy));
        var listed = policyPage.QuerySelector("section.interpretations")!;
        Assert.Equal("【相关解读】", listed.QuerySelector("h2").Text());
        Assert.Equal("一图读懂解读测试政策 （图解）", listed.QuerySelector("li").Text());
        Assert.Equal((await fixture.ArticleAsync(interpretation)).Url,
            listed.QuerySelector("li a")!.GetAttribute("href"));
        var interpretationPage = Html.Parse(await fixture.PublishedPageAsync(interpretation));
        var original = interpretationPage.QuerySelector(".policy-original")!;
        Assert.Equal("【政策原文】解读测试政策甲", original.Text());
        Assert.Equal((await fixture.ArticleAsync(policy)).Url, original.QuerySelector("a")!.GetAttribute("href"));

        // Re-pointed to the other policy: both policy pages change.
        await fixture.SaveAsync(interpretation, (revision, version) => fixture.InterpretationFields(
            "一图读懂解读测试政策", otherPolicy, nameof(InterpretationType.Graphic), revision, version));
        await fixture.PublishAsync(interpretation);
        Assert.DoesNotContain("一图读懂解读测试政策", await fixture.PublishedPageAsync(policy));
        Assert.Contains("一图读懂解读测试政策", Html.Parse(await fixture.PublishedPageAsync(otherPolicy))
            .QuerySelector("section.interpretations").Text());

        // Withdrawn: the policy no longer lists it.
        await fixture.Room.DoAsync(fixture.Room.Publisher, interpretation, "withdraw",
            new KeyValuePair<string, string>("reason", "解读内容需要重新审定"));
        Assert.DoesNotContain("一图读懂解读测试政策", await fixture.PublishedPageAsync(otherPolicy));
    }

    [Fact]
    public async Task An_interpretation_must_name_a_document_of_the_site()
    {
        var news = (await fixture.Portal.SeedArticleAsync()).Id;
        var response = await fixture.CreateAsync(fixture.InterpretationFields("解读一篇新闻", news));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("所选的政策文件不存在", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_new_content_page_offers_each_kind_and_the_document_form_lists_the_sites_choices()
    {
        var form = Html.Parse(await fixture.Room.Editor.GetPageAsync(
            $"articles/new?kind=document&channel={fixture.DocumentsChannel}"));
        Assert.Equal(["文章", "政策解读"], form.QuerySelectorAll(".kind-choice a").Select(a => a.Text()).ToList());
        Assert.Equal("信息公开文件", form.QuerySelector(".kind-choice [aria-current=page]").Text());
        Assert.Equal(DocumentKind.Key, form.QuerySelector("input[name=kind]")!.GetAttribute("value"));
        var organisations = form.QuerySelectorAll("#organisationId option").Select(o => o.Text()).ToList();
        Assert.Contains("苏州市相城区人民政府办公室", organisations);
        Assert.Contains("苏州市相城区司法局", organisations);
        Assert.Equal(23, form.QuerySelectorAll("#topicId option").Length); // 请选择 and the 22 topics
        Assert.Equal("主动公开", form.QuerySelector("#disclosureMode option[selected]").Text());
        Assert.Equal("有效", form.QuerySelector("#validity option[selected]").Text());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", form.QuerySelector("#releasedOn")!.GetAttribute("value"));
    }
}
