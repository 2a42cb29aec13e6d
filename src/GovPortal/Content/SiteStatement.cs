namespace GovPortal.Content;

/// <summary>
/// A site's own wording of one of its statements (隐私声明, 版权声明, 无障碍声明, 联系我们), as its administrator last
/// saved it; a statement never saved is published with its default wording (<see cref="SiteStatements"/>).
/// </summary>
public sealed class SiteStatement
{
    public int Id { get; set; }
    public int SiteId { get; set; }

    /// <summary>A key of <see cref="SiteStatements.All"/>, e.g. "privacy".</summary>
    public required string Key { get; set; }

    /// <summary>Rich text as the sanitizer left it.</summary>
    public required string BodyHtml { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";
}
