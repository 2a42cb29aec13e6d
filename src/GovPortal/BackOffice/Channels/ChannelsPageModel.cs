using GovPortal.BackOffice.Articles;
using GovPortal.Content;

namespace GovPortal.BackOffice.Channels;

public sealed record ChannelRow(Channel Channel, string Label, string Url, int ArticleCount);

public sealed record ChannelsPageModel(Pages.Shell Shell, IReadOnlyList<ChannelRow> Rows,
    IReadOnlyList<ChannelOption> Parents, ChannelFormProblem? Problem = null);

/// <summary>
/// A refused channel form, shown again where it was filled in: the message, and what was typed (a chosen picture
/// excepted: a browser never fills a file field in again).
/// </summary>
/// <param name="ChannelId">The channel whose settings were refused; null for the new-channel form.</param>
/// <param name="Typed">The settings as typed, on a copy of the channel; null for the new-channel form.</param>
public sealed record ChannelFormProblem(int? ChannelId, string Message, Channel? Typed = null,
    NewChannelForm? TypedNew = null);
