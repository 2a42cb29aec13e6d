using System.Text.RegularExpressions;

namespace GovPortal.Content.Submissions;

/// <summary>How an accepted submission's body reads on the receiving site.</summary>
public static partial class SubmittedCopy
{
    // A quoted address attribute, as the sanitizer writes them.
    [GeneratedRegex("(?<attribute>\\s(?:href|src|poster))=\"(?<value>[^\"]*)\"")]
    private static partial Regex AddressAttribute();

    /// <summary>
    /// The body with every address that leads into the sending site (<c>/xwzx/…</c>, <c>../tzgg/…</c>,
    /// <c>t2023_1.html</c>) made absolute against the original page, since on the receiving site it would lead to
    /// a page of its own. Pictures and files under <c>/files/</c> stay as they are: the receiving site publishes its
    /// copy's files from the same upload store. Complete web, mail and phone addresses and anchors are kept.
    /// </summary>
    public static string WithLinksTo(string bodyHtml, string originalPageUrl)
    {
        if (!Uri.TryCreate(originalPageUrl, UriKind.Absolute, out var page)) return bodyHtml;
        return AddressAttribute().Replace(bodyHtml, match =>
        {
            var value = match.Groups["value"].Value;
            if (value.Length == 0 || value.StartsWith('#') || value.StartsWith("//", StringComparison.Ordinal)
                || value.StartsWith("/files/", StringComparison.Ordinal))
                return match.Value;
            // A path such as "/zwdt/x.html" reads as an absolute file address on Linux: only these schemes count.
            if (Uri.TryCreate(value, UriKind.Absolute, out var absolute)
                && absolute.Scheme is "http" or "https" or "mailto" or "tel")
                return match.Value;
            return Uri.TryCreate(page, value, out var resolved) && resolved.Scheme is "http" or "https"
                ? $"{match.Groups["attribute"].Value}=\"{resolved.AbsoluteUri}\""
                : match.Value;
        });
    }
}
