using GovPortal.Content;
using GovPortal.Safety;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Data.Demo;

/// <summary>
/// The demo platform (集约化): beside the 相城区 site, two towns and a department, each with its own host name,
/// footer facts, channels and a few articles, so that one install shows several sites side by side.
/// </summary>
public static class DemoPlatformSeeder
{
    /// <summary>
    /// A site of the demo platform: its code, name, host, footer facts and channels with their articles' titles.
    /// </summary>
    public sealed record DemoSite(string Code, string Name, string Host, DemoFooter Footer,
        IReadOnlyList<(string Name, string Slug, string[] Titles)> Channels);

    public static readonly IReadOnlyList<DemoSite> Sites =
    [
        new("hd", "苏州市相城区黄埭镇人民政府", "hd.localhost", new DemoFooter(Sponsor: "苏州市相城区黄埭镇人民政府",
                Organizer: "苏州市相城区黄埭镇党政办公室", SiteCode: "3205070002", IcpNumber: "苏ICP备05004821号",
                PublicSecurityNumber: "苏公网安备32050702010002号", ConacId: "3F9B07E5C2D14A86B0E7C9F2D5A1B364",
                Phone: "0512-65711001", Address: "苏州市相城区黄埭镇春秋路1号", Email: "hdzb@szxc.gov.cn"),
            [
                ("镇务动态", "zwdt",
                [
                    "黄埭镇召开安全生产工作推进会", "黄埭镇开展防汛防台专项督查", "黄埭镇推进农村人居环境整治提质增效",
                    "黄埭镇举办一网通办业务培训班",
                ]),
                ("通知公告", "tzgg", ["黄埭镇关于开展燃气安全专项检查的通知", "黄埭镇关于做好秸秆禁烧工作的通知"]),
            ]),
        new("wt", "苏州市相城区望亭镇人民政府", "wt.localhost", new DemoFooter(Sponsor: "苏州市相城区望亭镇人民政府",
                Organizer: "苏州市相城区望亭镇党政办公室", SiteCode: "3205070003", IcpNumber: "苏ICP备05004836号",
                PublicSecurityNumber: "苏公网安备32050702010003号", ConacId: "A7E1D3C95B2F4086A9C3E7B1D4F02C58",
                Phone: "0512-65381001", Address: "苏州市相城区望亭镇鹤溪路1号", Email: "wtzb@szxc.gov.cn"),
            [
                ("镇务动态", "zwdt",
                [
                    "望亭镇部署河长制重点工作", "望亭镇调研养老服务工作", "望亭镇启动老旧小区改造攻坚行动",
                ]),
                ("通知公告", "tzgg", ["望亭镇关于消费帮扶有关事项的公告", "望亭镇关于做好就业创业工作的通知"]),
            ]),
        new("sthjj", "苏州市相城生态环境局", "sthj.localhost", new DemoFooter(Sponsor: "苏州市相城生态环境局",
                Organizer: "苏州市相城生态环境局办公室", SiteCode: "3205070101", IcpNumber: "苏ICP备05004847号",
                PublicSecurityNumber: "苏公网安备32050702010004号", ConacId: "6C0E8B2D4F1A49E7B5D3A0C8E6F2B917",
                Phone: "0512-65752001", Address: "苏州市相城区澄阳路88号", Email: "sthjj@szxc.gov.cn"),
            [
                ("工作动态", "gzdt",
                [
                    "相城生态环境局召开大气污染防治专题会议", "相城生态环境局开展河长制专项督查",
                    "相城生态环境局举办环境执法业务培训班",
                ]),
                ("环境质量", "hjzl", ["相城区2023年11月环境空气质量状况", "相城区2023年三季度地表水环境质量状况"]),
            ]),
    ];

    /// <summary>The district's channel that takes the other sites' submissions.</summary>
    public const string SubmissionsChannelName = "镇街动态";

    /// <summary>Adds the platform's other sites once; a data folder that has any of them is left as it is.</summary>
    public static async Task SeedAsync(GovPortalDbContext db, RichTextSanitizer sanitizer, DateTime nowUtc,
        CancellationToken cancellationToken = default)
    {
        var codes = Sites.Select(s => s.Code).ToList();
        if (await db.Sites.AnyAsync(s => codes.Contains(s.Code), cancellationToken)) return;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The district takes its towns' and departments' news (信息报送) in a channel of its own.
        var district = await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(cancellationToken);
        var news = await db.Channels.Where(c => c.SiteId == district && c.ParentId == null && c.Slug == "xwzx")
            .Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        db.Channels.Add(new Channel
        {
            SiteId = district, ParentId = news, Name = SubmissionsChannelName, Slug = "zjdt", SortOrder = 4,
            UpdateFrequencyDays = 30, TakesSubmissions = true,
        });
        var generator = new DemoArticleGenerator(seed: 20231101);
        var random = new Random(1101);
        foreach (var demo in Sites)
        {
            var site = new Site
            {
                Code = demo.Code, Name = demo.Name, BaseUrl = $"https://{demo.Code}.szxc.gov.cn", HostNames = demo.Host,
            };
            demo.Footer.ApplyTo(site);
            db.Sites.Add(site);
            await db.SaveChangesAsync(cancellationToken);
            var order = 0;
            foreach (var (name, slug, titles) in demo.Channels)
            {
                var channel = new Channel
                {
                    SiteId = site.Id, Name = name, Slug = slug, SortOrder = ++order, ShowOnHome = true,
                    UpdateFrequencyDays = 30,
                };
                db.Channels.Add(channel);
                foreach (var title in titles)
                {
                    var publishedAt = DemoSiteSeeder.RandomWorkingTime(random, new DateTime(2023, 9, 1),
                        new DateTime(2023, 12, 20));
                    var prose = generator.Next(DemoArticleKind.DepartmentNews, publishedAt);
                    db.Articles.Add(new Article
                    {
                        SiteId = site.Id, Channel = channel, Title = title, Source = demo.Footer.Sponsor,
                        Author = prose.Author, Summary = prose.Summary, BodyHtml = sanitizer.Sanitize(prose.BodyHtml),
                        PublishedAtUtc = publishedAt, Status = ArticleStatus.Published, UpdatedAtUtc = nowUtc,
                    });
                }
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
