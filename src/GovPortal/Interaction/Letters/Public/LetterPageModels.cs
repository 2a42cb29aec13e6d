using GovPortal.Citizens.Calendar;
using GovPortal.Interaction.Letters;
using GovPortal.PublicSite;
using GovPortal.Theme;

namespace GovPortal.Interaction.Letters.Public;

/// <summary>The letter form, empty or as typed with what to fix.</summary>
public sealed record LetterFormPageModel(SiteChrome Chrome, string Token, IReadOnlyList<Mailbox> Mailboxes,
    LetterForm Form, IReadOnlyDictionary<string, string> Errors, string? Message = null, bool FilesDropped = false)
{
    public const string Path = DynamicPublicPaths.LetterForm;

    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);
}

/// <summary>The receipt, shown once after the letter was committed.</summary>
public sealed record LetterReceiptPageModel(SiteChrome Chrome, LetterReceipt Receipt);

/// <summary>
/// The lookup page: the number and code form, or the letter found (with the code kept in the rating form, never in
/// an address), and the rating form while the reply is not rated.
/// </summary>
public sealed record LetterLookupPageModel(SiteChrome Chrome, string Token, string Number, string Code,
    LetterView? Found, string? Message, bool MessageIsError, string Rating = "", string Comment = "",
    string? RatingError = null, string? CommentError = null)
{
    public const string Path = DynamicPublicPaths.LetterLookup;
    public const string RatePath = DynamicPublicPaths.LetterLookup + "/pj";
}

/// <summary>Dates as a citizen reads them.</summary>
public static class LetterDates
{
    public static string Of(DateOnly date) =>
        date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Of(WorkingDate due) => due.Date is { } date
        ? Of(date)
        : "以工作人员告知为准（工作日历尚未更新）";
}
