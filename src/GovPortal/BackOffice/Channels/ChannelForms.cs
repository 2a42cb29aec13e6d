namespace GovPortal.BackOffice.Channels;

/// <summary>What the form for a new channel sends; nothing here is trusted.</summary>
/// <param name="ParentId">Null for a top-level channel.</param>
public sealed record NewChannelForm(string Name, string Slug, int? ParentId);

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
    bool ShowOnHome,
    string DisclosureRole = "");
