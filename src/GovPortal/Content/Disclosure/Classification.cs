namespace GovPortal.Content.Disclosure;

/// <summary>
/// One entry of a site's 主题分类 or 体裁分类 list. Like organisations, an entry documents use is deactivated, not
/// deleted, and renaming it renames it on every page that shows it (documents store its id).
/// </summary>
public sealed class Classification
{
    public const int MaxNameLength = 50;

    public int Id { get; set; }
    public int SiteId { get; set; }
    public ClassificationScheme Scheme { get; set; }
    public required string Name { get; set; }

    /// <summary>
    /// A fixed meaning other features rely on whatever the entry is called (<see cref="GenreRoles"/>), or null.
    /// </summary>
    public string? Role { get; set; }

    public int SortOrder { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>
    /// On every site but the first: the first site's entry this one copies (the platform's list, kept once); null
    /// for the site's own.
    /// </summary>
    public int? PlatformId { get; set; }
}

/// <summary>
/// The genres the annual report counts in its table 二, found by role so renaming them changes nothing.
/// </summary>
public static class GenreRoles
{
    /// <summary>规章.</summary>
    public const string Regulation = "regulation";

    /// <summary>规范性文件 (行政规范性文件).</summary>
    public const string NormativeDocument = "normative";
}
