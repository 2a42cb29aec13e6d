using System.Text;

namespace GovPortal.Publishing.Output;

/// <summary>
/// The format of <see cref="OutputLayout.OldAddressListFile"/>: after a comment line (#), one line per address of the
/// site's old system whose article now lives here, the old output-relative path and the new address separated by a
/// tab (art/2023/10/12/art_123_456.html → /xwzx/xcyw/202310/t20231012_17.html). Written by the publisher, read by the
/// public server, which answers 301 for an old path that no published file has.
/// </summary>
public static class OldAddressList
{
    public static byte[] Format(IEnumerable<(string OldPath, string NewUrl)> entries) =>
        Encoding.UTF8.GetBytes(string.Concat(
            ["# 旧网站的文章地址和迁移后的新地址（制表符分隔），访问旧地址时答复 301\n",
                .. entries.Select(e => (Old: Normalize(e.OldPath), e.NewUrl))
                    // An old path that is a new address too is that page: nothing to redirect.
                    .Where(e => e.Old.Length > 0 && e.Old != WithdrawnList.Normalize(e.NewUrl))
                    .DistinctBy(e => e.Old).OrderBy(e => e.Old, StringComparer.Ordinal)
                    .Select(e => e.Old + "\t" + e.NewUrl + "\n")]));

    public static Dictionary<string, string> Parse(ReadOnlySpan<byte> content)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(content).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('#')) continue;
            var tab = line.IndexOf('\t');
            // Only site-relative addresses: the list can never send a reader to another site.
            if (tab <= 0 || !line.AsSpan(tab + 1).StartsWith("/") || line.AsSpan(tab + 1).StartsWith("//")) continue;
            entries.TryAdd(line[..tab], line[(tab + 1)..].TrimEnd('\r'));
        }
        return entries;
    }

    /// <summary>An old address (/art/…, art/…) as the list holds it, the form of a request's manifest path.</summary>
    public static string Normalize(string path) => path.Replace('\\', '/').TrimStart('/');
}
