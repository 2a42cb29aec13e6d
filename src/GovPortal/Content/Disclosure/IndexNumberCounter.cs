namespace GovPortal.Content.Disclosure;

/// <summary>
/// The last sequence number given out for one 索引号 scope of a site: the pattern with everything but the sequence
/// filled in (for the default pattern, the organisation's code and the year, with # where the sequence goes, e.g.
/// "11320507014160024H/2023-#").
/// Only ever counts up, so a deleted document's number is never given again.
/// </summary>
public sealed class IndexNumberCounter
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public required string Scope { get; set; }
    public int Last { get; set; }
}
