using GovPortal.Storage;

namespace GovPortal.Publishing.Output;

/// <summary>
/// Where one site's published output lives, file by file: the only type that names them. Everything under
/// <c>output/{site code}/</c> is the site's output, copied as a whole to public nodes:
/// <code>
/// public/               the files served to the public (pages, feeds, assets, attachments, notice pages)
/// manifest.db           SHA-256, size and owner of every published file (public/ and the side files)
/// site.json             the site's code, name and host names: how the public server finds a request's site
/// withdrawn.txt         addresses of withdrawn articles, answered 410 Gone
/// old-addresses.txt     addresses of pages of the site's old system (迁移) and their new ones, answered 301
/// mourning-dates.txt    the days of mourning (全站置灰)
/// platform-mourning-dates.txt  the platform's days of mourning (全平台置灰), in the first site's output only
/// search/               the search index of the site's live articles
/// search-checksums.txt  SHA-256 of the index files of its last commit
/// search-pending        marker: the index may lack a change the pages show
/// rebuild-needed        marker: a saved change never reached the pages; the next publish rebuilds everything
/// change-pending        marker: a change is being saved and published; found at start-up, it means a rebuild
/// publish-journal       every file a running publish writes or removes, so a start after a crash undoes them
/// generation            on a public node: the origin's generation the output holds
/// </code>
/// The side files (site.json, withdrawn.txt, mourning-dates.txt) are written by the publisher in its batches and
/// recorded in the manifest like pages, so the tamper guard covers them; their manifest paths start with
/// <see cref="SideFilePrefix"/>, which no request path can name, and they live beside public/, not in it.
/// </summary>
public sealed class OutputLayout
{
    /// <summary>The code of the first site (and of the only one, while there is one).</summary>
    public const string FirstSiteCode = "main";

    /// <summary>The notice pages: page not found (404), and the address of a withdrawn article (410).</summary>
    public const string NotFoundPage = "404.html", GonePage = "410.html";

    /// <summary>The 网站地图 page readers open from every page's footer.</summary>
    public const string SiteMapPage = "sitemap.html";

    /// <summary>Starts the manifest path of every side file. The public path resolver refuses hidden names.</summary>
    public const string SideFilePrefix = ".site/";

    public const string SiteInfoFile = SideFilePrefix + "site.json";
    public const string WithdrawnListFile = SideFilePrefix + "withdrawn.txt";
    public const string MourningDaysFile = SideFilePrefix + "mourning-dates.txt";
    public const string OldAddressListFile = SideFilePrefix + "old-addresses.txt";
    public const string PlatformMourningDaysFile = SideFilePrefix + PlatformMourningDaysName;

    /// <summary>Every side file a site's output may hold, by its manifest path.</summary>
    public static readonly IReadOnlyList<string> SideFiles =
        [SiteInfoFile, WithdrawnListFile, MourningDaysFile, OldAddressListFile, PlatformMourningDaysFile];

    public OutputLayout(string outputDirectory, string siteCode)
    {
        if (!IsValidSiteCode(siteCode))
            throw new ArgumentException(
                $"A site code is 1 to 32 lowercase letters, digits and '-', not \"{siteCode}\".", nameof(siteCode));
        SiteCode = siteCode;
        Directory = Path.Combine(Path.GetFullPath(outputDirectory), siteCode);
    }

    public static OutputLayout For(PortalPaths paths, string siteCode) => new(paths.OutputDirectory, siteCode);

    public static bool IsValidSiteCode(string code) =>
        code.Length is > 0 and <= 32 && code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && code[0] != '-';

    public string SiteCode { get; }

    /// <summary>The site's whole output.</summary>
    public string Directory { get; }

    /// <summary>The files served to the public (pages, feeds, assets, published attachments).</summary>
    public string PublicDirectory => Path.Combine(Directory, "public");

    /// <summary>SHA-256 and size of every published file of the site.</summary>
    public string ManifestFile => Path.Combine(Directory, "manifest.db");

    /// <summary>
    /// The search index of the published articles: part of the output, so public nodes search without a database.
    /// </summary>
    public string SearchIndexDirectory => Path.Combine(Directory, "search");

    /// <summary>SHA-256 of every file of the search index's last commit (what the tamper sweep compares).</summary>
    public string SearchChecksumsFile => Path.Combine(Directory, "search-checksums.txt");

    /// <summary>
    /// Present while the search index may lack something the pages show; found at start-up, it means a rebuild.
    /// </summary>
    public string SearchPendingMarker => Path.Combine(Directory, "search-pending");

    /// <summary>Left when a saved change could not be published; the next publish rebuilds everything.</summary>
    public string RebuildMarker => Path.Combine(Directory, "rebuild-needed");

    /// <summary>
    /// Written before a change that the pages must show is saved, removed once its pages are out: found at start-up,
    /// the process stopped between the two, and the next publish rebuilds everything.
    /// </summary>
    public string ChangePendingMarker => Path.Combine(Directory, "change-pending");

    /// <summary>
    /// With PostgreSQL: the database's generation this output holds, written after the batch that brought it committed
    /// (<see cref="HeldGeneration"/>).
    /// </summary>
    public string GenerationFile => Path.Combine(Directory, "generation");

    /// <summary>The paths and hashes a running publish puts on disk (see <see cref="PublishJournal"/>).</summary>
    public string PublishJournalFile => Path.Combine(Directory, "publish-journal");

    /// <summary>The list pages a change left to be published right after it, until they are written.</summary>
    public string DeferredPagesFile => Path.Combine(Directory, "deferred-pages");

    /// <summary>Whether a manifest path is a side file (beside the public folder, never served).</summary>
    public static bool IsSideFile(string manifestPath) =>
        manifestPath.StartsWith(SideFilePrefix, StringComparison.Ordinal);

    /// <summary>
    /// Maps a manifest path to its file: a side file beside the public folder, anything else in it. Refuses anything
    /// that would land outside.
    /// </summary>
    public string FullPathOf(string manifestPath)
    {
        if (IsSideFile(manifestPath))
        {
            var name = manifestPath[SideFilePrefix.Length..];
            if (name is not (SiteInfoName or WithdrawnListName or MourningDaysName or OldAddressListName
                or PlatformMourningDaysName))
                throw new ArgumentException($"Not a side file of the output: {manifestPath}", nameof(manifestPath));
            return Path.Combine(Directory, name);
        }
        var full = Path.GetFullPath(Path.Combine(PublicDirectory, manifestPath));
        var root = PublicDirectory + Path.DirectorySeparatorChar;
        if (!full.StartsWith(root, StringComparison.Ordinal))
            throw new ArgumentException($"Output path escapes the public folder: {manifestPath}", nameof(manifestPath));
        return full;
    }

    private const string SiteInfoName = "site.json", WithdrawnListName = "withdrawn.txt",
        MourningDaysName = "mourning-dates.txt", OldAddressListName = "old-addresses.txt",
        PlatformMourningDaysName = "platform-mourning-dates.txt";

    /// <summary>
    /// Where the days of mourning were kept before each site had its own output folder (output/mourning-dates.txt):
    /// the one file of an older output that is a setting rather than something a publish makes again.
    /// </summary>
    public static string LegacyMourningDaysFile(PortalPaths paths) =>
        Path.Combine(paths.OutputDirectory, MourningDaysName);

    public void EnsureCreated() => System.IO.Directory.CreateDirectory(PublicDirectory);
}
