using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace GovPortal.Safety.Scanning;

/// <summary>
/// What a script or a data: address carries once its encoding is undone — Base64 (atob), %-escapes (unescape,
/// decodeURIComponent), \x and \u escapes, String.fromCharCode — so that links, redirects, hidden blocks and spam
/// words written through document.write are checked like any others.
/// </summary>
public static partial class ScriptPayloads
{
    private const int MaxCode = 200_000, MaxReadings = 50;

    [GeneratedRegex(@"['""`](?<b64>[A-Za-z0-9+/_-]{12,}={0,2})['""`]")]
    private static partial Regex Base64Literal();

    [GeneratedRegex(@"['""`](?<pct>[^'""`]*%(?:u[0-9a-fA-F]{4}|[0-9a-fA-F]{2})[^'""`]*)['""`]")]
    private static partial Regex PercentLiteral();

    [GeneratedRegex(@"\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}")]
    private static partial Regex Escape();

    [GeneratedRegex(@"fromCharCode\((?<codes>[\d\s,xXa-fA-F]+)\)")]
    private static partial Regex CharCodes();

    [GeneratedRegex(@"<\s*[a-zA-Z!]")]
    private static partial Regex Markup();

    /// <summary>The code itself, then each decoded string in it.</summary>
    public static IEnumerable<(string Text, bool Decoded)> Readings(string code)
    {
        if (code.Length > MaxCode) code = code[..MaxCode];
        yield return (code, false);
        var count = 0;
        foreach (var decoded in Decodings(code))
        {
            if (++count > MaxReadings) yield break;
            yield return (decoded, true);
        }
    }

    /// <summary>Markup a page carries in encoded or scripted form, with the place of the element carrying it.</summary>
    public static IEnumerable<(string Html, int Line, int Column)> HtmlOf(IDocument document)
    {
        foreach (var element in document.All)
        {
            var position = element.SourceReference?.Position;
            int line = position?.Line ?? 0, column = position?.Column ?? 0;
            var codes = element.Attributes
                .Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                .Select(a => a.Value)
                .ToList();
            if (element.LocalName == "script" && element.GetAttribute("src") is null) codes.Add(element.TextContent);
            foreach (var code in codes)
                foreach (var (text, decoded) in Readings(code))
                    if (decoded && Markup().IsMatch(text))
                        yield return (text, line, column);
            foreach (var name in new[] { "src", "href", "data" })
                if (DataAddress(element.GetAttribute(name)) is { } carried)
                    yield return (carried, line, column);
        }
    }

    private static IEnumerable<string> Decodings(string code)
    {
        foreach (Match literal in Base64Literal().Matches(code))
            if (LinkTargets.DecodeBase64(literal.Groups["b64"].Value) is { } text && LooksLikeText(text))
                yield return text;
        foreach (Match literal in PercentLiteral().Matches(code))
            if (Unpercent(literal.Groups["pct"].Value) is { } text)
                yield return text;
        if (Escape().IsMatch(code))
            yield return Escape().Replace(code, e => ((char)int.Parse(e.Value.AsSpan(2), NumberStyles.HexNumber,
                CultureInfo.InvariantCulture)).ToString());
        foreach (Match call in CharCodes().Matches(code))
        {
            var text = new StringBuilder();
            foreach (var part in call.Groups["codes"].Value.Split(',', StringSplitOptions.TrimEntries))
            {
                var isHex = part.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
                if (int.TryParse(isHex ? part[2..] : part, isHex ? NumberStyles.HexNumber : NumberStyles.Integer,
                        CultureInfo.InvariantCulture, out var value) && value is > 0 and < 0xFFFF)
                    text.Append((char)value);
            }
            if (text.Length > 0) yield return text.ToString();
        }
    }

    /// <summary>The content of a data: address of text or HTML, or null.</summary>
    private static string? DataAddress(string? address)
    {
        if (address is null) return null;
        var trimmed = address.Trim();
        if (!trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) return null;
        var comma = trimmed.IndexOf(',');
        if (comma < 0) return null;
        var header = trimmed[5..comma].ToLowerInvariant();
        if (!header.StartsWith("text/", StringComparison.Ordinal) && !header.Contains("svg")) return null;
        var body = trimmed[(comma + 1)..];
        return header.EndsWith(";base64", StringComparison.Ordinal) ? LinkTargets.DecodeBase64(body) : Unpercent(body);
    }

    private static string? Unpercent(string text)
    {
        try
        {
            // %uXXXX is the old unescape() form of a UTF-16 code unit.
            var units = Regex.Replace(text, "%u([0-9a-fA-F]{4})", m => ((char)int.Parse(m.Groups[1].Value,
                NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
            return Uri.UnescapeDataString(units);
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    private static bool LooksLikeText(string text) => text.Count(c => c < ' ' && c is not ('\n' or '\r' or '\t')) == 0
        && (Markup().IsMatch(text) || text.Contains("://", StringComparison.Ordinal) || text.Any(c => c > '\u2E7F'));
}
