using GovPortal.Content;
using GovPortal.Content.Disclosure;

namespace GovPortal.Publishing.Disclosure;

/// <summary>Which list of the catalogue a page shows: every document, one 主题分类 or one 发布机构.</summary>
public enum CatalogueScope
{
    All,
    Topic,
    Organisation,
}

/// <summary>
/// The 政府信息公开目录 of a site: every live document (newest 发布日期 first) and the topics and organisations it
/// is browsed by. Read once for a full publish, or after one change (<see cref="CatalogueReader"/>), so the renderer
/// needs no database.
/// </summary>
public sealed class Catalogue
{
    /// <summary>Where the section's home lives: /zfxxgk/.</summary>
    public const string SectionPath = Output.PublicAddressSpace.DisclosureSection;

    /// <summary>Where the catalogue lives: /zfxxgk/ml/.</summary>
    public const string CataloguePath = SectionPath + "/ml";

    /// <summary>The annual reports' address (政府信息公开年报).</summary>
    public const string AnnualReportsUrl = "/" + SectionPath + "/nb/";

    /// <summary>The address of the application form (依申请公开).</summary>
    public const string ApplicationUrl = "/" + SectionPath + "/ysqgk/";

    /// <summary>
    /// The top-level channel at the section's address (/zfxxgk/), if the site has one: its sub-channels live under
    /// the section, and its own address is the section's home rather than a list of its own.
    /// </summary>
    public static int? SectionChannelId(ChannelTree tree) =>
        tree.Roots.FirstOrDefault(c => c.Slug == SectionPath)?.Id;

    public Catalogue(IEnumerable<CatalogueRow> rows, IReadOnlyList<CatalogueGroup> topics,
        IReadOnlyList<CatalogueGroup> organisations)
    {
        var sorted = rows.ToList();
        sorted.Sort(CatalogueRow.NewestFirst);
        Rows = sorted;
        Topics = topics;
        Organisations = organisations;
    }

    public static Catalogue Empty { get; } = new([], [], []);

    public IReadOnlyList<CatalogueRow> Rows { get; }

    /// <summary>The topics the catalogue is browsed by, in the list's order.</summary>
    public IReadOnlyList<CatalogueGroup> Topics { get; }

    /// <summary>The organisations the catalogue is browsed by, in the list's order.</summary>
    public IReadOnlyList<CatalogueGroup> Organisations { get; }

    /// <summary>The documents of one list, newest first.</summary>
    public IReadOnlyList<CatalogueRow> RowsOf(CatalogueScope scope, int id) => Select(Rows, scope, id);

    public static IReadOnlyList<CatalogueRow> Select(IReadOnlyList<CatalogueRow> rows, CatalogueScope scope, int id) =>
        scope switch
        {
            CatalogueScope.Topic => rows.Where(r => r.TopicId == id).ToList(),
            CatalogueScope.Organisation => rows.Where(r => r.OrganisationId == id).ToList(),
            _ => rows,
        };

    /// <summary>The group a topic or organisation page shows, or null when the catalogue has no such page.</summary>
    public CatalogueGroup? GroupOf(CatalogueScope scope, int id) => scope switch
    {
        CatalogueScope.Topic => Topics.FirstOrDefault(t => t.Id == id),
        CatalogueScope.Organisation => Organisations.FirstOrDefault(o => o.Id == id),
        _ => null,
    };

    /// <summary>The folder of a list's pages, e.g. zfxxgk/ml/zt/5.</summary>
    public static string FolderOf(CatalogueScope scope, int id) => scope switch
    {
        CatalogueScope.Topic => FormattableString.Invariant($"{CataloguePath}/zt/{id}"),
        CatalogueScope.Organisation => FormattableString.Invariant($"{CataloguePath}/jg/{id}"),
        _ => CataloguePath,
    };

    /// <summary>Whether a document no longer in force (已废止, 已失效) is marked as such.</summary>
    public static bool IsOutOfForce(DocumentValidity validity) =>
        validity is DocumentValidity.Repealed or DocumentValidity.Expired;
}
