using System.Net;
using System.Text;

namespace GovPortal.Publishing.Interaction;

/// <summary>
/// A published letter as one HTML text for the content checks (the same checks as articles): the subject as a
/// heading, the text and the reply as paragraphs, every value encoded so typed text is never read as markup.
/// </summary>
public static class LetterChecks
{
    public static string ContentOf(string subject, string text, string reply)
    {
        var html = new StringBuilder();
        html.Append("<h1>").Append(WebUtility.HtmlEncode(subject)).Append("</h1>\n");
        foreach (var paragraph in Paragraphs(text).Concat(Paragraphs(reply)))
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
        return html.ToString();
    }

    /// <summary>The non-empty lines of a plain text, as the pages show them.</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        text.Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
}
