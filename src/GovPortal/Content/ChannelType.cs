namespace GovPortal.Content;

/// <summary>What a channel's address shows. Set in 栏目管理; a channel's type decides which pages it has.</summary>
public enum ChannelType
{
    /// <summary>列表: its articles, newest first, twenty to a page.</summary>
    List,

    /// <summary>
    /// 单页: one page (机构职能, 领导信息, 网站简介) that shows the channel's first article in full. The page is written,
    /// reviewed and published as an article, so it keeps its history and passes the same checks.
    /// </summary>
    SinglePage,

    /// <summary>外链: a navigation entry that opens another address (办事服务); no page, no articles.</summary>
    Link,

    /// <summary>专题: a topic with its own banner and introduction above the blocks of its sub-channels.</summary>
    Topic,
}

/// <summary>How a channel's list page shows each article.</summary>
public enum ListStyle
{
    /// <summary>标题和日期.</summary>
    Titles,

    /// <summary>标题、日期和摘要.</summary>
    Summaries,

    /// <summary>图片列表: the 题图 large above the title.</summary>
    Pictures,
}

public static class ChannelTypes
{
    public const int MaxIntroductionLength = 300;
    public const int MaxBannerAltLength = 100;

    public static string Label(ChannelType type) => type switch
    {
        ChannelType.SinglePage => "单页",
        ChannelType.Link => "外链",
        ChannelType.Topic => "专题",
        _ => "列表",
    };

    public static string Label(ListStyle style) => style switch
    {
        ListStyle.Summaries => "标题、日期和摘要",
        ListStyle.Pictures => "图片列表（显示题图）",
        _ => "标题和日期",
    };

    /// <summary>Whether articles can be written into the channel: an 外链 has nowhere to show them.</summary>
    public static bool HoldsArticles(this Channel channel) => channel.Type != ChannelType.Link;
}
