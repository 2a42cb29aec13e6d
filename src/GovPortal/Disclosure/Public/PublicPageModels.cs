using GovPortal.Citizens.Calendar;
using GovPortal.Theme;

namespace GovPortal.Disclosure.Public;

/// <summary>The application form, empty or as typed with what to fix.</summary>
public sealed record ApplicationFormPageModel(SiteChrome Chrome, string Token, ApplicationForm Form,
    IReadOnlyDictionary<string, string> Errors, string? Message = null)
{
    public const string Path = "/zfxxgk/ysqgk/";

    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);
}

/// <summary>The receipt, shown once after the application was committed.</summary>
public sealed record ReceiptPageModel(SiteChrome Chrome, DisclosureReceipt Receipt);

/// <summary>What an applicant sees of their application.</summary>
public sealed record ApplicationView(string Number, string Status, DateOnly ReceivedOn, string Due,
    string? ExtensionNote, string CorrectionRequest, DateOnly? CorrectionRequestedOn, bool AwaitingCorrection,
    string Outcome, string AnswerNote, DateOnly? AnsweredOn, bool HasAnswerFile, string AnswerFileName);

/// <summary>
/// The lookup page: the number and code form, or the application found (with the code kept in the page's forms
/// for the correction and the download, never in an address).
/// </summary>
public sealed record LookupPageModel(SiteChrome Chrome, string Token, string Number, string Code,
    ApplicationView? Found, string? Message, bool MessageIsError, string Correction = "",
    string? CorrectionError = null)
{
    public const string Path = "/zfxxgk/ysqgk/cx";
}

/// <summary>The due date as an applicant reads it.</summary>
public static class DueText
{
    public static string Of(WorkingDate due) => due.Date is { } date
        ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        : "以工作人员告知为准（工作日历尚未更新）";
}
