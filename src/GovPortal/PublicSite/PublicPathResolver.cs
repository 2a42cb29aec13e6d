namespace GovPortal.PublicSite;

/// <summary>
/// Turns a request path into a manifest path, or refuses it. Only plain, relative, forward-slash paths made of
/// visible characters pass; "..", ".", empty segments, backslashes, encoded slashes, control characters and
/// hidden (dot) names never reach the file system. Serving is further limited to files in the manifest.
/// </summary>
public static class PublicPathResolver
{
    public const string IndexFile = "index.html";

    /// <returns>The manifest path, or null when the request path is not acceptable.</returns>
    public static string? Resolve(string? requestPath)
    {
        if (string.IsNullOrEmpty(requestPath) || requestPath[0] != '/') return null;
        if (requestPath.Length == 1) return IndexFile;
        if (requestPath.Length > 513) return null;

        var path = requestPath.AsSpan(1);
        var isDirectory = path[^1] == '/';
        if (isDirectory) path = path[..^1];
        if (path.IsEmpty) return null;

        var segmentStart = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i == path.Length || path[i] == '/')
            {
                var segment = path[segmentStart..i];
                // Empty, dot or hidden names, and names with leading or trailing blanks.
                if (segment.IsEmpty || segment[0] == '.' || char.IsWhiteSpace(segment[0])
                    || char.IsWhiteSpace(segment[^1]))
                    return null;
                segmentStart = i + 1;
                continue;
            }
            var c = path[i];
            // '%' survives decoding only for encoded slashes (%2F) and similar: refuse them rather than guess.
            if (char.IsControl(c) || c is '\\' or '%' or ':' or '*' or '?' or '"' or '<' or '>' or '|') return null;
        }
        return isDirectory ? string.Concat(path, "/" + IndexFile) : requestPath[1..];
    }
}
