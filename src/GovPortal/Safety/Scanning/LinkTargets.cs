using System.Text;

namespace GovPortal.Safety.Scanning;

/// <summary>
/// Where an address really leads: its host, and the address it forwards to when it is a redirect
/// (/go.php?url=…, a search engine's link?url=…, the same in Base64), so a link through the site's own or a
/// trusted redirector is judged by its destination.
/// </summary>
public static class LinkTargets
{
    private static readonly string[] ForwardingParameters =
        ["url", "u", "target", "redirect", "redirect_uri", "redirect_url", "goto", "go", "link", "to", "jump", "dest"];

    /// <summary>The host of an absolute or protocol-relative http(s) address, lower case, or null.</summary>
    public static string? HostOf(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var trimmed = url.Trim();
        if (trimmed.StartsWith("//", StringComparison.Ordinal)) trimmed = "http:" + trimmed;
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? AsciiHostOf(uri)
            : null;
    }

    /// <summary>
    /// The host in its ASCII (punycode) form; a host that IDN rules refuse, which Uri accepts but cannot encode, is
    /// kept as written so that the link is still judged as leading somewhere other than this site.
    /// </summary>
    private static string AsciiHostOf(Uri uri)
    {
        try
        {
            return uri.IdnHost.ToLowerInvariant();
        }
        catch (UriFormatException)
        {
            return uri.Host.ToLowerInvariant();
        }
    }

    /// <summary>The absolute address a redirecting link forwards to, or null.</summary>
    public static string? ForwardedTo(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var query = url.IndexOf('?');
        if (query < 0) return null;
        var end = url.IndexOf('#', query);
        foreach (var pair in url[(query + 1)..(end < 0 ? url.Length : end)].Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0) continue;
            var name = pair[..equals].ToLowerInvariant();
            if (!ForwardingParameters.Contains(name)) continue;
            var value = Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' ')).Trim();
            if (HostOf(value) is not null) return value;
            if (DecodeBase64(value) is { } decoded && HostOf(decoded) is not null) return decoded;
        }
        return null;
    }

    /// <summary>Base64 (standard or URL-safe) that decodes to readable UTF-8 text, or null.</summary>
    public static string? DecodeBase64(string value)
    {
        var text = value.Trim().Replace('-', '+').Replace('_', '/');
        if (text.Length < 8 || text.Length > 1_000_000) return null;
        text = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
        var bytes = new byte[text.Length * 3 / 4];
        if (!Convert.TryFromBase64String(text, bytes, out var written)) return null;
        try
        {
            var decoded = new UTF8Encoding(false, true).GetString(bytes, 0, written);
            return decoded.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? null : decoded;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
