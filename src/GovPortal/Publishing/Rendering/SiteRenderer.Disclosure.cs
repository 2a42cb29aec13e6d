using System.Globalization;
using GovPortal.Content;
using GovPortal.Content.Disclosure;
using GovPortal.Publishing.Disclosure;
using GovPortal.Publishing.Output;
using GovPortal.Theme;

namespace GovPortal.Publishing.Rendering;

// The 政府信息公开 section's own pages: its home (/zfxxgk/) and the catalogue (/zfxxgk/ml/) by 主题分类 and 发布机构.
public sealed partial class SiteRenderer
{
    private const string SectionUrl = "/" + Catalogue.SectionPath + "/";
    private const string CatalogueUrl = "/" + Catalogue.CataloguePath + "/";

    /// <summary>The top-level channel whose address is the section's home (see Catalogue.SectionChannelId).</summary>
    private int? SectionChannelId => Catalogue.SectionChannelId(_tree);

    /// <summary>The section's home and every page of the catalogue.</summary>
    private IEnumerable<PageKey> DisclosurePageKeys()
    {
        yield return PageKey.DisclosureHome;
        foreach (var key in ListKeys(CatalogueScope.All, 0)) yield return key;
        foreach (var topic in _catalogue.Topics)
            foreach (var key in ListKeys(CatalogueScope.Topic, topic.Id)) yield return key;
        foreach (var organisation in _catalogue.Organisations)
            foreach (var key in ListKeys(CatalogueScope.Organisation, organisation.Id)) yield return key;
    }

    private IEnumerable<PageKey> ListKeys(CatalogueScope scope, int id)
    {
        var pages = SiteLayoutRules.PageCount(_catalogue.RowsOf(scope, id).Count);
        for (var page = 1; page <= pages; page++) yield return PageKey.Catalogue(scope, id, page);
    }

    private async Task RenderDisclosureHomeAsync(PageKey key, OutputBatch batch)
    {
        LinkItem? Marked(ChannelDisclosureRole role) => _tree.InReadingOrder()
            .Where(c => c.Channel.DisclosureRole == role)
            .Select(c => new LinkItem(c.Channel.Name, ChannelUrl(c.Channel.Id))).FirstOrDefault();
        var model = new DisclosureHomePageModel(
            Chrome: _chrome,
            Breadcrumb: [new("首页", "/"), new("政府信息公开", SectionUrl)],
            Guide: Marked(ChannelDisclosureRole.Guide),
            Rules: Marked(ChannelDisclosureRole.Rules),
            Statutory: _tree.InReadingOrder().Where(c => c.Channel.DisclosureRole == ChannelDisclosureRole.Statutory)
                .Select(c => new LinkItem(c.Channel.Name, ChannelUrl(c.Channel.Id))).ToList(),
            CatalogueUrl: CatalogueUrl,
            AnnualReportsUrl: Catalogue.AnnualReportsUrl,
            ApplicationUrl: Catalogue.ApplicationUrl);
        batch.Write(key, Catalogue.SectionPath + "/index.html",
            await _razor.RenderAsync<DisclosureHomePage, DisclosureHomePageModel>(model));
    }

    private async Task RenderCataloguePageAsync(PageKey key, OutputBatch batch)
    {
        var scope = key.Kind switch
        {
            PageKind.CatalogueTopic => CatalogueScope.Topic,
            PageKind.CatalogueOrganisation => CatalogueScope.Organisation,
            _ => CatalogueScope.All,
        };
        var group = _catalogue.GroupOf(scope, key.Id);
        var rows = _catalogue.RowsOf(scope, key.Id);
        var pageCount = SiteLayoutRules.PageCount(rows.Count);
        if (key.Number > pageCount || (scope != CatalogueScope.All && group is null))
        {
            batch.Touch(key); // nothing to show any more: its old files are removed
            return;
        }
        var folder = Catalogue.FolderOf(scope, key.Id);
        var heading = scope switch
        {
            CatalogueScope.Topic => $"主题分类：{group!.Name}",
            CatalogueScope.Organisation => $"发布机构：{group!.Name}",
            _ => "政府信息公开目录",
        };
        var breadcrumb = new List<LinkItem>
        {
            new("首页", "/"), new("政府信息公开", SectionUrl), new("政府信息公开目录", CatalogueUrl),
        };
        if (scope != CatalogueScope.All) breadcrumb.Add(new LinkItem(heading, $"/{folder}/"));
        var firstOfAll = scope == CatalogueScope.All && key.Number == 1;
        var model = new CataloguePageModel(
            Chrome: _chrome,
            Breadcrumb: breadcrumb,
            Heading: heading,
            Rows: rows.Skip((key.Number - 1) * SiteLayoutRules.ListPageSize).Take(SiteLayoutRules.ListPageSize)
                .Select(Entry).ToList(),
            Total: rows.Count,
            Pagination: new Pagination(Page: key.Number, PageCount: pageCount, FirstPageUrl: $"/{folder}/",
                PagePattern: $"/{folder}/index_{{0}}.html"),
            Topics: firstOfAll ? Groups(_catalogue.Topics, CatalogueScope.Topic) : [],
            Organisations: firstOfAll ? Groups(_catalogue.Organisations, CatalogueScope.Organisation) : [],
            CatalogueUrl: CatalogueUrl);
        batch.Write(key, ChannelPagePath(folder, key.Number),
            await _razor.RenderAsync<CataloguePage, CataloguePageModel>(model));
    }

    private List<CatalogueGroupLink> Groups(IReadOnlyList<CatalogueGroup> groups, CatalogueScope scope) =>
        groups.Select(g => new CatalogueGroupLink(g.Name, $"/{Catalogue.FolderOf(scope, g.Id)}/",
            _catalogue.RowsOf(scope, g.Id).Count)).ToList();

    private static CatalogueEntry Entry(CatalogueRow row) => new(
        IndexNumber: row.IndexNumber,
        Title: row.Title,
        Url: row.Url,
        DocumentNumber: row.DocumentNumber,
        ReleasedOn: row.ReleasedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        Validity: DocumentValidities.Label(row.Validity),
        OutOfForce: Catalogue.IsOutOfForce(row.Validity));
}
