using GovPortal.Content;
using GovPortal.Content.Disclosure;
using GovPortal.Content.Kinds;
using GovPortal.Content.Organisations;
using GovPortal.Data.Disclosure;
using GovPortal.Safety;
using Microsoft.EntityFrameworkCore;

namespace GovPortal.Data.Demo;

/// <summary>
/// The demo site's 政府信息公开 section under /zfxxgk/: the 指南 and 制度 pages, two organisations, six policy documents
/// across three topics (one repealed and replaced by another) and two interpretations, numbered like real ones.
/// </summary>
public static class DemoDisclosureSeeder
{
    /// <summary>苏州市相城区人民政府办公室 (the code of the 索引号 example).</summary>
    public const string OfficeCode = "11320507014160024H";

    /// <summary>苏州市相城区司法局: its check character computed with UnifiedSocialCreditCode.CheckCharacter.</summary>
    public const string JusticeBureauCode = "113205070141602276";

    /// <summary>The live pages the section adds: the guide, the rules, six documents, two interpretations.</summary>
    public const int ArticleCount = 10;

    /// <summary>The channels it adds: the section and its four sub-channels.</summary>
    public const int ChannelCount = 5;

    public static async Task SeedAsync(GovPortalDbContext db, int siteId, RichTextSanitizer sanitizer, DateTime now,
        CancellationToken cancellationToken)
    {
        var section = new Channel { SiteId = siteId, Name = "政府信息公开", Slug = "zfxxgk", SortOrder = 3 };
        var files = new Channel
        {
            SiteId = siteId, Name = "政策文件", Slug = "zcwjk", SortOrder = 1, Parent = section,
            UpdateFrequencyDays = 180, DisclosureRole = ChannelDisclosureRole.Statutory,
        };
        var interpretations = new Channel
        {
            SiteId = siteId, Name = "政策解读", Slug = "zcjd", SortOrder = 2, Parent = section,
            DisclosureRole = ChannelDisclosureRole.Statutory,
        };
        var guide = new Channel { SiteId = siteId, Name = "政府信息公开指南", Slug = "gkzn", SortOrder = 3, Parent = section,
            DisclosureRole = ChannelDisclosureRole.Guide,
        };
        var rules = new Channel { SiteId = siteId, Name = "政府信息公开制度", Slug = "gkzd", SortOrder = 4, Parent = section,
            DisclosureRole = ChannelDisclosureRole.Rules,
        };
        db.Channels.AddRange(section, files, interpretations, guide, rules);
        var office = new Organisation
        {
            SiteId = siteId, Name = "苏州市相城区人民政府办公室", CreditCode = OfficeCode, SortOrder = 1,
        };
        var justice = new Organisation
        {
            SiteId = siteId, Name = "苏州市相城区司法局", CreditCode = JusticeBureauCode, SortOrder = 2,
        };
        db.Organisations.AddRange(office, justice);
        await db.SaveChangesAsync(cancellationToken);
        var topics = await DisclosureLists.ClassificationsAsync(db, siteId, ClassificationScheme.Topic,
            cancellationToken);
        var genres = await DisclosureLists.ClassificationsAsync(db, siteId, ClassificationScheme.Genre,
            cancellationToken);
        int Topic(string name) => topics.First(t => t.Name == name).Id;
        int Genre(string name) => genres.First(g => g.Name == name).Id;

        Article Page(Channel channel, string title, DateOnly day, params string[] paragraphs) => new()
        {
            SiteId = siteId, Channel = channel, Kind = NewsKind.Key, Title = title, Source = "区政府办公室",
            Summary = paragraphs[0], BodyHtml = Body(sanitizer, paragraphs), PublishedAtUtc = At(day),
            Status = ArticleStatus.Published, UpdatedAtUtc = now,
        };
        db.Articles.Add(Page(guide, "苏州市相城区人民政府政府信息公开指南", new DateOnly(2023, 1, 16), GuideText));
        db.Articles.Add(Page(rules, "苏州市相城区政府信息公开工作制度", new DateOnly(2023, 2, 10), RulesText));

        var documents = new List<(Article Article, Organisation By)>();
        foreach (var seed in Documents)
        {
            var by = seed.ByJusticeBureau ? justice : office;
            var article = new Article
            {
                SiteId = siteId, Channel = files, Kind = DocumentKind.Key, Title = seed.Title,
                Summary = seed.Summary, BodyHtml = Body(sanitizer, seed.Paragraphs), PublishedAtUtc = At(seed.Released),
                Status = ArticleStatus.Published, UpdatedAtUtc = now,
                Extras = new() { ["disclosureMode"] = DocumentKind.Proactive, ["keywords"] = seed.Keywords },
                Disclosure = new DisclosureFacts
                {
                    DocumentNumber = seed.Number, OrganisationId = by.Id, TopicId = Topic(seed.Topic),
                    GenreId = Genre(seed.Genre), WrittenOn = seed.Written, ReleasedOn = seed.Released,
                    Validity = DocumentValidity.Effective,
                },
            };
            db.Articles.Add(article);
            documents.Add((article, by));
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (article, by) in documents)
        {
            var (number, _) = await IndexNumbers.IssueAsync(db, siteId, article.Id,
                IndexNumberPattern.DefaultPattern, by.CreditCode, article.Disclosure.ReleasedOn!.Value.Year, now,
                cancellationToken);
            article.Disclosure.IndexNumber = number;
        }
        // The 2021 measures were repealed when the 2023 measures took effect (documents 2 and 3).
        var repealed = documents[1].Article.Disclosure;
        repealed.Validity = DocumentValidity.Repealed;
        repealed.ValidityChangedOn = new DateOnly(2023, 10, 1);
        repealed.ReplacedById = documents[2].Article.Id;

        db.Articles.Add(Interpretation(siteId, interpretations, sanitizer, now, documents[2].Article,
            InterpretationType.Text, "《相城区行政规范性文件制定和监督管理办法》政策解读", "区司法局",
            new DateOnly(2023, 8, 28), MeasuresInterpretation));
        db.Articles.Add(Interpretation(siteId, interpretations, sanitizer, now, documents[4].Article,
            InterpretationType.Graphic, "一图读懂《相城区法律援助经费使用管理办法》", "区司法局",
            new DateOnly(2023, 5, 30), LegalAidInterpretation));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Article Interpretation(int siteId, Channel channel, RichTextSanitizer sanitizer, DateTime now,
        Article policy, InterpretationType type, string title, string source, DateOnly day, string[] paragraphs) =>
        new()
        {
            SiteId = siteId, Channel = channel, Kind = InterpretationKind.Key, Title = title, Source = source,
            Summary = paragraphs[0], BodyHtml = Body(sanitizer, paragraphs), PublishedAtUtc = At(day),
            Status = ArticleStatus.Published, UpdatedAtUtc = now,
            Disclosure = new DisclosureFacts { PolicyId = policy.Id, InterpretationType = type },
        };

    private static DateTime At(DateOnly day) => ChinaTime.ToUtc(day.Year, day.Month, day.Day, 9, 30);

    private static string Body(RichTextSanitizer sanitizer, IEnumerable<string> paragraphs) =>
        sanitizer.Sanitize(string.Concat(paragraphs.Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>")));

    private sealed record DocumentSeed(string Title, string Number, bool ByJusticeBureau, string Topic, string Genre,
        DateOnly Written, DateOnly Released, string Keywords, string Summary, string[] Paragraphs);

    private static readonly DocumentSeed[] Documents =
    [
        new("苏州市相城区人民政府办公室关于印发《相城区2023年政务公开工作要点》的通知", "相政办发〔2023〕15号", false,
            "综合政务", "通知", new(2023, 4, 10), new(2023, 4, 14), "政务公开 工作要点",
            "部署2023年全区政务公开重点工作。",
            ["各镇人民政府、街道办事处，区各委办局，区各直属单位：",
             "《相城区2023年政务公开工作要点》已经区政府同意，现印发给你们，请结合实际认真贯彻落实。",
             "一、围绕稳经济促发展加强政策发布解读。各部门制定的涉企政策应同步发布解读材料，政策解读与政策文件同步组织、同步审签、同步部署。",
             "二、持续深化基层政务公开标准化规范化建设。各镇（街道）要对照标准目录，及时更新主动公开事项，确保信息准确、完整、规范。",
             "三、提升政府信息公开申请办理质量。严格按照《中华人民共和国政府信息公开条例》规定的时限和要求答复，规范答复文书。",
             "苏州市相城区人民政府办公室", "2023年4月10日"]),
        new("苏州市相城区人民政府关于印发《相城区行政规范性文件管理办法》的通知", "相政规〔2021〕2号", false,
            "综合政务", "规范性文件", new(2021, 6, 8), new(2021, 6, 15), "行政规范性文件 管理",
            "规范全区行政规范性文件的制定、备案和清理工作。",
            ["各镇人民政府、街道办事处，区各委办局，区各直属单位：",
             "《相城区行政规范性文件管理办法》已经区政府常务会议审议通过，现印发给你们，请认真遵照执行。",
             "第一条 为加强行政规范性文件管理，推进依法行政，根据有关法律法规和规章，结合本区实际，制定本办法。",
             "第二条 本办法所称行政规范性文件，是指除规章外，由行政机关依照法定权限、程序制定并公开发布，涉及公民、法人和其他组织权利义务，具有普遍约束力，在一定期限内反复适用的公文。",
             "第三条 本办法自2021年7月15日起施行，有效期五年。",
             "苏州市相城区人民政府", "2021年6月8日"]),
        new("苏州市相城区人民政府关于印发《相城区行政规范性文件制定和监督管理办法》的通知", "相政规〔2023〕3号", false,
            "综合政务", "规范性文件", new(2023, 8, 18), new(2023, 8, 25), "行政规范性文件 合法性审核 备案审查",
            "明确行政规范性文件起草、审核、决定、公布、备案和清理的要求，原《相城区行政规范性文件管理办法》同时废止。",
            ["各镇人民政府、街道办事处，区各委办局，区各直属单位：",
             "《相城区行政规范性文件制定和监督管理办法》已经区政府第二十次常务会议审议通过，现印发给你们，请认真遵照执行。",
             "第一条 为规范行政规范性文件制定和监督管理工作，维护法制统一，保障公民、法人和其他组织的合法权益，制定本办法。",
             "第二条 行政规范性文件应当经过评估论证、公开征求意见、合法性审核、集体审议决定等程序，未经合法性审核或者经审核不合法的，不得提交集体审议。",
             "第三条 行政规范性文件应当自公布之日起15日内报送备案；区司法局负责备案审查的具体工作。",
             "第四条 本办法自2023年10月1日起施行。2021年6月8日印发的《相城区行政规范性文件管理办法》（相政规〔2021〕2号）同时废止。",
             "苏州市相城区人民政府", "2023年8月18日"]),
        new("苏州市相城区司法局关于印发《相城区2023年普法依法治理工作要点》的通知", "相司发〔2023〕8号", true,
            "公安、安全、司法", "通知", new(2023, 3, 2), new(2023, 3, 6), "普法 依法治理 八五普法",
            "部署2023年全区普法依法治理工作。",
            ["各镇（街道）司法所，局机关各科室：",
             "现将《相城区2023年普法依法治理工作要点》印发给你们，请结合实际抓好落实。",
             "一、深入学习宣传习近平法治思想，推动领导干部带头尊法学法守法用法。",
             "二、落实“谁执法谁普法”普法责任制，推行普法责任清单制度，开展年度履职评议。",
             "三、推进法治乡村建设，培育“法律明白人”，开展民主法治示范村（社区）创建。",
             "苏州市相城区司法局", "2023年3月2日"]),
        new("苏州市相城区司法局 苏州市相城区财政局关于印发《相城区法律援助经费使用管理办法》的通知", "相司规〔2023〕1号", true,
            "公安、安全、司法", "办法", new(2023, 5, 20), new(2023, 5, 26), "法律援助 经费 办案补贴",
            "规范法律援助经费的使用和管理，明确办案补贴标准和支付程序。",
            ["各镇（街道）司法所、财政所，各法律援助工作站：",
             "为规范法律援助经费使用管理，根据《中华人民共和国法律援助法》等规定，区司法局、区财政局制定了《相城区法律援助经费使用管理办法》，现印发给你们，请遵照执行。",
             "第一条 法律援助经费专款专用，任何单位和个人不得截留、挪用。",
             "第二条 法律援助人员办结案件后，按照案件类型和办理阶段领取办案补贴，补贴标准见附件。",
             "第三条 本办法自2023年7月1日起施行，有效期五年。",
             "苏州市相城区司法局  苏州市相城区财政局", "2023年5月20日"]),
        new("苏州市相城区人民政府办公室关于进一步加强农村生活污水治理设施运行维护管理的实施意见", "相政办发〔2023〕32号", false,
            "城乡建设、环境保护", "意见", new(2023, 7, 11), new(2023, 7, 17), "农村生活污水 运行维护",
            "建立农村生活污水治理设施长效运行维护机制。",
            ["各镇人民政府、街道办事处，区各委办局，区各直属单位：",
             "为巩固农村生活污水治理成果，确保治理设施长期稳定运行，经区政府同意，现提出如下实施意见。",
             "一、明确责任。各镇（街道）是本辖区农村生活污水治理设施运行维护的责任主体，区水务局负责行业指导和监督考核。",
             "二、规范运维。运维单位应当建立设施台账，落实日常巡查、定期维护和水质检测制度，发现故障48小时内修复。",
             "三、强化考核。区水务局每季度对各镇（街道）设施运行情况进行考核，考核结果纳入年度高质量发展考核。",
             "苏州市相城区人民政府办公室", "2023年7月11日"]),
    ];

    private static readonly string[] GuideText =
    [
        "为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。需要获得本机关政府信息公开服务的公民、法人或者其他组织，建议阅读本指南。",
        "一、主动公开。本机关主动公开的政府信息，按照主题分类和发布机构编排，可在本网站“政府信息公开”栏目查阅，并可通过索引号、发文字号检索。主动公开的政府信息自形成或者变更之日起20个工作日内予以公开。",
        "二、依申请公开。公民、法人或者其他组织可以通过本网站在线提交、信函或者当面提交书面申请。本机关收到申请后，能够当场答复的当场答复；"
        + "不能当场答复的，自收到申请之日起20个工作日内予以答复，需要延长答复期限的，经负责人同意并告知申请人，延长的期限最长不超过20个工作日。",
        "三、政府信息公开工作机构：苏州市相城区人民政府办公室（区政务公开办公室）。",
        "办公地址：苏州市相城区阳澄湖东路8号相城区行政中心1号楼312室，邮政编码：215131。",
        "办公时间：工作日上午9:00—12:00，下午13:30—17:00（法定节假日除外）。",
        "联系电话：0512-65866012；传真：0512-65866016；电子邮箱：xczwgk@szxc.gov.cn。",
        "四、监督和救济。公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向苏州市相城区人民政府办公室投诉、举报，也可以依法申请行政复议或者提起行政诉讼。",
    ];

    private static readonly string[] RulesText =
    [
        "第一条 为规范本区政府信息公开工作，提高政府工作透明度，根据《中华人民共和国政府信息公开条例》，制定本制度。",
        "第二条 政府信息公开实行“谁制作、谁公开，谁获取、谁公开”的原则。各部门确定一名分管负责人和一名工作人员负责政府信息公开工作。",
        "第三条 拟公开的政府信息，应当依照有关规定进行保密审查；不能确定是否可以公开的，报有关主管部门或者保密行政管理部门确定。",
        "第四条 政策文件与解读材料同步起草、同步审签、同步发布。文件修改、废止或者失效的，在原文件页面标注并链接现行文件。",
        "第五条 每年1月31日前公布本机关上一年度政府信息公开工作年度报告。",
        "第六条 本制度自印发之日起施行。",
    ];

    private static readonly string[] MeasuresInterpretation =
    [
        "一、制定背景。2021年印发的《相城区行政规范性文件管理办法》施行以来，对规范全区行政规范性文件管理发挥了积极作用。"
        + "为落实国务院办公厅关于全面推行行政规范性文件合法性审核机制的要求，区政府重新制定了《相城区行政规范性文件制定和监督管理办法》。",
        "二、主要内容。办法共二十八条，明确了起草、评估论证、公开征求意见、合法性审核、集体审议、公布、备案审查和定期清理等环节的要求。",
        "三、主要变化。一是合法性审核成为必经程序，未经审核不得提交集体审议；二是备案时限由30日缩短为15日；三是建立每两年一次的定期清理制度。",
        "四、施行时间。办法自2023年10月1日起施行，原办法同时废止。",
    ];

    private static readonly string[] LegalAidInterpretation =
    [
        "图解内容：谁可以申请法律援助——经济困难的公民和符合法定条件的其他当事人。",
        "办案补贴怎么算——按案件类型和办理阶段分档计算，民事案件、刑事案件、行政案件分别执行不同标准。",
        "经费怎么管——专款专用，区司法局、区财政局定期检查，接受审计监督。",
        "什么时候施行——2023年7月1日起施行。",
    ];
}
