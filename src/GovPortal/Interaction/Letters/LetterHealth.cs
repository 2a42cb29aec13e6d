using GovPortal.Citizens.Calendar;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Publishing.Output;
using GovPortal.Safety.Health;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Interaction.Letters;

/// <summary>
/// Letters in the health report, by number only: each letter past its reply deadline (扣分项), and each letter still
/// unanswered more than three calendar months after receipt, which fails the site (单项否决 互动回应差). A deadline
/// that needs a year the working-day calendar lacks is reported as such, never guessed; the three-month limit is in
/// calendar months and needs no calendar.
/// </summary>
public sealed class LetterHealth(DatabaseOptions database, WorkingCalendarStore calendars)
    : IHealthProblemSource
{
    public const string OverdueIndicator = "信件逾期未答复";
    public const string VetoIndicator = "互动回应差";
    public const string CalendarIndicator = "工作日历";

    public IReadOnlyList<string> Indicators => [OverdueIndicator, VetoIndicator];

    public async Task<IReadOnlyList<HealthProblem>> ProblemsAsync(string siteCode, DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(ChinaTime.ToChina(nowUtc));
        int siteId;
        List<Letter> open;
        await using (var db = database.CreateContext())
        {
            var code = siteCode;
            siteId = await db.Sites.Where(s => s.Code == code).Select(s => s.Id)
                .FirstOrDefaultAsync(cancellationToken);
            open = await db.Letters.AsNoTracking()
                .Where(l => l.SiteId == siteId && l.Status != LetterStatus.Replied && l.Status != LetterStatus.Merged
                            && l.Status != LetterStatus.Rejected)
                .OrderBy(l => l.ReceivedOn).ThenBy(l => l.Number).ToListAsync(cancellationToken);
        }
        var calendar = await calendars.CurrentAsync(siteId, cancellationToken);
        var problems = new List<HealthProblem>();
        foreach (var letter in open)
        {
            if (LetterDeadlines.FailsVeto(letter, today))
                problems.Add(new HealthProblem(VetoIndicator, true, letter.Number,
                    $"{letter.ReceivedOn:yyyy-MM-dd} 收到，超过三个月（{LetterDeadlines.VetoLimit(letter):yyyy-MM-dd}）仍未答复。"));
            var due = LetterDeadlines.Due(letter, calendar);
            if (due.Date is { } date && date < today)
                problems.Add(new HealthProblem(OverdueIndicator, false, letter.Number,
                    $"{letter.ReceivedOn:yyyy-MM-dd} 收到，答复期限 {date:yyyy-MM-dd}（{letter.ReplyDays} 个工作日），已逾期未答复。"));
            else if (due.MissingYear is { } year)
                problems.Add(new HealthProblem(CalendarIndicator, false, letter.Number,
                    $"信件答复期限无法计算：缺少 {year} 年的工作日历。"));
        }
        return problems;
    }
}
