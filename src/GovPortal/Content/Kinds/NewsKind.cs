namespace GovPortal.Content.Kinds;

/// <summary>The news article (新闻、通知公告): the page of the seed capture.</summary>
public static class NewsKind
{
    public const string Key = "news";

    public static ContentKind Kind { get; } = new(Key, "文章",
    [
        new ContentField
        {
            Name = ContentKind.TitleName, Label = "标题", Required = true, MaxLength = 300, Searchable = true,
            Get = c => c.Title, Set = (c, v) => c.Title = v,
        },
        new ContentField
        {
            Name = "subtitle", Label = "副标题", MaxLength = 300, Searchable = true,
            Get = c => c.Subtitle, Set = (c, v) => c.Subtitle = v,
        },
        new ContentField
        {
            Name = "source", Label = "来源", MaxLength = 100, Placeholder = "例如：区融媒体中心",
            Get = c => c.Source, Set = (c, v) => c.Source = v,
        },
        new ContentField
        {
            Name = "author", Label = "作者", MaxLength = 100,
            Get = c => c.Author, Set = (c, v) => c.Author = v,
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
