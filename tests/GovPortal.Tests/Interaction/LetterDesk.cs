using System.Net;
using GovPortal.BackOffice.Accounts;
using GovPortal.Citizens.Receipts;
using GovPortal.Content;
using GovPortal.Content.Organisations;
using GovPortal.Data.Demo;
using GovPortal.Interaction.Letters;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Interaction;

/// <summary>
/// The demo portal on a clock the tests set (China time 2026-12-01 10:00, a Tuesday), with a public-form limit no
/// test reaches.
/// </summary>
public sealed class LetterOfficeFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    public FixedTimeProvider Clock { get; } = new(Start);

    public RunningPortal Portal { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Portal = await RunningPortal.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(Clock));

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}

/// <summary>
/// The people of the letters' office on a running portal, each signed in through the sign-in page: the 信箱管理员,
/// a system administrator, an editor, the 司法局's 承办人 and 审核人, and the 区政府办公室's 承办人 (another
/// organisation); and letters written straight into the database as the public form would leave them.
/// </summary>
public sealed class LetterDesk : IAsyncDisposable
{
    public const string Subject = "测试来信标题甲";
    public const string Text = "测试来信内容：小区门口路灯不亮。";
    public const string Writer = "测试来信人乙";
    public const string Mobile = "13912340000";
    public const string Email = "writer@example.cn";

    private LetterDesk(RunningPortal portal) => Portal = portal;

    public RunningPortal Portal { get; }
    public StaffClient Dispatcher { get; private set; } = null!;
    public StaffClient Administrator { get; private set; } = null!;
    public StaffClient Editor { get; private set; } = null!;
    public StaffClient Handler { get; private set; } = null!;
    public StaffClient Reviewer { get; private set; } = null!;
    public StaffClient OtherHandler { get; private set; } = null!;
    public string HandlerName { get; private set; } = "";
    public string ReviewerName { get; private set; } = "";
    public int Justice { get; private set; }
    public int Office { get; private set; }

    /// <summary>Everyone but anonymous, named as the tests report them.</summary>
    public IEnumerable<(string Who, StaffClient Client)> Everyone =>
    [
        ("dispatcher", Dispatcher), ("administrator", Administrator), ("editor", Editor), ("handler", Handler),
        ("reviewer", Reviewer), ("other handler", OtherHandler),
    ];

    public static async Task<LetterDesk> StartAsync(RunningPortal portal)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var desk = new LetterDesk(portal);
        await using (var db = portal.Settings.Database.CreateContext())
        {
            desk.Justice = await db.Organisations.Where(o => o.CreditCode == DemoDisclosureSeeder.JusticeBureauCode)
                .Select(o => o.Id).SingleAsync();
            desk.Office = await db.Organisations.Where(o => o.CreditCode == DemoDisclosureSeeder.OfficeCode)
                .Select(o => o.Id).SingleAsync();
        }
        desk.HandlerName = "cbr" + suffix;
        desk.ReviewerName = "shr" + suffix;
        await TestAccounts.CreateAsync(portal, "xxgl" + suffix, [StaffRoles.Mailbox]);
        await TestAccounts.CreateAsync(portal, "admin" + suffix, [StaffRoles.Administrator]);
        await TestAccounts.CreateAsync(portal, "editor" + suffix, [StaffRoles.Editor], "xwzx");
        await TestAccounts.CreateAsync(portal, desk.HandlerName, []);
        await TestAccounts.CreateAsync(portal, desk.ReviewerName, []);
        await TestAccounts.CreateAsync(portal, "qtcbr" + suffix, []);
        await desk.AddDutyAsync(desk.HandlerName, desk.Justice, OrganisationDuties.Handler);
        await desk.AddDutyAsync(desk.ReviewerName, desk.Justice, OrganisationDuties.Reviewer);
        await desk.AddDutyAsync("qtcbr" + suffix, desk.Office, OrganisationDuties.Handler);
        desk.Dispatcher = await StaffClient.SignInAsync(portal, "xxgl" + suffix);
        desk.Administrator = await StaffClient.SignInAsync(portal, "admin" + suffix);
        desk.Editor = await StaffClient.SignInAsync(portal, "editor" + suffix);
        desk.Handler = await StaffClient.SignInAsync(portal, desk.HandlerName);
        desk.Reviewer = await StaffClient.SignInAsync(portal, desk.ReviewerName);
        desk.OtherHandler = await StaffClient.SignInAsync(portal, "qtcbr" + suffix);
        return desk;
    }

    public async Task AddDutyAsync(string userName, int organisationId, string duty)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = organisationId, UserId = userId,
            Duty = duty });
        await db.SaveChangesAsync();
    }

    /// <summary>A letter to the demo's 区长信箱, as the public form leaves it, in the given state.</summary>
    public async Task<Letter> WriteAsync(LetterStatus status = LetterStatus.New, DateOnly? receivedOn = null,
        string kind = LetterKinds.Complaint, int? organisationId = null, string text = Text)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        var site = await db.Sites.Select(s => s.Id).FirstAsync();
        var mailbox = await db.Mailboxes.SingleAsync(m => m.Code == DemoLetterSeeder.MailboxCode);
        var day = receivedOn ?? DateOnly.FromDateTime(ChinaTime.ToChina(LetterOfficeFixture.Start.UtcDateTime));
        var number = await ReceiptNumbers.NextAsync(db, site, "XJ", day, default);
        var code = QueryCode.Hash(QueryCode.NewCode());
        var letter = new Letter
        {
            SiteId = site, MailboxId = mailbox.Id, Number = number, QueryCodeSalt = code.Salt,
            QueryCodeHash = code.Hash, Kind = kind, MayPublish = true, ReceivedOn = day,
            ReceivedAtUtc = ChinaTime.ToUtc(day.Year, day.Month, day.Day, 9, 0),
            ReplyDays = mailbox.ReplyDaysFor(kind), Status = status, OrganisationId = organisationId,
            ScreeningReason = status == LetterStatus.Screening ? "触发内容检查：垃圾信息" : "",
        };
        letter.SealedContent = Portal.Service<LetterSeal>().Seal(
            new LetterContent(Subject, text, Writer, Mobile, Email), number);
        db.Letters.Add(letter);
        await db.SaveChangesAsync();
        return letter;
    }

    public async Task<Letter> LetterAsync(int id)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        return await db.Letters.AsNoTracking().SingleAsync(l => l.Id == id);
    }

    /// <summary>A step as the letter's page posts it, with the letter's current version.</summary>
    public async Task<HttpResponseMessage> StepAsync(StaffClient who, int id, string step,
        params (string Key, string Value)[] fields)
    {
        var version = (await LetterAsync(id)).Version;
        return await PostAsync(who, id, step, version, fields);
    }

    public static Task<HttpResponseMessage> PostAsync(StaffClient who, int id, string step, int version,
        params (string Key, string Value)[] fields) =>
        who.PostAsync($"letters/{id}/{step}", fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Append(new("version", version.ToString())).ToList());

    /// <summary>Like <see cref="StepAsync"/>, and the step must be done.</summary>
    public async Task DoAsync(StaffClient who, int id, string step, params (string Key, string Value)[] fields)
    {
        using var response = await StepAsync(who, id, step, fields);
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther,
            $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public ValueTask DisposeAsync()
    {
        foreach (var (_, client) in Everyone) client.Dispose();
        return ValueTask.CompletedTask;
    }
}
