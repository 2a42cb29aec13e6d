using System.Globalization;
using GovPortal.BackOffice.Audit;

namespace GovPortal.BackOffice.Accounts;

/// <summary>
/// 安全策略: the 安全管理员 sets two-step sign-in for everyone, password expiry and history. Checked on the server
/// whatever the page offered, and audited as old → new.
/// </summary>
public sealed class SecurityPolicyAdministration(SecurityPolicyStore store, AuditLog audit, TimeProvider time)
{
    public async Task<BackOfficeResult> SaveAsync(Staff actor, SecurityPolicyForm form,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Is(StaffRoles.SecurityAdministrator))
            return BackOfficeResult.NotAllowed("只有安全管理员可以修改安全策略。");
        if (Number(form.PasswordExpiryDays, SecurityPolicy.MaxExpiryDays) is not { } expiry)
            return BackOfficeResult.Refused(
                $"密码有效期应为 0（不限）到 {SecurityPolicy.MaxExpiryDays} 之间的整数天数。安全策略未保存。");
        if (Number(form.PasswordHistory, SecurityPolicy.MaxHistory) is not { } history)
            return BackOfficeResult.Refused(
                $"密码历史应为 0（不检查）到 {SecurityPolicy.MaxHistory} 之间的整数。安全策略未保存。");

        var before = await store.GetAsync(cancellationToken);
        var after = new SecurityPolicy
        {
            RequireTwoFactorForEveryone = form.RequireTwoFactorForEveryone,
            PasswordExpiryDays = expiry,
            PasswordHistory = history,
            ChangedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        if (Describe(before) == Describe(after)) return BackOfficeResult.Done("没有需要保存的修改。");
        await store.SaveAsync(after, cancellationToken);
        await audit.WriteAsync(actor.UserName, actor.IpAddress, AuditActions.SettingsChanged, "安全策略",
            $"安全策略：{Describe(before)} → {Describe(after)}", cancellationToken);
        return BackOfficeResult.Done("安全策略已保存，立即生效（已登录的账号在一分钟内适用）。");
    }

    public static string Describe(SecurityPolicy policy) =>
        $"两步验证{(policy.RequireTwoFactorForEveryone ? "所有账号必须使用" : "仅三员必须使用")}，"
        + $"密码有效期{(policy.PasswordExpiryDays > 0 ? $" {policy.PasswordExpiryDays} 天" : "不限")}，"
        + $"密码历史{(policy.PasswordHistory > 0 ? $" {policy.PasswordHistory} 个" : "不检查")}";

    // Blank reads as 0 (off); anything else must be a whole number within the range.
    private static int? Number(string text, int max)
    {
        text = text.Trim();
        if (text.Length == 0) return 0;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max
            ? value : null;
    }
}

/// <summary>What the 安全策略 form sends; the numbers as typed, so that a refused form shows them again.</summary>
public sealed record SecurityPolicyForm(bool RequireTwoFactorForEveryone, string PasswordExpiryDays,
    string PasswordHistory);
