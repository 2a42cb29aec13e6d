using GovPortal.BackOffice.Accounts;
using GovPortal.Content;
using GovPortal.Content.Organisations;
using GovPortal.Interaction.Consultations;
using GovPortal.Interaction.Letters;
using GovPortal.Publishing;
using GovPortal.Tests.Support;

namespace GovPortal.Tests.Browser;

/// <summary>
/// The published pages of 互动交流 — the section's home, the list of published letters, a letter with its reply and
/// the statistics (chart and tables) — pass axe's WCAG 2.2 AA checks and fit a 360 px phone (each layout in every
/// form); so do the back office's 选登 page and that page refused with a content finding.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public sealed class LetterPagesAccessibilityTests(BrowserFixture fixture)
{
    private const string MailboxAdmin = "a11y-xxgly";
    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static (int Published, string Number, int Unpublished)? _seeded;

    /// <summary>
    /// The section's home, a letter and the statistics (a chart and wide tables) in every form
    /// (<see cref="PageForms"/>); the list of letters in the standard form.
    /// </summary>
    public static TheoryData<string, string> PagesInEveryForm() =>
        PageForms.Of(["/hdjl/", "{letter}", "/hdjl/tj/"], ["/hdjl/xjxd/"]);

    /// <summary>
    /// A mailbox, an organisation, a published and an unpublished replied letter, letters in several months and
    /// an open and a closed consultation, written once into the shared portal and published.
    /// </summary>
    private async Task<(int Published, string Number, int Unpublished)> SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (_seeded is { } done) return done;
            var portal = fixture.Portal;
            await TestAccounts.CreateAsync(portal, MailboxAdmin, [StaffRoles.Mailbox]);
            var seal = portal.Service<LetterSeal>();
            await using var db = portal.Settings.Database.CreateContext();
            var mailbox = new Mailbox { SiteId = 1, Code = "a11y", Name = "区长信箱", Description = "向区长反映问题。" };
            var office = new Organisation { SiteId = 1, Name = "无障碍测试区住建局", CreditCode = "", SortOrder = 95 };
            db.AddRange(mailbox, office);
            await db.SaveChangesAsync();
            var year = DateTime.UtcNow.Year;
            var letters = new List<Letter>();
            for (var month = 1; month <= 3; month++)
            {
                var number = $"XJ{year}0{month}15-09{month:00}";
                var received = new DateOnly(year, month, 15);
                letters.Add(new Letter
                {
                    SiteId = 1, MailboxId = mailbox.Id, Number = number, Kind = LetterKinds.Suggestion,
                    SealedContent = seal.Seal(new LetterContent("关于增设公交站点的建议",
                        "建议在长春路增设公交站点，方便居民出行。", "张三", "13812345678", ""), number),
                    MayPublish = true, ReceivedOn = received, ReceivedAtUtc = ChinaTime.ToUtc(year, month, 15, 9, 0),
                    ReplyDays = 10, Status = LetterStatus.Replied, OrganisationId = office.Id,
                    Reply = "您好，来信收悉。\n经研究，已将您的建议纳入明年的公交线网调整计划。",
                    RepliedOn = received.AddDays(6), RepliedAtUtc = ChinaTime.ToUtc(year, month, 21, 15, 0),
                    Rating = month == 2 ? LetterRatings.Fair : LetterRatings.Satisfied,
                });
            }
            db.Letters.AddRange(letters);
            db.Consultations.AddRange(
                new Consultation
                {
                    SiteId = 1, Title = "关于相城区养老服务条例（草案）公开征求意见",
                    StartsAtUtc = DateTime.UtcNow.AddDays(-3), EndsAtUtc = DateTime.UtcNow.AddDays(20),
                },
                new Consultation
                {
                    SiteId = 1, Title = "关于停车收费标准调整公开征求意见",
                    StartsAtUtc = DateTime.UtcNow.AddDays(-60), EndsAtUtc = DateTime.UtcNow.AddDays(-30),
                });
            await db.SaveChangesAsync();
            var publisher = portal.Service<Publisher>();
            await publisher.ApplyLetterChangeAsync(letters[0].Id, l =>
            {
                (l.PublicSubject, l.PublicText, l.PublicName) =
                    ("关于增设公交站点的建议", "建议在长春路增设公交站点。\n方便居民出行。", "张*");
                l.PublishedAtUtc = DateTime.UtcNow;
                l.Version++;
            });
            await publisher.PublishInteractionAsync();
            return (_seeded = (letters[0].Id, letters[0].Number, letters[1].Id)).Value;
        }
        finally
        {
            Seeding.Release();
        }
    }

    private async Task<string> PathOf(string form, string page)
    {
        var (_, number, _) = await SeedAsync();
        return form + (page == "{letter}" ? $"/hdjl/xjxd/{number}.html" : page);
    }

    [Theory]
    [MemberData(nameof(PagesInEveryForm))]
    public async Task Axe_finds_no_wcag_violation(string form, string page)
    {
        var browserPage = await fixture.OpenAsync(await PathOf(form, page));
        try
        {
            Assert.DoesNotContain("未找到", await browserPage.Locator("h1").First.InnerTextAsync());
            await Axe.AssertNoViolationsAsync(browserPage);
        }
        finally
        {
            await browserPage.Context.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(PagesInEveryForm))]
    public async Task Nothing_scrolls_sideways_on_a_360_pixel_phone(string form, string page)
    {
        var browserPage = await fixture.OpenAsync(await PathOf(form, page), width: 360, height: 740);
        try
        {
            var widths = await browserPage.EvaluateAsync<int[]>(
                "() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"page is {widths[0]} px wide in a {widths[1]} px window");
        }
        finally
        {
            await browserPage.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_back_office_publish_page_and_its_refusal_have_no_axe_violations()
    {
        var (published, _, unpublished) = await SeedAsync();
        var page = await fixture.OpenAsync("/admin/login");
        try
        {
            await page.FillAsync("#userName", MailboxAdmin);
            await page.FillAsync("#password", TestAccounts.Password);
            await page.ClickAsync("button[type=submit]");
            await PageAddress.ReachedAsync(page, "**/admin/");
            foreach (var id in new[] { published, unpublished })
            {
                await page.GotoAsync($"/admin/letters/{id}/publish");
                await Axe.AssertNoViolationsAsync(page);
            }
            // Refused by the content checks: the finding beside the form, what was typed kept.
            await page.FillAsync("#text", "建议增设公交站点。澳门葡京赌场在线开户");
            await page.ClickAsync("#publish-form button[type=submit]");
            await page.WaitForSelectorAsync("#publish-error");
            Assert.Contains("澳门葡京", await page.InputValueAsync("#text"));
            await Axe.AssertNoViolationsAsync(page);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
