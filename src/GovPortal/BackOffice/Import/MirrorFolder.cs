using System.Text.RegularExpressions;

namespace GovPortal.BackOffice.Import;

/// <summary>
/// The saved pages of an old site: a <c>wget --mirror</c> copy (whose top folder may be the host name) or a folder
/// of pages captured as text. Pages are taken in the order of their paths, so that of two copies of one article the
/// same one is always the one imported.
/// </summary>
public static partial class MirrorFolder
{
    private static readonly string[] PageExtensions = [".html", ".htm", ".shtml", ".txt"];

    [GeneratedRegex(@"^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex HostName();

    /// <returns>Each page's full path and its path on the old site (relative, with forward slashes).</returns>
    public static List<(string File, string OldPath)> Pages(string root)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => PageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())
                && !Path.GetFileName(f).Equals("robots.txt", StringComparison.OrdinalIgnoreCase))
            .Select(f => (File: f, Relative: Path.GetRelativePath(root, f).Replace('\\', '/')))
            .ToList();
        // wget --mirror puts everything under a folder named after the host: www.szxc.gov.cn/xwzx/….
        var firstSegments = files.Select(f => f.Relative.Split('/')[0]).Distinct().ToList();
        var hostFolder = firstSegments.Count == 1 && files.All(f => f.Relative.Contains('/'))
            && HostName().IsMatch(firstSegments[0]) && !PageExtensions.Any(e => firstSegments[0].EndsWith(e))
            ? firstSegments[0] + "/"
            : "";
        return files.Select(f => (f.File, f.Relative[hostFolder.Length..]))
            .OrderBy(f => f.Item2, StringComparer.Ordinal).ToList();
    }
}
