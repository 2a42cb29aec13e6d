using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Data.Demo;
using GovPortal.Hosting;
using GovPortal.Safety;
using GovPortal.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Bench;

/// <summary>
/// Builds a benchmark site: the demo site's facts, ten sections of four columns each (50 channels), and N generated
/// articles spread over the forty columns and five years. Inserts go straight through SQLite for speed.
/// </summary>
public static class CorpusGenerator
{
    private static readonly string[] Sections =
        ["新闻中心", "政务公开", "政策文件", "政务服务", "互动交流", "走进相城", "专题专栏", "数据发布", "人事信息", "公共服务"];
    private static readonly string[] Columns = ["动态", "公告", "解读", "资料"];

    public static async Task GenerateAsync(PortalPaths paths, int articleCount)
    {
        if (Directory.Exists(paths.DataDirectory) && Directory.EnumerateFileSystemEntries(paths.DataDirectory).Any())
            throw new InvalidOperationException($"{paths.DataDirectory} is not empty; generate into a new folder.");
        paths.EnsureCreated();
        var database = DatabaseOptions.Sqlite(paths.DatabaseFile);
        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            var site = new Site
            {
                Name = "苏州市相城区人民政府", BaseUrl = "https://www.szxc.gov.cn", Sponsor = "苏州市相城区人民政府办公室",
                Organizer = "苏州市相城区数据局", SiteCode = "3205070001", IcpNumber = "苏ICP备05004813号",
                PublicSecurityNumber =
                    "苏公网安备32050702010001号", ContactPhone = "0512-65866000", UserLoginUrl = "https://www.jszwfw.gov.cn/",
            };
            db.Sites.Add(site);
            await db.SaveChangesAsync();
        }
        await AddSiteContentAsync(database, siteCode: "main", articleCount, firstArticleId: 1, seed: 42);
    }

    /// <summary>
    /// The channels of the benchmark site and <paramref name="articleCount"/> published articles, for the site
    /// <paramref name="siteCode"/>, with ids from <paramref name="firstArticleId"/>.
    /// </summary>
    public static async Task AddSiteContentAsync(DatabaseOptions database, string siteCode, int articleCount,
        int firstArticleId, int seed)
    {
        int siteId;
        await using (var db = database.CreateContext())
        {
            siteId = await db.Sites.Where(s => s.Code == siteCode).Select(s => s.Id).SingleAsync();
            for (var s = 0; s < Sections.Length; s++)
            {
                var section = new Channel { SiteId = siteId, Name = Sections[s], Slug = $"s{s + 1}", SortOrder = s };
                db.Channels.Add(section);
                for (var c = 0; c < Columns.Length; c++)
                    db.Channels.Add(
                        new Channel { SiteId = siteId, Name = Sections[s][..2] + Columns[c], Slug = $"c{c + 1}",
                        SortOrder = c, Parent = section, ShowOnHome = s < 2, UpdateFrequencyDays = 30 });
            }
            await db.SaveChangesAsync();
        }

        List<int> leaves;
        ChannelTree tree;
        await using (var db = database.CreateContext())
        {
            tree = new ChannelTree(await db.Channels.AsNoTracking().Where(c => c.SiteId == siteId).ToListAsync());
            leaves = tree.All.Where(c => c.ParentId != null).Select(c => c.Id).Order().ToList();
        }

        var generator = new DemoArticleGenerator(seed);
        var sanitizer = new RichTextSanitizer();
        // Seed 42 (the single site) keeps the dates it always had, so figures stay comparable across runs.
        var random = new Random(seed == 42 ? 7 : seed * 31);
        var now = DateTime.UtcNow;
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO Articles (Id, SiteId, ChannelId, Title, Subtitle, Source, Author, Summary, BodyHtml,
                PublishedAtUtc, Status, Url, HitCount, UpdatedAtUtc)
            VALUES ($id, $site, $c, $t, '', $s, $a, $m, $b, $p, 'Published', $url, 0, $u)
            """;
        var parameters = new[] { "$id", "$site", "$c", "$t", "$s", "$a", "$m", "$b", "$p", "$url", "$u" }
            .ToDictionary(n => n, n => insert.Parameters.Add(n, SqliteType.Text));
        // Dates as UTC ticks, as the SQLite context stores them (see UtcTicksConverter).
        parameters["$p"].SqliteType = SqliteType.Integer;
        parameters["$u"].SqliteType = SqliteType.Integer;
        parameters["$id"].SqliteType = SqliteType.Integer;
        parameters["$c"].SqliteType = SqliteType.Integer;
        parameters["$site"].SqliteType = SqliteType.Integer;
        parameters["$site"].Value = siteId;
        for (var i = 0; i < articleCount; i++)
        {
            var channel = leaves[i % leaves.Count];
            var kind = (DemoArticleKind)(i % 4);
            var article = generator.Next(kind,
                DemoSiteSeeder.RandomWorkingTime(random, new DateTime(2021, 1, 1), new DateTime(2025, 12, 31)));
            // A live site: every article already has the permanent address it got at its first publish.
            var id = firstArticleId + i;
            parameters["$id"].Value = id;
            parameters["$url"].Value = ArticleUrls.Create(tree.PathOf(channel), id, article.PublishedAtUtc);
            parameters["$c"].Value = channel;
            parameters["$t"].Value = article.Title;
            parameters["$s"].Value = article.Source;
            parameters["$a"].Value = article.Author;
            parameters["$m"].Value = article.Summary;
            parameters["$b"].Value = sanitizer.Sanitize(article.BodyHtml);
            parameters["$p"].Value = article.PublishedAtUtc.Ticks;
            parameters["$u"].Value = now.Ticks;
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }
}
