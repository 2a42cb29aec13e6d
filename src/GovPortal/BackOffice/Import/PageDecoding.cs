using System.Text;
using System.Text.RegularExpressions;

namespace GovPortal.BackOffice.Import;

/// <summary>
/// Turns a saved page's bytes into text. Many older government sites still serve GBK or GB2312 (now read as
/// GB18030, their superset): a page that says so in its meta charset, or that is not valid UTF-8, is read as GB18030.
/// </summary>
public static partial class PageDecoding
{
    static PageDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true);

    // charset=gbk in <meta charset> or in http-equiv's content; the first 4 KB hold the head of any real page.
    [GeneratedRegex(@"charset\s*=\s*[""']?\s*(?<name>[A-Za-z0-9_-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex DeclaredCharset();

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <returns>The text and the name of the encoding it was read in (UTF-8 or GB18030).</returns>
    public static (string Text, string Encoding) Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble)) return (Encoding.UTF8.GetString(bytes, 3,
            bytes.Length - 3), "UTF-8");
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var declared = DeclaredCharset().Match(head) is { Success: true } match
            ? match.Groups["name"].Value.ToLowerInvariant()
            : "";
        if (declared is "gbk" or "gb2312" or "gb18030" or "x-gbk" or "cp936" or "euc-cn")
            return (Gb18030.GetString(bytes), "GB18030");
        try
        {
            return (StrictUtf8.GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            // Declared UTF-8 (or nothing) but is not: the GBK pages of the old system saved without a declaration.
            return (Gb18030.GetString(bytes), "GB18030");
        }
    }
}
