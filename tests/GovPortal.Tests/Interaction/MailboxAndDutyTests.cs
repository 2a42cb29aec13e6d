using System.Net;
using GovPortal.Content.Organisations;
using GovPortal.Interaction.Letters;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Interaction;

/// <summary>
/// /admin/mailboxes (the 信箱管理员 alone: create, edit, deadlines 1–60, deactivate; a mailbox with letters is never
/// deleted) and /admin/organisation-members (the system administrator alone sets 承办人 and 审核人), with hostile
/// input in every field; and the demo's letters and duty accounts.
/// </summary>
public sealed class MailboxAndDutyTests(LetterOfficeFixture fixture)
    : IClassFixture<LetterOfficeFixture>, IAsyncLifetime
{
    private LetterDesk _desk = null!;

    private RunningPortal Portal => fixture.Portal;

    public async Task InitializeAsync() => _desk = await LetterDesk.StartAsync(Portal);

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private static List<KeyValuePair<string, string>> Fields(string name, string code, string consult = "5",
        string reply = "10", bool active = true, string sortOrder = "5", string description = "说明")
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("name", name), new("code", code), new("description", description), new("sortOrder", sortOrder),
            new("consultReplyDays", consult), new("replyDays", reply),
        };
        if (active) fields.Add(new("active", "1"));
        return fields;
    }

    private async Task<Mailbox?> MailboxAsync(string code)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        return await db.Mailboxes.AsNoTracking().SingleOrDefaultAsync(m => m.Code == code);
    }

    [Fact]
    public async Task The_mailbox_administrator_creates_edits_and_deactivates_mailboxes_with_their_deadlines()
    {
        var code = "ts" + Guid.NewGuid().ToString("N")[..6];
        using (var created = await _desk.Dispatcher.PostAsync("mailboxes", Fields("投诉信箱" + code, code, "3", "15")))
            Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        var mailbox = await MailboxAsync(code);
        Assert.NotNull(mailbox);
        Assert.Equal(3, mailbox.ConsultReplyDays);
        Assert.Equal(15, mailbox.ReplyDays);
        Assert.True(mailbox.Active);
        Assert.Contains(code, await _desk.Dispatcher.GetPageAsync("mailboxes"));

        // Out of range deadlines and bad codes are refused, and what was typed comes back.
        foreach (var (consult, reply, message) in new[] { ("0", "10", "1 到 60"), ("5", "61", "1 到 60"),
                     ("五", "10", "1 到 60") })
        {
            using var refused = await _desk.Dispatcher.PostAsync($"mailboxes/{mailbox.Id}",
                Fields("改名后的信箱" + code, code, consult, reply));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var page = Html.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Contains(message, page.QuerySelector("#mailbox-error").Text());
            Assert.Equal("改名后的信箱" + code, page.QuerySelector("#name")!.GetAttribute("value"));
            Assert.Equal(consult, page.QuerySelector("#consultReplyDays")!.GetAttribute("value"));
        }
        using (var badCode = await _desk.Dispatcher.PostAsync("mailboxes", Fields("另一个", "QZXX/../")))
            Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        using (var taken = await _desk.Dispatcher.PostAsync("mailboxes", Fields("另一个" + code, "qzxx")))
            Assert.Contains("已被另一个信箱使用", await taken.Content.ReadAsStringAsync());

        using (var saved = await _desk.Dispatcher.PostAsync($"mailboxes/{mailbox.Id}",
                   Fields("改名后的信箱" + code, code, "60", "1", active: false)))
            Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        mailbox = await MailboxAsync(code);
        Assert.False(mailbox!.Active);
        Assert.Equal(60, mailbox.ConsultReplyDays);
        Assert.Equal(1, mailbox.ReplyDays);

        // Without letters it may be deleted.
        using (var deleted = await _desk.Dispatcher.PostAsync($"mailboxes/{mailbox.Id}/delete", []))
            Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        Assert.Null(await MailboxAsync(code));
    }

    [Fact]
    public async Task A_mailbox_with_letters_is_never_deleted_only_deactivated()
    {
        var qzxx = await MailboxAsync(DemoLetterSeeder.MailboxCode);
        using var refused = await _desk.Dispatcher.PostAsync($"mailboxes/{qzxx!.Id}/delete", []);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("只能停用", await refused.Content.ReadAsStringAsync());
        Assert.NotNull(await MailboxAsync(DemoLetterSeeder.MailboxCode));
        Assert.Null(Html.Parse(await _desk.Dispatcher.GetPageAsync($"mailboxes/{qzxx.Id}"))
            .QuerySelector("form[action$='/delete']"));
    }

    [Fact]
    public async Task Only_the_mailbox_administrator_may_open_or_change_mailboxes()
    {
        var qzxx = await MailboxAsync(DemoLetterSeeder.MailboxCode);
        foreach (var (who, client) in _desk.Everyone.Where(e => e.Who != "dispatcher"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("mailboxes")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"mailboxes/{qzxx!.Id}")).StatusCode);
            using var post = await client.PostAsync($"mailboxes/{qzxx.Id}", Fields("被改的信箱", "hacked"));
            Assert.True(post.StatusCode == HttpStatusCode.Forbidden, $"{who}: {(int)post.StatusCode}");
            using var delete = await client.PostAsync($"mailboxes/{qzxx.Id}/delete", []);
            Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        }
        Assert.Equal("区长信箱", (await MailboxAsync(DemoLetterSeeder.MailboxCode))!.Name);
        using var anonymous = StaffClient.Anonymous(Portal);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("mailboxes")).StatusCode);
        using var noToken = await _desk.Dispatcher.PostAsync("mailboxes", Fields("无令牌", "nocsrf"), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Null(await MailboxAsync("nocsrf"));
    }

    public static TheoryData<string, string> HostileMailboxInputs => new()
    {
        { "name", "<script>alert(1)</script>" },
        { "name", new string('信', 10_000) },
        { "name", "\u0000\u0001\u001F\u007F" },
        { "code", "<script>alert(1)</script>" },
        { "code", "%E4%B8" },
        { "description", "<img src=x onerror=alert(1)>" + new string('说', 600) },
        { "description", "' OR 1=1; DROP TABLE Mailboxes; --" },
        { "sortOrder", "99999999999999999999" },
        { "consultReplyDays", "-1" },
        { "replyDays", "<script>alert(1)</script>" },
    };

    [Theory]
    [MemberData(nameof(HostileMailboxInputs))]
    public async Task Hostile_mailbox_input_never_gets_a_server_error_and_comes_back_escaped(string field, string value)
    {
        var code = "h" + Guid.NewGuid().ToString("N")[..8];
        var fields = Fields("信箱" + code, code).Where(f => f.Key != field).Append(new(field, value)).ToList();
        using var response = await _desk.Dispatcher.PostAsync("mailboxes", fields);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{field}: {(int)response.StatusCode} {html}");
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("<img src=x", html);
        var list = await _desk.Dispatcher.GetPageAsync("mailboxes");
        Assert.DoesNotContain("<script>alert(1)", list);
        Assert.DoesNotContain('\u0000', list);
    }

    [Fact]
    public async Task The_administrator_sets_each_organisations_handlers_and_reviewers_and_nobody_else_can()
    {
        var page = Html.Parse(await _desk.Administrator.GetPageAsync("organisation-members"));
        Assert.Contains(_desk.HandlerName, page.QuerySelector($"#org-{_desk.Justice}")!.ParentElement.Text());
        var userId = await UserIdAsync(_desk.Editor);
        var add = new List<KeyValuePair<string, string>>
        {
            new("organisationId", _desk.Office.ToString()), new("userId", userId),
            new("duty", OrganisationDuties.Reviewer),
        };
        foreach (var (who, client) in _desk.Everyone.Where(e => e.Who != "administrator"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("organisation-members")).StatusCode);
            using var refused = await client.PostAsync("organisation-members", add);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{who}: {(int)refused.StatusCode}");
        }
        Assert.Empty(await DutiesAsync(userId));

        using (var added = await _desk.Administrator.PostAsync("organisation-members", add))
            Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        var duty = Assert.Single(await DutiesAsync(userId));
        Assert.Equal((_desk.Office, OrganisationDuties.Reviewer), (duty.OrganisationId, duty.Duty));
        using (var twice = await _desk.Administrator.PostAsync("organisation-members", add))
        {
            Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
            Assert.Contains("已经是", await twice.Content.ReadAsStringAsync());
        }
        // The editor now reviews for the office: the letters' pages open for them.
        Assert.Equal(HttpStatusCode.OK, (await _desk.Editor.GetAsync("letters")).StatusCode);

        foreach (var (who, client) in _desk.Everyone.Where(e => e.Who != "administrator"))
        {
            using var refused = await client.PostAsync($"organisation-members/{duty.Id}/remove", []);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{who}: {(int)refused.StatusCode}");
        }
        using (var removed = await _desk.Administrator.PostAsync($"organisation-members/{duty.Id}/remove", []))
            Assert.Equal(HttpStatusCode.SeeOther, removed.StatusCode);
        Assert.Empty(await DutiesAsync(userId));
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Editor.GetAsync("letters")).StatusCode);

        await using var db = Portal.Settings.Database.CreateContext();
        var actions = await db.AuditEntries.Where(e => e.Action.StartsWith("单位职责.")).Select(e => e.Action)
            .ToListAsync();
        Assert.Contains("单位职责.设置", actions);
        Assert.Contains("单位职责.取消", actions);
    }

    [Theory]
    [InlineData("organisationId", "<script>alert(1)</script>")]
    [InlineData("organisationId", "999999")]
    [InlineData("userId", "' OR 1=1 --")]
    [InlineData("userId", "\u0000")]
    [InlineData("duty", "Administrator")]
    [InlineData("duty", "<img src=x onerror=alert(1)>")]
    public async Task Hostile_duty_input_is_refused_without_a_server_error(string field, string value)
    {
        var userId = await UserIdAsync(_desk.Editor);
        var fields = new Dictionary<string, string>
        {
            ["organisationId"] = _desk.Office.ToString(), ["userId"] = userId, ["duty"] = OrganisationDuties.Handler,
        };
        fields[field] = value;
        using var response = await _desk.Administrator.PostAsync("organisation-members", fields);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Empty(await DutiesAsync(userId));
    }

    [Fact]
    public async Task The_demo_has_twelve_letters_in_every_state_and_duty_accounts_without_a_password()
    {
        await using var db = Portal.Settings.Database.CreateContext();
        var qzxx = await db.Mailboxes.SingleAsync(m => m.Code == DemoLetterSeeder.MailboxCode);
        // The demo's letters arrived at 9:30 China time; the tests' own letters at 9:00.
        var demo = (await db.Letters.AsNoTracking().Where(l => l.MailboxId == qzxx.Id).ToListAsync())
            .Where(l => l.ReceivedAtUtc.Hour == 1 && l.ReceivedAtUtc.Minute == 30).ToList();
        Assert.Equal(DemoLetterSeeder.LetterCount, demo.Count);
        foreach (var status in Enum.GetValues<LetterStatus>())
            Assert.Contains(demo, l => l.Status == status);
        Assert.Contains(demo, l => l.PublishedAtUtc is not null && l.PublicName == "孙*" && l.PublicText.Length > 0);
        Assert.Contains(demo, l => l.Rating == LetterRatings.Satisfied);
        var seal = Portal.Service<LetterSeal>();
        Assert.Contains(demo,
            l => l.Status == LetterStatus.Screening && seal.Open(l).Text == DemoLetterSeeder.SpamText);
        var merged = demo.Single(l => l.Status == LetterStatus.Merged);
        Assert.Equal(LetterStatus.Replied, demo.Single(l => l.Id == merged.MergedIntoId).Status);
        // No letter of the demo fails the inspection, and one is overdue for the lists to show.
        var problems = await Portal.Service<LetterHealth>().ProblemsAsync("main", LetterOfficeFixture.Start.UtcDateTime,
            default);
        Assert.DoesNotContain(problems, p => p.SingleVeto && demo.Any(l => l.Number == p.Where));
        Assert.Contains(problems, p => p.Indicator == LetterHealth.OverdueIndicator
                                       && demo.Any(l => l.Number == p.Where));

        foreach (var name in new[] { DemoLetterSeeder.HandlerName, DemoLetterSeeder.ReviewerName })
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == name);
            Assert.Null(user.PasswordHash);
            Assert.Single(await db.OrganisationMembers.Where(m => m.UserId == user.Id).ToListAsync());
        }
        // The first administrator was still made: the demo's accounts come after it.
        Assert.True(await db.Users.AnyAsync(u => u.UserName == "admin"));
    }

    private async Task<string> UserIdAsync(StaffClient client)
    {
        var name = Html.Parse(await client.GetPageAsync("")).QuerySelector(".who span").Text();
        var userName = name[(name.IndexOf('（') + 1)..^1];
        await using var db = Portal.Settings.Database.CreateContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private async Task<List<OrganisationMember>> DutiesAsync(string userId)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        return await db.OrganisationMembers.AsNoTracking().Where(m => m.UserId == userId).ToListAsync();
    }
}
