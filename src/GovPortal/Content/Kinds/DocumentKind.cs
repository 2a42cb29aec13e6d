using GovPortal.Content.Disclosure;
using static GovPortal.Content.Kinds.DisclosureFieldValues;

namespace GovPortal.Content.Kinds;

/// <summary>
/// 信息公开文件: a document of the 政府信息公开目录 (主动公开) with its catalogue facts. The facts others query (索引号,
/// 发文字号, 发布机构, 主题分类, 体裁分类, dates, 有效性 and the replacing document) are columns
/// (<see cref="DisclosureFacts"/>); 公开方式 and 关键词 are extras. The page shows them in its metadata table.
/// </summary>
public static class DocumentKind
{
    public const string Key = "document";

    public const string IndexNumber = "indexNumber";
    public const string DocumentNumber = "documentNumber";
    public const string Organisation = "organisationId";
    public const string WrittenOn = "writtenOn";
    public const string ReleasedOn = "releasedOn";
    public const string Topic = "topicId";
    public const string Genre = "genreId";
    public const string Validity = "validity";
    public const string ValidityChangedOn = "validityChangedOn";
    public const string ReplacedBy = "replacedById";

    /// <summary>The only 公开方式 of catalogue documents; 依申请公开 is answered, not published.</summary>
    public const string Proactive = "主动公开";

    public static ContentKind Kind { get; } = new(Key, "信息公开文件",
    [
        new ContentField
        {
            Name = ContentKind.TitleName, Label = "标题", Required = true, MaxLength = 300, Searchable = true,
            Get = c => c.Title, Set = (c, v) => c.Title = v,
        },
        new ContentField
        {
            Name = IndexNumber, Label = "索引号", MaxLength = DisclosureFacts.MaxIndexNumberLength, Checked = false,
            OnPage = FieldPlacement.Hidden, Searchable = true,
            Hint = "留空则在第一次保存时按本站的索引号规则自动生成；从旧网站迁移的文件可填写原索引号（须符合规则且未被使用）。",
            Get = c => c.Disclosure.IndexNumber ?? "", Set = (c, v) => c.Disclosure.IndexNumber = Line(v),
        },
        new ContentField
        {
            Name = DocumentNumber, Label = "发文字号", MaxLength = DisclosureFacts.MaxDocumentNumberLength,
            Placeholder = "例如：相政发〔2023〕12号", Hint = "没有发文字号的文件留空。", OnPage = FieldPlacement.Hidden,
            Searchable = true,
            Get = c => c.Disclosure.DocumentNumber ?? "", Set = (c, v) => c.Disclosure.DocumentNumber = Line(v),
        },
        new ContentField
        {
            Name = Organisation, Label = "发布机构", Input = FieldInput.Choice, Required = true, Checked = false,
            Choices = ChoiceSource.OfSite(ChoiceSource.Organisations), OnPage = FieldPlacement.Hidden,
            Get = c => Text(c.Disclosure.OrganisationId), Set = (c, v) => c.Disclosure.OrganisationId = Id(v),
        },
        new ContentField
        {
            Name = WrittenOn, Label = "成文日期", Input = FieldInput.Date, Required = true, Checked = false,
            OnPage = FieldPlacement.Hidden,
            Get = c => Text(c.Disclosure.WrittenOn), Set = (c, v) => c.Disclosure.WrittenOn = Day(v),
        },
        new ContentField
        {
            Name = ReleasedOn, Label = "发布日期", Input = FieldInput.Date, Required = true, Checked = false,
            OnPage = FieldPlacement.Hidden, Initial = today => Text(today),
            Hint = "文件对外发布的日期，不能早于成文日期；新建时为今天。网页上线的时间另行记录。",
            Get = c => Text(c.Disclosure.ReleasedOn), Set = (c, v) => c.Disclosure.ReleasedOn = Day(v),
        },
        new ContentField
        {
            Name = Topic, Label = "主题分类", Input = FieldInput.Choice, Required = true, Checked = false,
            Choices = ChoiceSource.OfSite(ChoiceSource.Topics), OnPage = FieldPlacement.Hidden,
            Get = c => Text(c.Disclosure.TopicId), Set = (c, v) => c.Disclosure.TopicId = Id(v),
        },
        new ContentField
        {
            Name = Genre, Label = "体裁分类", Input = FieldInput.Choice, Required = true, Checked = false,
            Choices = ChoiceSource.OfSite(ChoiceSource.Genres), OnPage = FieldPlacement.Hidden,
            Get = c => Text(c.Disclosure.GenreId), Set = (c, v) => c.Disclosure.GenreId = Id(v),
        },
        ContentField.Extra("disclosureMode", "公开方式", FieldInput.Choice, 20) with
        {
            Required = true, Checked = false, OnPage = FieldPlacement.Hidden, Initial = _ => Proactive,
            Choices = ChoiceSource.Of(new ChoiceOption(Proactive, Proactive)),
        },
        ContentField.Extra("keywords", "关键词", maxLength: 200) with
        {
            Searchable = true, OnPage = FieldPlacement.Hidden, Placeholder = "多个关键词用空格或顿号分隔",
        },
        new ContentField
        {
            Name = "summary", Label = "内容概述", Input = FieldInput.Paragraph, MaxLength = 2000, Searchable = true,
            Hint = "政府信息公开目录列出的“内容概述”，可留空。",
            Get = c => c.Summary, Set = (c, v) => c.Summary = v,
        },
        new ContentField
        {
            Name = "bodyHtml", Label = "正文", Input = FieldInput.RichText, MaxLength = 2_000_000, Searchable = true,
            TooLongMessage = "正文过长（超过 200 万个字符），请以附件形式上传文件全文。",
            Hint = "可直接从 Word、WPS 粘贴，格式会自动清理。",
            Get = c => c.BodyHtml, Set = (c, v) => c.BodyHtml = v,
        },
        new ContentField
        {
            Name = Validity, Label = "有效性", Input = FieldInput.Choice, Required = true, Checked = false,
            OnPage = FieldPlacement.Hidden, Initial = _ => nameof(DocumentValidity.Effective),
            Choices = ChoiceSource.Of(Enum.GetValues<DocumentValidity>()
                .Select(v => new ChoiceOption(v.ToString(), DocumentValidities.Label(v))).ToArray()),
            Get = c => Text(c.Disclosure.Validity),
            Set = (c, v) => c.Disclosure.Validity = Named<DocumentValidity>(v),
        },
        new ContentField
        {
            Name = ValidityChangedOn, Label = "修改、废止或失效日期", Input = FieldInput.Date, Checked = false,
            OnPage = FieldPlacement.Hidden, Hint = "有效性不是“有效”时必填。",
            Get = c => Text(c.Disclosure.ValidityChangedOn),
            Set = (c, v) => c.Disclosure.ValidityChangedOn = Day(v),
        },
        new ContentField
        {
            Name = ReplacedBy, Label = "现行文件（替代本文件的文件）", Input = FieldInput.Choice, Checked = false,
            Choices = ChoiceSource.OfSite(ChoiceSource.Documents), OnPage = FieldPlacement.Hidden,
            Hint = "本文件被新文件修改或替代时选择新文件；两个文件的页面会互相链接。",
            Get = c => Text(c.Disclosure.ReplacedById), Set = (c, v) => c.Disclosure.ReplacedById = Id(v),
        },
    ], Rule);

