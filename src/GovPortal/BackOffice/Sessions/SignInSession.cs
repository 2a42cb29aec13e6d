namespace GovPortal.BackOffice.Sessions;

/// <summary>
/// One sign-in to the back office, kept on the server: the sign-in cookie only names it, and a request is let in only
/// while its session is live. Ending the row ends the cookie, wherever a copy of it is.
/// </summary>
public sealed class SignInSession
{
    /// <summary>128 random bits, carried inside the encrypted and signed cookie; the browser never sees it.</summary>
    public required string Id { get; set; }

    public required string UserId { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The last request seen, written at most once a minute (see <see cref="SignInSessions"/>).</summary>
    public DateTime LastSeenAtUtc { get; set; }

    public string ClientAddress { get; set; } = "";

    /// <summary>The browser's own description, clipped: it helps a person recognise a session.</summary>
    public string UserAgent { get; set; } = "";

    /// <summary>When it ended; null while it may still be used (until it times out).</summary>
    public DateTime? EndedAtUtc { get; set; }

    /// <summary>The account name of who ended it; empty when the portal did (time-out, account disabled).</summary>
    public string EndedBy { get; set; } = "";

    /// <summary>Why it ended, one of <see cref="SessionEndReason"/>.</summary>
    public string EndReason { get; set; } = "";

    public const int UserAgentLength = 200;
}

/// <summary>The reasons a session ends, stored as these codes and shown as <see cref="Label"/>.</summary>
public static class SessionEndReason
{
    public const string SignedOut = "signed-out";
    public const string EndedByOwner = "ended-by-owner";
    public const string EndedByAdministrator = "ended-by-administrator";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string AccountDisabled = "account-disabled";
    public const string Idle = "idle";
    public const string Expired = "expired";
    public const string SignedInAgain = "signed-in-again";

    public static string Label(string reason) => reason switch
    {
        SignedOut => "退出登录",
        EndedByOwner => "本人结束",
        EndedByAdministrator => "系统管理员结束",
        PasswordChanged => "修改密码后结束",
        PasswordReset => "重置密码后结束",
        AccountDisabled => "账号已停用",
        Idle => "长时间未操作",
        Expired => "超过登录有效期",
        SignedInAgain => "在同一浏览器重新登录",
        _ => reason,
    };
}
