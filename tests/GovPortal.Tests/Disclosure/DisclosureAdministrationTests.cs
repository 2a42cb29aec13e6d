using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.BackOffice.Audit;
using GovPortal.BackOffice.Disclosure;
using GovPortal.Content.Disclosure;
using GovPortal.Data.Disclosure;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Disclosure;

/// <summary>
/// 信息公开设置 per role: an editor is refused (403) and changes nothing; an administrator adds, renames and
/// deactivates organisations and list entries, sets the 索引号 pattern, and every refusal says why in Chinese with what
/// was typed kept.
/// </summary>
public sealed class DisclosureAdministrationTests(DisclosureFixture fixture) : IClassFixture<DisclosureFixture>
{
    private async Task<StaffClient> AdministratorAsync()
    {
        await using (var db = fixture.Portal.Settings.Database.CreateContext())
            if (!await db.Users.AnyAsync(u => u.UserName == "xxgkadmin"))
                await TestAccounts.CreateAsync(fixture.Portal, "xxgkadmin", [StaffRoles.Administrator]);
        return await StaffClient.SignInAsync(fixture.Portal, "xxgkadmin");
    }

    [Fact]
    public async Task An_editor_is_refused_every_settings_page_and_action_and_nothing_changes()
    {
        var editor = fixture.Room.Editor;
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("disclosure")).StatusCode);
        var add = await editor.PostAsync("disclosure/organisations/new",
            [new("name", "越权添加的机构"), new("creditCode", "11320507014160024H")]);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        var pattern = await editor.PostAsync("disclosure/pattern", [new("pattern", "XC-{年份}-{四位序号}")]);
        Assert.Equal(HttpStatusCode.Forbidden, pattern.StatusCode);
        await using var db = fixture.Portal.Settings.Database.CreateContext();
        Assert.False(await db.Organisations.AnyAsync(o => o.Name == "越权添加的机构"));
        Assert.Equal(IndexNumberPattern.Default, (await db.Sites.SingleAsync()).IndexNumberPattern);

        // The service refuses too, whatever page called it.
        var service = fixture.Portal.Service<DisclosureAdministration>();
        var staff = new Staff("lihua", "李华", new HashSet<string> { StaffRoles.Editor }, new HashSet<int>(), "");
        Assert.True((await service.AddOrganisationAsync(staff, new OrganisationForm("越权", "11320507014160024H")))
            .Forbidden);
    }

    [Fact]
    public async Task An_administrator_adds_an_organisation_with_a_checked_credit_code_and_it_is_audited()
    {
        using var admin = await AdministratorAsync();
        var wrong = await admin.PostAsync("disclosure/organisations/new",
            [new("name", "苏州市相城区教育局"), new("creditCode", "113205070141602277")]);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var page = Html.Parse(await wrong.Content.ReadAsStringAsync());
        Assert.Equal("统一社会信用代码的校验位不对，请核对每一位是否输入正确。", page.QuerySelector("[role=alert]").Text());
        Assert.Equal("苏州市相城区教育局", page.QuerySelector("#new-org-name")!.GetAttribute("value"));
        Assert.Equal("113205070141602277", page.QuerySelector("#new-org-code")!.GetAttribute("value"));

        // Typed in lower case: stored as the code is written.
        var code = "11320507014160315" + GovPortal.Content.Identifiers.UnifiedSocialCreditCode.CheckCharacter(
            "11320507014160315");
        var added = await admin.PostAsync("disclosure/organisations/new",
            [new("name", "苏州市相城区教育局"), new("creditCode", code.ToLowerInvariant())]);
        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        await using var db = fixture.Portal.Settings.Database.CreateContext();
        var organisation = await db.Organisations.SingleAsync(o => o.Name == "苏州市相城区教育局");
        Assert.Equal(code, organisation.CreditCode);
        Assert.True(organisation.Active);
        Assert.Contains(await db.AuditEntries.Where(e => e.Action == AuditActions.DisclosureListsChanged)
            .Select(e => e.Details).ToListAsync(), d => d.Contains("新增机构“苏州市相城区教育局”"));
    }

    [Fact]
    public async Task An_organisation_in_use_is_never_deleted_only_deactivated_and_then_no_longer_offered()
    {
        using var admin = await AdministratorAsync();
        var code = "11320507014160522" + GovPortal.Content.Identifiers.UnifiedSocialCreditCode.CheckCharacter(
            "11320507014160522");
        await admin.PostAsync("disclosure/organisations/new", [new("name", "苏州市相城区停用测试局"), new("creditCode", code)]);
        int id;
        await using (var db = fixture.Portal.Settings.Database.CreateContext())
            id = (await db.Organisations.SingleAsync(o => o.Name == "苏州市相城区停用测试局")).Id;
        var document = await fixture.CreatedAsync(fixture.DocumentFields("停用测试局的文件", organisation: id));

        var delete = await admin.PostAsync($"disclosure/organisations/{id}/delete", []);
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Contains("不能删除，只能停用", await delete.Content.ReadAsStringAsync());

        var deactivate = await admin.PostAsync($"disclosure/organisations/{id}",
            [new("name", "苏州市相城区停用测试局"), new("creditCode", code), new("sortOrder", "9"), new("activeShown", "1")]);
        Assert.Equal(HttpStatusCode.SeeOther, deactivate.StatusCode);
        await using (var db = fixture.Portal.Settings.Database.CreateContext())
            Assert.False((await db.Organisations.SingleAsync(o => o.Id == id)).Active);

        // Not offered for new documents, refused if posted anyway; the document that has it keeps it.
        var form = Html.Parse(await fixture.Room.Editor.GetPageAsync("articles/new?kind=document"));
        Assert.DoesNotContain(form.QuerySelectorAll("#organisationId option"), o => o.Text().Contains("停用测试局"));
        var refused = await fixture.CreateAsync(fixture.DocumentFields("停用后新建", organisation: id));
        Assert.Contains("所选的发布机构不存在或已停用", await refused.Content.ReadAsStringAsync());
        var edit = Html.Parse(await fixture.Room.Editor.GetPageAsync($"articles/{document}/edit"));
        Assert.Equal("苏州市相城区停用测试局（已停用）", edit.QuerySelector("#organisationId option[selected]").Text());
        var saved = await fixture.SaveAsync(document, (revision, version) => fixture.DocumentFields(
            "停用测试局的文件（修改）", organisation: id, baseRevisionId: revision, baseVersion: version));
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
    }

    [Fact]
    public async Task A_broken_index_number_pattern_is_refused_with_the_reason_and_a_good_one_is_saved()
    {
        using var admin = await AdministratorAsync();
        var broken = await admin.PostAsync("disclosure/pattern", [new("pattern", "{统一社会信用代码}/{年份}")]);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var page = Html.Parse(await broken.Content.ReadAsStringAsync());
        Assert.StartsWith("索引号规则必须包含一个序号占位符", page.QuerySelector("[role=alert]").Text());
        Assert.Equal("{统一社会信用代码}/{年份}", page.QuerySelector("#pattern")!.GetAttribute("value"));
        await using (var db = fixture.Portal.Settings.Database.CreateContext())
            Assert.Equal(IndexNumberPattern.Default, (await db.Sites.SingleAsync()).IndexNumberPattern);

        try
        {
            var saved = await admin.PostAsync("disclosure/pattern", [new("pattern", "XCQ-{年份}-{六位序号}")]);
            Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
            var document = await fixture.CreatedAsync(fixture.DocumentFields("新规则下的文件", written: "2032-01-04",
                released: "2032-01-05"));
            Assert.Equal("XCQ-2032-000001", (await fixture.Room.RevisionAsync(document)).Disclosure.IndexNumber);
        }
        finally
        {
            await admin.PostAsync("disclosure/pattern", [new("pattern", IndexNumberPattern.Default)]);
        }
    }

    [Fact]
    public async Task A_site_without_lists_gets_the_default_topics_and_genres_and_the_administrator_edits_them()
    {
        await using (var db = fixture.Portal.Settings.Database.CreateContext())
        {
            var topics = await DisclosureLists.ClassificationsAsync(db, 1, ClassificationScheme.Topic);
            Assert.Equal(DisclosureDefaults.Topics, topics.Take(22).Select(t => t.Name));
            var genres = await DisclosureLists.ClassificationsAsync(db, 1, ClassificationScheme.Genre);
            Assert.Equal("规章", genres.Single(g => g.Role == GenreRoles.Regulation).Name);
            Assert.Equal("规范性文件", genres.Single(g => g.Role == GenreRoles.NormativeDocument).Name);
        }
        using var admin = await AdministratorAsync();
        var added = await admin.PostAsync("disclosure/classifications/new",
            [new("scheme", "Genre"), new("name", "批复")]);
        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        var duplicate = await admin.PostAsync("disclosure/classifications/new",
            [new("scheme", "Genre"), new("name", "批复")]);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("体裁分类中已有“批复”", await duplicate.Content.ReadAsStringAsync());
        int id;
        await using (var db = fixture.Portal.Settings.Database.CreateContext())
            id = (await db.Classifications.SingleAsync(c => c.Name == "批复")).Id;
        var renamed = await admin.PostAsync($"disclosure/classifications/{id}",
            [new("name", "批复函"), new("sortOrder", "20"), new("active", "1")]);
        Assert.Equal(HttpStatusCode.SeeOther, renamed.StatusCode);
        var deleted = await admin.PostAsync($"disclosure/classifications/{id}/delete", []);
        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        await using (var db = fixture.Portal.Settings.Database.CreateContext())
            Assert.False(await db.Classifications.AnyAsync(c => c.Id == id));
    }
}
