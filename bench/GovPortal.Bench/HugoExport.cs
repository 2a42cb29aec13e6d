using System.Globalization;
using System.Text;
using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Publishing.Rendering;
using GovPortal.Storage;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Bench;

/// <summary>
/// Writes the benchmark site as a Hugo site for bench/hugo.sh: the main site's channels as sections, its published
/// articles as content files at the addresses GovPortal publishes them at, the theme's stylesheet and script, and
/// the templates of bench/hugo/layouts, which render the parts GovPortal's pages show. Both tools then build the
/// same site from the same content.
/// </summary>
public static class HugoExport
{
    public static async Task<string> ExportAsync(PortalPaths paths, string outputDirectory, string layoutsDirectory)
    {
        if (Directory.Exists(outputDirectory) && Directory.EnumerateFileSystemEntries(outputDirectory).Any())
            throw new InvalidOperationException($"{outputDirectory} is not empty; export into a new folder.");
        if (!Directory.Exists(layoutsDirectory))
            throw new DirectoryNotFoundException($"no Hugo templates in {layoutsDirectory}");
        var content = Path.Combine(outputDirectory, "content");
        await using var db = DatabaseOptions.Sqlite(paths.DatabaseFile).CreateContext();
        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Code == "main");
        var tree = new ChannelTree(await db.Channels.AsNoTracking().Where(c => c.SiteId == site.Id).ToListAsync());
        foreach (var channel in tree.All) WriteSection(content, tree, channel);

        var articles = 0;
        // Streamed in id order: a 100,000-article site is never held in memory at once.
        var published = db.Articles.AsNoTracking()
            .Where(a => a.SiteId == site.Id && a.Status == ArticleStatus.Published && a.Url != null)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.ChannelId, a.Title, a.PublishedAtUtc, a.Url, a.Source, a.Author, a.Summary,
                a.BodyHtml })
            .AsAsyncEnumerable();
        await foreach (var a in published)
        {
            var front = new StringBuilder("+++\n")
                .Append("title = ").Append(Toml(a.Title)).Append('\n')
                .Append("date = ").Append(ChinaDate(a.PublishedAtUtc)).Append('\n')
                .Append("url = ").Append(Toml(a.Url!)).Append('\n')
                .Append("source = ").Append(Toml(a.Source)).Append('\n')
                .Append("author = ").Append(Toml(a.Author)).Append('\n')
                .Append("description = ").Append(Toml(a.Summary)).Append('\n')
                .Append("+++\n");
            // An .html content file: Hugo takes the body as it is, as GovPortal does, with no Markdown pass.
            await File.WriteAllTextAsync(Path.Combine(content, tree.PathOf(a.ChannelId), $"{a.Id}.html"),
                front.Append(a.BodyHtml).Append('\n').ToString());
            articles++;
        }

        var theme = new ThemeAssets();
        await WriteStaticAsync(outputDirectory, theme.StylesheetPath, theme.Stylesheet);
        await WriteStaticAsync(outputDirectory, theme.ScriptPath, theme.Script);
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, "hugo.toml"), Config(site, theme));
        CopyTree(layoutsDirectory, Path.Combine(outputDirectory, "layouts"));
        return $"exported {articles:N0} articles in {tree.All.Count():N0} channels to {outputDirectory}";
    }

    /// <summary>
    /// A channel's _index.md. The weight keeps the channel's place among its siblings (Hugo orders sections by it),
    /// and "home" marks the channels whose latest articles the home page shows, as GovPortal's ShowOnHome does.
    /// </summary>
    private static void WriteSection(string content, ChannelTree tree, Channel channel)
    {
        var siblings = channel.ParentId is { } parent ? tree.ChildrenOf(parent) : tree.Roots;
        var folder = Path.Combine(content, tree.PathOf(channel.Id));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "_index.md"),
            $"+++\ntitle = {Toml(channel.Name)}\nweight = {IndexOf(siblings, channel.Id) + 1}\n" +
            $"channel = {channel.Id}\nhome = {(channel.ShowOnHome ? "true" : "false")}\n+++\n");
    }

    private static int IndexOf(IReadOnlyList<Channel> channels, int id)
    {
        for (var i = 0; i < channels.Count; i++)
            if (channels[i].Id == id) return i;
        return channels.Count;
    }

    private static string Config(Site site, ThemeAssets theme) => $"""
        baseURL = {Toml(site.BaseUrl.TrimEnd('/') + "/")}
        languageCode = "zh-cn"
        title = {Toml(site.Name)}
        timeZone = "Asia/Shanghai"
        # Hugo 0.111 (Debian bookworm) reads "paginate"; Hugo 0.128 and later read [pagination] pagerSize.
        paginate = 20
        paginatePath = "page"
        # A channel's feed holds its latest twenty articles, as GovPortal's rss.xml does.
        rssLimit = 20
        disableKinds = ["taxonomy", "term"]

        [pagination]
          pagerSize = 20
          path = "page"

        [outputs]
          home = ["HTML"]
          section = ["HTML", "RSS"]
          page = ["HTML"]

        [outputFormats.RSS]
          baseName = "rss"

        [params]
          stylesheet = {Toml("/" + theme.StylesheetPath)}
          script = {Toml("/" + theme.ScriptPath)}
          loginUrl = {Toml(site.UserLoginUrl)}
          sponsor = {Toml(site.Sponsor)}
          organizer = {Toml(site.Organizer)}
          siteCode = {Toml(site.SiteCode)}
          icpNumber = {Toml(site.IcpNumber)}
          publicSecurityNumber = {Toml(site.PublicSecurityNumber)}
          contactPhone = {Toml(site.ContactPhone)}

        """;

    private static async Task WriteStaticAsync(string outputDirectory, string relativePath, byte[] bytes)
    {
        var path = Path.Combine(outputDirectory, "static", relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>A TOML offset date-time in China time, the time GovPortal shows on its pages.</summary>
    private static string ChinaDate(DateTime utc) =>
        ChinaTime.ToChina(utc).ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", CultureInfo.InvariantCulture);

    /// <summary>A TOML basic string: quotes, backslashes and control characters escaped.</summary>
    private static string Toml(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\') quoted.Append('\\').Append(c);
            else if (c < ' ' || c == '\x7f') quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else quoted.Append(c);
        }
        return quoted.Append('"').ToString();
    }
}
