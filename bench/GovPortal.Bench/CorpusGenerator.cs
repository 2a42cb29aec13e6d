using GovPortal.Content;
using GovPortal.Data;
using GovPortal.Data.Demo;
using GovPortal.Hosting;
using GovPortal.Safety;
using GovPortal.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace GovPortal.Bench;

/// <summary>
/// Builds a benchmark site: the demo site's facts, ten sections of four columns each (50 channels), and N generated
/// articles spread over the forty columns and five years. Inserts go straight through SQLite (or PostgreSQL's COPY)
/// for speed.
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
            db.Sites.Add(BenchmarkSite());
            await db.SaveChangesAsync();
        }
        await AddSiteContentAsync(database, siteCode: "main", articleCount, firstArticleId: 1, seed: 42);
    }

    /// <summary>
    /// The same benchmark site in an empty PostgreSQL database, as a cluster's origin finds it: the schema migrated,
    /// the site, its 50 channels and <paramref name="articleCount"/> published articles, the same rows (seed 42) as
    /// <see cref="GenerateAsync"/> writes into SQLite, copied in with PostgreSQL's binary COPY.
    /// </summary>
    public static async Task GeneratePostgresAsync(string connectionString, int articleCount)
    {
        var database = DatabaseOptions.Postgres(connectionString);
        await using (var db = database.CreateContext())
        {
            if ((await db.Database.GetAppliedMigrationsAsync()).Any())
                throw new InvalidOperationException("The database already has GovPortal's tables; use a new one.");
            await db.Database.MigrateAsync();
            db.Sites.Add(BenchmarkSite());
            await db.SaveChangesAsync();
        }
        var (siteId, tree, leaves) = await AddChannelsAsync(database, "main");
        var now = DateTime.UtcNow;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "Articles" ("Id", "SiteId", "ChannelId", "Title", "Subtitle", "Source", "Author", "Summary",
                "BodyHtml", "PublishedAtUtc", "Status", "Url", "HitCount", "UpdatedAtUtc") FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var row in ArticleRows(tree, leaves, articleCount, firstArticleId: 1, seed: 42))
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(row.Id, NpgsqlDbType.Integer);
                await copy.WriteAsync(siteId, NpgsqlDbType.Integer);
                await copy.WriteAsync(row.ChannelId, NpgsqlDbType.Integer);
                await copy.WriteAsync(row.Title, NpgsqlDbType.Varchar);
                await copy.WriteAsync("", NpgsqlDbType.Varchar);
                await copy.WriteAsync(row.Source, NpgsqlDbType.Varchar);
                await copy.WriteAsync(row.Author, NpgsqlDbType.Varchar);
                await copy.WriteAsync(row.Summary, NpgsqlDbType.Varchar);
                await copy.WriteAsync(row.BodyHtml, NpgsqlDbType.Text);
                await copy.WriteAsync(DateTime.SpecifyKind(row.PublishedAtUtc, DateTimeKind.Utc),
                    NpgsqlDbType.TimestampTz);
                await copy.WriteAsync("Published", NpgsqlDbType.Varchar);
                await copy.WriteAsync(row.Url, NpgsqlDbType.Varchar);
                await copy.WriteAsync(0L, NpgsqlDbType.Bigint);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        // The ids were given, not drawn: the identity goes on after them, or the next new article would collide.
        await using var identity = new NpgsqlCommand(
            """SELECT setval(pg_get_serial_sequence('"Articles"', 'Id'), (SELECT max("Id") FROM "Articles"))""",
            connection);
        await identity.ExecuteScalarAsync();
        await using var analyse = new NpgsqlCommand("ANALYZE", connection);
        await analyse.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The channels of the benchmark site and <paramref name="articleCount"/> published articles, for the site
    /// <paramref name="siteCode"/>, with ids from <paramref name="firstArticleId"/>.
    /// </summary>
    public static async Task AddSiteContentAsync(DatabaseOptions database, string siteCode, int articleCount,
        int firstArticleId, int seed)
    {
        var (siteId, tree, leaves) = await AddChannelsAsync(database, siteCode);
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
        foreach (var row in ArticleRows(tree, leaves, articleCount, firstArticleId, seed))
        {
            parameters["$id"].Value = row.Id;
            parameters["$url"].Value = row.Url;
            parameters["$c"].Value = row.ChannelId;
            parameters["$t"].Value = row.Title;
            parameters["$s"].Value = row.Source;
            parameters["$a"].Value = row.Author;
            parameters["$m"].Value = row.Summary;
            parameters["$b"].Value = row.BodyHtml;
            parameters["$p"].Value = row.PublishedAtUtc.Ticks;
            parameters["$u"].Value = now.Ticks;
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private static Site BenchmarkSite() => new()
    {
        Name = "苏州市相城区人民政府", BaseUrl = "https://www.szxc.gov.cn", Sponsor = "苏州市相城区人民政府办公室",
        Organizer = "苏州市相城区数据局", SiteCode = "3205070001", IcpNumber = "苏ICP备05004813号",
        PublicSecurityNumber =
            "苏公网安备32050702010001号", ContactPhone = "0512-65866000", UserLoginUrl = "https://www.jszwfw.gov.cn/",
    };

    /// <summary>Ten sections of four columns for the site; returns its id, its tree and the columns' ids.</summary>
    private static async Task<(int SiteId, ChannelTree Tree, List<int> Leaves)> AddChannelsAsync(
        DatabaseOptions database, string siteCode)
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
        await using (var db = database.CreateContext())
        {
            var tree = new ChannelTree(await db.Channels.AsNoTracking().Where(c => c.SiteId == siteId).ToListAsync());
            return (siteId, tree, tree.All.Where(c => c.ParentId != null).Select(c => c.Id).Order().ToList());
        }
    }

    private sealed record ArticleRow(int Id, int ChannelId, string Title, string Source, string Author,
        string Summary, string BodyHtml, DateTime PublishedAtUtc, string Url);

    /// <summary>
    /// The generated articles, spread over the columns in turn: the same seed gives the same rows in either database.
    /// </summary>
    private static IEnumerable<ArticleRow> ArticleRows(ChannelTree tree, List<int> leaves, int articleCount,
        int firstArticleId, int seed)
    {
        var generator = new DemoArticleGenerator(seed);
        var sanitizer = new RichTextSanitizer();
        // Seed 42 (the single site) keeps the dates it always had, so figures stay comparable across runs.
        var random = new Random(seed == 42 ? 7 : seed * 31);
        for (var i = 0; i < articleCount; i++)
        {
            var channel = leaves[i % leaves.Count];
            var kind = (DemoArticleKind)(i % 4);
            var article = generator.Next(kind,
                DemoSiteSeeder.RandomWorkingTime(random, new DateTime(2021, 1, 1), new DateTime(2025, 12, 31)));
            // A live site: every article already has the permanent address it got at its first publish.
            var id = firstArticleId + i;
            yield return new ArticleRow(id, channel, article.Title, article.Source, article.Author, article.Summary,
                sanitizer.Sanitize(article.BodyHtml), article.PublishedAtUtc,
                ArticleUrls.Create(tree.PathOf(channel), id, article.PublishedAtUtc));
        }
    }
}
