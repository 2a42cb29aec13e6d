using System.Text.RegularExpressions;
using GovPortal.Content.Identifiers;

namespace GovPortal.Disclosure;

/// <summary>The applicant's details, sealed together in the database and never logged.</summary>
public sealed record ApplicantDetails(string Name, string IdNumber, string Phone, string Address, string PostCode,
    string Email, string Description);

/// <summary>
/// The application form as typed. Nothing is trusted: <see cref="Validate"/> says, per field and in Chinese, what to
/// fix; the page shows every value again as typed.
/// </summary>
public sealed partial record ApplicationForm(string ApplicantType, string OrganisationKind, string Name,
    string IdNumber, string Phone, string Address, string PostCode, string Email, string Description,
    string Delivery, string Medium, bool NoticeAccepted)
{
    public const int NameMax = 100;
    public const int AddressMax = 200;
    public const int EmailMax = 100;
    public const int DescriptionMax = 2000;
    public const int PhoneMax = 20;

    public static ApplicationForm Empty { get; } = new("", "", "", "", "", "", "", "", "", "", "", false);

    public static ApplicationForm From(IFormCollection form) => new(
        Field(form, "applicantType", 40), Field(form, "organisationKind", 40), Field(form, "name", NameMax * 2),
        Field(form, "idNumber", 60), Field(form, "phone", 60), Field(form, "address", AddressMax * 2),
        Field(form, "postCode", 20), Field(form, "email", EmailMax * 2),
        Field(form, "description", DescriptionMax * 2), Field(form, "delivery", 40), Field(form, "medium", 40),
        form["notice"].ToString() == "1");

    /// <summary>The ID type the applicant type calls for.</summary>
    public string IdType => ApplicantType == ApplicantTypes.Organisation ? IdTypes.CreditCode : IdTypes.ResidentId;

    /// <summary>Every problem, by field name, in form order; empty when the application can be taken.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ApplicantTypes.All.All(t => t.Code != ApplicantType))
            errors["applicantType"] = "请选择申请人类型：公民，或法人或其他组织。";
        else if (ApplicantType == ApplicantTypes.Organisation
                 && ApplicantTypes.OrganisationKinds.All(k => k.Code != OrganisationKind))
            errors["organisationKind"] = "请选择组织类别。";
        if (Name.Length == 0)
            errors["name"] = ApplicantType == ApplicantTypes.Organisation ? "请填写组织名称。" : "请填写姓名。";
        else if (Name.Length > NameMax || HasControl(Name)) errors["name"] = $"名称最多 {NameMax} 个字，且不能含控制字符。";
        if (IdNumber.Length == 0)
            errors["idNumber"] = $"请填写{IdTypes.Label(IdType)}号码。";
        else if ((IdType == IdTypes.CreditCode
                     ? UnifiedSocialCreditCode.Problem(IdNumber)
                     : ResidentIdNumber.Problem(IdNumber)) is { } problem)
            errors["idNumber"] = problem;
        if (Phone.Length == 0) errors["phone"] = "请填写联系电话。";
        else if (!PhoneShape().IsMatch(Phone))
            errors["phone"] = "联系电话应为手机号（如 13812345678）或固定电话（如 0512-65240000）。";
        if (Address.Length == 0) errors["address"] = "请填写通信地址。";
        else if (Address.Length > AddressMax || HasControl(Address))
            errors["address"] = $"通信地址最多 {AddressMax} 个字。";
        if (PostCode.Length == 0) errors["postCode"] = "请填写邮政编码。";
        else if (!PostCodeShape().IsMatch(PostCode)) errors["postCode"] = "邮政编码应为 6 位数字，如 215131。";
        if (Email.Length > 0 && (Email.Length > EmailMax || !EmailShape().IsMatch(Email)))
            errors["email"] = "电子邮箱格式不正确，如 name@example.cn；不填也可以。";
        else if (Email.Length == 0 && Delivery == "email")
            errors["email"] = "选择以电子邮件获取时，请填写电子邮箱。";
        if (Description.Length == 0) errors["description"] = "请描述您申请公开的政府信息（名称、文号或便于查找的特征）。";
        else if (Description.Length > DescriptionMax)
            errors["description"] = $"所需信息的描述最多 {DescriptionMax} 字，现有 {Description.Length} 字。";
        else if (HasControl(Description.Replace("\n", "", StringComparison.Ordinal)))
            errors["description"] = "所需信息的描述含有无法识别的字符，请删除后再提交。";
        if (DeliveryOptions.Deliveries.All(d => d.Code != Delivery))
            errors["delivery"] = "请选择获取信息的方式：邮寄、电子邮件或当面领取。";
        if (DeliveryOptions.Media.All(m => m.Code != Medium)) errors["medium"] = "请选择信息的载体形式：纸质或电子。";
        if (!NoticeAccepted) errors["notice"] = "请阅读个人信息保护告知，并勾选同意后再提交。";
        return errors;
    }

    /// <summary>What is sealed: the number as the checks read it (no spaces, upper case), so masking finds its ends.
    /// </summary>
    public ApplicantDetails Details() => new(Name,
        ApplicantType == ApplicantTypes.Organisation
            ? Content.Identifiers.UnifiedSocialCreditCode.Normalize(IdNumber)
            : Content.Identifiers.ResidentIdNumber.Normalize(IdNumber),
        Phone, Address, PostCode, Email, Description);

    private static string Field(IFormCollection form, string name, int max)
    {
        var text = form[name].ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        // Longer than twice the limit is never kept whole: the message asks to shorten it anyway.
        return text.Length > max ? text[..max] : text;
    }

    private static bool HasControl(string text) =>
        text.Any(c => char.IsControl(c) || c is '\u200B' or '\u200E' or '\u200F' or '\u202E' or '\uFEFF');

    [GeneratedRegex(@"^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}(-[0-9]{1,6})?)$")]
    private static partial Regex PhoneShape();

    [GeneratedRegex(@"^[0-9]{6}$")]
    private static partial Regex PostCodeShape();

    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$")]
    private static partial Regex EmailShape();
}
