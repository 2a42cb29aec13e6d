using System.Text.RegularExpressions;
using GovPortal.Theme;

namespace GovPortal.Publishing.Interaction;

/// <summary>
/// What the published pages of 互动交流 show (/hdjl/): the active mailboxes, the published letters (选登, newest
/// first), the consultations and the statistics of the year. Read once per publish (<see cref="InteractionReader"/>),
/// so the renderer needs no database and the planner compares two of them.
/// </summary>
public sealed partial class InteractionSection(
    IReadOnlyList<MailboxEntry> mailboxes,
    IReadOnlyList<PublishedLetter> letters,
    IReadOnlyList<ConsultationEntry> consultations,
    LetterStatisticsFigures statistics)
{
    /// <summary>The section's home: /hdjl/.</summary>
    public const string SectionPath = Output.PublicAddressSpace.InteractionSection;

    /// <summary>The published letters (信件选登): /hdjl/xjxd/.</summary>
    public const string LettersPath = SectionPath + "/xjxd";

    /// <summary>The statistics: /hdjl/tj/ with its CSV download.</summary>
    public const string StatisticsPath = SectionPath + "/tj";

    public const string StatisticsCsvPath = StatisticsPath + "/tj.csv";

    /// <summary>The letter form and the lookup, answered per request (PublicSite.DynamicPublicPaths).</summary>
    public const string LetterFormUrl = "/" + SectionPath + "/xx";

    public const string LetterLookupUrl = "/" + SectionPath + "/cx";

    /// <summary>How many of the newest published letters the section's home lists.</summary>
    public const int HomeLetters = SiteLayoutRules.BlockSize;

    public static InteractionSection Empty { get; } = new([], [], [], LetterStatisticsFigures.None);

    public IReadOnlyList<MailboxEntry> Mailboxes { get; } = mailboxes;

    /// <summary>Every published letter, newest publication first.</summary>
    public IReadOnlyList<PublishedLetter> Letters { get; } = letters;

    public IReadOnlyList<ConsultationEntry> Consultations { get; } = consultations;

    public LetterStatisticsFigures Statistics { get; } = statistics;

    /// <summary>What the section's home shows, compared by the planner.</summary>
    public HomeFace Home => new(Mailboxes, Letters.Take(HomeLetters).Select(l => l.ListFace).ToList(),
        Consultations, Statistics.Total, Statistics.Year, Statistics.AsOf);

    /// <summary>The address of a published letter's page, or null when its number cannot name a file.</summary>
    public static string? PagePathOf(string number) =>
        LetterNumber().IsMatch(number) ? $"{LettersPath}/{number}.html" : null;

    /// <summary>The letters' list pages: page 1 is index.html, page n index_n.html.</summary>
    public static string ListPagePath(int page) => Rendering.SiteRenderer.ChannelPagePath(LettersPath, page);

    // 信件编号 such as XJ20261130-0007: letters, digits and hyphens only, so a stored value never names another file.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,31}$")]
    private static partial Regex LetterNumber();

    /// <summary>The content of the home page, as records with value equality.</summary>
    public sealed record HomeFace(IReadOnlyList<MailboxEntry> Mailboxes, IReadOnlyList<LetterListItem> Letters,
        IReadOnlyList<ConsultationEntry> Consultations, LetterFigures Total, int Year, string AsOf)
    {
        public bool Equals(HomeFace? other) =>
            other is not null && Mailboxes.SequenceEqual(other.Mailboxes) && Letters.SequenceEqual(other.Letters)
            && Consultations.SequenceEqual(other.Consultations) && Total == other.Total && Year == other.Year
            && AsOf == other.AsOf;

        public override int GetHashCode() => HashCode.Combine(Mailboxes.Count, Letters.Count, Total, Year);
    }
}

/// <summary>
/// A published letter as the public may read it: the public copy staff approved, the masked name, the reply.
/// Never the writer's phone number or e-mail: the reader does not even read the sealed content.
/// </summary>
public sealed record PublishedLetter(
    int Id,
    string Number,
    string Kind,
    string Mailbox,
    string Subject,
    string Text,
    string Name,
    DateOnly ReceivedOn,
    string Organisation,
    DateOnly? RepliedOn,
    string Reply,
    DateTime PublishedAtUtc)
{
    public string Url => "/" + InteractionSection.PagePathOf(Number);

    /// <summary>What a list shows of the letter.</summary>
    public LetterListItem ListFace => new(Subject, Url, Kind, Format(ReceivedOn), RepliedOn is { } on ? Format(on) : "",
        Organisation);

    public static string Format(DateOnly date) =>
        date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
