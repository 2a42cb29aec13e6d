using GovPortal.BackOffice.Pages;
using GovPortal.BackOffice.Workflow;
using GovPortal.Content;

namespace GovPortal.BackOffice.Articles;

public sealed record ChannelOption(int Id, string Label);

public sealed record ArticleEditPageModel(Shell Shell, int ArticleId, ArticleForm Form,
    IReadOnlyList<ChannelOption> Channels,
    IReadOnlyList<RevisionFile> Files, string? Error, string? StateNote, bool EditorInstalled,
    IReadOnlyDictionary<string, IReadOnlyList<Content.Kinds.ChoiceOption>>? Choices = null,
    IReadOnlyList<Content.Kinds.ContentKind>? Kinds = null);

public sealed record ArticleViewPageModel(Shell Shell, Article Article, Revision Current,
    IReadOnlyList<Revision> History,
    IReadOnlyDictionary<int, string> ChannelNames, ArticleActions Actions, string ScheduleDefault,
    IReadOnlyList<ShownFinding> Findings)
{
    public int Warnings => Findings.Count(f => !f.Blocking);
}

public sealed record ArticleListPageModel(Shell Shell, IReadOnlyList<ArticleRow> Rows,
    IReadOnlyList<ChannelOption> Channels, int? ChannelId,
    string? State, string Query, int Page, int PageCount, int Total);

public sealed record DiffField(string Label, List<DiffSegment> Segments);

/// <summary>A rich-text field's changes, paragraph by paragraph.</summary>
public sealed record DiffBody(string Label, List<List<DiffSegment>> Paragraphs);

public sealed record DiffPageModel(Shell Shell, int ArticleId, string Title, Revision From, Revision To,
    IReadOnlyList<Revision> History,
    IReadOnlyList<DiffField> Fields, IReadOnlyList<DiffBody> Bodies);

public sealed record ForcedRow(int RevisionId, int ArticleId, string Title, string ChannelName, string PublishedBy,
    DateTime? PublishedAtUtc, string Reason, string ReviewedBy, bool CanConfirm);

public sealed record ForcedPageModel(Shell Shell, IReadOnlyList<ForcedRow> Rows);
