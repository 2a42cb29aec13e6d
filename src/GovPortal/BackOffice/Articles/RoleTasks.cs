using GovPortal.BackOffice.Accounts;

namespace GovPortal.BackOffice.Articles;

/// <summary>A back-office page a role works on, as the 工作台 names it: where, what, and what is done there.</summary>
public sealed record RoleTask(string Path, string Label, string Description);

/// <summary>
/// What each role does outside the editorial workflow, so the 工作台 of an account that does not write, review or
/// publish says what it can do and links to it instead of ending at a refusal. The pages are those the navigation
/// offers the role (<see cref="Pages.Layout"/>), each guarded on the server by the same role.
/// </summary>
public static class RoleTasks
{
    /// <summary>Pages open to every signed-in account.</summary>
    public static readonly IReadOnlyList<RoleTask> Everyone =
    [
        new("security", "账号安全", "修改密码、设置两步验证"),
        new("sessions", "登录会话", "查看并结束自己在其他设备上的登录"),
        new("health", "网站健康", "对照监管指标查看全站检查结果"),
    ];

    public static IReadOnlyList<RoleTask> Of(string role) => role switch
    {
        StaffRoles.Administrator =>
        [
            new("accounts", "账号", "开通、停用账号，填写姓名，重置密码，查看和结束登录会话（角色和栏目由安全管理员分配）"),
            new("channels", "栏目", "栏目结构、地址、审核级数和更新频率"),
            new("home-layout", "首页布局", "首页显示哪些区块、按什么顺序，预览后发布"),
            new("disclosure", "信息公开设置", "机构、主题和体裁分类、索引号规则"),
            new("organisation-members", "承办人和审核人", "各单位办理信件和依申请公开的人员"),
            new("calendar", "工作日历", "录入国务院办公厅的放假安排"),
            new("calendar/own", "本站补充日历", "民族自治地方的本地节日等只计入本站期限的放假和调休上班日"),
            new("safety", "内容安全词库", "敏感词、错别字和规范表述"),
            new("safety/own", "本站补充词库", "平台词库之外只用于本站的敏感词、错别字和领导姓名"),
            new("settings", "设置", "网站哀悼日等设置"),
            new("health", "网站健康", "对照监管指标检查全站，可立即检查"),
            new("applications", "依申请公开", "查看申请的办理进度（申请人信息已遮盖）"),
            new("annual-reports", "信息公开年报", "编写和发布年度报告"),
            new("letters", "信件办理", "查看信件的办理进度"),
        ],
        StaffRoles.SecurityAdministrator =>
        [
            new("accounts", "账号和角色", "为账号分配角色和栏目（三员分立：三员须是不同的账号）"),
            new("security-policy", "安全策略", "两步验证、密码有效期和密码历史"),
        ],
        StaffRoles.AuditAdministrator =>
        [
            new("audit", "审计日志", "查询和导出所有操作记录，核对记录链是否完整"),
        ],
        StaffRoles.Disclosure =>
        [
            new("applications", "依申请公开", "登记、办理和答复政府信息公开申请"),
            new("annual-reports", "信息公开年报", "编写和发布年度报告"),
        ],
        StaffRoles.PlatformAdministrator =>
        [
            new("platform", "平台管理", "新建、修改、暂停平台上的网站，全平台置灰"),
        ],
        StaffRoles.Mailbox =>
        [
            new("letters", "信件办理", "甄别来信，交办承办单位，审核答复"),
            new("mailboxes", "信箱管理", "设置信箱和办理时限"),
            new("consultations", "意见征集", "发布意见征集，整理和反馈意见"),
        ],
        _ => [],
    };

    /// <summary>The pages of what the platform keeps once, open to the first site's accounts only.</summary>
    public static readonly IReadOnlySet<string> PlatformPages =
        new HashSet<string>(StringComparer.Ordinal) { "calendar", "safety", "security-policy", "platform" };

    /// <summary>The pages of a site's own additions to what the platform keeps: for other sites' accounts.</summary>
    public static readonly IReadOnlySet<string> OtherSitePages =
        new HashSet<string>(StringComparer.Ordinal) { "calendar/own", "safety/own" };

    /// <summary>The sections of a 工作台: each role the account holds that has pages of its own, in role order.</summary>
    public static IReadOnlyList<(string Role, IReadOnlyList<RoleTask> Tasks)> For(IReadOnlySet<string> roles,
        bool onFirstSite = true) =>
        StaffRoles.All.Where(roles.Contains)
            .Select(role => (role, (IReadOnlyList<RoleTask>)Of(role)
                .Where(t => onFirstSite ? !OtherSitePages.Contains(t.Path) : !PlatformPages.Contains(t.Path))
                .ToList()))
            .Where(s => s.Item2.Count > 0).ToList();
}
