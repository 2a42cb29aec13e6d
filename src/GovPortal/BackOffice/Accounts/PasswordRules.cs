using Microsoft.AspNetCore.Identity;

namespace GovPortal.BackOffice.Accounts;

/// <summary>
/// At least three of the four character classes (lower case, upper case, digits, others); length is Identity's own
/// rule.
/// </summary>
public sealed class ThreeCharacterClassesRule : IPasswordValidator<StaffUser>
{
    public const int MinimumLength = 10;

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        password ??= "";
        var classes = new[]
        {
            password.Any(char.IsAsciiLetterLower),
            password.Any(char.IsAsciiLetterUpper),
            password.Any(char.IsAsciiDigit),
            password.Any(c => !char.IsAsciiLetterOrDigit(c)),
        }.Count(present => present);
        if (classes >= 3 && !password.Contains(user.UserName ?? "\u0000", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(IdentityResult.Success);
        return Task.FromResult(IdentityResult.Failed(new IdentityError
        {
            Code = "PasswordClasses",
            Description = classes < 3
                ? "密码需包含小写字母、大写字母、数字、符号中的至少三类。"
                : "密码不能包含账号名。",
        }));
    }
}

/// <summary>Identity's messages in Chinese, for the ones a user of the back office can meet.</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"密码至少需要 {length} 个字符。" };
    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "当前密码不正确。" };
    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = $"账号名“{userName}”已被使用。" };
    public override IdentityError InvalidUserName(string? userName) => new()
    {
        Code = nameof(InvalidUserName), Description = $"账号名“{userName}”无效：只能由字母、数字、点、- 和 _ 组成。",
    };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "验证码无效或已过期。" };
    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = "账号刚被其他人修改，请刷新后重试。" };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "操作未能完成，请重试。" };
    public override IdentityError UserAlreadyInRole(string role) =>
        new() { Code = nameof(UserAlreadyInRole), Description = $"已具有角色“{StaffRoles.Label(role)}”。" };
    public override IdentityError UserNotInRole(string role) =>
        new() { Code = nameof(UserNotInRole), Description = $"不具有角色“{StaffRoles.Label(role)}”。" };
}
