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
            [InteractionSection] = "互动交流: /hdjl/ is the section's home, letters, statistics and consultations",
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

    /// <summary>
    /// The address of the 政府信息公开 section's home, /zfxxgk/, published whether or not a channel has it.
    /// </summary>
    public const string DisclosureSection = "zfxxgk";

    /// <summary>The address of the 互动交流 section's home, /hdjl/, with its letters, statistics and forms.</summary>
    public const string InteractionSection = "hdjl";

    /// <summary>
    /// The names under /zfxxgk/ that belong to the section itself, each with its reason: a channel under the section's
    /// channel may not take them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ReservedInDisclosureSection =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["ml"] = "政府信息公开目录: /zfxxgk/ml/ is the catalogue by 主题分类 and 发布机构",
            ["nb"] = "政府信息公开年报: /zfxxgk/nb/ holds the annual reports",
            ["ysqgk"] = "依申请公开: /zfxxgk/ysqgk/ is the application form",
        };

    /// <summary>
    /// Whether a channel may take <paramref name="slug"/> under <paramref name="parentSlug"/>, a top-level channel's
    /// address segment (null: the channel is itself top-level, which the reserved top-level names decide).
    /// </summary>
    public static bool IsFreeUnderTopLevel(string? parentSlug, string slug) =>
        !string.Equals(parentSlug, DisclosureSection, StringComparison.OrdinalIgnoreCase)
        || !ReservedInDisclosureSection.ContainsKey(slug);
}
