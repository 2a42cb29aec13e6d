using System.Globalization;
using System.Text.Json;
using GovPortal.Citizens.Protection;
using GovPortal.Citizens.Receipts;
using GovPortal.Content;
using GovPortal.Content.Disclosure;
using GovPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Disclosure.AnnualReports;

/// <summary>
/// The demo site's 依申请公开 applications of 2025 (one received late in 2024, one answered in January 2026) and its
/// published 2025 annual report, whose tables are computed from the demo's records like any report. Written once,
/// right after the demo site is created, through the same model as real applications (receipt numbers, hashed
/// 查询码, sealed applicant details).
/// </summary>
public sealed class DemoAnnualReportSeeder(PersonalDataCipher cipher)
{
    public const int Year = 2025;
    private const string Staff = "信息公开科";

    private sealed record Seed(string Type, string Kind, string Name, string Received, string Answered,
        string Category, string Reason, string Description);

    private static readonly Seed[] Seeds =
    [
        new("citizen", "", "陈晓明", "2024-12-18", "2025-01-09", "disclose", "", "2024年区级老旧小区改造项目名单"),
        new("citizen", "", "周丽华", "2025-02-17", "2025-03-10", "disclose", "", "黄埭镇某地块征收补偿安置方案"),
        new("organisation", "commercial", "苏州某建材有限公司", "2025-03-05", "2025-03-26", "partial", "",
            "2024年区级建设工程招标投标投诉处理情况"),
        new("citizen", "", "吴建国", "2025-04-08", "2025-04-29", "withhold", "third-party", "邻居房屋的不动产登记资料"),
        new("citizen", "", "沈玉琴", "2025-05-12", "2025-06-05", "unavailable", "not-held", "1998年某村集体土地承包合同"),
        new("organisation", "legal-service", "江苏某律师事务所", "2025-06-03", "2025-06-20", "disclose", "",
            "相城区行政规范性文件目录"),
        new("citizen", "", "顾志强", "2025-06-23", "2025-07-14", "not-processed", "petition", "对小区物业服务的投诉"),
        new("organisation", "research", "苏州某规划设计研究院", "2025-07-15", "2025-08-05", "disclose", "",
            "2024年全区人口与住房统计公报的数据来源"),
        new("citizen", "", "钱海燕", "2025-08-19", "2025-09-09", "unavailable", "needs-creation",
            "近十年全区各村道路投资情况汇总"),
        new("organisation", "public-welfare", "相城区某社会工作服务中心", "2025-09-10", "2025-09-30", "disclose", "",
            "2025年区级福利彩票公益金资助项目清单"),
        new("citizen", "", "孙卫东", "2025-10-20", "2025-11-11", "withhold", "process-information",
            "某道路拓宽工程方案的内部讨论记录"),
        new("organisation", "other", "相城区某村股份经济合作社", "2025-11-03", "2025-11-24", "not-processed", "repeated",
            "已答复过的农田水利设施维修资金情况"),
        new("citizen", "", "朱美玲", "2025-11-17", "2025-12-05", "other", "", "申请人来电表示不再需要所申请的信息"),
        new("citizen", "", "徐国平", "2025-12-22", "2026-01-16", "disclose", "", "2025年区级重点民生实事项目完成情况"),
    ];

