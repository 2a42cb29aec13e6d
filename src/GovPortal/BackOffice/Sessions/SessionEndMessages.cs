namespace GovPortal.BackOffice.Sessions;

/// <summary>What the sign-in page tells someone whose session has just ended, by the reason it ended.</summary>
public static class SessionEndMessages
{
    /// <summary>
    /// The sentence for a reason code from the address; null for no code or one this page does not know (the
    /// address is anyone's to write, so only these fixed sentences are ever shown).
    /// </summary>
    public static string? ForSignInPage(string? reason, SignInSessions sessions) => reason switch
    {
        SessionEndReason.Idle =>
            $"您已超过 {Duration(sessions.IdleTimeout)}未操作，为保护账号安全已自动退出登录。请重新登录。",
        SessionEndReason.Expired =>
            $"本次登录已超过 {Duration(sessions.Lifetime)}的有效期，已自动退出。请重新登录。",
        SessionEndReason.AccountDisabled => "您的账号已被停用，已退出登录。如有疑问，请联系系统管理员。",
        SessionEndReason.EndedByAdministrator => "系统管理员结束了您的这次登录。如有疑问，请联系系统管理员。",
        SessionEndReason.EndedByOwner => "这次登录已由您本人在其他地方结束。请重新登录。",
        SessionEndReason.PasswordChanged => "账号密码已修改，修改前的登录都已结束。请用新密码登录。",
        SessionEndReason.PasswordReset => "系统管理员重置了您的密码，原来的登录都已结束。请用新的临时密码登录。",
        SessionEndReason.SignedOut or SessionEndReason.SignedInAgain => "这次登录已经退出。请重新登录。",
        _ => null,
    };

    /// <summary>30 分钟, 12 小时: a time-out as the pages state it.</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalMinutes % 60 == 0 ? $"{span.TotalHours:0} 小时" : $"{span.TotalMinutes:0} 分钟";
}
