using System.Diagnostics;
using System.Security.Cryptography;
using GovPortal.Data;
using GovPortal.Hosting;
using GovPortal.Publishing.Output;
using GovPortal.Publishing.Rendering;
using GovPortal.Storage;
using GovPortal.Theme;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Bench;

/// <summary>Single-threaded cost of each stage of publishing an article page, to see where the time goes.</summary>
public static class StageProfile
{
    public static async Task<string> RunAsync(PortalPaths paths, int count)
    {
        await using var db = DatabaseOptions.Sqlite(paths.DatabaseFile).CreateContext();
        var load = Stopwatch.StartNew();
        var articles =
            await db.Articles.AsNoTracking().Include(a => a.RelatedFiles).OrderBy(a => a.Id).Take(count).ToListAsync();
        load.Stop();
        var site = await db.Sites.FirstAsync();
        var razor = new RazorPageRenderer();
        var chrome = new SiteChrome(site, [new LinkItem("首页", "/")], "/a.css", "/a.js");

        var qrEncode = Time(articles, a => QrEncoder.Encode(System.Text.Encoding.UTF8.GetBytes(site.BaseUrl + a.Url)));
        var qr = Time(articles, a => QrCodeSvg.Create(site.BaseUrl + a.Url, "x"));
        var pages = new List<byte[]>();
        var render = await TimeAsync(articles, async a =>
            pages.Add(await razor.RenderAsync<ArticlePage, ArticlePageModel>(new ArticlePageModel(
                Chrome: chrome, ArticleId: a.Id, Breadcrumb: [], Title: a.Title, Subtitle: "", Source: a.Source,
                Author: a.Author, PublishedAtUtc: a.PublishedAtUtc, BodyHtml: a.BodyHtml, Facts: [], Attachments: [],
                AbsoluteUrl: site.BaseUrl + a.Url, QrCodeSvg: "", Path: a.Url!))));
        var texts = articles.Select(a => a.Title + "\n" + GovPortal.Search.HtmlText.Of(a.BodyHtml)).ToList();
        using var analyzer = new GovPortal.Search.BigramAnalyzer();
        var terms = Time(texts, text => CountTerms(analyzer, text));
        var sha = Time(pages, p => SHA256.HashData(p));
        var gzip = Time(pages, p => Precompressor.Gzip(p));
        var brotli = Time(pages, p => Precompressor.Brotli(p));
        var directory = Path.Combine(Path.GetTempPath(), "stage-profile");
        Directory.CreateDirectory(directory);
        var i = 0;
        var write = Time(pages, p =>
        {
            var target = Path.Combine(directory, $"{i++}.html");
            var temporary = target + ".tmp";
            File.WriteAllBytes(temporary, p);
            File.Move(temporary, target, true);
        });
        Directory.Delete(directory, true);
        return $"per article page (µs, one thread, {count} pages of {pages.Average(p => p.Length) / 1024:0.0} KB): " +
            $"load {load.Elapsed.TotalMicroseconds / count:0}, qr {qr:0} (encoding {qrEncode:0}), render {render:0}, " +
            $"search terms {terms:0}, sha256 {sha:0}, gzip {gzip:0}, brotli {brotli:0}, write+rename {write:0}";
    }

    public static async Task<string> ListingsAsync(PortalPaths paths)
    {
        await using var db = DatabaseOptions.Sqlite(paths.DatabaseFile).CreateContext();
        var tree = new GovPortal.Content.ChannelTree(await db.Channels.AsNoTracking().ToListAsync());
        var leaf = tree.All.First(c => c.ParentId != null);
        var parent = leaf.ParentId!.Value;
        for (var warm = 0; warm < 3; warm++)
        {
            await GovPortal.Publishing.ListingReader.OwnListAsync(db, tree, leaf.Id);
            await GovPortal.Publishing.ListingReader.SubtreeNewestAsync(db, tree, parent, 20);
        }
        var own = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++) await GovPortal.Publishing.ListingReader.OwnListAsync(db, tree, leaf.Id);
        own.Stop();
        var ids = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
            await db.Articles.Where(a => a.ChannelId == leaf.Id).Select(a => a.Id).ToListAsync();
        ids.Stop();
        var sub = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++) await GovPortal.Publishing.ListingReader.SubtreeNewestAsync(db, tree, parent, 20);
        sub.Stop();
        return $"own list {own.Elapsed.TotalMilliseconds / 10:0.0} ms, ids only " +
            $"{ids.Elapsed.TotalMilliseconds / 10:0.0} ms, subtree newest {sub.Elapsed.TotalMilliseconds / 10:0.0} ms";
    }

    /// <summary>Runs a text through the search analyzer, as indexing an article does for its title and body.</summary>
    private static int CountTerms(Lucene.Net.Analysis.Analyzer analyzer, string text)
    {
        using var stream = analyzer.GetTokenStream("body", text);
        stream.Reset();
        var count = 0;
        while (stream.IncrementToken()) count++;
        stream.End();
        return count;
    }

    private static double Time<T>(IReadOnlyList<T> items, Action<T> action)
    {
        var watch = Stopwatch.StartNew();
        foreach (var item in items) action(item);
        return watch.Elapsed.TotalMicroseconds / items.Count;
    }

    private static async Task<double> TimeAsync<T>(IReadOnlyList<T> items, Func<T, Task> action)
    {
        var watch = Stopwatch.StartNew();
        foreach (var item in items) await action(item);
        return watch.Elapsed.TotalMicroseconds / items.Count;
    }
}
