using System.Text.RegularExpressions;

namespace GovPortal.Interaction.Consultations;

/// <summary>
/// The comment form as typed. Nothing is trusted: values are clipped to a bounded length (so a hostile post cannot
/// make the page enormous), and <see cref="Validate"/> says in Chinese what to fix, field by field.
/// </summary>
public sealed partial record CommentForm(string Name, string Contact, string Text, bool NoticeAccepted)
{
    public const int NameMax = 50;
    public const int ContactMax = 100;
    public const int TextMax = ConsultationComment.TextMax;

    public static readonly CommentForm Empty = new("", "", "", false);

    public static CommentForm From(IFormCollection form) => new(
        Clip(form["name"].ToString(), NameMax * 2), Clip(form["contact"].ToString(), ContactMax * 2),
        Clip(form["comment"].ToString(), TextMax * 2), form["notice"].ToString() == "1");

    /// <summary>The content to seal: trimmed, line ends made one kind.</summary>
    public CommentContent Content() =>
        new(Name.Trim(), Contact.Trim(), Text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim());

    /// <summary>What to fix, by field name (in form order); empty when the comment can be taken.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var content = Content();
        if (content.Name.Length == 0) errors["name"] = "请填写姓名。";
        else if (content.Name.Length > NameMax) errors["name"] = $"姓名最多 {NameMax} 个字，现有 {content.Name.Length} 个。";
        else if (HasControl(content.Name)) errors["name"] = "姓名含有无法识别的字符，请重新填写。";
        if (content.Contact.Length == 0) errors["contact"] = "请填写联系方式：手机号码或电子邮箱。";
        else if (!Mobile().IsMatch(content.Contact) && !Email().IsMatch(content.Contact))
            errors["contact"] = "联系方式请填写 11 位手机号码（如 13812345678）或电子邮箱（如 name@example.cn）。";
        if (content.Text.Length == 0) errors["comment"] = "请填写意见内容。";
        else if (content.Text.Length > TextMax)
            errors["comment"] = $"意见内容最多 {TextMax} 个字，现有 {content.Text.Length} 个，请删减后再提交。";
        else if (HasControl(content.Text.Replace("\n", "", StringComparison.Ordinal)))
            errors["comment"] = "意见内容含有无法识别的字符，请删除后再提交。";
        if (!NoticeAccepted) errors["notice"] = "请阅读个人信息保护告知，勾选同意后再提交。";
        return errors;
    }

    private static bool HasControl(string text) => text.Any(c => char.IsControl(c) && c != '\t');

    private static string Clip(string text, int max) => text.Length > max ? text[..max] : text;

    [GeneratedRegex(@"^1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(\.[A-Za-z0-9\-]{1,63})+$")]
    private static partial Regex Email();
}
