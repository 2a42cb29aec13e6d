using System.Text;
using AngleSharp.Dom;

namespace GovPortal.Safety.Scanning;

/// <summary>
/// The words of an HTML page as a reader, a search engine or a crawler gets them: the text of every element with
/// character references decoded and tags between the letters gone (澳<b></b>门, &#36172;场), block elements on lines
/// of their own, and the words in attributes (title, alt, meta keywords and description), comments and scripts.
/// Each piece remembers the line and column of its element.
/// </summary>
public static class ReadableText
{
    private static readonly HashSet<string> Blocks =
    [
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
        "html", "iframe", "li", "main", "marquee", "meta", "nav", "noscript", "ol", "option", "p", "pre", "script",
        "section", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
    ];

    private static readonly string[] WordAttributes = ["title", "alt", "aria-label", "placeholder"];

    public static (string Text, TextLocator Locator) Of(IDocument document)
    {
        var text = new StringBuilder();
        var pieces = new List<(int Offset, int Line, int Column)>();
        var stack = new Stack<(INode Node, bool Closing)>();
        stack.Push((document, false));
        while (stack.Count > 0)
        {
            var (node, closing) = stack.Pop();
            var element = node as IElement ?? node.ParentElement;
            var position = element?.SourceReference?.Position;
            var place = (position?.Line ?? 1, position?.Column ?? 1);
            if (closing)
            {
                Append(text, pieces, "\n", place);
                continue;
            }
            switch (node)
            {
                case IElement e when e.LocalName == "style":
                    continue;
                case IElement e:
                    var block = Blocks.Contains(e.LocalName);
                    if (block) Append(text, pieces, "\n", place);
                    foreach (var name in WordAttributes)
                        if (e.GetAttribute(name) is { Length: > 0 } words) Append(text, pieces, $"\n{words}\n", place);
                    if (e.LocalName == "meta" && e.GetAttribute("content") is { Length: > 0 } content
                        && e.GetAttribute("name")?.ToLowerInvariant() is "keywords" or "description")
                        Append(text, pieces, $"\n{content}\n", place);
                    if (block) stack.Push((e, true));
                    break;
                case IText t:
                    Append(text, pieces, t.Data, place);
                    continue;
                case IComment c:
                    Append(text, pieces, $"\n{c.Data}\n", place);
                    continue;
            }
            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
                stack.Push((child, false));
        }
        return (text.ToString(), TextLocator.OfPieces(pieces));
    }

    private static void Append(StringBuilder text, List<(int, int, int)> pieces, string piece, (int, int) place)
    {
        if (piece.Length == 0) return;
        pieces.Add((text.Length, place.Item1, place.Item2));
        text.Append(piece);
    }
}
