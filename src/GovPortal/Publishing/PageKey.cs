namespace GovPortal.Publishing;

public enum PageKind
{
    Home,
    NotFound,
    ServiceNotice,
    ThemeAssets,
    ChannelList,
    ChannelFeed,
    ChannelSitemap,
    SitemapIndex,
    Article,

    /// <summary>The side file that names the site and its host names (site.json).</summary>
    SiteInfo,

    /// <summary>The side file listing the addresses of withdrawn articles.</summary>
    WithdrawnList,

    /// <summary>The side file of the days of mourning, a setting published on its own.</summary>
    MourningDays,

    /// <summary>The side file of the platform's days of mourning (the first site's output only).</summary>
    PlatformMourningDays,

    /// <summary>The side file of the old site's addresses of imported articles (迁移) and their new ones.</summary>
    OldAddressList,

    /// <summary>The 政府信息公开 section's home, /zfxxgk/.</summary>
    DisclosureHome,

    /// <summary>A page of the whole 政府信息公开目录, /zfxxgk/ml/ (Number: the page).</summary>
    CatalogueIndex,

    /// <summary>A page of the catalogue by 主题分类, /zfxxgk/ml/zt/{topic}/ (Id: the topic).</summary>
    CatalogueTopic,

    /// <summary>A page of the catalogue by 发布机构, /zfxxgk/ml/jg/{organisation}/ (Id: the organisation).</summary>
    CatalogueOrganisation,

    /// <summary>A published 政府信息公开工作年度报告; the id is its year.</summary>
    AnnualReport,

    /// <summary>The list of published annual reports (/zfxxgk/nb/).</summary>
    AnnualReportIndex,

    /// <summary>The 互动交流 section's home, /hdjl/.</summary>
    InteractionHome,

    /// <summary>A page of the published letters (信件选登), /hdjl/xjxd/ (Number: the page).</summary>
    PublishedLetterList,

    /// <summary>A published letter with its reply, /hdjl/xjxd/{信件编号}.html (Id: the letter).</summary>
    PublishedLetter,

    /// <summary>The statistics of letters, /hdjl/tj/ with its CSV download.</summary>
    LetterStatistics,

    /// <summary>The list of consultations (意见征集, /hdjl/yjzj/).</summary>
    ConsultationIndex,

    /// <summary>One consultation's page (/hdjl/yjzj/{id}.html); the id is the consultation's.</summary>
    Consultation,

    /// <summary>The 网站地图 for readers, /sitemap.html: every channel and section, from the channel tree.</summary>
    SiteMapPage,

    /// <summary>One of the site's statements (隐私声明 …, <see cref="Content.SiteStatements"/>); Id: its place.</summary>
    Statement,
}

/// <summary>
/// One unit the publisher renders: a page, or a page together with the files it brings (an article and its
/// attachments). Every output file is owned by exactly one key, so removing a key removes all of its files.
/// </summary>
/// <param name="Id">Channel id, article id, or 0.</param>
/// <param name="Number">List page number (from 1), or 0.</param>
public readonly record struct PageKey(PageKind Kind, int Id = 0, int Number = 0)
{
    public static readonly PageKey Home = new(PageKind.Home);
    public static readonly PageKey NotFound = new(PageKind.NotFound);
    public static readonly PageKey SiteMapPage = new(PageKind.SiteMapPage);
    public static readonly PageKey ServiceNotice = new(PageKind.ServiceNotice);
    public static readonly PageKey ThemeAssets = new(PageKind.ThemeAssets);
    public static readonly PageKey SitemapIndex = new(PageKind.SitemapIndex);
    public static readonly PageKey SiteInfo = new(PageKind.SiteInfo);
    public static readonly PageKey WithdrawnList = new(PageKind.WithdrawnList);
    public static readonly PageKey MourningDays = new(PageKind.MourningDays);
    public static readonly PageKey PlatformMourningDays = new(PageKind.PlatformMourningDays);
    public static readonly PageKey OldAddressList = new(PageKind.OldAddressList);

    public static PageKey ChannelList(int channelId, int page) => new(PageKind.ChannelList, channelId, page);
    public static PageKey Feed(int channelId) => new(PageKind.ChannelFeed, channelId);
    public static PageKey Sitemap(int channelId) => new(PageKind.ChannelSitemap, channelId);
    public static PageKey Article(int articleId) => new(PageKind.Article, articleId);
    public static readonly PageKey DisclosureHome = new(PageKind.DisclosureHome);

    /// <summary>Page <paramref name="page"/> of a catalogue list (all documents, a topic or an organisation).</summary>
    public static PageKey Catalogue(Disclosure.CatalogueScope scope, int id, int page) => scope switch
    {
        Disclosure.CatalogueScope.Topic => new(PageKind.CatalogueTopic, id, page),
        Disclosure.CatalogueScope.Organisation => new(PageKind.CatalogueOrganisation, id, page),
        _ => new(PageKind.CatalogueIndex, 0, page),
    };
    public static PageKey AnnualReport(int year) => new(PageKind.AnnualReport, year);
    public static readonly PageKey AnnualReportIndex = new(PageKind.AnnualReportIndex);
    public static readonly PageKey InteractionHome = new(PageKind.InteractionHome);
    public static PageKey PublishedLetterList(int page) => new(PageKind.PublishedLetterList, 0, page);
    public static PageKey PublishedLetter(int letterId) => new(PageKind.PublishedLetter, letterId);
    public static readonly PageKey LetterStatistics = new(PageKind.LetterStatistics);
    public static readonly PageKey ConsultationIndex = new(PageKind.ConsultationIndex);
    public static PageKey Consultation(int id) => new(PageKind.Consultation, id);

    public static PageKey Statement(Content.SiteStatementKind kind) =>
        new(PageKind.Statement, IndexOf(kind));

    private static int IndexOf(Content.SiteStatementKind kind)
    {
        for (var i = 0; i < Content.SiteStatements.All.Count; i++)
            if (Content.SiteStatements.All[i].Key == kind.Key) return i;
        throw new ArgumentException("Not a statement of the site.", nameof(kind));
    }

    /// <summary>Stable text form stored in the manifest as the owner of a file, e.g. "ChannelList:5:2".</summary>
    public override string ToString() => $"{Kind}:{Id}:{Number}";

    public static PageKey Parse(string owner)
    {
        var parts = owner.Split(':');
        return new PageKey(Enum.Parse<PageKind>(parts[0]),
            int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Reads an owner written by another process (a public node reads the origin's): never throws.</summary>
    public static bool TryParse(string owner, out PageKey key)
    {
        key = default;
        var parts = owner.Split(':');
        if (parts.Length != 3 || !Enum.TryParse<PageKind>(parts[0], out var kind) || !Enum.IsDefined(kind)
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.Integer,
                System.Globalization.CultureInfo.InvariantCulture, out var id)
            || !int.TryParse(parts[2], System.Globalization.NumberStyles.Integer,
                System.Globalization.CultureInfo.InvariantCulture, out var number))
            return false;
        key = new PageKey(kind, id, number);
        return true;
    }
}
