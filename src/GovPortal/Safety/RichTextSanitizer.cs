using Ganss.Xss;

namespace GovPortal.Safety;

/// <summary>
/// The one gate every article body passes before it is stored: an allowlist of structural tags and a few
/// attributes. No style, no script, no event handler, no frame, no form survives it.
/// </summary>
public sealed class RichTextSanitizer
{
    private static readonly string[] AllowedTags =
    [
        "p", "br", "strong", "b", "em", "i", "u", "sub", "sup", "h2", "h3", "h4", "blockquote",
        "ul", "ol", "li", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "a", "img", "figure",
        "figcaption", "hr",
    ];

    private static readonly string[] AllowedAttributes = ["href", "src", "alt", "title", "colspan", "rowspan", "scope"];

    private readonly HtmlSanitizer _sanitizer;

    public RichTextSanitizer()
    {
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(),
        });
        // Dropping a dangerous element must also drop its text (a <script> body is not prose).
        _sanitizer.KeepChildNodes = true;
    }

    public string Sanitize(string html) => string.IsNullOrWhiteSpace(html) ? "" : _sanitizer.Sanitize(html).Trim();
}
