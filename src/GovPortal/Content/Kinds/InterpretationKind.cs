using GovPortal.Content.Disclosure;
using static GovPortal.Content.Kinds.DisclosureFieldValues;

namespace GovPortal.Content.Kinds;

/// <summary>
/// 政策解读: an interpretation of one 信息公开 document. Its page links 【政策原文】 and the document's page lists it
/// under 【相关解读】 with its type; the policy and the type are columns (<see cref="DisclosureFacts"/>).
/// </summary>
public static class InterpretationKind
{
    public const string Key = "interpretation";

    public const string Policy = "policyId";
    public const string Type = "interpretationType";

    public static ContentKind Kind { get; } = new(Key, "政策解读",
    [
        new ContentField
        {
            Name = ContentKind.TitleName, Label = "标题", Required = true, MaxLength = 300, Searchable = true,
            Get = c => c.Title, Set = (c, v) => c.Title = v,
        },
        new ContentField
        {
            Name = Type, Label = "解读形式", Input = FieldInput.Choice, Required = true, Checked = false,
            OnPage = FieldPlacement.Hidden, Initial = _ => nameof(InterpretationType.Text),
            Choices = ChoiceSource.Of(Enum.GetValues<InterpretationType>()
                .Select(t => new ChoiceOption(t.ToString(), InterpretationTypes.Label(t))).ToArray()),
            Get = c => Text(c.Disclosure.InterpretationType),
            Set = (c, v) => c.Disclosure.InterpretationType = Named<InterpretationType>(v),
        },
        new ContentField
        {
            Name = Policy, Label = "解读的政策文件", Input = FieldInput.Choice, Required = true, Checked = false,
            Choices = ChoiceSource.OfSite(ChoiceSource.Documents), OnPage = FieldPlacement.Hidden,
            Hint = "政策文件的页面会在【相关解读】中列出本解读，本解读的页面链接【政策原文】。",
            Get = c => Text(c.Disclosure.PolicyId), Set = (c, v) => c.Disclosure.PolicyId = Id(v),
        },
        new ContentField
        {
            Name = "source", Label = "来源", MaxLength = 100, Placeholder = "例如：区司法局",
            Get = c => c.Source, Set = (c, v) => c.Source = v,
        },
        new ContentField
        {
            Name = "summary", Label = "摘要", Input = FieldInput.Paragraph, MaxLength = 2000, Searchable = true,
            Get = c => c.Summary, Set = (c, v) => c.Summary = v,
        },
        new ContentField
        {
            Name = "bodyHtml", Label = "正文", Input = FieldInput.RichText, MaxLength = 2_000_000, Searchable = true,
            TooLongMessage = "正文过长（超过 200 万个字符），请拆分或以附件形式上传。",
            Hint = "图解、视频解读请在正文中说明并上传相关文件。",
            Get = c => c.BodyHtml, Set = (c, v) => c.BodyHtml = v,
        },
    ]);
}
