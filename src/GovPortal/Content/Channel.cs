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
}
