using System.Net.Mail;
using System.Text.RegularExpressions;
using GovPortal.Content;
using GovPortal.Content.Kinds;

namespace GovPortal.BackOffice.Settings;

/// <summary>
/// One fact of the site that its staff keep on the 网站信息 form (name, addresses, the footer facts the rules require):
/// its label, limit and rule, and where it lives on <see cref="Site"/>.
/// </summary>
/// <param name="Choices">When set, the form offers these values in a list and takes no other.</param>
/// <param name="Multiline">Shown as a box of several lines.</param>
public sealed record SiteFact(string Name, string Label, int MaxLength, Func<Site, string> Get,
    Action<Site, string> Set, Func<string, string?>? Rule = null, bool Required = false, string? Hint = null,
    string? Placeholder = null, IReadOnlyList<ChoiceOption>? Choices = null, bool Multiline = false)
{
    /// <returns>What is wrong with <paramref name="value"/> in Chinese, or null.</returns>
    public string? Problem(string value)
    {
        if (Required && value.Length == 0) return $"请填写{Label}。";
        if (value.Length > MaxLength) return $"{Label}不能超过 {MaxLength} 个字。";
        if (Choices is not null && Choices.All(c => c.Value != value)) return $"{Label}无效，请从列表中选择。";
        if (XmlCharacters.IndexOfForbidden(value) >= 0) return $"{Label}中有不可见的控制字符，请删除后再保存。";
        return value.Length == 0 ? null : Rule?.Invoke(value);
    }
}

/// <summary>The facts of the 网站信息 form, in its order, with the rules of the national inspection.</summary>
public static partial class SiteFacts
{
    public static IReadOnlyList<SiteFact> All { get; } =
    [
        new("name", "网站名称", 200, s => s.Name, (s, v) => s.Name = v, Required: true,
            Placeholder: "例如：苏州市相城区人民政府"),
        new("baseUrl", "网站地址", 300, s => s.BaseUrl, (s, v) => s.BaseUrl = v.TrimEnd('/'), BaseAddressProblem,
            Required: true, Hint: "二维码、订阅和网站地图中使用的完整地址，例如 https://www.szxc.gov.cn"),
        new("hostNames", "访问域名", 1000, s => s.HostNames, (s, v) => s.HostNames = NormalHosts(v), HostsProblem,
            Hint: "公众访问时使用的域名，多个用逗号分开，例如 www.szxc.gov.cn,szxc.gov.cn"),
        new("sponsor", "主办单位", 200, s => s.Sponsor, (s, v) => s.Sponsor = v),
        new("organizer", "承办单位", 200, s => s.Organizer, (s, v) => s.Organizer = v),
        new("siteCode", "网站标识码", 10, s => s.SiteCode, (s, v) => s.SiteCode = v, SiteCodeProblem,
            Hint: "全国政府网站信息报送系统分配的 10 位标识码：地方网站为 10 位数字，部门网站为 bm 加 8 位数字"),
        new("icpNumber", "ICP备案号", 50, s => s.IcpNumber, (s, v) => s.IcpNumber = v, IcpProblem,
            Placeholder: "例如：苏ICP备05004813号", Hint: "页脚显示并链接到工业和信息化部备案系统"),
        new("publicSecurityNumber", "公安机关备案号", 50, s => s.PublicSecurityNumber,
            (s, v) => s.PublicSecurityNumber = v, PublicSecurityProblem,
            Placeholder: "例如：苏公网安备32050702010001号", Hint: "页脚显示并链接到全国互联网安全管理服务平台"),
        new("conacId", "党政机关网站标识编号", 64, s => s.ConacId, (s, v) => s.ConacId = v, ConacIdProblem,
            Hint: "中国机构编制网（bszs.conac.cn）开办单位信息页地址中 id= 后面的编号；填写后页脚显示“党政机关”标识并链接到该页"),
        new("contactPhone", "联系电话", 50, s => s.ContactPhone, (s, v) => s.ContactPhone = v, PhoneProblem),
        new("contactAddress", "地址", 200, s => s.ContactAddress, (s, v) => s.ContactAddress = v),
        new("contactEmail", "电子邮箱", 200, s => s.ContactEmail, (s, v) => s.ContactEmail = v, EmailProblem),
        new("userLoginUrl", "用户登录地址", 500, s => s.UserLoginUrl, (s, v) => s.UserLoginUrl = v,
            WebAddressProblem("用户登录地址"), Hint: "页面顶部“用户登录”打开的地址，通常是省政务服务网的统一身份认证"),
        new("themeColour", "主题配色", 20, s => s.ThemeColour, (s, v) => s.ThemeColour = v, Choices: SiteLook.Themes,
            Hint: "页头、导航和栏目标题的颜色；每种配色上的白色文字都达到无障碍对比度要求，读者仍可用“网站无障碍”切换高对比度配色"),
        new("newMedia", "政务新媒体", NewMediaAccounts.MaxLength, s => s.NewMediaAccounts,
            (s, v) => s.NewMediaAccounts = NewMediaAccounts.Normal(v), NewMediaAccounts.Problem, Multiline: true,
            Hint: "每行一个账号，格式为“平台｜名称｜网址”，网址可以不填，例如 微信公众号｜相城发布；页脚列出这些账号",
            Placeholder: "微信公众号｜相城发布\n政务微博｜相城发布｜https://weibo.com/…"),
    ];

