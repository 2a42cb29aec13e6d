using GovPortal.Content;
using GovPortal.Safety;

namespace GovPortal.Data.Demo;

/// <summary>
/// The demo's channels of the other types: 走进相城, a 单页 that shows its one article in full, and 办事服务, an 外链
/// to the province's service platform (as district portals link it).
/// </summary>
public static class DemoChannelTypes
{
    /// <summary>The live pages these channels add: the 单页's article.</summary>
    public const int ArticleCount = 1;

    public const string ServicePlatform = "https://www.jszwfw.gov.cn/";

    private static readonly string[] OverviewParagraphs =
    [
        "相城区位于苏州市区北部，东邻昆山市，南接姑苏区、苏州工业园区，西连苏州高新区，北与常熟市、无锡市相邻，境内有阳澄湖、漕湖等湖泊。",
        "全区下辖多个镇、街道和功能区，是苏州市的中心城区之一，近年来着力推进数字经济、先进制造业和生态文明建设。",
        "本栏目介绍相城区的区位、历史沿革和经济社会发展概况，内容由区政府办公室提供，如有变化以最新发布为准。",
    ];

    public static void Seed(GovPortalDbContext db, int siteId, RichTextSanitizer sanitizer, DateTime now)
    {
        var overview = new Channel
        {
            SiteId = siteId, Name = "走进相城", Slug = "zjxc", SortOrder = 4, Type = ChannelType.SinglePage,
        };
        var services = new Channel
        {
            SiteId = siteId, Name = "办事服务", Slug = "bsfw", SortOrder = 5, Type = ChannelType.Link,
            LinkUrl = ServicePlatform,
        };
        db.Channels.AddRange(overview, services);
        db.Articles.Add(new Article
        {
            SiteId = siteId,
            Channel = overview,
            Title = "相城区概况",
            Source = "相城区人民政府办公室",
            Summary = OverviewParagraphs[0],
            BodyHtml = sanitizer.Sanitize(string.Concat(OverviewParagraphs.Select(p =>
                $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>"))),
            PublishedAtUtc = new DateTime(2023, 6, 1, 1, 0, 0, DateTimeKind.Utc),
            Status = ArticleStatus.Published,
            UpdatedAtUtc = now,
        });
    }
}
