namespace GovPortal.Publishing.Output;

/// <summary>
/// The top-level names of the public address space that belong to the portal itself. A top-level channel takes its
/// address segment for ever (article addresses start with it), so it must never take one of these: its pages would
/// hide the portal's own, or the portal's would hide the channel's.
/// </summary>
public static class PublicAddressSpace
{
    /// <summary>Each reserved top-level name with the reason it is reserved.</summary>
    public static readonly IReadOnlyDictionary<string, string> ReservedTopLevel =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["elder"] = "适老版: /elder/… is the elder form of every page",
            ["zh-hant"] = "繁體版: /zh-hant/… is the Traditional form of every page",
            ["search"] = "站内搜索: /search is answered per request, not from the output",
            ["api"] = "/api/search and /api/hits/{id} are answered per request",
            ["files"] = "the related files of articles are published under /files/",
            ["assets"] = "the theme's stylesheet and script are published under /assets/",
            ["service"] = "the portal's own notices, e.g. /service/accessibility.html",
            ["theme"] = "kept for the theme's own files",
            [OutputLayout.NotFoundPage] = "the page served for anything not published",
            [OutputLayout.GonePage] = "the notice served for the addresses of withdrawn articles",
        };

    /// <summary>
    /// Whether a top-level channel may take <paramref name="slug"/> as its address segment: not a reserved name and
    /// not the back office's own prefix (<paramref name="backOfficePath"/>, e.g. /admin or /houtai-7f3a).
    /// </summary>
    public static bool IsFreeForTopLevelChannel(string slug, string backOfficePath) =>
        !ReservedTopLevel.ContainsKey(slug)
        && !string.Equals("/" + slug, backOfficePath.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