    /// <summary>The facts as the form holds them, by name, from the site.</summary>
    public static Dictionary<string, string> ValuesOf(Site site) =>
        All.ToDictionary(f => f.Name, f => f.Get(site), StringComparer.Ordinal);

    /// <returns>The first fact that is not acceptable (its name and the message), or null.</returns>
    public static (string Field, string Message)? Problem(IReadOnlyDictionary<string, string> values)
    {
        foreach (var fact in All)
            if (fact.Problem(values.GetValueOrDefault(fact.Name) ?? "") is { } message) return (fact.Name, message);
        return null;
    }

    private static string? BaseAddressProblem(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0
        && string.IsNullOrEmpty(uri.UserInfo)
            ? null
            : "网站地址须是以 http:// 或 https:// 开头、不带路径的完整地址，例如 https://www.szxc.gov.cn 。";

    private static string NormalHosts(string value) => string.Join(',',
        value.Split([',', '，', ' ', '\n', '\r', '\t', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(h => h.ToLowerInvariant()).Distinct());

    private static string? HostsProblem(string value)
    {
        foreach (var host in NormalHosts(value).Split(','))
            if (!HostName().IsMatch(host))
                return $"“{host}”不是有效的域名；请填写域名本身（不带 http:// 和路径），多个用逗号分开。";
        return null;
    }

    private static string? SiteCodeProblem(string value) => SiteCode().IsMatch(value) ? null
        : "网站标识码应为 10 位：地方网站为 10 位数字（如 3205070001），部门网站为 bm 加 8 位数字（如 bm12000001）。";

    private static string? IcpProblem(string value) => Icp().IsMatch(value) ? null
        : "ICP备案号的格式应为“省份简称 + ICP备 + 数字 + 号”，例如 苏ICP备05004813号 或 苏ICP备05004813号-1。";

    private static string? PublicSecurityProblem(string value) => PublicSecurity().IsMatch(value) ? null
        : "公安机关备案号的格式应为“省份简称 + 公网安备 + 14 位数字 + 号”，例如 苏公网安备32050702010001号。";

    private static string? ConacIdProblem(string value) => ConacId().IsMatch(value) ? null
        : "党政机关网站标识编号只能包含字母和数字（6 到 64 位），即开办单位信息页地址中 id= 后面的部分。";

    private static string? PhoneProblem(string value) => Phone().IsMatch(value) ? null
        : "联系电话只能包含数字、空格、括号、加号和连字符，例如 0512-65866000。";

    private static string? EmailProblem(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.')
            ? null : "电子邮箱的格式不正确，例如 xczfb@szxc.gov.cn。";

    private static Func<string, string?> WebAddressProblem(string label) => value =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            ? null : $"{label}须是以 http:// 或 https:// 开头的完整网址。";

    [GeneratedRegex(@"^(localhost|([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})$")]
    private static partial Regex HostName();

    [GeneratedRegex(@"^(\d{10}|bm\d{8})$")]
    private static partial Regex SiteCode();

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}ICP备\d{6,10}号(-\d{1,3})?$")]
    private static partial Regex Icp();

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}公网安备\s?\d{14}号$")]
    private static partial Regex PublicSecurity();

    [GeneratedRegex("^[0-9A-Za-z]{6,64}$")]
    private static partial Regex ConacId();

    [GeneratedRegex(@"^[0-9 ()（）+\-—、,，]{5,50}$")]
    private static partial Regex Phone();
}
