using System.Text.RegularExpressions;
using GovPortal.Content;
using GovPortal.Interaction.Letters;

namespace GovPortal.BackOffice.LetterPublishing;

/// <summary>
/// What the public copy of a letter must be: a subject and a text within the letter's limits, without characters
/// XML forbids, and without the writer's personal details — their phone number, e-mail or full name, or anything
/// shaped like a mobile number, e-mail address or ID number — which the administrator takes out before publishing.
/// </summary>
public static partial class LetterCopyRules
{
    /// <returns>A Chinese message saying what to fix, or null when the copy may be published.</returns>
    public static string? Problem(string subject, string text, LetterContent writer)
    {
        if (subject.Length == 0) return "请填写公开的信件主题。";
        if (subject.Length > Letter.SubjectMax) return $"信件主题最多 {Letter.SubjectMax} 个字。";
        if (text.Length == 0) return "请填写公开的来信内容。";
        if (text.Length > Letter.TextMax) return $"来信内容最多 {Letter.TextMax} 个字（现有 {text.Length} 个字）。";
        if (XmlCharacters.IndexOfForbidden(subject) is var s and >= 0)
            return $"信件主题中有不可见的控制字符或无效字符（第 {s + 1} 个字符），请删除后再发布。";
        if (XmlCharacters.IndexOfForbidden(text) is var t and >= 0)
            return $"来信内容中有不可见的控制字符或无效字符（第 {t + 1} 个字符），请删除后再发布。";
        var copy = Compact(subject + "｜" + text);
        var mobile = Compact(writer.Mobile);
        if (mobile.Length >= 7 && copy.Contains(mobile, StringComparison.Ordinal))
            return "公开内容中含有来信人的手机号码，请删除后再发布。";
        var email = writer.Email.Trim();
        if (email.Length > 0 && copy.Contains(email, StringComparison.OrdinalIgnoreCase))
            return "公开内容中含有来信人的电子邮箱，请删除后再发布。";
        var name = writer.Name.Trim();
        if (name.Length >= 2 && copy.Contains(name, StringComparison.Ordinal))
            return "公开内容中含有来信人的姓名，请删除或改为“来信人”后再发布（公开时只显示姓氏，如“王*”）。";
        if (MobileNumber().IsMatch(copy)) return "公开内容中含有手机号码，请删除后再发布。";
        if (EmailAddress().IsMatch(copy)) return "公开内容中含有电子邮箱地址，请删除后再发布。";
        if (IdNumber().IsMatch(copy)) return "公开内容中含有身份证号码，请删除后再发布。";
        return null;
    }

    // Spaces and hyphens removed, so 138 1234-5678 is found as 13812345678.
    private static string Compact(string text) =>
        Separators().Replace(text, "");

    [GeneratedRegex(@"[\s\-－—]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex MobileNumber();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?![\dXx])")]
    private static partial Regex IdNumber();
}
