using GovPortal.BackOffice.Articles;
using GovPortal.Content;

namespace GovPortal.BackOffice.Channels;

public sealed record ChannelRow(Channel Channel, string Label, string Url, int ArticleCount);

public sealed record ChannelsPageModel(Pages.Shell Shell, IReadOnlyList<ChannelRow> Rows,
    IReadOnlyList<ChannelOption> Parents);
