using GovPortal.Content;

namespace GovPortal.Data.Demo;

/// <summary>The kind of column an article is written for; it decides the title and prose patterns.</summary>
public enum DemoArticleKind
{
    News,
    DepartmentNews,
    Notice,
    Policy,
}

/// <summary>A generated article, ready to be stored.</summary>
public sealed record GeneratedArticle(string Title, string Source, string Author, string Summary, string BodyHtml,
    DateTime PublishedAtUtc);

/// <summary>
/// Deterministic generator of plausible district-government prose for the demo site and benchmark corpora.
/// The same seed always gives the same articles, so tests and benchmarks are repeatable.
/// </summary>
public sealed class DemoArticleGenerator(int seed)
{
    private static readonly string[] Places =
        ["元和街道", "黄桥街道", "北桥街道", "渭塘镇", "望亭镇", "黄埭镇", "阳澄湖镇", "太平街道", "澄阳街道", "漕湖街道", "高铁新城", "相城经开区"];

    private static readonly string[] Departments =
        ["区发改委", "区教育局", "区民政局", "区财政局", "区人社局", "区住建局", "区交通运输局", "区农业农村局", "区商务局",
         "区文体旅局", "区卫健委", "区应急管理局", "区市场监管局", "区数据局", "区城管局", "区司法局", "区水务局", "区退役军人事务局"];

    private static readonly string[] Topics =
        ["安全生产", "垃圾分类", "营商环境优化", "数字经济发展", "乡村振兴", "文明城市创建", "防汛防台", "消防安全", "食品安全",
         "河长制", "人才引进", "科技创新", "养老服务", "义务教育优质均衡", "医疗保障", "就业创业", "交通秩序整治", "老旧小区改造",
         "秸秆禁烧", "燃气安全", "校园周边环境整治", "农村人居环境整治", "消费帮扶", "一网通办", "法治政府建设", "大气污染防治"];

    private static readonly string[] NewsActions =
        ["召开{0}工作推进会", "部署{0}重点工作", "开展{0}专项督查", "举办{0}业务培训班", "调研{0}工作", "推进{0}提质增效",
         "召开{0}专题会议", "启动{0}攻坚行动"];

    private static readonly string[] NoticeTitles =
        ["关于开展{1}年度{0}专项检查的通知", "关于{0}有关事项的公告", "关于做好{0}工作的通知", "关于{0}项目拟入选名单的公示",
         "关于征求《{0}实施办法（征求意见稿）》意见的公告"];

    private static readonly string[] PolicyTitles =
        ["相城区{0}三年行动计划（{1}—{2}年）", "关于进一步加强{0}工作的实施意见", "相城区{0}管理办法", "相城区{0}专项资金使用办法"];

    private static readonly string[] Openings =
        ["{0}，{1}召开{2}工作会议，总结前期工作成效，部署下一阶段重点任务。",
         "{0}，{1}围绕{2}开展专题调研，实地察看重点项目推进情况，听取有关情况汇报。",
         "为深入推进{2}工作，{0}，{1}组织召开专题推进会，各相关部门负责人参加会议。"];

    private static readonly string[] Middles =
        ["会议指出，{2}工作事关群众切身利益，各部门要提高政治站位，压紧压实工作责任，确保各项措施落到实处。",
         "今年以来，{1}坚持问题导向，聚焦{2}中的难点堵点，建立健全工作台账，累计排查问题{3}个，已完成整改{4}个。",
         "会议要求，要坚持系统思维，强化部门协同，把{2}与高质量发展统筹推进，持续提升群众获得感、幸福感、安全感。",
         "下一步，{1}将进一步完善长效机制，加大督查考核力度，推动{2}工作取得更大成效。",
         "据介绍，{1}已累计投入资金{3}万元，惠及群众{4}余户，相关做法得到上级部门肯定。"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "朱", "沈", "顾",
        "陆", "钱"];
    private static readonly string[] GivenNames = ["晓东", "丽", "建国", "敏", "志强", "雪", "海燕", "伟", "静", "一鸣", "佳怡", "文博",
        "欣然", "子涵"];

    private readonly Random _random = new(seed);

    public GeneratedArticle Next(DemoArticleKind kind, DateTime publishedAtUtc)
    {
        var topic = Pick(Topics);
        var year = ChinaTime.ToChina(publishedAtUtc).Year;
        var actor = kind == DemoArticleKind.News ? Pick(Places) : Pick(Departments);
        var title = kind switch
        {
            DemoArticleKind.Notice => $"{Pick(Departments)}{string.Format(Pick(NoticeTitles), topic, year)}",
            DemoArticleKind.Policy => string.Format(Pick(PolicyTitles), topic, year, year + 2),
            _ => actor + string.Format(Pick(NewsActions), topic),
        };
        var when = ChinaTime.ToChina(publishedAtUtc)
            .ToString("M月d日", System.Globalization.CultureInfo.InvariantCulture);
        var paragraphs = new List<string> { string.Format(Pick(Openings), when, actor, topic) };
        var middleCount = 2 + _random.Next(3);
        foreach (var template in Middles.OrderBy(_ => _random.Next()).Take(middleCount))
            paragraphs.Add(string.Format(template, when, actor, topic, _random.Next(20, 400), _random.Next(10, 300)));

        var source = kind == DemoArticleKind.News ? "相城区融媒体中心" : actor;
        var author = Pick(Surnames) + Pick(GivenNames);
        var body = string.Concat(paragraphs.Select(p => $"<p>{p}</p>"));
        return new GeneratedArticle(title, source, author, paragraphs[0], body, publishedAtUtc);
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
