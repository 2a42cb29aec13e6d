using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace GovPortal.Search;

/// <summary>The readable text of sanitized article HTML: block elements become line breaks, entities are decoded.</summary>
public static class HtmlText
{
    private static readonly HashSet<string> Blocks =
        ["P", "DIV", "BR", "LI", "TR", "TD", "TH", "H1", "H2", "H3", "H4", "H5", "H6", "TABLE", "UL", "OL", "BLOCKQUOTE", "SECTION"];

    public static string Of(string html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><body>" + html);
        var text = new StringBuilder(html.Length);
        Append(document.Body!, text);
        return text.ToString().Trim();
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t) text.Append(t.Data);
            else if (child is IElement element)
            {
                Append(element, text);
                if (Blocks.Contains(element.NodeName) && text.Length > 0 && text[^1] != '\n') text.Append('\n');
            }
        }
    }
}
