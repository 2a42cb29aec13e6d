using System.Globalization;
using GovPortal.Theme;

namespace GovPortal.Publishing.Interaction;

/// <summary>
/// A letter as the statistics count it, already resolved by the reader: letters held at screening or rejected are
/// not here; a merged duplicate carries the reply date and organisation of the letter that answered it.
/// </summary>
/// <param name="RepliedOn">The China date of the reply, or null while unanswered.</param>
/// <param name="Rating">The citizen's rating code (satisfied, fair, dissatisfied) or "".</param>
/// <param name="OrganisationId">The 承办单位, or null while the letter is not assigned.</param>
public sealed record StatisticsLetter(DateOnly ReceivedOn, DateOnly? RepliedOn, string Rating, int? OrganisationId);

/// <summary>
/// The public statistics of letters (/hdjl/tj/) for one year: per month from January to the current month, letters
/// received (by date of receipt), replied (by date of reply), the average working days from receipt to reply, and the
/// ratings of the replies of that month; the same per 承办单位 for the year; and the year's total.
/// </summary>
public static class LetterStatistics
{
    public const string Unassigned = "尚未分办";

    /// <param name="organisations">The site's organisations in their list order, by id.</param>
    /// <param name="workingDaysBetween">Working days after the first date up to the second, or null when the calendar
    /// lacks a year between them.</param>
    /// <param name="calendarKnows">Whether the calendar has a year, to name the missing ones.</param>
    public static LetterStatisticsFigures Compute(IReadOnlyList<StatisticsLetter> letters, int year, DateOnly today,
        IReadOnlyList<(int Id, string Name)> organisations, Func<DateOnly, DateOnly, int?> workingDaysBetween,
        Func<int, bool> calendarKnows)
    {
        var received = letters.Where(l => l.ReceivedOn.Year == year).ToList();
        var replied = letters.Where(l => l.RepliedOn?.Year == year).ToList();
        var lastMonth = today.Year == year ? today.Month : 12;
        var months = Enumerable.Range(1, lastMonth)
            .Select(m => Row($"{m}月", received.Where(l => l.ReceivedOn.Month == m),
                replied.Where(l => l.RepliedOn!.Value.Month == m), workingDaysBetween))
            .ToList();

        var byOrganisation = new List<LetterFigures>();
        var used = received.Concat(replied).Select(l => l.OrganisationId).ToHashSet();
        foreach (var (id, name) in organisations.Where(o => used.Contains(o.Id)))
            byOrganisation.Add(Row(name, received.Where(l => l.OrganisationId == id),
                replied.Where(l => l.OrganisationId == id), workingDaysBetween));
        if (used.Contains(null))
            byOrganisation.Add(Row(Unassigned, received.Where(l => l.OrganisationId is null), [], workingDaysBetween));

        var total = Row("合计", received, replied, workingDaysBetween);
        var missing = replied.Where(l => workingDaysBetween(l.ReceivedOn, l.RepliedOn!.Value) is null)
            .SelectMany(l => Enumerable.Range(l.ReceivedOn.Year, l.RepliedOn!.Value.Year - l.ReceivedOn.Year + 1))
            .Where(y => !calendarKnows(y)).Distinct().Order().ToList();
        var note = total.Uncounted == 0 ? ""
            : $"工作日历缺少 {string.Join("、", missing.Select(y => y + " 年"))}，{total.Uncounted} 件答复的用时无法按工作日计算，未计入平均答复用时。";
        return new LetterStatisticsFigures(year, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), months,
            byOrganisation, total, note);
    }

    private static LetterFigures Row(string label, IEnumerable<StatisticsLetter> received,
        IEnumerable<StatisticsLetter> replied, Func<DateOnly, DateOnly, int?> workingDaysBetween)
    {
        var answers = replied.ToList();
        var days = answers.Select(l => workingDaysBetween(l.ReceivedOn, l.RepliedOn!.Value)).ToList();
        var counted = days.OfType<int>().ToList();
        double? average = counted.Count == 0 ? null
            : Math.Round(counted.Average(), 1, MidpointRounding.AwayFromZero);
        return new LetterFigures(label, received.Count(), answers.Count, average,
            answers.Count(l => l.Rating == Satisfied), answers.Count(l => l.Rating == Fair),
            answers.Count(l => l.Rating == Dissatisfied), days.Count(d => d is null));
    }

    // The codes of Interaction.Letters.LetterRatings, as stored.
    private const string Satisfied = GovPortal.Interaction.Letters.LetterRatings.Satisfied;
    private const string Fair = GovPortal.Interaction.Letters.LetterRatings.Fair;
    private const string Dissatisfied = GovPortal.Interaction.Letters.LetterRatings.Dissatisfied;
}
