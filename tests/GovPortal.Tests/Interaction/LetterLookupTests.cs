using System.Net;
using GovPortal.Citizens.Forms;
using GovPortal.Interaction.Letters;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Interaction;

/// <summary>
/// The writer's lookup by 信件编号 and 查询码: status and dates, what they wrote, the reply (also of a merged letter)
/// with its organisation and date, the one rating; a wrong pair finds nothing, exactly like a missing number.
/// </summary>
public sealed class LetterLookupTests(LetterPortalFixture fixture) : IClassFixture<LetterPortalFixture>
{
    private RunningPortal Portal => fixture.Portal;

    [Fact]
    public async Task The_right_pair_shows_the_letter_and_what_was_written_and_a_wrong_pair_finds_nothing()
    {
        using var writer = new LetterWriter(Portal);
        var (number, code) = await writer.SendAsync(files: [Upload.Png()]);
        using var someoneElse = new LetterWriter(Portal);
        foreach (var form in new[] { "", "/elder", "/zh-hant" })
        {
            var (status, page, html) = await someoneElse.PostAsync(form + LetterWriter.LookupPath,
                new Dictionary<string, string> { ["number"] = number.ToLowerInvariant(), ["code"] = code.ToLower() },
                tokenPage: form + LetterWriter.LookupPath);
            Assert.True(status == HttpStatusCode.OK, html);
            Assert.Equal(number, page.QuerySelector("#found-number").Text());
            Assert.Contains(form == "/zh-hant" ? "已受理，等待分辦" : "已受理，等待分办",
                page.QuerySelector("#found-status").Text());
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}（10 个工作日）$|^\d{4}-\d{2}-\d{2}（10 個工作日）$",
                page.QuerySelector("#found-due").Text());
            Assert.Equal("现场照片.png", page.QuerySelector("#found-attachments").Text()[3..]
                .Replace("現場照片", "现场照片", StringComparison.Ordinal));
            Assert.Null(page.QuerySelector("#found-reply"));
            Assert.Null(page.QuerySelector("input[name=rating]"));
            // Their own words back; never the name or the mobile number.
            Assert.Contains("路灯", page.QuerySelector("#found-subject").Text().Replace("路燈", "路灯",
                StringComparison.Ordinal));
            Assert.DoesNotContain(LetterWriter.Mobile, html);
            Assert.DoesNotContain(LetterWriter.Name, html);
            Assert.DoesNotContain(code, html.Replace(code, "", StringComparison.Ordinal));
        }
        Assert.Equal(LetterWriter.Text, (await someoneElse.LookupAsync(number, code)).Page
            .QuerySelector("#found-text").Text());

        var wrongCode = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');
        var wrong = await someoneElse.LookupAsync(number, wrongCode);
        var missing = await someoneElse.LookupAsync("XJ19990101-0001", code);
        var garbage = await someoneElse.LookupAsync("<script>", "");
        foreach (var (status, page, _) in new[] { wrong, missing, garbage })
        {
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Equal("未找到。请核对信件编号和查询码后重试。", page.QuerySelector("#lookup-message").Text());
            Assert.Null(page.QuerySelector("#found-number"));
        }
        // The same page for a wrong code and a missing number: nothing tells which was wrong.
        string Shape((HttpStatusCode, AngleSharp.Dom.IDocument Page, string) result) =>
            result.Page.QuerySelector("main")!.InnerHtml
                .Replace(number, "N", StringComparison.Ordinal)
                .Replace("XJ19990101-0001", "N", StringComparison.Ordinal)
                .Replace(result.Page.QuerySelector("input[name=__form]")!.GetAttribute("value")!, "T",
                    StringComparison.Ordinal);
        Assert.Equal(Shape(wrong), Shape(missing));
        // A letter held for screening looks like any letter being handled.
        await using (var db = Portal.Settings.Database.CreateContext())
        {
            var letter = await db.Letters.SingleAsync(l => l.Number == number);
            (letter.Status, letter.ScreeningReason) = (LetterStatus.Screening, "触发内容检查：涉黄");
            await db.SaveChangesAsync();
        }
        var held = await someoneElse.LookupAsync(number, code);
        Assert.Equal("已受理，等待分办", held.Page.QuerySelector("#found-status").Text());
        Assert.DoesNotContain("甄别", held.Html);
        Assert.DoesNotContain("涉黄", held.Html);
    }

    [Fact]
    public async Task After_the_reply_the_writer_reads_it_and_rates_it_once()
    {
        using var writer = new LetterWriter(Portal);
        var (number, code) = await writer.SendAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await writer.RateAsync(number, code, "satisfied")).Status);
        Assert.Equal("", (await fixture.LetterAsync(number)).Rating);

        var received = (await fixture.LetterAsync(number)).ReceivedOn;
        var organisation = await fixture.ReplyAsync(number, "您好！\n路灯已于本周修复。\n<b>感谢</b>您的来信。",
            received.AddDays(2));
        var (status, page, html) = await writer.LookupAsync(number, code);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("已答复", page.QuerySelector("#found-status").Text());
        Assert.Equal(organisation, page.QuerySelector("#found-organisation").Text());
        Assert.Equal(received.AddDays(2).ToString("yyyy-MM-dd"), page.QuerySelector("#found-replied").Text());
        Assert.Equal(3, page.QuerySelectorAll("#found-reply p").Length);
        Assert.Contains("&lt;b&gt;感谢&lt;/b&gt;", html);
        Assert.Equal(3, page.QuerySelectorAll("input[name=rating]").Length);

        // A rating that is not one of the three, or a comment too long, is refused with what was typed kept.
        var (refused, refusedPage, _) = await writer.RateAsync(number, code, "excellent", "意见");
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal("请选择评价：满意、基本满意或不满意。", refusedPage.QuerySelector("#e-rating").Text());
        Assert.Equal("意见", refusedPage.QuerySelector("#f-comment")!.TextContent);
        (refused, refusedPage, _) = await writer.RateAsync(number, code, "fair", new string('评', 501));
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal("评价意见最多 500 字，现有 501 字，请删减。", refusedPage.QuerySelector("#e-comment").Text());
        Assert.NotNull(refusedPage.QuerySelector("#r-fair[checked]"));

        var (rated, ratedPage, _) = await writer.RateAsync(number, code, "satisfied", "<script>alert(1)</script>很快");
        Assert.Equal(HttpStatusCode.OK, rated);
        Assert.Equal("评价已提交，感谢您的评价。", ratedPage.QuerySelector("#lookup-message").Text());
        Assert.Equal("满意", ratedPage.QuerySelector("#found-rating").Text());
        Assert.Equal("<script>alert(1)</script>很快", ratedPage.QuerySelector("#found-rating-comment").Text());
        Assert.Null(ratedPage.QuerySelector("input[name=rating]"));
        var letter = await fixture.LetterAsync(number);
        Assert.Equal(LetterRatings.Satisfied, letter.Rating);
        Assert.DoesNotContain("很快", letter.SealedRatingComment);
        Assert.Equal("<script>alert(1)</script>很快", Portal.Service<LetterSeal>().RatingCommentOf(letter));

        // Once only: a second rating is refused and the first stays.
        var (again, againPage, _) = await writer.RateAsync(number, code, "dissatisfied");
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal(LetterIntake.AlreadyRated, againPage.QuerySelector("#lookup-message").Text());
        Assert.Equal(LetterRatings.Satisfied, (await fixture.LetterAsync(number)).Rating);
        // A wrong code cannot rate.
        var wrongCode = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');
        Assert.Equal(HttpStatusCode.NotFound, (await writer.RateAsync(number, wrongCode, "fair")).Status);

        await using var db = Portal.Settings.Database.CreateContext();
        var audit = await db.AuditEntries.Where(e => e.Target == number).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["互动交流.来信", "互动交流.评价"], audit.Select(e => e.Action));
        Assert.DoesNotContain("很快", audit[1].Details);
    }

    [Fact]
    public async Task What_the_writer_typed_is_shown_back_escaped()
    {
        using var writer = new LetterWriter(Portal);
        var fields = LetterWriter.ValidFields();
        (fields["subject"], fields["text"]) = ("<script>alert(1)</script>路灯", "<img src=x onerror=alert(1)>\n第二行&amp;");
        var (number, code) = await writer.SendAsync(fields);
        var (status, page, html) = await writer.LookupAsync(number, code);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("<script>alert(1)</script>路灯", page.QuerySelector("#found-subject").Text());
        Assert.Equal(["<img src=x onerror=alert(1)>", "第二行&amp;"],
            page.QuerySelectorAll("#found-text p").Select(p => p.TextContent));
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("<img src=x", html);
    }

    [Fact]
    public async Task A_merged_letter_shows_the_reply_of_the_letter_it_was_merged_into()
    {
        using var writer = new LetterWriter(Portal);
        var (first, _) = await writer.SendAsync();
        var (duplicate, code) = await writer.SendAsync();
        await fixture.MergeAsync(duplicate, first);
        var (_, waiting, _) = await writer.LookupAsync(duplicate, code);
        Assert.Equal("办理中", waiting.QuerySelector("#found-status").Text());
        Assert.Null(waiting.QuerySelector("#found-reply"));

        var organisation = await fixture.ReplyAsync(first, "两封来信反映的问题已一并处理。");
        var (status, page, _) = await writer.LookupAsync(duplicate, code);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("已答复", page.QuerySelector("#found-status").Text());
        Assert.Equal("两封来信反映的问题已一并处理。", page.QuerySelector("#found-reply").Text());
        Assert.Equal(organisation, page.QuerySelector("#found-organisation").Text());
        Assert.Equal(HttpStatusCode.OK, (await writer.RateAsync(duplicate, code, "fair")).Status);
        Assert.Equal(LetterRatings.Fair, (await fixture.LetterAsync(duplicate)).Rating);
        Assert.Equal("", (await fixture.LetterAsync(first)).Rating);
    }

    [Fact]
    public async Task The_lookup_pages_are_valid_html_in_each_state()
    {
        using var writer = new LetterWriter(Portal);
        var pages = new List<string>
        {
            await writer.Http.GetStringAsync("/hdjl/xx"),
            await writer.Http.GetStringAsync("/elder/hdjl/xx?mailbox=qzxx"),
            await writer.Http.GetStringAsync("/zh-hant/hdjl/cx"),
        };
        var wrong = LetterWriter.ValidFields();
        (wrong["mobile"], wrong["notice"], wrong["kind"]) = ("1", "", "");
        pages.Add((await writer.WriteAsync(wrong, [Upload.Png()])).Html);
        var (status, receiptPage, receipt) = await writer.WriteAsync(LetterWriter.ValidFields(), [Upload.Png()]);
        Assert.Equal(HttpStatusCode.OK, status);
        pages.Add(receipt);
        var (number, code) = (receiptPage.QuerySelector("#receipt-number").Text(),
            receiptPage.QuerySelector("#receipt-code").Text());
        pages.Add((await writer.LookupAsync(number, code)).Html);
        pages.Add((await writer.LookupAsync(number, "2222")).Html);
        await fixture.ReplyAsync(number, "答复内容。");
        pages.Add((await writer.LookupAsync(number, code)).Html);
        pages.Add((await writer.RateAsync(number, code, "", new string('评', 501))).Html);
        pages.Add((await writer.RateAsync(number, code, "satisfied", "好")).Html);

        var source = Path.Combine(Repository.Root, "src", "GovPortal");
        var validator = Path.Combine(source, "node_modules", "html-validate", "bin", "html-validate.mjs");
        using var folder = new TempDirectory();
        var files = new List<string>();
        foreach (var html in pages)
        {
            var file = Path.Combine(folder.Path, $"hdjl-{files.Count}.html");
            await File.WriteAllTextAsync(file, html);
            files.Add(file);
        }
        var (exitCode, output, errors) = await Processes.RunAsync("node",
            [validator, "--config", Path.Combine(source, "Theme", "htmlvalidate.json"), .. files]);
        Assert.True(exitCode == 0, output + errors);
    }
}

