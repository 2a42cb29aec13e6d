using GovPortal.Citizens.Calendar;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Publishing.Output;
using GovPortal.Safety.Health;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Interaction.Consultations;

/// <summary>
/// 意见征集 in the health report (扣分项, never 单项否决): a consultation that ended more than
/// <see cref="FeedbackWorkingDays"/> working days ago without a published 反馈, and a consultation whose count cannot
/// be made because the working-day calendar lacks a year (reported, never guessed from weekends).
/// </summary>
public sealed class ConsultationHealth(DatabaseOptions database, WorkingCalendarStore calendars)
    : IHealthProblemSource
{
    public const string Indicator = "意见征集反馈";
    public const string CalendarIndicator = "工作日历";
    public const int FeedbackWorkingDays = 15;

    public IReadOnlyList<string> Indicators => [Indicator, CalendarIndicator];

    public async Task<IReadOnlyList<HealthProblem>> ProblemsAsync(string siteCode, DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        int siteId;
        List<(int Id, string Title, DateTime EndsAtUtc)> ended;
        await using (var db = database.CreateContext())
        {
            var code = siteCode;
            siteId = await db.Sites.Where(s => s.Code == code).Select(s => s.Id)
                .FirstOrDefaultAsync(cancellationToken);
            var rows = await db.Consultations.AsNoTracking()
                .Where(c => c.SiteId == siteId && c.FeedbackPublishedAtUtc == null && c.EndsAtUtc <= nowUtc)
                .OrderBy(c => c.EndsAtUtc).Select(c => new { c.Id, c.Title, c.EndsAtUtc })
                .ToListAsync(cancellationToken);
            ended = [.. rows.Select(r => (r.Id, r.Title, r.EndsAtUtc))];
        }
        if (ended.Count == 0) return [];
        var calendar = await calendars.CurrentAsync(siteId, cancellationToken);
        var today = DateOnly.FromDateTime(ChinaTime.ToChina(nowUtc));
        var problems = new List<HealthProblem>();
        foreach (var (id, title, endsAtUtc) in ended)
        {
            var endedOn = DateOnly.FromDateTime(ChinaTime.ToChina(endsAtUtc));
            var where = $"意见征集 {id}：{title}";
            var due = calendar.Deadline(endedOn, FeedbackWorkingDays);
            if (due.Date is { } date)
            {
                if (date < today)
                    problems.Add(new HealthProblem(Indicator, false, where,
                        $"{endedOn:yyyy-MM-dd} 征集结束，超过 {FeedbackWorkingDays} 个工作日（{date:yyyy-MM-dd} 前）仍未发布意见反馈。"));
            }
            else
                problems.Add(new HealthProblem(CalendarIndicator, false, where,
                    $"意见反馈期限无法计算：缺少 {due.MissingYear} 年的工作日历。请系统管理员录入。"));
        }
        return problems;
    }
}
