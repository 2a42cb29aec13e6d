using System.Net;
using System.Xml.Linq;
using GovPortal.Content;
using GovPortal.Publishing;
using GovPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Tests.Publishing;

/// <summary>
/// Characters XML forbids that are already in the database (an old database, an import) never take the site down:
/// every writer drops them, and one page that cannot be made is a reported failure of that page alone.
/// </summary>
public sealed class HostileCharacterPublishTests
{
    // (A lone surrogate cannot be stored: the database keeps UTF-8, which has none. The unit tests cover it.)
    private const string Forbidden = "\u0001\u0008\u000B\u001F\uFFFE\uFFFF";

    [Fact]
    public async Task A_stored_title_with_forbidden_characters_publishes_into_well_formed_xml_and_the_portal_starts()
    {
        using var data = new TempDirectory();
        Article seed;
        await using (var portal = await RunningPortal.StartAsync(dataDirectory: data.Path))
        {
            seed = await portal.SeedArticleAsync();
            await using (var db = portal.Settings.Database.CreateContext())
                await db.Articles.Where(a => a.Id == seed.Id).ExecuteUpdateAsync(set => set
                    .SetProperty(a => a.Title, "生态环境" + Forbidden + "保护大会")
                    .SetProperty(a => a.Summary, "摘要" + Forbidden + "内容")
                    // The newest of its channel, so that its feed and list pages carry it.
                    .SetProperty(a => a.PublishedAtUtc, new DateTime(2024, 1, 5, 2, 0, 0, DateTimeKind.Utc)));

            var result = await portal.Service<Publisher>().PublishAllAsync();
            Assert.Empty(result.Failures);
            // A later change of the same article is planned and written like any other.
            var plan = await portal.Service<Publisher>().ApplyArticleChangeAsync(seed.Id, a => a.Subtitle = "副\u0001题");
            Assert.Empty(plan.Failures);
            Assert.False(File.Exists(portal.Output.RebuildMarker));
            await AssertCleanAsync(portal, seed.Url!);
        }

        // An old output that still asks for a rebuild is rebuilt at start, and the portal serves.
        await File.WriteAllTextAsync(Path.Combine(data.Path, "output", "main", "rebuild-needed"), "article");
        await using (var again = await RunningPortal.StartAsync(dataDirectory: data.Path))
        {
            Assert.False(File.Exists(again.Output.RebuildMarker));
            await AssertCleanAsync(again, seed.Url!);
        }
    }

    [Fact]
    public async Task One_article_that_cannot_be_rendered_is_reported_and_every_other_page_is_published()
    {
        using var data = new TempDirectory();
        Article seed;
        await using (var portal = await RunningPortal.StartAsync(dataDirectory: data.Path))
        {
            seed = await portal.SeedArticleAsync();
            var page = Path.Combine(portal.Output.PublicDirectory, seed.Url!.TrimStart('/'));
            var before = await File.ReadAllBytesAsync(page);
            await using (var db = portal.Settings.Database.CreateContext())
            {
                // A related file whose upload is gone: its article page cannot be made.
                db.Add(new RelatedFile
                {
                    ArticleId = seed.Id, DisplayName = "丢失的附件.pdf", StoredName = new string('0', 32),
                    Extension = "pdf", ContentType = "application/pdf", SizeBytes = 10,
                });
                await db.SaveChangesAsync();
                await db.Articles.ExecuteUpdateAsync(set => set.SetProperty(a => a.Summary, a => a.Summary + "（更新）"));
            }

            var result = await portal.Service<Publisher>().PublishAllAsync();

            var failure = Assert.Single(result.Failures);
            Assert.Equal(PageKey.Article(seed.Id), failure.Key);
            Assert.Contains("丢失的附件.pdf", failure.Message);
            Assert.Equal(before, await File.ReadAllBytesAsync(page)); // the last good page stays
            using var response = await portal.Client.GetAsync(seed.Url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(result.Pages > 10);
        }
        await File.WriteAllTextAsync(Path.Combine(data.Path, "output", "main", "rebuild-needed"), "article");
        await using (var again = await RunningPortal.StartAsync(dataDirectory: data.Path))
        {
            using var home = await again.Client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }
    }

    /// <summary>Neither the characters nor references to them (&amp;#x1;), which a browser reads as the same.</summary>
    private static void AssertNoForbiddenCharacter(string html)
    {
        var parsed = Html.Parse(html).DocumentElement.OuterHtml;
        foreach (var c in Forbidden)
        {
            var at = parsed.IndexOf(c, StringComparison.Ordinal);
            Assert.True(at < 0, $"U+{(int)c:X4} in {parsed[Math.Max(0, at - 80)..Math.Min(parsed.Length, at + 80)]}");
        }
    }

    private static async Task AssertCleanAsync(RunningPortal portal, string articleUrl)
    {
        var channelPath = articleUrl[..articleUrl.LastIndexOf('/')];
        channelPath = channelPath[..channelPath.LastIndexOf('/')];
        var feedXml = await portal.Client.GetStringAsync(channelPath + "/rss.xml");
        var feed = XDocument.Parse(feedXml);
        Assert.True(feed.Descendants("title").Any(t => t.Value == "生态环境保护大会"), feedXml);
        Assert.Contains(feed.Descendants("description"), d => d.Value == "摘要内容");
        XDocument.Parse(await portal.Client.GetStringAsync(channelPath + "/sitemap.xml"));
        XDocument.Parse(await portal.Client.GetStringAsync("/sitemap.xml"));
        var page = await portal.Client.GetStringAsync(articleUrl);
        Assert.Contains("生态环境保护大会", page);
        AssertNoForbiddenCharacter(page);
        AssertNoForbiddenCharacter(await portal.Client.GetStringAsync("/"));
        AssertNoForbiddenCharacter(await portal.Client.GetStringAsync(channelPath + "/"));
        var search = await portal.Client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("保护大会"));
        Assert.Contains("生态环境保护大会", System.Text.RegularExpressions.Regex.Unescape(search));
    }
}
