using System.IO.Compression;
using System.Net;
using System.Text;
using GovPortal.Interaction.Letters;
using GovPortal.Publishing;
using GovPortal.Publishing.Output;
using GovPortal.Tests.Publishing;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Interaction;

/// <summary>
/// 选登 from the back office to the files on disk: the mailbox administrator publishes a replied letter whose writer
/// allowed it (name masked, phone and e-mail nowhere), the publish plan writes its page, the list and the section's
/// home, and withdrawal removes the page and updates the lists. Refusals: content safety (finding shown, input kept),
/// personal details in the copy, a stale form, letters that are not replied or not allowed, and every role but the
/// 信箱管理员.
/// </summary>
public sealed class LetterPublishingTests(InteractionFixture fixture) : IClassFixture<InteractionFixture>
{
    private RunningPortal Portal => fixture.Portal;
    private Manifest Manifest => Portal.Service<Manifest>();

    private static LetterContent Writer(string subject, string text) =>
        new(subject, text, "王小明", "13912345678", "wangxm@example.cn");

    private static List<KeyValuePair<string, string>> Form(string subject, string text, int version,
        bool acknowledged = false)
    {
        List<KeyValuePair<string, string>> fields =
            [new("subject", subject), new("text", text), new("version", version.ToString())];
        if (acknowledged) fields.Add(new("acknowledged", "1"));
        return fields;
    }

    private async Task<string?> PublishedAsync(string path) =>
        File.Exists(fixture.PublishedFile(path)) ? await File.ReadAllTextAsync(fixture.PublishedFile(path)) : null;

    /// <summary>The page keys whose files changed (written or removed) while <paramref name="act"/> ran.</summary>
    private async Task<HashSet<PageKey>> ChangedByAsync(Func<Task> act)
    {
        var before = Manifest.Entries.ToDictionary(e => e.Path);
        await act();
        var after = OutputSnapshot.Hashes(Manifest);
        var changed = Manifest.Entries.Where(e => !before.TryGetValue(e.Path, out var was) || was.Sha256 != e.Sha256)
            .Select(e => PageKey.Parse(e.Owner)).ToHashSet();
        changed.UnionWith(before.Values.Where(e => !after.ContainsKey(e.Path)).Select(e => PageKey.Parse(e.Owner)));
        return changed;
    }