/// <summary>The per-client limit on the letter forms, on a portal of its own with a small limit.</summary>
public sealed class LetterRateLimitTests
{
    [Fact]
    public async Task Too_many_letters_or_lookups_from_one_client_are_refused_with_the_input_kept()
    {
        await using var portal = await RunningPortal.StartAsync(
            configureServices: s => s.AddSingleton(new PublicFormLimits(PermitLimit: 3, WindowSeconds: 600)));
        int before;
        await using (var count = portal.Settings.Database.CreateContext())
            before = await count.Letters.CountAsync(); // the demo's own letters
        using var writer = new LetterWriter(portal);
        var fields = LetterWriter.ValidFields();
        fields["mobile"] = "";
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await writer.WriteAsync(fields)).Status);
        var (status, page, _) = await writer.WriteAsync(LetterWriter.ValidFields());
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Contains("提交过于频繁，请 10 分钟后再试", page.QuerySelector(".form-errors").Text());
        Assert.Equal(LetterWriter.Name, page.QuerySelector("input[name=name]")!.GetAttribute("value"));
        // The lookup counts on its own: trying codes is limited the same way, and rating posts count with it.
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await writer.LookupAsync("XJ20260101-0001", "AAAA")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await writer.RateAsync("XJ20260101-0001", "AAAA", "fair")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await writer.LookupAsync("XJ20260101-0001", "AAAA")).Status);
        await using var db = portal.Settings.Database.CreateContext();
        Assert.Equal(before, await db.Letters.CountAsync()); // none of the refused posts was taken
    }
}
