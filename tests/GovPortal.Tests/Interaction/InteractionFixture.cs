using GovPortal.BackOffice.Accounts;
using GovPortal.Content;
using GovPortal.Content.Organisations;
using GovPortal.Interaction.Consultations;
using GovPortal.Interaction.Letters;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovPortal.Tests.Interaction;

/// <summary>
/// The demo portal on a fixed clock (15 June 2026, China time) with a mailbox, two organisations and the people of
/// 选登: a 信箱管理员, an editor, and a 承办人 of an organisation (a duty, not a role). Letters and consultations are
/// written straight into the database, as the intake and the office would leave them.
/// </summary>
public sealed class InteractionFixture : IAsyncLifetime
{
    public const string MailboxAdmin = "xxgly", Editor = "bianji", Handler = "chengban";
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);

    public RunningPortal Portal { get; private set; } = null!;
    public FixedTimeProvider Clock { get; } = new(Now);
    public int MailboxId { get; private set; }
    public int Office { get; private set; }
    public int Housing { get; private set; }
    private int _sequence;

    public async Task InitializeAsync()
    {
        Portal = await RunningPortal.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(Clock));
        await TestAccounts.CreateAsync(Portal, MailboxAdmin, [StaffRoles.Mailbox]);
        await TestAccounts.CreateAsync(Portal, Editor, [StaffRoles.Editor], "xwzx");
        await TestAccounts.CreateAsync(Portal, Handler, []);
        await using var db = Portal.Settings.Database.CreateContext();
        // The figures these tests count by hand start from no letters: the demo's own letters are taken away (and
        // their pages with the next publish), and the demo's 区长信箱 is the mailbox.
        await db.LetterAttachments.ExecuteDeleteAsync();
        await db.Letters.ExecuteUpdateAsync(l => l.SetProperty(x => x.MergedIntoId, (int?)null));
        await db.Letters.ExecuteDeleteAsync();
        var mailbox = await db.Mailboxes.SingleAsync(m => m.SiteId == 1 && m.Code == "qzxx");
        var office = new Organisation { SiteId = 1, Name = "选登测试区政府办", CreditCode = "", SortOrder = 91 };
        var housing = new Organisation { SiteId = 1, Name = "选登测试区住建局", CreditCode = "", SortOrder = 92 };
        db.Organisations.AddRange(office, housing);
        await db.SaveChangesAsync();
        (MailboxId, Office, Housing) = (mailbox.Id, office.Id, housing.Id);
        var handler = await db.Users.SingleAsync(u => u.UserName == Handler);
        db.OrganisationMembers.Add(new OrganisationMember
        {
            OrganisationId = office.Id, UserId = handler.Id, Duty = OrganisationDuties.Handler,
        });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();

    /// <summary>A letter as the office leaves it; its number is unique in the fixture.</summary>
    public async Task<Letter> LetterAsync(LetterContent content, LetterStatus status = LetterStatus.Replied,
        bool mayPublish = true, string reply = "您好，来信收悉。经调查，相关路段已安排维修。", DateOnly? receivedOn = null,
        DateOnly? repliedOn = null, int? organisationId = null, Action<Letter>? adjust = null)
    {
        var number = $"XJ20260601-{Interlocked.Increment(ref _sequence):0000}";
        var received = receivedOn ?? new DateOnly(2026, 6, 1);
        var letter = new Letter
        {
            SiteId = 1, MailboxId = MailboxId, Number = number, Kind = LetterKinds.Complaint,
            SealedContent = Portal.Service<LetterSeal>().Seal(content, number), MayPublish = mayPublish,
            ReceivedOn = received, ReceivedAtUtc = ChinaTime.ToUtc(received.Year, received.Month, received.Day, 9, 0),
            ReplyDays = 10, Status = status, OrganisationId = organisationId ?? Office,
            Reply = status == LetterStatus.Replied ? reply : "",
            RepliedOn = status == LetterStatus.Replied ? repliedOn ?? new DateOnly(2026, 6, 10) : null,
        };
        if (letter.RepliedOn is { } on) letter.RepliedAtUtc = ChinaTime.ToUtc(on.Year, on.Month, on.Day, 15, 0);
        adjust?.Invoke(letter);
        await using var db = Portal.Settings.Database.CreateContext();
        db.Letters.Add(letter);
        await db.SaveChangesAsync();
        return letter;
    }

    public async Task<Letter> ReadAsync(int id)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        return await db.Letters.AsNoTracking().SingleAsync(l => l.Id == id);
    }

    public async Task<int> ConsultationAsync(string title, DateTime startsUtc, DateTime endsUtc)
    {
        await using var db = Portal.Settings.Database.CreateContext();
        var consultation = new Consultation
        {
            SiteId = 1, Title = title, StartsAtUtc = startsUtc, EndsAtUtc = endsUtc, CreatedAtUtc = startsUtc,
        };
        db.Consultations.Add(consultation);
        await db.SaveChangesAsync();
        return consultation.Id;
    }

    public string PublishedFile(string path) => Portal.Output.FullPathOf(path);
}
