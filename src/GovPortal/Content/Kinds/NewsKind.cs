namespace GovPortal.Content.Kinds;

/// <summary>The news article (新闻、通知公告): the page of the seed capture.</summary>
public static class NewsKind
{
    public const string Key = "news";

    /// <summary>The 原文链接 field: where 来源 links to (a reprint's original, a submitted article's own page).</summary>
    public const string SourceUrlName = "sourceUrl";

    public static ContentKind Kind { get; } = new(Key, "文章",
    [
        ContentField.Extra("kicker", "引题", maxLength: 300) with
        {
            OnPage = FieldPlacement.Template, Searchable = true, Hint = "标题上方的一行，可不填。",
        },
        new ContentField
        {
            Name = ContentKind.TitleName, Label = "标题", Required = true, MaxLength = 300, Searchable = true,
            Get = c => c.Title, Set = (c, v) => c.Title = v,
        },
        new ContentField
        {
            Name = "titleColour", Label = "标题颜色", Input = FieldInput.Choice, Placeholder = "默认颜色",
            Choices = ChoiceSource.Of([.. TitleLook.Colours]), Checked = false,
            Hint = "标题在列表和文章页中的颜色；只提供对比度合格的颜色，请仅用于重要信息。",
            Get = c => c.TitleColour, Set = (c, v) => c.TitleColour = v,
        },
        new ContentField
        {
            Name = "titleBold", Label = "标题加粗", Input = FieldInput.Choice, Placeholder = "不加粗",
            Choices = ChoiceSource.Of([.. TitleLook.Weights]), Checked = false,
            Get = c => c.TitleBold ? TitleLook.Bold : "", Set = (c, v) => c.TitleBold = v == TitleLook.Bold,
        },
        new ContentField
        {
            Name = "subtitle", Label = "副标题", MaxLength = 300, Searchable = true,
            Get = c => c.Subtitle, Set = (c, v) => c.Subtitle = v,
        },
        new ContentField
        {
            Name = "source", Label = "来源", MaxLength = 100, Placeholder = "例如：区融媒体中心",
            Choices = ChoiceSource.OfSite(ChoiceSource.Organisations),
            Hint = "可从本站的机构列表（信息公开设置中维护）中选择，也可以直接填写。",
            Get = c => c.Source, Set = (c, v) => c.Source = v,
        },
        ContentField.Extra(SourceUrlName, "原文链接", maxLength: ExternalLinks.MaxLength) with
        {
            OnPage = FieldPlacement.Template, Placeholder = "https://",
            Rule = v => ExternalLinks.Problem(v) is null ? null
                : "原文链接须是以 http:// 或 https:// 开头的完整网址，例如 https://www.jiangsu.gov.cn/ 。",
            Hint = "转载或采用的文章可填写原文的完整网址，文章页的“来源”会链接到原文；采用其他网站报送的文章时自动填写。",
        },
        new ContentField
        {
            Name = "author", Label = "作者", MaxLength = 100,
            Get = c => c.Author, Set = (c, v) => c.Author = v,
        },
        new ContentField
        {
            Name = "linkUrl", Label = "外链地址", MaxLength = ExternalLinks.MaxLength,
            Placeholder = "例如：https://www.jiangsu.gov.cn/", Rule = ExternalLinks.Problem,
            Hint = "填写后本文成为外链文章：列表中的标题直接打开这个地址，本文不生成自己的页面，正文可以不填。",
            Get = c => c.LinkUrl, Set = (c, v) => c.LinkUrl = v.Trim(),
        },
        new ContentField
        {
            Name = "leadImage", Label = "题图", Input = FieldInput.Choice, Placeholder = "不用题图",
            Choices = ChoiceSource.OfSite(ChoiceSource.ArticlePictures), Checked = false,
            OnPage = FieldPlacement.Hidden,
            Hint = "列表和首页中标题旁的缩略图，从本文已上传的图片中选择；新上传的图片保存后即可选择。",
            Get = c => c.LeadImage, Set = (c, v) => c.LeadImage = v.Trim(),
        },
        ContentField.Extra("photographer", "摄影", maxLength: 100) with { OnPage = FieldPlacement.Template },
        ContentField.Extra("editorInCharge", "责任编辑", maxLength: 100) with { OnPage = FieldPlacement.Template },
        ContentField.Extra("keywords", "关键词", maxLength: 200) with
        {
            OnPage = FieldPlacement.Template, Searchable = true,
            Hint = "多个关键词用空格或逗号分开；站内搜索按关键词查找，页面的 keywords 标记也用它。",
        },
        new ContentField
        {
            Name = "summary", Label = "摘要", Input = FieldInput.Paragraph, MaxLength = 2000, Searchable = true,
            Get = c => c.Summary, Set = (c, v) => c.Summary = v,
        },
        new ContentField
        {
            Name = "bodyHtml", Label = "正文", Input = FieldInput.RichText, MaxLength = 2_000_000, Searchable = true,
            TooLongMessage = "正文过长（超过 200 万个字符），请拆分为多篇文章或以附件形式上传。",
            Hint = "可直接从 Word、WPS 粘贴，格式会自动清理。保存时正文会按安全规则过滤（脚本、外部框架等不会保留）。",
            Get = c => c.BodyHtml, Set = (c, v) => c.BodyHtml = v,
        },
    ]);
}
