namespace GovPortal.BackOffice.Audit;

/// <summary>The codes of audited actions and how the log shows them.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in.failed";
    public const string SignInLockedOut = "sign-in.locked-out";
    public const string SignOut = "sign-out";
    public const string PasswordChanged = "password.changed";
    public const string TwoFactorEnabled = "two-factor.enabled";
    public const string TwoFactorDisabled = "two-factor.disabled";
    public const string AccountCreated = "account.created";
    public const string AccountChanged = "account.changed";
    public const string PasswordReset = "account.password-reset";
    public const string AccountUnlocked = "account.unlocked";
    public const string ArticleCreated = "article.created";
    public const string ArticleSaved = "article.saved";
    public const string ArticleSubmitted = "article.submitted";
    public const string ArticleRecalled = "article.recalled";
    public const string ArticleApproved = "article.approved";
    public const string ArticleRejected = "article.rejected";
    public const string ArticlePublished = "article.published";
    public const string ArticleForcePublished = "article.force-published";
    public const string ArticleScheduled = "article.scheduled";
    public const string ArticleUnscheduled = "article.unscheduled";
    public const string ArticleWithdrawn = "article.withdrawn";
    public const string ArticleWithdrawalScheduled = "article.withdrawal-scheduled";
    public const string ArticleWithdrawalCancelled = "article.withdrawal-cancelled";
    public const string ArticleRestored = "article.revision-restored";
    public const string ArticleDeleted = "article.deleted";
    public const string ArticleUndeleted = "article.undeleted";
    public const string ArticlePurged = "article.purged";
    public const string ArticlePublishFailed = "article.publish-failed";
    public const string ArticleRanked = "article.ranked";
    public const string ArticleListed = "article.listed";
    public const string ArticleDateChanged = "article.date-changed";
    public const string FileUploaded = "file.uploaded";
    public const string FileRemoved = "file.removed";
    public const string ChannelChanged = "channel.changed";
    public const string DisclosureListsChanged = "disclosure.lists-changed";
    public const string SettingsChanged = "settings.changed";
    public const string ForcedReviewed = "article.force-reviewed";
    public const string ContentWarningsOverridden = "content.warnings-overridden";
    public const string ContentBlocked = "content.blocked";
    public const string TamperDetected = "tamper.detected";
    public const string AuditPruned = "audit.pruned";
    public const string SessionEnded = "session.ended";
    public const string SiteCreated = "platform.site-created";
    public const string SiteChanged = "platform.site-changed";
    public const string SiteSuspended = "platform.site-suspended";
    public const string SiteResumed = "platform.site-resumed";
    public const string SiteDeleted = "platform.site-deleted";
    public const string MourningEverywhere = "platform.mourning";
    public const string SubmissionSent = "submission.sent";
    public const string SubmissionAccepted = "submission.accepted";
    public const string SubmissionReturned = "submission.returned";
    public const string SiteImported = "site.imported";

    public static string Label(string action) => action switch
    {
        SignIn => "登录成功",
        SignInFailed => "登录失败",
        SignInLockedOut => "账号锁定",
        SignOut => "退出登录",
        PasswordChanged => "修改密码",
        TwoFactorEnabled => "启用两步验证",
        TwoFactorDisabled => "关闭两步验证",
        AccountCreated => "新建账号",
        AccountChanged => "修改账号",
        PasswordReset => "重置密码",
        AccountUnlocked => "解除锁定",
        ArticleCreated => "新建文章",
        ArticleSaved => "保存文章",
        ArticleSubmitted => "提交审核",
        ArticleRecalled => "撤回审核",
        ArticleApproved => "审核通过",
        ArticleRejected => "审核退回",
        ArticlePublished => "发布",
        ArticleForcePublished => "紧急发布",
        ArticleScheduled => "定时发布",
        ArticleUnscheduled => "取消定时",
        ArticleWithdrawn => "撤稿",
        ArticleWithdrawalScheduled => "定时下线",
        ArticleWithdrawalCancelled => "取消定时下线",
        ArticleRestored => "恢复历史版本",
        ArticleDeleted => "移入回收站",
        ArticleUndeleted => "从回收站恢复",
        ArticlePurged => "彻底删除",
        ArticlePublishFailed => "发布失败",
        ArticleRanked => "置顶与权重",
        ArticleListed => "同时列于其他栏目",
        ArticleDateChanged => "修改发布日期",
        FileUploaded => "上传文件",
        FileRemoved => "删除文件",
        ChannelChanged => "栏目管理",
        DisclosureListsChanged => "信息公开设置",
        SettingsChanged => "修改设置",
        ForcedReviewed => "紧急发布事后审核",
        ContentWarningsOverridden => "确认内容警告",
        ContentBlocked => "内容检查阻止",
        TamperDetected => "网页篡改告警",
        AuditPruned => "清理审计日志",
        SessionEnded => "结束登录会话",
        SiteCreated => "新建网站",
        SiteChanged => "修改网站",
        SiteSuspended => "暂停网站",
        SiteResumed => "恢复网站",
        SiteDeleted => "删除网站",
        MourningEverywhere => "全平台置灰",
        SubmissionSent => "信息报送",
        SubmissionAccepted => "采用报送",
        SubmissionReturned => "退回报送",
        SiteImported => "迁移旧网站",
        _ => action,
    };

    public static readonly IReadOnlyList<string> All =
    [
        SignIn, SignInFailed, SignInLockedOut, SignOut, PasswordChanged, TwoFactorEnabled, TwoFactorDisabled,
        AccountCreated,
        AccountChanged, PasswordReset, AccountUnlocked, ArticleCreated, ArticleSaved, ArticleSubmitted, ArticleRecalled,
        ArticleApproved, ArticleRejected, ArticlePublished, ArticleForcePublished, ArticleScheduled, ArticleUnscheduled,
        ArticleWithdrawn, ArticleWithdrawalScheduled, ArticleWithdrawalCancelled, ArticleRestored,
        ArticleDeleted, ArticleUndeleted, ArticlePurged, ArticlePublishFailed, ArticleRanked, ArticleListed,
        ArticleDateChanged, FileUploaded, FileRemoved,
        ChannelChanged,
        SettingsChanged, ForcedReviewed,
        ContentWarningsOverridden, ContentBlocked, TamperDetected, AuditPruned,
        SessionEnded, SiteCreated, SiteChanged, SiteSuspended, SiteResumed, SiteDeleted,
        MourningEverywhere, SubmissionSent, SubmissionAccepted, SubmissionReturned, SiteImported,
    ];
}
