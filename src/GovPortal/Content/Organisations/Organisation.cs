namespace GovPortal.Content.Organisations;

/// <summary>
/// An organisation of a site (机构): the 发布机构 of 信息公开 documents and, later, the 承办单位 of messages. A managed
/// list per site. An organisation that content refers to is never deleted, only deactivated: a deactivated one is no
/// longer offered for new content, while what already names it keeps showing its name.
/// </summary>
public sealed class Organisation
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }
    public int SiteId { get; set; }

    /// <summary>The full name, e.g. 苏州市相城区人民政府办公室; unique within the site.</summary>
    public required string Name { get; set; }

    /// <summary>
    /// The 18-character 统一社会信用代码, checked with <see cref="Identifiers.UnifiedSocialCreditCode"/>; the first part
    /// of the site's default 索引号 pattern.
    /// </summary>
    public required string CreditCode { get; set; }

    /// <summary>Position in lists and choices, smallest first.</summary>
    public int SortOrder { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>
    /// On every site but the first: the first site's organisation this one copies (统一信息资源库: the platform's
    /// list, kept once and copied to each site by <c>PlatformLists</c>, not changed on the site); null for the site's
    /// own.
    /// </summary>
    public int? PlatformId { get; set; }
}