    /// <summary>Writes the applications and the published report, once: a site that has a 2025 report is left alone.
    /// </summary>
    public async Task SeedAsync(GovPortalDbContext db, CancellationToken cancellationToken = default)
    {
        var site = await db.Sites.OrderBy(s => s.Id).FirstAsync(cancellationToken);
        if (await db.AnnualReports.AnyAsync(r => r.SiteId == site.Id && r.Year == Year, cancellationToken)) return;
        foreach (var seed in Seeds)
        {
            var received = DateOnly.Parse(seed.Received, CultureInfo.InvariantCulture);
            var answered = DateOnly.Parse(seed.Answered, CultureInfo.InvariantCulture);
            var number = await ReceiptNumbers.NextAsync(db, site.Id, DisclosureIntake.Series, received,
                cancellationToken);
            var hash = QueryCode.Hash(QueryCode.NewCode());
            var organisation = seed.Type == ApplicantTypes.Organisation;
            var details = new ApplicantDetails(seed.Name, organisation ? "91320507MA1XXXXX0X" : "320507198001010000",
                "0512-65000000", "苏州市相城区元和街道", "215131", "", seed.Description);
            var receivedAt = ChinaTime.ToUtc(received.Year, received.Month, received.Day, 9, 30);
            db.DisclosureApplications.Add(new DisclosureApplication
            {
                SiteId = site.Id, Number = number, QueryCodeSalt = hash.Salt, QueryCodeHash = hash.Hash,
                ApplicantType = seed.Type, OrganisationKind = seed.Kind,
                SealedApplicant = cipher.Seal(JsonSerializer.Serialize(details), "disclosure-applicant:" + number),
                Delivery = "email", Medium = "electronic", ReceivedOn = received, ReceivedAtUtc = receivedAt,
                Status = DisclosureStatus.Answered, ClockStartsOn = received,
                RegisteredAtUtc = receivedAt.AddHours(2), RegisteredBy = Staff,
                ProcessingAtUtc = receivedAt.AddDays(1), OutcomeCategory = seed.Category, OutcomeReason = seed.Reason,
                AnswerNote = "答复书已按您选择的方式送达，请查收。", AnsweredOn = answered, AnsweredBy = Staff,
            });
        }
        await db.SaveChangesAsync(cancellationToken);

        var computed = await AnnualReportFigures.ComputeAsync(db, site.Id, Year, cancellationToken);
        var figures = new TypedFigures(Licences: 4862, Penalties: 1375, Enforcements: 41, Fees: 0m,
            Review: [1, 0, 0, 0], DirectSuit: [0, 0, 0, 1], SuitAfterReview: [0, 0, 0, 0]);
        var table = computed.Applications;
        int Total(string key) => table.Row(key).Counts[^1];
        var overview = string.Join('\n',
            "2025年，相城区人民政府认真贯彻落实《中华人民共和国政府信息公开条例》，围绕区委、区政府中心工作，"
            + "坚持以公开为常态、不公开为例外，持续提升政务公开质量和实效。",
            $"（一）主动公开。全年通过区政府门户网站主动公开政府信息，现行有效的行政规范性文件"
            + $"{computed.NormativeDocuments.InForce}件全部在政府信息公开目录集中公开，已废止文件标注有效性并保留可查。",
            $"（二）依申请公开。全年新收政府信息公开申请{Total(ApplicationCounting.NewRow)}件，"
            + $"上年结转{Total(ApplicationCounting.CarriedInRow)}件，办结{Total(ApplicationCounting.TotalRow)}件，"
            + $"结转下年度{Total(ApplicationCounting.CarriedOutRow)}件，均在法定期限内答复。",
            "（三）政府信息管理。严格落实公开前保密审查和合法性审核，动态更新政府信息公开指南和目录。",
            "（四）平台建设。区政府门户网站提供适老版和繁体版，统一检索政策文件，依申请公开实现网上提交、网上查询答复。",
            "（五）监督保障。将政务公开工作纳入年度绩效考核，组织业务培训2次，未发生因公开不当引起的责任追究。");
        const string problems =
            "一是部分部门政策解读形式较为单一，图解、视频解读占比不高；二是依申请公开答复文书的说理还需加强。"
            + "\n2026年，区政府将丰富解读形式，推行重要政策文件与解读材料同步发布；开展答复文书规范化培训，"
            + "建立典型案例库，进一步提升依申请公开办理质量。";
        const string otherMatters =
            "本年度未收取信息处理费。\n本年度政务公开工作要点落实情况已在区政府门户网站“政府信息公开”专栏公开。";
        var now = DateTime.SpecifyKind(new DateTime(2026, 1, 20, 2, 0, 0), DateTimeKind.Utc);
        var snapshot = new AnnualReportSnapshot(Year, AnnualReportSnapshot.TitleOf(site.Name, Year), overview,
            computed.Regulations, computed.NormativeDocuments, figures, table, problems, otherMatters,
            new DateOnly(2026, 1, 20));
        db.AnnualReports.Add(new AnnualReport
        {
            SiteId = site.Id, Year = Year, Overview = overview, Problems = problems, OtherMatters = otherMatters,
            TypedFiguresJson = figures.ToJson(), PublishedJson = snapshot.ToJson(), PublishedAtUtc = now,
            PublishedBy = Staff, UpdatedAtUtc = now, UpdatedBy = Staff,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
