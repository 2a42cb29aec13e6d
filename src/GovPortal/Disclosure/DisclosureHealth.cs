using GovPortal.Citizens.Calendar;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Publishing.Output;
using GovPortal.Safety.Health;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Disclosure;

/// <summary>
/// 依申请公开 in the health report: every application past its answer deadline (by number only), and deadlines that
/// cannot be counted because the working-day calendar has run out (this year is after its last year; from 1 December,
/// next year is, once the State Council's notice is usually out).
/// </summary>
public sealed class DisclosureHealth(DatabaseOptions database, WorkingCalendarStore calendars)
    : IHealthProblemSource
{
    public const string OverdueIndicator = "依申请公开逾期";
    public const string CalendarIndicator = "工作日历";

    public IReadOnlyList<string> Indicators => [OverdueIndicator, CalendarIndicator];

    public async Task<IReadOnlyList<HealthProblem>> ProblemsAsync(string siteCode, DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        var today = ChinaTime.DateOf(nowUtc);
        int siteId;
        List<DisclosureApplication> open;
        await using (var db = database.CreateContext())
        {
            var code = siteCode;
            siteId = await db.Sites.Where(s => s.Code == code).Select(s => s.Id).FirstOrDefaultAsync(
                cancellationToken);
            open = await db.DisclosureApplications.AsNoTracking()
                .Where(a => a.SiteId == siteId && a.Status != DisclosureStatus.Answered
                            && a.Status != DisclosureStatus.AwaitingCorrection)
                .OrderBy(a => a.ReceivedOn).ThenBy(a => a.Number).ToListAsync(cancellationToken);
        }
        var calendar = await calendars.CurrentAsync(siteId, cancellationToken);
        var problems = new List<HealthProblem>();
        // A calendar that starts after today (a clock set back, a test) is not missing anything yet.
        var last = calendar.Years.DefaultIfEmpty(0).Max();
        if (today.Year > last)
            problems.Add(new HealthProblem(CalendarIndicator, false, "工作日历",
                $"缺少 {today.Year} 年的工作日历：依申请公开等期限无法按工作日计算。请系统管理员按国务院办公厅放假安排通知录入。"));
        if (today.Month == 12 && today.Year + 1 > last)
            problems.Add(new HealthProblem(CalendarIndicator, false, "工作日历",
                $"缺少 {today.Year + 1} 年的工作日历：国务院办公厅的放假安排通知发布后，请及时录入。"));

        foreach (var application in open)
        {
            var due = DisclosureDeadlines.AnswerDue(application, calendar);
            if (due.Date is { } date && date < today)
                problems.Add(new HealthProblem(OverdueIndicator, false, application.Number,
                    $"{application.ReceivedOn:yyyy-MM-dd} 收到，答复期限 {date:yyyy-MM-dd}，已逾期未答复。"));
            else if (due.MissingYear is { } year)
                problems.Add(new HealthProblem(CalendarIndicator, false, application.Number,
                    $"答复期限无法计算：缺少 {year} 年的工作日历。"));
        }
        return problems;
    }
}
