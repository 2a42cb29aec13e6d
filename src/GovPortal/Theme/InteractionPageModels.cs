using System.Globalization;

namespace GovPortal.Theme;

/// <summary>A mailbox on the 互动交流 home: its name, what it is for, and the address of its letter form.</summary>
public sealed record MailboxEntry(string Name, string Description, string FormUrl);

/// <summary>A consultation (意见征集) as the 互动交流 home lists it.</summary>
/// <param name="State">征集中, 已结束 or 未开始, as of the publish.</param>
public sealed record ConsultationEntry(string Title, string Url, string Period, string State, bool Open);

/// <summary>A published letter in a list: subject, address, kind, dates and the organisation that replied.</summary>
public sealed record LetterListItem(string Subject, string Url, string Kind, string ReceivedOn, string RepliedOn,
    string Organisation);

/// <summary>
/// The figures of one row of the statistics (a month, an organisation, the year): letters received, replied, the
/// average working days to reply (null when no reply could be counted), and the ratings.
/// </summary>
/// <param name="Uncounted">Replies whose working days could not be counted (a year missing from the calendar).</param>
public sealed record LetterFigures(string Label, int Received, int Replied, double? AverageDays, int Satisfied,
    int Fair, int Dissatisfied, int Uncounted = 0)
{
    public int Rated => Satisfied + Fair + Dissatisfied;

    /// <summary>满意率: 满意 and 基本满意 among the rated replies, in per cent (null when none was rated).</summary>
    public double? SatisfiedShare => Rated == 0 ? null : Math.Round(100.0 * (Satisfied + Fair) / Rated, 1);

    public string AverageText => AverageDays is { } days ? days.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    public string ShareText =>
        SatisfiedShare is { } share ? share.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
}

/// <summary>The statistics of a year: per month (January to the current month), per organisation, the total.</summary>
/// <param name="AsOf">The China date the figures were counted on (yyyy-MM-dd).</param>
/// <param name="CalendarNote">Why some replies are not in the averages (a year missing from the 工作日历), or "".
/// </param>
public sealed record LetterStatisticsFigures(int Year, string AsOf, IReadOnlyList<LetterFigures> Months,
    IReadOnlyList<LetterFigures> Organisations, LetterFigures Total, string CalendarNote)
{
    public static LetterStatisticsFigures None { get; } =
        new(0, "", [], [], new LetterFigures("合计", 0, 0, null, 0, 0, 0), "");

    public bool Equals(LetterStatisticsFigures? other) =>
        other is not null && Year == other.Year && AsOf == other.AsOf && Months.SequenceEqual(other.Months)
        && Organisations.SequenceEqual(other.Organisations) && Total == other.Total
        && CalendarNote == other.CalendarNote;

    public override int GetHashCode() => HashCode.Combine(Year, AsOf, Months.Count, Total);
}

/// <summary>The 互动交流 home (/hdjl/).</summary>
public sealed record InteractionHomePageModel(
    SiteChrome Chrome,
    IReadOnlyList<LinkItem> Breadcrumb,
    IReadOnlyList<MailboxEntry> Mailboxes,
    string LookupUrl,
    IReadOnlyList<LetterListItem> Letters,
    string LettersUrl,
    LetterStatisticsFigures Statistics,
    string StatisticsUrl,
    IReadOnlyList<ConsultationEntry> Consultations);

/// <summary>A page of the published letters (信件选登), 20 to a page.</summary>
public sealed record PublishedLetterListPageModel(
    SiteChrome Chrome,
    IReadOnlyList<LinkItem> Breadcrumb,
    IReadOnlyList<LetterListItem> Letters,
    int Total,
    Pagination Pagination);

/// <summary>One published letter with its reply. The name is masked (王*); no phone number or e-mail exists here.
/// </summary>
public sealed record PublishedLetterPageModel(
    SiteChrome Chrome,
    IReadOnlyList<LinkItem> Breadcrumb,
    string Number,
    string Kind,
    string Mailbox,
    string Subject,
    IReadOnlyList<string> TextParagraphs,
    string Name,
    string ReceivedOn,
    string Organisation,
    string RepliedOn,
    IReadOnlyList<string> ReplyParagraphs,
    string Path);

/// <summary>The statistics page (/hdjl/tj/): the chart, the same figures as tables, the CSV download.</summary>
public sealed record LetterStatisticsPageModel(
    SiteChrome Chrome,
    IReadOnlyList<LinkItem> Breadcrumb,
    LetterStatisticsFigures Statistics,
    string ChartSvg,
    string CsvUrl);
