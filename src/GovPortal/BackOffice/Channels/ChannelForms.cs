namespace GovPortal.BackOffice.Channels;

/// <summary>What the form for a new channel sends; nothing here is trusted.</summary>
/// <param name="ParentId">Null for a top-level channel.</param>
/// <param name="Type">The name of a <see cref="Content.ChannelType"/>; empty means 列表.</param>
/// <param name="LinkUrl">Where an 外链 channel leads.</param>
public sealed record NewChannelForm(string Name, string Slug, int? ParentId, string Type = "", string LinkUrl = "");


/// <summary>
/// What a channel's settings form sends; nothing here is trusted. The two numbers a person types stay text, so that
/// "not a number" gets its own answer rather than reading as 0.
/// </summary>
/// <param name="ParentId">Null for a top-level channel.</param>
/// <param name="UpdateFrequencyDays">Whole days, or empty for "no rule".</param>
/// <param name="DisclosureRole">The name of a <see cref="Content.ChannelDisclosureRole"/>; empty means none.</param>
public sealed record ChannelSettingsForm(
    string Name,
    int? ParentId,
    string SortOrder,
    int ReviewLevels,
    string UpdateFrequencyDays,
    string DisclosureRole = "")
{
    /// <summary>The name of a <see cref="Content.ChannelType"/>; empty keeps the channel's type.</summary>
    public string Type { get; init; } = "";

    /// <summary>The name of a <see cref="Content.ListStyle"/>; empty keeps the channel's style.</summary>
    public string ListStyle { get; init; } = "";

    public string LinkUrl { get; init; } = "";

    /// <summary>接受报送: other sites of the platform may submit articles to the channel.</summary>
    public bool TakesSubmissions { get; init; }

    public string Introduction { get; init; } = "";
    public string BannerAlt { get; init; } = "";
    public bool RemoveBanner { get; init; }
    public Files.PictureUpload? NewBanner { get; init; }
}