    [Fact]
    public async Task A_published_letter_gets_its_page_in_the_list_and_on_the_home_and_withdrawal_removes_it()
    {
        var letter = await fixture.LetterAsync(Writer("长春路路灯不亮", "长春路门前路灯坏了一个月。\n夜间出行不便，请尽快维修。"));
        using var admin = await StaffClient.SignInAsync(Portal, InteractionFixture.MailboxAdmin);

        // The page: the masked name, the citizen's words to start from, nothing of the contacts.
        var html = await admin.GetPageAsync($"letters/{letter.Id}/publish");
        var page = Html.Parse(html);
        Assert.Equal("王**", page.QuerySelector("#masked-name").Text());
        Assert.Equal("长春路路灯不亮", page.QuerySelector("#subject")!.GetAttribute("value"));
        Assert.Contains("夜间出行不便", page.QuerySelector("#text").Text());
        Assert.DoesNotContain("13912345678", html);
        Assert.DoesNotContain("wangxm@example.cn", html);
        Assert.DoesNotContain("王小明", html);

        var path = $"hdjl/xjxd/{letter.Number}.html";
        HttpResponseMessage response = null!;
        var changed = await ChangedByAsync(async () => response = await admin.PostAsync(
            $"letters/{letter.Id}/publish", Form("关于长春路路灯不亮的问题", "长春路路灯坏了一个月。\n夜间出行不便，请尽快维修。",
                letter.Version), tokenPage: $"letters/{letter.Id}/publish"));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(
            new HashSet<PageKey> { PageKey.PublishedLetter(letter.Id), PageKey.PublishedLetterList(1),
                PageKey.InteractionHome },
            changed);

        var published = Html.Parse((await PublishedAsync(path))!);
        Assert.Equal("关于长春路路灯不亮的问题", published.QuerySelector("h1").Text());
        var facts = published.QuerySelectorAll(".letter-facts tr")
            .ToDictionary(r => r.QuerySelector("th").Text(), r => r.QuerySelector("td").Text());
        Assert.Equal("王**", facts["来信人"]);
        Assert.Equal("投诉", facts["信件类型"]);
        Assert.Equal("区长信箱", facts["信箱"]);
        Assert.Equal("2026-06-01", facts["来信日期"]);
        Assert.Equal("选登测试区政府办", facts["答复单位"]);
        Assert.Equal("2026-06-10", facts["答复日期"]);
        Assert.Equal(["长春路路灯坏了一个月。", "夜间出行不便，请尽快维修。"],
            published.QuerySelectorAll("section[aria-labelledby=letter-text] p").Select(p => p.Text()));
        Assert.Contains("相关路段已安排维修", published.QuerySelector("section[aria-labelledby=letter-reply]").Text());
        var url = "/" + path;
        Assert.Contains(Html.Parse((await PublishedAsync("hdjl/xjxd/index.html"))!).QuerySelectorAll("table.letters a"),
            a => a.GetAttribute("href") == url);
        Assert.Contains(Html.Parse((await PublishedAsync("hdjl/index.html"))!).QuerySelectorAll("a"),
            a => a.GetAttribute("href") == url);
        Assert.Equal(HttpStatusCode.OK, (await Portal.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Portal.Client.GetAsync("/elder" + url)).StatusCode);

        var stored = await fixture.ReadAsync(letter.Id);
        Assert.Equal("王**", stored.PublicName);
        Assert.Equal(InteractionFixture.MailboxAdmin, stored.PublishedBy);
        Assert.Equal(InteractionFixture.Now.UtcDateTime, stored.PublishedAtUtc);
        Assert.Equal(letter.Version + 1, stored.Version);
        await using (var db = Portal.Settings.Database.CreateContext())
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "信件选登.公开" && e.Target == letter.Number
                && e.Actor == InteractionFixture.MailboxAdmin));
        AssertNowhereInOutput("13912345678", "wangxm@example.cn", "王小明");

        // Withdrawn: the page goes, the list and the home no longer name it.
        changed = await ChangedByAsync(async () => response = await admin.PostAsync($"letters/{letter.Id}/withdraw",
            [new("reason", "来信人要求不再公开。"), new("version", stored.Version.ToString())],
            tokenPage: $"letters/{letter.Id}/publish"));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Contains(PageKey.PublishedLetter(letter.Id), changed);
        Assert.Contains(PageKey.PublishedLetterList(1), changed);
        Assert.Contains(PageKey.InteractionHome, changed);
        Assert.Null(await PublishedAsync(path));
        Assert.False(Manifest.TryGet(path, out _));
        Assert.DoesNotContain(url, (await PublishedAsync("hdjl/xjxd/index.html"))!);
        Assert.DoesNotContain(url, (await PublishedAsync("hdjl/index.html"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await Portal.Client.GetAsync(url)).StatusCode);
        Assert.Null((await fixture.ReadAsync(letter.Id)).PublishedAtUtc);
    }

    [Fact]
    public async Task The_list_is_paged_by_twenty_newest_first_and_a_withdrawal_removes_the_page_no_longer_needed()
    {
        var publisher = Portal.Service<Publisher>();
        var ids = new List<int>();
        for (var i = 0; i < 21; i++)
        {
            var letter = await fixture.LetterAsync(Writer($"分页测试信件{i:00}", "请求维修小区道路。"));
            ids.Add(letter.Id);
            var at = InteractionFixture.Now.UtcDateTime.AddMinutes(-100 + i);
            await publisher.ApplyLetterChangeAsync(letter.Id, l =>
            {
                (l.PublicSubject, l.PublicText, l.PublicName, l.PublishedAtUtc) = (l.Number, "请求维修小区道路。", "王*", at);
                l.Version++;
            });
        }
        var count = await PublishedCountAsync();
        var pages = (count + 19) / 20;
        Assert.True(pages >= 2);
        var last = Html.Parse((await PublishedAsync($"hdjl/xjxd/index_{pages}.html"))!);
        Assert.Contains($"共 {count} 件", last.QuerySelector("caption").Text());
        // The newest is first on page 1.
        var first = Html.Parse((await PublishedAsync("hdjl/xjxd/index.html"))!);
        var newest = await fixture.ReadAsync(ids[^1]);
        Assert.Equal($"/hdjl/xjxd/{newest.Number}.html",
            first.QuerySelector("table.letters tbody a")!.GetAttribute("href"));

        // Withdrawing enough letters to need one page less removes the last page's file.
        var toWithdraw = count - (pages - 1) * 20;
        var plan = new PublishPlan();
        foreach (var id in ids.Take(toWithdraw))
            plan = await publisher.ApplyLetterChangeAsync(id, l => l.PublishedAtUtc = null);
        Assert.Contains(PageKey.PublishedLetterList(pages), plan.Remove);
        Assert.Null(await PublishedAsync($"hdjl/xjxd/index_{pages}.html"));
        foreach (var id in ids.Skip(toWithdraw))
            await publisher.ApplyLetterChangeAsync(id, l => l.PublishedAtUtc = null);
    }

    private async Task<int> PublishedCountAsync()
    {
        await using var db = Portal.Settings.Database.CreateContext();
        return await db.Letters.CountAsync(l => l.PublishedAtUtc != null);
    }

    [Fact]
    public async Task A_blocking_finding_refuses_the_publish_with_the_finding_shown_and_the_input_kept()
    {
        var letter = await fixture.LetterAsync(Writer("小区噪音扰民", "夜间施工噪音很大。"));
        using var admin = await StaffClient.SignInAsync(Portal, InteractionFixture.MailboxAdmin);
        var spam = "夜间施工噪音很大。澳门葡京赌场在线开户";
        var before = OutputSnapshot.Hashes(Manifest);

        var response = await admin.PostAsync($"letters/{letter.Id}/publish", Form("小区噪音扰民", spam, letter.Version),
            tokenPage: $"letters/{letter.Id}/publish");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("内容检查发现必须处理的问题", page.QuerySelector("#publish-error").Text());
        Assert.NotEmpty(page.QuerySelectorAll(".findings li.blocking"));
        Assert.Equal(spam, page.QuerySelector("#text").Text());
        Assert.Equal("小区噪音扰民", page.QuerySelector("#subject")!.GetAttribute("value"));
        Assert.Null((await fixture.ReadAsync(letter.Id)).PublishedAtUtc);
        Assert.Equal(before, OutputSnapshot.Hashes(Manifest));
        await using var db = Portal.Settings.Database.CreateContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "信件选登.内容检查阻止" && e.Target == letter.Number));

        // The publisher refuses it too, whoever asks.
        await Assert.ThrowsAsync<PublishException>(() => Portal.Service<Publisher>().ApplyLetterChangeAsync(letter.Id,
            l => (l.PublicSubject, l.PublicText, l.PublishedAtUtc) = ("小区噪音扰民", spam, DateTime.UtcNow)));
        Assert.Null((await fixture.ReadAsync(letter.Id)).PublishedAtUtc);
    }

    [Theory]
    [InlineData("请联系我 139 1234 5678。", "手机号码")]
    [InlineData("回复请发 wangxm@example.cn。", "电子邮箱")]
    [InlineData("我是王小明，住在长春路。", "姓名")]
    [InlineData("可拨打 13800001111 联系。", "手机号码")]
    [InlineData("身份证 320507199001011234。", "身份证号码")]
    public async Task A_copy_with_personal_details_is_refused_and_kept_for_correction(string text, string named)
    {
        var letter = await fixture.LetterAsync(Writer("个人信息测试", text));
        using var admin = await StaffClient.SignInAsync(Portal, InteractionFixture.MailboxAdmin);
        var response = await admin.PostAsync($"letters/{letter.Id}/publish", Form("个人信息测试", text, letter.Version),
            tokenPage: $"letters/{letter.Id}/publish");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(named, page.QuerySelector("#publish-error").Text());
        Assert.Equal(text, page.QuerySelector("#text").Text());
        Assert.Null((await fixture.ReadAsync(letter.Id)).PublishedAtUtc);
    }

    [Theory]
    [InlineData(LetterStatus.Screening, true)]
    [InlineData(LetterStatus.Rejected, true)]
    [InlineData(LetterStatus.Assigned, true)]
    [InlineData(LetterStatus.Replied, false)]
    public async Task A_letter_not_replied_or_not_allowed_can_never_be_published(LetterStatus status, bool mayPublish)
    {
        var letter = await fixture.LetterAsync(Writer("不能公开的信件", "请求维修道路。"), status, mayPublish,
            adjust: l => l.Reply = "已答复。");
        using var admin = await StaffClient.SignInAsync(Portal, InteractionFixture.MailboxAdmin);
        var page = Html.Parse(await admin.GetPageAsync($"letters/{letter.Id}/publish"));
        Assert.NotEmpty(page.QuerySelector("#publish-refusal").Text());
        Assert.Null(page.QuerySelector("#publish-form"));

        var response = await admin.PostAsync($"letters/{letter.Id}/publish",
            Form("不能公开的信件", "请求维修道路。", letter.Version), tokenPage: $"letters/{letter.Id}/publish");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await Assert.ThrowsAsync<PublishException>(() => Portal.Service<Publisher>().ApplyLetterChangeAsync(letter.Id,
            l => (l.PublicSubject, l.PublicText, l.PublishedAtUtc) = ("不能公开的信件", "请求维修道路。", DateTime.UtcNow)));
        Assert.Null((await fixture.ReadAsync(letter.Id)).PublishedAtUtc);
        Assert.False(Manifest.TryGet($"hdjl/xjxd/{letter.Number}.html", out _));
    }

    [Fact]
    public async Task A_form_from_an_older_page_is_refused_as_stale()
    {
        var letter = await fixture.LetterAsync(Writer("过时页面测试", "请求维修道路。"));
        using var admin = await StaffClient.SignInAsync(Portal, InteractionFixture.MailboxAdmin);
        var response = await admin.PostAsync($"letters/{letter.Id}/publish",
            Form("过时页面测试", "请求维修道路。", letter.Version - 1), tokenPage: $"letters/{letter.Id}/publish");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Null((await fixture.ReadAsync(letter.Id)).PublishedAtUtc);
    }

    [Fact]
    public async Task Only_the_mailbox_administrator_may_open_publish_or_withdraw()
    {
        var letter = await fixture.LetterAsync(Writer("权限测试信件", "请求维修道路。"));
        var publishUrl = StaffClient.Base + $"/letters/{letter.Id}/publish";
        using var anonymous = StaffClient.Anonymous(Portal);
        var denied = await anonymous.Http.GetAsync(publishUrl);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/admin/login", denied.Headers.Location!.OriginalString);
        denied = await anonymous.Http.PostAsync(publishUrl, new FormUrlEncodedContent(
            [new("__csrf", await anonymous.TokenAsync("login")), .. Form("权限测试信件", "请求维修道路。", letter.Version)]));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);

        foreach (var who in new[] { InteractionFixture.Editor, InteractionFixture.Handler })
        {
            using var staff = await StaffClient.SignInAsync(Portal, who);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"letters/{letter.Id}/publish")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"letters/{letter.Id}/publish",
                Form("权限测试信件", "请求维修道路。", letter.Version))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"letters/{letter.Id}/withdraw",
                [new("reason", "测试撤下理由。"), new("version", letter.Version.ToString())])).StatusCode);
        }
        Assert.Null((await fixture.ReadAsync(letter.Id)).PublishedAtUtc);

        using var admin = await StaffClient.SignInAsync(Portal, InteractionFixture.MailboxAdmin);
        Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostAsync($"letters/{letter.Id}/publish",
            Form("权限测试信件", "请求维修道路。", letter.Version), tokenPage: $"letters/{letter.Id}/publish")).StatusCode);
        Assert.NotNull((await fixture.ReadAsync(letter.Id)).PublishedAtUtc);
        await Portal.Service<Publisher>().ApplyLetterChangeAsync(letter.Id, l => l.PublishedAtUtc = null);
    }

    [Fact]
    public async Task A_full_publish_publishes_the_letters_the_database_holds_as_published_and_no_others()
    {
        var seeded = await fixture.LetterAsync(Writer("全量发布测试信件", "请求维修道路。"),
            adjust: l => (l.PublicSubject, l.PublicText, l.PublicName, l.PublishedAtUtc) =
                ("全量发布测试信件", "请求维修道路。", "王小明", InteractionFixture.Now.UtcDateTime));
        var held = await fixture.LetterAsync(Writer("待甄别信件", "请求维修道路。"), LetterStatus.Screening,
            adjust: l => (l.PublicSubject, l.PublicText, l.PublishedAtUtc) =
                ("待甄别信件", "请求维修道路。", InteractionFixture.Now.UtcDateTime));
        var refused = await fixture.LetterAsync(Writer("未同意公开的信件", "请求维修道路。"), mayPublish: false,
            adjust: l => (l.PublicSubject, l.PublicText, l.PublishedAtUtc) =
                ("未同意公开的信件", "请求维修道路。", InteractionFixture.Now.UtcDateTime));

        await Portal.Service<Publisher>().PublishAllAsync();

        var page = await PublishedAsync($"hdjl/xjxd/{seeded.Number}.html");
        Assert.NotNull(page);
        // A full name written past the back office is masked as it is published.
        Assert.Equal("王**", Html.Parse(page!).QuerySelectorAll(".letter-facts tr")
            .Single(r => r.QuerySelector("th").Text() == "来信人").QuerySelector("td").Text());
        Assert.Null(await PublishedAsync($"hdjl/xjxd/{held.Number}.html"));
        Assert.Null(await PublishedAsync($"hdjl/xjxd/{refused.Number}.html"));
        var list = (await PublishedAsync("hdjl/xjxd/index.html"))!;
        Assert.Contains("全量发布测试信件", list);
        Assert.DoesNotContain("待甄别信件", list);
        Assert.DoesNotContain("未同意公开的信件", list);
        AssertNowhereInOutput("13912345678", "wangxm@example.cn", "王小明");
        await Portal.Service<Publisher>().ApplyLetterChangeAsync(seeded.Id, l => l.PublishedAtUtc = null);
    }

    [Fact]
    public async Task The_section_home_lists_the_mailboxes_the_lookup_the_statistics_and_the_consultations()
    {
        var open = await fixture.ConsultationAsync("关于相城区养老服务条例（草案）征求意见",
            InteractionFixture.Now.UtcDateTime.AddDays(-3), InteractionFixture.Now.UtcDateTime.AddDays(10));
        var closed = await fixture.ConsultationAsync("关于停车收费标准调整征求意见",
            InteractionFixture.Now.UtcDateTime.AddDays(-40), InteractionFixture.Now.UtcDateTime.AddDays(-10));
        await Portal.Service<Publisher>().PublishInteractionAsync();

        var home = Html.Parse((await PublishedAsync("hdjl/index.html"))!);
        Assert.Contains(home.QuerySelectorAll(".mailboxes a"),
            a => a.GetAttribute("href") == "/hdjl/xx?mailbox=qzxx" && a.Text() == "写信给区长信箱");
        Assert.Contains(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/hdjl/cx");
        Assert.Contains(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/hdjl/tj/");
        Assert.Contains(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/hdjl/xjxd/");
        var rows = home.QuerySelectorAll("table.consultations tbody tr").ToDictionary(
            r => r.QuerySelector("a")!.GetAttribute("href")!, r => r.QuerySelectorAll("td").Last().Text());
        Assert.Equal("征集中", rows[$"/hdjl/yjzj/{open}.html"]);
        Assert.Equal("已结束", rows[$"/hdjl/yjzj/{closed}.html"]);

        // Every page links to the section from the main navigation.
        var front = Html.Parse((await PublishedAsync("index.html"))!);
        Assert.Contains(front.QuerySelectorAll("nav.main-nav a"), a => a.GetAttribute("href") == "/hdjl/"
            && a.Text() == "互动交流");
    }

    [Fact]
    public async Task The_sections_pages_with_letters_consultations_and_figures_are_valid_html()
    {
        var letter = await fixture.LetterAsync(Writer("校验测试信件", "请求维修道路。\n谢谢。"),
            adjust: l => l.Rating = LetterRatings.Satisfied);
        await fixture.ConsultationAsync("校验测试征集", InteractionFixture.Now.UtcDateTime.AddDays(-1),
            InteractionFixture.Now.UtcDateTime.AddDays(5));
        var publisher = Portal.Service<Publisher>();
        await publisher.ApplyLetterChangeAsync(letter.Id, l =>
            (l.PublicSubject, l.PublicText, l.PublicName, l.PublishedAtUtc) =
            ("校验测试信件", "请求维修道路。\n谢谢。", "王*", InteractionFixture.Now.UtcDateTime));
        await publisher.PublishInteractionAsync();
        try
        {
            var source = Path.Combine(Repository.Root, "src", "GovPortal");
            var validator = Path.Combine(source, "node_modules", "html-validate", "bin", "html-validate.mjs");
            var pages = Directory.EnumerateFiles(Path.Combine(Portal.Output.PublicDirectory, "hdjl"), "*.html",
                SearchOption.AllDirectories).ToList();
            Assert.Contains(pages, p => p.EndsWith(letter.Number + ".html", StringComparison.Ordinal));
            Assert.Contains(pages, p => p.EndsWith(Path.Combine("tj", "index.html"), StringComparison.Ordinal));
            var (exitCode, output, errors) = await Processes.RunAsync("node",
                [validator, "--config", Path.Combine(source, "Theme", "htmlvalidate.json"), .. pages]);
            Assert.True(exitCode == 0, output + errors);
        }
        finally
        {
            await publisher.ApplyLetterChangeAsync(letter.Id, l => l.PublishedAtUtc = null);
        }
    }

    /// <summary>No file of the output (pages, their compressed variants, side files) holds any of the texts.</summary>
    private void AssertNowhereInOutput(params string[] texts)
    {
        foreach (var file in Directory.EnumerateFiles(Portal.Output.Directory, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            var content = file.EndsWith(".br", StringComparison.Ordinal) ? Unpack(new BrotliStream(
                    new MemoryStream(bytes), CompressionMode.Decompress))
                : file.EndsWith(".gz", StringComparison.Ordinal) ? Unpack(new GZipStream(new MemoryStream(bytes),
                    CompressionMode.Decompress))
                : Encoding.UTF8.GetString(bytes);
            foreach (var text in texts) Assert.False(content.Contains(text, StringComparison.Ordinal),
                $"{file} holds {text}");
        }
    }

    private static string Unpack(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