    /// <summary>The checks between fields, in Chinese; each field is already acceptable on its own.</summary>
    private static string? Rule(IReadOnlyDictionary<string, string> values)
    {
        string Value(string name) => (values.GetValueOrDefault(name) ?? "").Trim();
        var written = Day(Value(WrittenOn));
        var released = Day(Value(ReleasedOn));
        if (written is { } w && released is { } r && r < w)
            return $"发布日期（{Text(r)}）不能早于成文日期（{Text(w)}），请核对两个日期。";
        var validity = Named<DocumentValidity>(Value(Validity)) ?? DocumentValidity.Effective;
        var changed = Day(Value(ValidityChangedOn));
        if (validity == DocumentValidity.Effective)
        {
            if (changed is not null) return "有效的文件不填写修改、废止或失效日期；如文件已失效，请先选择相应的有效性。";
            if (Value(ReplacedBy).Length > 0) return "选择了现行文件，本文件的有效性就不能是“有效”，请选择“已修改”“已废止”或“已失效”。";
            return null;
        }
        if (changed is not { } day)
            return $"文件{DocumentValidities.Label(validity)}，请填写{DocumentValidities.Verb(validity)}日期。";
        if (written is { } writtenOn && day < writtenOn)
            return $"{DocumentValidities.Verb(validity)}日期（{Text(day)}）不能早于成文日期（{Text(writtenOn)}）。";
        return null;
    }
}
