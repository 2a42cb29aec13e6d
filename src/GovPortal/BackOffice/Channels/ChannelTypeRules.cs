using GovPortal.BackOffice.Files;
using GovPortal.Content;
using GovPortal.Publishing.Disclosure;

namespace GovPortal.BackOffice.Channels;

/// <summary>
/// What a channel's type, list style, 外链 address and 专题 head may be, as the settings form sends them.
/// </summary>
public static class ChannelTypeRules
{
    /// <summary>
    /// An enum value by its name; a number or an unknown name is refused, empty keeps <paramref name="current"/>.
    /// </summary>
    public static T? Parse<T>(string text, T current) where T : struct, Enum
    {
        text = text.Trim();
        if (text.Length == 0) return current;
        return Enum.TryParse<T>(text, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _)
            ? parsed : null;
    }

    /// <summary>
    /// Why the channel cannot be of <paramref name="type"/>: an 外链 needs its address, and holds nothing — no
    /// articles (of any state, the 回收站 included), no sub-channels, no home block, no place in 政府信息公开.
    /// </summary>
    public static string? TypeProblem(ChannelType type, string linkUrl, Channel channel, ChannelTree tree,
        int articleCount, bool showOnHome, ChannelDisclosureRole role)
    {
        if (type != ChannelType.Link) return null;
        return LinkProblem(linkUrl)
            ?? (tree.ChildrenOf(channel.Id).Count > 0 ? $"栏目“{channel.Name}”有子栏目，不能改为外链栏目。请先移走子栏目。" : null)
            ?? (articleCount > 0
                ? $"栏目“{channel.Name}”中有 {articleCount} 篇文章（含草稿、已撤稿、回收站中的、历史版本和同时列于本栏目的），"
                    + "外链栏目不能存放文章，也不能保留文章的历史版本，所以不能改为外链栏目。"
                : null)
            ?? (showOnHome ? $"栏目“{channel.Name}”在首页显示最新文章，外链栏目没有文章。请先在“首页布局”中删除它的区块并发布。" : null)
            ?? (role != ChannelDisclosureRole.None || Catalogue.SectionChannelId(tree) == channel.Id
                ? "政府信息公开的栏目不能改为外链栏目。" : null);
    }

    /// <summary>What is wrong with an 外链 channel's address: required, a complete web address, not too long.</summary>
    public static string? LinkProblem(string linkUrl) =>
        linkUrl.Length == 0 ? "外链栏目须填写链接地址，例如 https://www.jszwfw.gov.cn/ 。"
        : linkUrl.Length > ExternalLinks.MaxLength ? $"链接地址不能超过 {ExternalLinks.MaxLength} 个字符。"
        : ExternalLinks.Problem(linkUrl);

    /// <summary>Why a channel cannot be put under <paramref name="parentId"/>: an 外链 has no sub-channels.</summary>
    public static string? ParentProblem(IEnumerable<Channel> channels, int? parentId) =>
        parentId is { } id && channels.FirstOrDefault(c => c.Id == id) is { Type: ChannelType.Link } parent
            ? $"“{parent.Name}”是外链栏目，不能有子栏目。请选择其他上级栏目。"
            : null;

    /// <summary>A 专题's introduction as one paragraph of plain text: line breaks become spaces.</summary>
    public static (string Text, string? Problem) Introduction(string text)
    {
        var cleaned = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Trim()).Where(line => line.Length > 0));
        return cleaned.Length > ChannelTypes.MaxIntroductionLength
            ? (cleaned, $"专题简介不能超过 {ChannelTypes.MaxIntroductionLength} 个字。")
            : cleaned.Any(char.IsControl) ? (cleaned, "专题简介中有不可见的控制字符。")
            : (cleaned, null);
    }

    /// <summary>
    /// The banner picture as it will be kept (re-encoded like every picture), or why not: only a 专题 has one, it must
    /// be a picture, and a banner needs its 替代文字.
    /// </summary>
    public static (AcceptedUpload? Picture, string? Problem) Banner(ChannelType type, ChannelSettingsForm form,
        bool hasBanner, string alt)
    {
        AcceptedUpload? picture = null;
        if (form.NewBanner is { } upload)
        {
            if (type != ChannelType.Topic) return (null, "只有专题栏目可以设置横幅图片。");
            var (kept, error) = UploadRules.Accept(upload.FileName, upload.Content);
            if (kept is null) return (null, "横幅图片未保存：" + error);
            if (kept.Width == 0) return (null, "横幅须是 jpg、png 或 gif 图片。");
            picture = kept;
        }
        var willHaveBanner = picture is not null || (hasBanner && !form.RemoveBanner);
        if (type == ChannelType.Topic && willHaveBanner && alt.Length == 0)
            return (null, "请填写横幅图片的替代文字：读屏软件会读出它，看不到图片的读者靠它知道图片说的是什么。");
        if (alt.Length > ChannelTypes.MaxBannerAltLength)
            return (null, $"横幅图片的替代文字不能超过 {ChannelTypes.MaxBannerAltLength} 个字。");
        if (alt.Any(char.IsControl)) return (null, "横幅图片的替代文字中有不可见的控制字符。");
        return (picture, null);
    }
}
