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
        if (requestPath == "/") return IndexFile;

        var path = requestPath[1..];
        var isDirectory = path.EndsWith('/');
        if (isDirectory) path = path[..^1];
        if (path.Length == 0 || path.Length > 512) return null;

        foreach (var c in path)
        {
            // '%' survives decoding only for encoded slashes (%2F) and similar: refuse them rather than guess.
            if (char.IsControl(c) || c is '\\' or '%' or ':' or '*' or '?' or '"' or '<' or '>' or '|') return null;
        }
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment[0] == '.' || segment.Trim().Length != segment.Length) return null;
        }
        return isDirectory ? path + "/" + IndexFile : path;
    }
}
