namespace GovPortal.Disclosure;

/// <summary>A stable code and its label as the regulation and the annual report name it.</summary>
public sealed record CodedLabel(string Code, string Label);

/// <summary>Applicant types and, for organisations, the columns of the annual report's table 三.</summary>
public static class ApplicantTypes
{
    public const string Citizen = "citizen";
    public const string Organisation = "organisation";

    public static readonly IReadOnlyList<CodedLabel> All =
        [new(Citizen, "公民"), new(Organisation, "法人或其他组织")];

    public static readonly IReadOnlyList<CodedLabel> OrganisationKinds =
    [
        new("commercial", "商业企业"), new("research", "科研机构"), new("public-welfare", "社会公益组织"),
        new("legal-service", "法律服务机构"), new("other", "其他"),
    ];

    public static string Label(string code) => All.FirstOrDefault(t => t.Code == code)?.Label ?? code;

    public static string KindLabel(string code) => OrganisationKinds.FirstOrDefault(t => t.Code == code)?.Label ?? "";
}

/// <summary>How the applicant wants the information: delivery and medium.</summary>
public static class DeliveryOptions
{
    public static readonly IReadOnlyList<CodedLabel> Deliveries =
        [new("post", "邮寄"), new("email", "电子邮件"), new("in-person", "当面领取")];

    public static readonly IReadOnlyList<CodedLabel> Media = [new("paper", "纸质"), new("electronic", "电子")];

    public static string Label(string code) =>
        Deliveries.Concat(Media).FirstOrDefault(t => t.Code == code)?.Label ?? code;
}

/// <summary>ID types: the applicant type decides which one is asked for.</summary>
public static class IdTypes
{
    public const string ResidentId = "resident-id";
    public const string CreditCode = "credit-code";

    public static string Label(string code) => code == CreditCode ? "统一社会信用代码" : "居民身份证";
}

/// <summary>
/// The outcomes of an application (《政府信息公开条例》 Art. 36 and the national annual-report format), each category
/// with its reasons. The codes are stored and counted by the annual report: never change or reuse one.
/// </summary>
public static class DisclosureOutcomes
{
    public sealed record Category(string Code, string Label, IReadOnlyList<CodedLabel> Reasons);

    public static readonly IReadOnlyList<Category> All =
    [
        new("disclose", "予以公开", []),
        new("partial", "部分公开", []),
        new("withhold", "不予公开",
        [
            new("state-secret", "属于国家秘密"),
            new("law-forbids", "其他法律行政法规禁止公开"),
            new("security-stability", "危及“三安全一稳定”"),
            new("third-party", "保护第三方合法权益"),
            new("internal-affairs", "属于三类内部事务信息"),
            new("process-information", "属于四类过程性信息"),
            new("enforcement-file", "属于行政执法案卷"),
            new("administrative-query", "属于行政查询事项"),
        ]),
        new("unavailable", "无法提供",
        [
            new("not-held", "本机关不掌握相关政府信息"),
            new("needs-creation", "没有现成信息需要另行制作"),
            new("unclear-after-correction", "补正后申请内容仍不明确"),
        ]),
        new("not-processed", "不予处理",
        [
            new("petition", "信访举报投诉类申请"),
            new("repeated", "重复申请"),
            new("publication", "要求提供公开出版物"),
            new("massive", "无正当理由大量反复申请"),
            new("confirmation", "要求行政机关确认或重新出具已获取信息"),
        ]),
        new("other", "其他处理", []),
    ];

    public static Category? Find(string code) => All.FirstOrDefault(c => c.Code == code);

    /// <summary>The category and reason as a reader sees them: 不予公开（属于国家秘密）.</summary>
    public static string Label(string category, string reason)
    {
        if (Find(category) is not { } found) return "";
        var why = found.Reasons.FirstOrDefault(r => r.Code == reason)?.Label;
        return why is null ? found.Label : $"{found.Label}（{why}）";
    }
}

/// <summary>Status labels as applicants and staff read them.</summary>
public static class DisclosureStatusLabels
{
    public static string Of(DisclosureStatus status) => status switch
    {
        DisclosureStatus.Submitted => "已收到，待登记",
        DisclosureStatus.Registered => "已登记",
        DisclosureStatus.AwaitingCorrection => "待补正",
        DisclosureStatus.Processing => "办理中",
        DisclosureStatus.Answered => "已答复",
        _ => status.ToString(),
    };
}
