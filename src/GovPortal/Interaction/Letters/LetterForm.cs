using System.Text.RegularExpressions;

namespace GovPortal.Interaction.Letters;

/// <summary>
/// The letter form as typed. Nothing is trusted: <see cref="Validate"/> says, per field and in Chinese, what to fix;
/// the page shows every value again as typed (files must be chosen again: a browser never fills a file field).
/// </summary>
public sealed partial record LetterForm(string Mailbox, string Kind, string Subject, string Text, string Name,
    string Mobile, string Email, bool MayPublish, bool NoticeAccepted)
{
    public const int NameMax = 30;
    public const int EmailMax = 100;

    public static LetterForm Empty { get; } = new("", "", "", "", "", "", "", false, false);

    /// <summary>The form with only the mailbox chosen, as <c>?mailbox=code</c> asks.</summary>
    public static LetterForm For(string mailbox) => Empty with { Mailbox = mailbox };

    public static LetterForm From(IFormCollection form) => new(
        Field(form, "mailbox", 40), Field(form, "kind", 40), Field(form, "subject", Letter.SubjectMax * 2),
        Field(form, "text", Letter.TextMax * 2), Field(form, "name", NameMax * 2), Field(form, "mobile", 40),
        Field(form, "email", EmailMax * 2), form["publish"].ToString() == "1", form["notice"].ToString() == "1");

    /// <summary>The mobile number as stored: spaces and dashes people type between the groups left out.</summary>
    public string MobileDigits => Mobile.Replace(" ", "", StringComparison.Ordinal)
        .Replace("-", "", StringComparison.Ordinal);

    /// <summary>Every problem, by field name, in form order; empty when the letter can be taken.</summary>
    /// <param name="mailboxCodes">The codes of the site's active mailboxes.</param>
    public Dictionary<string, string> Validate(IReadOnlyCollection<string> mailboxCodes)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!mailboxCodes.Contains(Mailbox)) errors["mailbox"] = "请选择要写信的信箱。";
        if (!LetterKinds.IsKind(Kind)) errors["kind"] = "请选择信件类型：咨询、投诉、建议、求助或其他。";
        if (Subject.Length == 0) errors["subject"] = "请填写信件标题。";
        else if (Subject.Length > Letter.SubjectMax)
            errors["subject"] = $"信件标题最多 {Letter.SubjectMax} 字，现有 {Subject.Length} 字。";
        else if (HasUnreadable(Subject)) errors["subject"] = "信件标题含有无法识别的字符，请删除后再提交。";
        if (Text.Length == 0) errors["text"] = "请填写信件内容。";
        else if (Text.Length > Letter.TextMax)
            errors["text"] = $"信件内容最多 {Letter.TextMax} 字，现有 {Text.Length} 字，请删减。";
        else if (HasUnreadable(Text.Replace("\n", "", StringComparison.Ordinal)))
            errors["text"] = "信件内容含有无法识别的字符，请删除后再提交。";
        if (Name.Length == 0) errors["name"] = "请填写姓名。";
        else if (Name.Length > NameMax) errors["name"] = $"姓名最多 {NameMax} 个字。";
        else if (HasUnreadable(Name)) errors["name"] = "姓名含有无法识别的字符，请删除后再提交。";
        if (Mobile.Length == 0) errors["mobile"] = "请填写手机号码。";
        else if (!MobileShape().IsMatch(MobileDigits))
            errors["mobile"] = "手机号码应为 11 位数字，以 13 至 19 开头，如 13812345678。";
        if (Email.Length > 0 && (Email.Length > EmailMax || !EmailShape().IsMatch(Email)))
            errors["email"] = "电子邮箱格式不正确，如 name@example.cn；不填也可以。";
        if (!NoticeAccepted) errors["notice"] = "请阅读个人信息保护告知，并勾选同意后再提交。";
        return errors;
    }

    public LetterContent Content() => new(Subject, Text, Name, MobileDigits, Email);

    private static string Field(IFormCollection form, string name, int max)
    {
        var text = form[name].ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        // Longer than twice the limit is never kept whole: the message asks to shorten it anyway.
        return text.Length > max ? text[..max] : text;
    }

    /// <summary>Control characters, direction overrides, invisible marks, and what a browser sent as bytes that are
    /// not UTF-8 (read as U+FFFD).</summary>
    private static bool HasUnreadable(string text) => text.Any(c => char.IsControl(c)
        || c is '\u200B' or '\u200E' or '\u200F' or '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E'
            or '\u2066' or '\u2067' or '\u2068' or '\u2069' or '\uFEFF' or '\uFFFD');

    [GeneratedRegex(@"^1[3-9][0-9]{9}$")]
    private static partial Regex MobileShape();

    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$")]
    private static partial Regex EmailShape();
}
