namespace GovPortal.Publishing.Disclosure;

/// <summary>
/// One article's place among linked 信息公开 pages, read before and after a change: its face (null when it is not
/// live) and the live articles whose pages show it — the document it names as 现行文件 or the policy it interprets,
/// and the documents that name it as their 现行文件 or the interpretations of it.
/// </summary>
public sealed record DisclosureLinks(DisclosureFace? Face, IReadOnlySet<int> LinkedPages)
{
    public static DisclosureLinks None { get; } = new(null, new HashSet<int>());
}
