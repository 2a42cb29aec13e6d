using System.Net;
using System.Security.Cryptography;
using System.Text;
using GovPortal.Content;
using GovPortal.Publishing.Output;
using GovPortal.Safety.Tamper;
using GovPortal.Tests.Publishing;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Reliability;

/// <summary>
/// What must hold after any stop, however abrupt, once the portal has started again: the files on disk are exactly
/// the manifest's, the manifest shows exactly what the database says is live, the site serves, and a full tamper
/// sweep finds nothing to report.
/// </summary>
public static class SiteConsistency
{
    public static async Task AssertAsync(RunningPortal portal)
    {
        var layout = portal.Output;
        Assert.False(File.Exists(layout.PublishJournalFile), "the publish journal outlived the start");
        Assert.False(File.Exists(layout.ChangePendingMarker), "the change marker outlived the start");
        Assert.False(File.Exists(layout.RebuildMarker), "the start left the site waiting for a rebuild");

        // The disk is the manifest, file for file and byte for byte.
        var manifest = OutputSnapshot.Hashes(portal.Service<Manifest>());
        var files = OutputSnapshot.Read(layout);
        Assert.Equal(manifest.Keys.Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in files)
            Assert.True(manifest[path] == Convert.ToHexStringLower(SHA256.HashData(bytes)),
                $"{path} is not its manifest version");

        // The manifest is the database: every live article has its page with its live title, nothing else has one,
        // and the home page names the top channels as they are now called.
        await using var db = portal.Settings.Database.CreateContext();
        var articles = await db.Articles.Where(a => a.Url != null)
            .Select(a => new { a.Id, a.Status, a.Url, a.Title }).ToListAsync();
        foreach (var article in articles)
        {
            var path = article.Url!.TrimStart('/');
            if (article.Status != ArticleStatus.Published)
            {
                Assert.False(manifest.ContainsKey(path), $"article {article.Id} ({article.Status}) still has a page");
                continue;
            }
            Assert.True(files.TryGetValue(path, out var page), $"live article {article.Id} has no page");
            Assert.Contains(WebUtility.HtmlEncode(article.Title), Encoding.UTF8.GetString(page));
        }
        var home = Encoding.UTF8.GetString(files["index.html"]);
        foreach (var channel in await db.Channels.Where(c => c.ParentId == null).Select(c => c.Name).ToListAsync())
            Assert.Contains(WebUtility.HtmlEncode(channel), home);

        // The site serves, and the guard, looking at every byte, has nothing to report.
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.GetAsync("/")).StatusCode);
        var live = articles.First(a => a.Status == ArticleStatus.Published);
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.GetAsync(live.Url)).StatusCode);
        Assert.Equal(0, portal.Service<TamperGuard>().Sweep(full: true));
        Assert.Empty(portal.Service<TamperAlerts>().Recent);
    }
}
