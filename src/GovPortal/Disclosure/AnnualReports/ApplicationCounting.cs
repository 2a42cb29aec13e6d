using GovPortal.Content.Disclosure;

namespace GovPortal.Disclosure.AnnualReports;

/// <summary>What table 三 needs of one application: plain columns, no personal data.</summary>
public sealed record CountedApplication(string ApplicantType, string OrganisationKind, DateOnly ReceivedOn,
    DateOnly? AnsweredOn, string OutcomeCategory, string OutcomeReason);

/// <summary>
/// Table 三 of the annual report (收到和处理政府信息公开申请情况) in the layout of the national format,
/// 国办公开办函〔2021〕30号 (as reprinted e.g. at http://zrzy.smx.gov.cn/16903/616589856/1288675.html): columns
/// 自然人, 法人或其他组织 (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他) and 总计; rows 一、本年新收,
/// 二、上年结转, 三、本年度办理结果 (予以公开; 部分公开; 不予公开 and its 8 reasons; 无法提供 and its 3; 不予处理 and its
/// 5; 其他处理 and its 3; 总计) and 四、结转下年度继续办理. Within a year: 一 + 二 = 三(七) + 四.
/// </summary>
public static class ApplicationCounting
{
    public const string NewRow = "new";
    public const string CarriedInRow = "carried-in";
    public const string TotalRow = "outcome:total";
    public const string CarriedOutRow = "carried-out";

    private const string Results = "三、本年度办理结果";

    /// <summary>
    /// The sub-rows of (六)其他处理 in the format. The reason codes of the first two are counted when an answer
    /// carries them; any other 其他处理 counts as 3.其他.
    /// </summary>
    public static readonly IReadOnlyList<CodedLabel> OtherReasons =
    [
        new("no-correction", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        new("unpaid-fee", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        new("other", "其他"),
    ];

    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七"];

    /// <summary>The row keys and labels of table 三, in order.</summary>
    public static IReadOnlyList<(string Key, string Part, string? Category, string? Reason)> Layout()
    {
        var rows = new List<(string, string, string?, string?)>
        {
            (NewRow, "一、本年新收政府信息公开申请数量", null, null),
            (CarriedInRow, "二、上年结转政府信息公开申请数量", null, null),
        };
        for (var i = 0; i < DisclosureOutcomes.All.Count; i++)
        {
            var category = DisclosureOutcomes.All[i];
            var label = $"（{Numerals[i]}）{CategoryLabel(category)}";
            var reasons = category.Code == "other" ? OtherReasons : category.Reasons;
            if (reasons.Count == 0) rows.Add(($"outcome:{category.Code}", Results, label, null));
            for (var r = 0; r < reasons.Count; r++)
                rows.Add(($"outcome:{category.Code}:{reasons[r].Code}", Results, label,
                    $"{r + 1}.{reasons[r].Label}"));
        }
        rows.Add((TotalRow, Results, $"（{Numerals[DisclosureOutcomes.All.Count]}）总计", null));
        rows.Add((CarriedOutRow, "四、结转下年度继续办理", null, null));
        return rows;
    }

    private static string CategoryLabel(DisclosureOutcomes.Category category) =>
        category.Code == "partial" ? "部分公开（区分处理的，只计这一情形，不计其他情形）" : category.Label;

    /// <summary>Table 三 of <paramref name="year"/> from every application of the site.</summary>
    public static ApplicationsTable Count(IEnumerable<CountedApplication> applications, int year)
    {
        var layout = Layout();
        var counts = layout.ToDictionary(r => r.Key, _ => new int[ApplicationsTable.Columns.Count]);
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        foreach (var application in applications)
        {
            var column = ColumnOf(application);
            if (application.ReceivedOn >= start && application.ReceivedOn <= end) Add(counts[NewRow], column);
            // Received before the year and not answered before it started.
            if (application.ReceivedOn < start && !(application.AnsweredOn < start))
                Add(counts[CarriedInRow], column);
            if (application.AnsweredOn is { } answered && answered >= start && answered <= end)
            {
                Add(counts[OutcomeRow(application)], column);
                Add(counts[TotalRow], column);
            }
            // Received by the year's end and not answered by then.
            if (application.ReceivedOn <= end && !(application.AnsweredOn <= end))
                Add(counts[CarriedOutRow], column);
        }
        return new ApplicationsTable([.. layout.Select(r => new ApplicationsRow(r.Key, r.Part, r.Category, r.Reason,
            counts[r.Key]))]);
    }

    private static void Add(int[] row, int column)
    {
        row[column]++;
        row[^1]++;
    }

    /// <summary>自然人 for citizens; an organisation's kind column, 其他 where the kind is missing or unknown.</summary>
    private static int ColumnOf(CountedApplication application)
    {
        if (application.ApplicantType != ApplicantTypes.Organisation) return 0;
        var kinds = ApplicantTypes.OrganisationKinds;
        var index = kinds.ToList().FindIndex(k => k.Code == application.OrganisationKind);
        return ApplicationsTable.FirstOrganisationColumn + (index < 0 ? kinds.Count - 1 : index);
    }

    /// <summary>The outcome's row; an answer without a known category or reason goes to its category's last.
    /// </summary>
    private static string OutcomeRow(CountedApplication application)
    {
        var category = DisclosureOutcomes.Find(application.OutcomeCategory) ?? DisclosureOutcomes.All[^1];
        var reasons = category.Code == "other" ? OtherReasons : category.Reasons;
        if (reasons.Count == 0) return $"outcome:{category.Code}";
        var reason = reasons.FirstOrDefault(r => r.Code == application.OutcomeReason) ?? reasons[^1];
        return $"outcome:{category.Code}:{reason.Code}";
    }
}
