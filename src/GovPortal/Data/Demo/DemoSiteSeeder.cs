using GovPortal.Chinese;
using GovPortal.Content;
using GovPortal.Content.Uploads;
using GovPortal.Safety;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Data.Demo;

/// <summary>
/// Creates the 相城区 demo site on first run: its channels, the seed article and enough news to page through.
/// </summary>
public sealed class DemoSiteSeeder(ChineseConverter converter, RichTextSanitizer sanitizer, UploadStore uploads,
    TimeProvider time)
{
    /// <summary>How many generated articles each demo channel gets (相城要闻 spans more than three list pages).</summary>
    public static readonly IReadOnlyDictionary<string, int> GeneratedCounts = new Dictionary<string, int>
    {
        ["xcyw"] = 64,
        ["bmdt"] = 30,
        ["tzgg"] = 22,
        ["zcwj"] = 12,
    };

    /// <summary>The demo site's name, by which the first run knows it is setting up the demo.</summary>
    public const string SiteName = "苏州市相城区人民政府";

    public async Task<bool> SeedIfEmptyAsync(GovPortalDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.Sites.AnyAsync(cancellationToken)) return false;

        // One transaction: a crash half-way leaves no site, so the next start seeds again instead of serving a husk.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var site = CreateSite();
        db.Sites.Add(site);
        await db.SaveChangesAsync(cancellationToken);
        var siteId = site.Id;
        var news = new Channel { SiteId = siteId, Name = "新闻中心", Slug = "xwzx", SortOrder = 1 };
        var headlines = new Channel
        {
            SiteId = siteId, Name = "相城要闻", Slug = "xcyw", SortOrder = 1, Parent = news, UpdateFrequencyDays = 14,
            ShowOnHome = true,
        };
        var departments = new Channel
        {
            SiteId = siteId, Name = "部门动态", Slug = "bmdt", SortOrder = 2, Parent = news, UpdateFrequencyDays = 30,
            ShowOnHome = true,
        };
        var notices = new Channel
        {
            SiteId = siteId, Name = "通知公告", Slug = "tzgg", SortOrder = 3, Parent = news, UpdateFrequencyDays = 180,
            ShowOnHome = true, ListStyle = ListStyle.Summaries,
        };
        var policies = new Channel
        {
            SiteId = siteId, Name = "政策文件", Slug = "zcwj", SortOrder = 2, UpdateFrequencyDays = 180, ShowOnHome = true,
        };
        db.Channels.AddRange(news, headlines, departments, notices, policies);

        var now = time.GetUtcNow().UtcDateTime;
        var seed = SeedArticleReader.Read(SeedArticleReader.ReadEmbeddedCapture(), converter);
        var seedArticle = new Article
        {
            SiteId = siteId,
            Channel = headlines,
            Title = seed.Title,
            Source = seed.Source,
            Author = seed.Author,
            Summary = seed.Paragraphs[0],
            BodyHtml = sanitizer.Sanitize(string.Concat(seed.Paragraphs.Select(p =>
                $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>"))),
            PublishedAtUtc = seed.PublishedAtUtc,
            Status = ArticleStatus.Published,
            UpdatedAtUtc = now,
        };
        var document = SimpleDocx.Create(seed.Title, seed.Paragraphs);
        seedArticle.RelatedFiles.Add(new RelatedFile
        {
            DisplayName = "相城区生态环境保护大会新闻稿.docx",
            StoredName = uploads.Save(document),
            Extension = "docx",
            SizeBytes = document.Length,
            ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        });
        db.Articles.Add(seedArticle);

        var generator = new DemoArticleGenerator(seed: 20231012);
        var random = new Random(1012);
        var kinds = new Dictionary<Channel, DemoArticleKind>
        {
            [headlines] = DemoArticleKind.News,
            [departments] = DemoArticleKind.DepartmentNews,
            [notices] = DemoArticleKind.Notice,
            [policies] = DemoArticleKind.Policy,
        };
        foreach (var (channel, kind) in kinds)
        {
            for (var i = 0; i < GeneratedCounts[channel.Slug]; i++)
            {
                var publishedAt = RandomWorkingTime(random, new DateTime(2023, 6, 1), new DateTime(2023, 12, 20));
                var generated = generator.Next(kind, publishedAt);
                db.Articles.Add(new Article
                {
                    SiteId = siteId,
                    Channel = channel,
                    Title = generated.Title,
                    Source = generated.Source,
                    Author = generated.Author,
                    Summary = generated.Summary,
                    BodyHtml = sanitizer.Sanitize(generated.BodyHtml),
                    PublishedAtUtc = generated.PublishedAtUtc,
                    Status = ArticleStatus.Published,
                    UpdatedAtUtc = now,
                });
            }
        }
        DemoChannelTypes.Seed(db, siteId, sanitizer, now);
        await db.SaveChangesAsync(cancellationToken);
        await DemoDisclosureSeeder.SeedAsync(db, siteId, sanitizer, now, cancellationToken);
        await DemoConsultations.SeedAsync(db, siteId, sanitizer, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The district's footer facts.</summary>
    public static readonly DemoFooter Footer = new(Sponsor: "苏州市相城区人民政府办公室", Organizer: "苏州市相城区数据局",
        SiteCode: "3205070001", IcpNumber: "苏ICP备05004813号", PublicSecurityNumber: "苏公网安备32050702010001号",
        ConacId: "D2A6C81B4E0F4C7A9B3E5F1C6A8D0E21", Phone: "0512-65866000",
        Address: "苏州市相城区行政中心（阳澄湖东路8号）", Email: "xcweb@szxc.gov.cn");

    private static Site CreateSite()
    {
        var site = new Site
        {
            Code = "main", Name = SiteName, BaseUrl = "https://www.szxc.gov.cn",
            HostNames = "www.szxc.gov.cn,szxc.gov.cn,localhost",
        };
        Footer.ApplyTo(site);
        return site;
    }

    /// <summary>A minute between 08:00 and 19:59 China time on a day in the range.</summary>
    public static DateTime RandomWorkingTime(Random random, DateTime firstDay, DateTime lastDay)
    {
        var day = firstDay.AddDays(random.Next((lastDay - firstDay).Days + 1));
        return ChinaTime.ToUtc(day.Year, day.Month, day.Day, random.Next(8, 20), random.Next(60));
    }
}
