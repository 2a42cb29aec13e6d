namespace GovPortal.Content;

/// <summary>A column (栏目) of the site. Channels form a tree; articles belong to one channel.</summary>
public sealed class Channel
{
    public int Id { get; set; }

    /// <summary>The site whose tree the channel is part of; a channel's parent is always of the same site.</summary>
    public int SiteId { get; set; }

    public int? ParentId { get; set; }
    public Channel? Parent { get; set; }
    public List<Channel> Children { get; set; } = [];

    public required string Name { get; set; }

    /// <summary>
    /// URL segment of this channel, e.g. "xcyw"; the channel's address is its ancestors' slugs joined.
    /// </summary>
    public required string Slug { get; set; }

    public int SortOrder { get; set; }

    /// <summary>How often the channel must get new content (e.g. 要闻 14 days); null when no rule applies.</summary>
    public int? UpdateFrequencyDays { get; set; }

    /// <summary>Whether the home page shows a block with this channel's newest articles.</summary>
    public bool ShowOnHome { get; set; }

    /// <summary>
    /// How many review levels (一审 … 三审) content of this channel passes before it can be published: 1 to 3.
    /// </summary>
    public int ReviewLevels { get; set; } = 1;

    /// <summary>Where the 政府信息公开 section's home links to this channel, if at all.</summary>
    public ChannelDisclosureRole DisclosureRole { get; set; }

    /// <summary>
    /// 接受报送: other sites of the platform may submit their published articles to this channel (信息报送), which
    /// its reviewers accept or return.
    /// </summary>
    public bool TakesSubmissions { get; set; }

    /// <summary>What the channel's address shows: a list, a single page, a link elsewhere or a topic.</summary>
    public ChannelType Type { get; set; }

    /// <summary>How the channel's list pages show each article.</summary>
    public ListStyle ListStyle { get; set; }

    /// <summary>Where an 外链 channel leads (an absolute http or https address); "" for every other type.</summary>
    public string LinkUrl { get; set; } = "";

    /// <summary>A 专题's introduction, shown under its banner: plain text, "" for none.</summary>
    public string Introduction { get; set; } = "";

    /// <summary>
    /// A 专题's banner picture, by its published name (<c>{stored}.{ext}</c>, see
    /// <see cref="Uploads.ArticlePictures.NameOf"/>); "" for none. Re-encoded on upload like every picture.
    /// </summary>
    public string BannerImage { get; set; } = "";

    /// <summary>The banner's 替代文字: required whenever there is a banner.</summary>
    public string BannerAlt { get; set; } = "";

    public int BannerWidth { get; set; }
    public int BannerHeight { get; set; }
}
