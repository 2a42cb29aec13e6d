namespace GovPortal.BackOffice;

/// <summary>
/// The outcome of a back-office action (an article's workflow step, a channel, account or settings change): done, with
/// a message for the person who acted, or refused with the reason. Nothing was changed when it was refused.
/// </summary>
/// <param name="Conflict">Refused because someone else changed the same thing first.</param>
/// <param name="Forbidden">Refused because the person may not do this.</param>
/// <param name="NotFound">Refused because what the action names does not exist (any more).</param>
public record BackOfficeResult(bool Succeeded, string Message, bool Conflict = false, bool Forbidden = false,
    bool NotFound = false)
{
    public static BackOfficeResult Done(string message) => new(true, message);
    public static BackOfficeResult Refused(string message) => new(false, message);
    public static BackOfficeResult NotAllowed(string message) => new(false, message, Forbidden: true);
    public static BackOfficeResult Stale(string message) => new(false, message, Conflict: true);
    public static BackOfficeResult Missing(string message) => new(false, message, NotFound: true);
}
