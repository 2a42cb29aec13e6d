using Microsoft.Data.Sqlite;

namespace GovPortal.Bench.Flood;

/// <summary>
/// What the flood asks for, read from the portal's data folder before it starts: the published pages (home, list and
/// article pages) and assets, the published articles' ids (for view counts), the search queries, the mailboxes.
/// </summary>
public sealed record FloodTargets(
    IReadOnlyList<string> Pages, IReadOnlyList<string> Articles, IReadOnlyList<string> Assets,
    IReadOnlyList<int> ArticleIds, IReadOnlyList<string> Queries)
{
    public static FloodTargets Read(string dataDirectory, string queriesFile)
    {
        var root = Path.Combine(dataDirectory, "output", "main", "public");
        var pages = new List<string>();
        var articles = new List<string>();
        var assets = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var path = "/" + Path.GetRelativePath(root, file).Replace('\\', '/');
            if (path.EndsWith(".gz", StringComparison.Ordinal) || path.EndsWith(".br", StringComparison.Ordinal))
                continue;
            if (path.StartsWith("/assets/", StringComparison.Ordinal)) assets.Add(path);
            else if (!path.EndsWith(".html", StringComparison.Ordinal) || path is "/404.html" or "/410.html") continue;
            else if (Path.GetFileName(path).StartsWith('t')) articles.Add(path);
            // A folder's index page is asked for as the folder, as links and people write it.
            else if (path.EndsWith("/index.html", StringComparison.Ordinal)) pages.Add(path[..^"index.html".Length]);
            else pages.Add(path);
        }
        using var db = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "govportal.db")};Mode=ReadOnly");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "select Id from Articles where Status = 'Published' order by Id";
        var ids = new List<int>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) ids.Add(reader.GetInt32(0));
        var queries = File.ReadLines(queriesFile).Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
        pages.Sort(StringComparer.Ordinal);
        articles.Sort(StringComparer.Ordinal);
        assets.Sort(StringComparer.Ordinal);
        if (pages.Count == 0 || articles.Count == 0 || ids.Count == 0 || queries.Count == 0)
            throw new InvalidOperationException($"nothing to ask for in {dataDirectory}: publish the site first");
        return new FloodTargets(pages, articles, assets, ids, queries);
    }
}
