using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace GovPortal.Tests.Support;

public static class Html
{
    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static async Task<(System.Net.HttpStatusCode Status, IDocument Document)> GetDocumentAsync(
        this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (response.StatusCode, Parse(await response.Content.ReadAsStringAsync()));
    }

    public static string Text(this IElement? element) =>
        element is null ? "" : System.Text.RegularExpressions.Regex.Replace(element.TextContent, @"\s+", " ").Trim();
}
