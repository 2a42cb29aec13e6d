using System.Text.RegularExpressions;

namespace GovPortal.Content.Submissions;

/// <summary>How an accepted submission's body reads on the receiving site.</summary>
public static partial class SubmittedCopy
{
    // A quoted href or src that starts with one slash: an address inside the sending site.
    [GeneratedRegex("(?<attribute>\\s(?:href|src))=\"(?<path>/(?!/)[^\"]*)\"")]
    private static partial Regex SiteRelativeAddress();

    /// <summary>
    /// The body with every link into the sending site made absolute (on the receiving site "/xwzx/…" would lead to a
    /// page of its own). Pictures and files under <c>/files/</c> stay as they are: the receiving site publishes its
    /// copy's files from the same upload store.
    /// </summary>
    public static string WithLinksTo(string bodyHtml, string senderBaseUrl) =>
        SiteRelativeAddress().Replace(bodyHtml, match =>
        {
            var path = match.Groups["path"].Value;
            return path.StartsWith("/files/", StringComparison.Ordinal) ? match.Value
                : $"{match.Groups["attribute"].Value}=\"{senderBaseUrl.TrimEnd('/')}{path}\"";
        });
}
