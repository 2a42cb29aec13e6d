using GovPortal.Content;
using GovPortal.Interaction.Consultations;
using GovPortal.Safety;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Data.Demo;

/// <summary>
/// The demo site's 意见征集: one open now (linked to the demo's first 信息公开 document) and one closed a month ago
/// with its 反馈 published, so the list, both pages and the back office have something to show. The closed one is
/// marked as already republished after its end.
/// </summary>
public static class DemoConsultations
{
    public static async Task SeedAsync(GovPortalDbContext db, int siteId, RichTextSanitizer sanitizer, DateTime now,
        CancellationToken cancellationToken)
    {
        var document = await db.Articles.Where(a => a.SiteId == siteId && a.Kind == "document"
                                                    && a.Status == ArticleStatus.Published)
            .OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
        var today = ChinaTime.ToChina(now).Date;
        DateTime At(int days, int hour) =>
            ChinaTime.ToUtc(today.AddDays(days).Year, today.AddDays(days).Month, today.AddDays(days).Day, hour, 0);
        db.Consultations.AddRange(
            new Consultation
            {
                SiteId = siteId, Title = "关于《相城区城市公园管理办法（征求意见稿）》公开征求意见的公告",
                Summary = "为规范城市公园的建设、保护和管理，区城市管理局起草了《相城区城市公园管理办法（征求意见稿）》，现向社会公开征求意见。",
                DraftHtml = sanitizer.Sanitize(
                    "<h3>第一章 总则</h3><p>第一条 为加强城市公园的建设、保护和管理，改善生态环境，满足市民休闲游憩需要，制定本办法。</p>" +
                    "<p>第二条 本办法适用于本区行政区域内城市公园的规划、建设、保护和管理。</p>" +
                    "<h3>第二章 管理与服务</h3><p>第三条 城市公园应当免费向公众开放，开放时间由公园管理单位按季节确定并公示。</p>" +
                    "<p>第四条 公园管理单位应当设置无障碍设施和适老化设施，方便老年人、残疾人游园。</p>"),
                ArticleId = document, StartsAtUtc = At(-10, 9), EndsAtUtc = At(20, 17), CreatedAtUtc = now,
                CreatedBy = "admin",
            },
            new Consultation
            {
                SiteId = siteId, Title = "关于《相城区养老服务设施布局规划（2025—2035年）》公开征求意见的公告",
                Summary = "区民政局组织编制了养老服务设施布局规划草案，征求社会公众意见。",
                DraftHtml = sanitizer.Sanitize(
                    "<p>一、规划范围为相城区全域，规划期限为2025年至2035年。</p>" +
                    "<p>二、到2035年，全区每个街道（镇）至少建成一所综合性养老服务中心，社区养老服务设施实现全覆盖。</p>"),
                StartsAtUtc = At(-60, 9), EndsAtUtc = At(-30, 17), CreatedAtUtc = now, CreatedBy = "admin",
                FeedbackHtml = sanitizer.Sanitize(
                    "<p>征求意见期间，共收到意见建议 23 条，主要涉及设施布点、服务内容和建设时序。</p>" +
                    "<p>采纳情况：关于在农村地区增加助餐点的意见已采纳，规划新增助餐点 12 处；关于延长日间照料中心服务时间的意见部分采纳。</p>" +
                    "<p>未采纳情况及理由：关于在每个社区新建养老院的意见，因用地和运营条件限制暂不采纳，改为依托现有设施提供嵌入式服务。</p>"),
                FeedbackPublishedAtUtc = At(-20, 10), FeedbackPublishedBy = "admin", ClosedPageAtUtc = At(-30, 17),
            });
        await db.SaveChangesAsync(cancellationToken);
    }
}
