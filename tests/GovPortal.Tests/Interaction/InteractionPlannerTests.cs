using GovPortal.Publishing;
using GovPortal.Publishing.Interaction;
using GovPortal.Theme;

namespace GovPortal.Tests.Interaction;

/// <summary>
/// Which 互动交流 pages a change touches: a letter's page when what it shows changed, list pages whose rows or count
/// changed (and pages no longer needed removed), the home when its newest letters or summary changed, the statistics
/// when their figures changed — and nothing else.
/// </summary>
public sealed class InteractionPlannerTests
{
    private static readonly DateTime Published = new(2026, 6, 1, 2, 0, 0, DateTimeKind.Utc);

    private static PublishedLetter Letter(int id, string subject = "来信", string reply = "答复。") =>
        new(id, $"XJ20260601-{id:0000}", "投诉", "区长信箱", subject, "正文。", "王*", new(2026, 5, 20), "区住建局",
            new(2026, 5, 28), reply, Published.AddMinutes(id));

    /// <summary>A section with the letters given (newest first, as the reader orders them).</summary>
    private static InteractionSection Section(IEnumerable<PublishedLetter> letters, int received = 5) =>
        new([new MailboxEntry("区长信箱", "", "/hdjl/xx?mailbox=qzxx")],
            letters.OrderByDescending(l => l.PublishedAtUtc).ToList(), [],
            LetterStatisticsFigures.None with
            {
                Year = 2026, AsOf = "2026-06-15",
                Total = new LetterFigures("合计", received, 3, 4.0, 1, 0, 0),
            });

    private static PublishPlan Plan(InteractionSection before, InteractionSection after)
    {
        var plan = new PublishPlan();
        InteractionPlanner.Plan(plan, before, after);
        return plan;
    }

    [Fact]
    public void Publishing_a_letter_renders_its_page_the_first_list_page_and_the_home()
    {
        var plan = Plan(Section([Letter(1)]), Section([Letter(1), Letter(2)]));
        Assert.Equal(
            new HashSet<PageKey>
            {
                PageKey.PublishedLetter(2), PageKey.PublishedLetterList(1), PageKey.InteractionHome,
            },
            plan.Render);
        Assert.Empty(plan.Remove);
    }

    [Fact]
    public void A_reply_the_lists_do_not_show_renders_the_letter_page_alone()
    {
        var plan = Plan(Section([Letter(1), Letter(2)]), Section([Letter(1), Letter(2, reply: "更正后的答复。")]));
        Assert.Equal(new HashSet<PageKey> { PageKey.PublishedLetter(2) }, plan.Render);
        Assert.Empty(plan.Remove);
    }

    [Fact]
    public void Withdrawing_the_twenty_first_letter_removes_its_page_and_the_second_list_page()
    {
        var letters = Enumerable.Range(1, 21).Select(i => Letter(i)).ToList();
        var plan = Plan(Section(letters), Section(letters.Skip(1)));
        Assert.Equal(new HashSet<PageKey> { PageKey.PublishedLetter(1), PageKey.PublishedLetterList(2) }, plan.Remove);
        // Page 1 says how many there are; the home's eight newest did not change.
        Assert.Equal(new HashSet<PageKey> { PageKey.PublishedLetterList(1) }, plan.Render);
    }

    [Fact]
    public void New_figures_render_the_statistics_and_the_home_that_sums_them_up()
    {
        var plan = Plan(Section([Letter(1)]), Section([Letter(1)], received: 6));
        Assert.Equal(new HashSet<PageKey> { PageKey.LetterStatistics, PageKey.InteractionHome }, plan.Render);
        Assert.Empty(Plan(Section([Letter(1)]), Section([Letter(1)])).Render);
    }
}
